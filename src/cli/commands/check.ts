// `migrate check <dir>`: list the `// @migrate-todo(CODE): …` markers left in the sources; exit 2
// while any remain (so CI can hold a migration until a person has dealt with each one), 0 when none.

import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import fg from "fast-glob";
import { checkRoot } from "../../discovery/index.ts";
import { findMarkers, type FoundMarker } from "../../apply/markers.ts";
import { decode } from "../../apply/file-text.ts";
import { EXIT_MARKERS_LEFT, EXIT_OK } from "../exit-codes.ts";
import { colorsFor, type CliIo } from "../io.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command, io: CliIo): void {
  program
    .command("check")
    .description("list the @migrate-todo markers left; exit 2 while any remain")
    .argument("<dir>", "folder of the migrated app")
    .option("--json", "print the markers as JSON")
    .action(async (dir: string, options: { json?: boolean }) => {
      io.setExitCode(await runCheck(dir, options, io));
    });
}

export async function listMarkers(root: string): Promise<FoundMarker[]> {
  const files = await fg(["**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}"], { cwd: root, ignore: ["**/node_modules/**", "**/.git/**", "**/.migrate/**", "**/dist/**"], dot: false });
  const found: FoundMarker[] = [];
  for (const file of files.sort()) found.push(...findMarkers(file, decode(await readFile(join(root, file)))));
  return found;
}

export async function runCheck(dir: string, options: { json?: boolean }, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, dir);
  const problem = await checkRoot(root, dir);
  if (problem) throw new UsageError(problem.message, problem.code);
  const markers = await listMarkers(root);
  if (options.json) io.stdout.write(`${JSON.stringify({ markers }, null, 2)}\n`);
  else {
    const colors = colorsFor(io.stdout, io.env);
    for (const m of markers) io.stdout.write(`${colors.dim(`${m.file}:${m.line}`)} ${colors.yellow(m.code)}: ${m.message}\n`);
    io.stdout.write(markers.length === 0 ? "No @migrate-todo markers left.\n" : `\n${markers.length} marker(s) left.\n`);
  }
  return markers.length > 0 ? EXIT_MARKERS_LEFT : EXIT_OK;
}
