// `migrate revert <dir>`: restore every file apply changed (from the journal's backups) and remove the
// files it created. A file edited by hand since apply is left alone and reported, unless --force.
// After a killed apply: its temp files are removed first, and its run is undone like any other.

import { resolve } from "node:path";
import { checkRoot } from "../../discovery/index.ts";
import { revertJournal } from "../../apply/journal.ts";
import { EXIT_FILES_FAILED, EXIT_OK } from "../exit-codes.ts";
import { colorsFor, say, type CliIo } from "../io.ts";
import { staleTempLines } from "../recovery-notes.ts";
import { UsageError } from "../usage-error.ts";

export async function runRevert(dir: string, options: { force?: boolean }, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, dir);
  const problem = await checkRoot(root, dir);
  if (problem) throw new UsageError(problem.message, problem.code);
  const result = await revertJournal(root, { force: options.force });
  const colors = colorsFor(io.stdout, io.env);
  const errorColors = colorsFor(io.stderr, io.env);
  io.stderr.write(staleTempLines(result.staleTemps, errorColors));
  if (result.running !== undefined) {
    io.stderr.write(`${errorColors.red("refused:")} an apply (process ${result.running}) is still writing to this folder: wait for it to end\n`);
    return EXIT_FILES_FAILED;
  }
  for (const file of result.restored) say(io, `${colors.green("restored")} ${file}\n`);
  for (const file of result.removed) say(io, `${colors.green("removed ")} ${file}\n`);
  for (const c of result.conflicts) io.stderr.write(`${colors.yellow("kept    ")} ${c.file}: ${c.message}\n`);
  if (result.restored.length + result.removed.length + result.conflicts.length === 0) say(io, "Nothing to revert.\n");
  return result.conflicts.length > 0 ? EXIT_FILES_FAILED : EXIT_OK;
}
