// The analyzed folder itself: found from the current folder when a command is given none (the
// nearest folder up with a migrate.config.*, a package.json or a .git: the project a file or folder
// belongs to; in a plain folder, a Deno app, the current directory), and a missing, non-folder or empty
// root is a usage mistake (exit 64), told plainly, before any work starts.

import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative } from "node:path";
import { CONFIG_FILES } from "../config/files.ts";

export interface RootProblem {
  code: "ROOT_MISSING" | "ROOT_NOT_DIRECTORY" | "ROOT_UNREADABLE" | "ROOT_EMPTY" | "NO_SOURCE_FILES";
  message: string;
}

export async function checkRoot(root: string, shownAs: string = root): Promise<RootProblem | null> {
  let info;
  try {
    info = await stat(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { code: "ROOT_MISSING", message: `directory not found: ${shownAs}` };
    return { code: "ROOT_UNREADABLE", message: `cannot open ${shownAs}: ${(error as Error).message}` };
  }
  if (!info.isDirectory()) return { code: "ROOT_NOT_DIRECTORY", message: `not a directory: ${shownAs} (give the folder that holds your live views)` };
  try {
    const entries = await readdir(root);
    if (entries.length === 0) return { code: "ROOT_EMPTY", message: `directory is empty: ${shownAs}` };
  } catch (error) {
    return { code: "ROOT_UNREADABLE", message: `cannot list ${shownAs}: ${(error as Error).message}` };
  }
  return null;
}

export function noSourceFilesProblem(shownAs: string, filtered: boolean): RootProblem {
  const why = filtered ? " (after --include / --exclude, .gitignore and the default excludes)" : " (after .gitignore and the default excludes)";
  return { code: "NO_SOURCE_FILES", message: `no .ts, .tsx, .js, .mjs or .cjs files found in ${shownAs}${why}` };
}

/**
 * The folder a command works on when none is given: the project the current folder is in (the same
 * search as for a file in it), as a path relative to it ("." for itself).
 */
export function projectDirFrom(cwd: string): string {
  return relative(cwd, findProjectRoot(join(cwd, "-"), cwd)) || ".";
}

/** The project `file` belongs to (explain's default root); in a plain folder, the current one when the file is in it, else the file's folder. */
export function findProjectRoot(file: string, cwd: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if ([...CONFIG_FILES, "package.json", ".git"].some((name) => existsSync(join(dir, name)))) return dir;
    if (dirname(dir) === dir) break;
  }
  const fromCwd = relative(cwd, file);
  return fromCwd.startsWith("..") || isAbsolute(fromCwd) ? dirname(file) : cwd;
}
