// Where `migrate explain` analyzes from when --root is not given: the nearest folder above the file
// holding a migrate.config.*, a package.json or a .git (the project the file belongs to); in a plain
// folder (a Deno app, a few files) the current directory when the file is inside it, else the file's
// own folder.
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";
import { CONFIG_FILES } from "../config/load.ts";

/**
 * The folder a command works on when none is given: the project the current folder is in (the same
 * search as for a file in it), as a path relative to it ("." for itself).
 */
export function projectDirFrom(cwd: string): string {
  return relative(cwd, findProjectRoot(join(cwd, "-"), cwd)) || ".";
}

export function findProjectRoot(file: string, cwd: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if ([...CONFIG_FILES, "package.json", ".git"].some((name) => existsSync(join(dir, name)))) return dir;
    if (dirname(dir) === dir) break;
  }
  const fromCwd = relative(cwd, file);
  return fromCwd.startsWith("..") || isAbsolute(fromCwd) ? dirname(file) : cwd;
}

/** "<file>[:<view>[:<key>]]": the file part may not contain ":" (POSIX paths; a drive letter is kept). */
export function parseExplainTarget(text: string): { file: string; view?: string; key?: string } {
  const drive = /^[A-Za-z]:[\\/]/.test(text) ? text.slice(0, 2) : "";
  const [file, view, key, ...rest] = text.slice(drive.length).split(":");
  if (rest.length) throw new Error(`expected <file>[:<view>[:<key>]], got "${text}"`);
  return { file: drive + file!, ...(view ? { view } : {}), ...(key ? { key } : {}) };
}
