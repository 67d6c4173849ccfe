// `migrate revert <dir>`: restore every file apply changed (from the journal's backups) and remove the
// files it created. A file edited by hand since apply is left alone and reported, unless --force.
// After a killed apply: its temp files are removed first, and its run is undone like any other.

import { resolve } from "node:path";
import { projectDirFrom } from "../../discovery/root.ts";
import type { Command } from "commander";
import { checkRoot } from "../../discovery/index.ts";
import { revertJournal } from "../../apply/journal.ts";
import { EXIT_FILES_FAILED, EXIT_OK } from "../exit-codes.ts";
import { colorsFor, say, type CliIo } from "../io.ts";
import { staleTempLines } from "../recovery-notes.ts";
import { UsageError } from "../usage-error.ts";

export function register(program: Command, io: CliIo): void {
  program
    .command("revert")
    .description("restore what `migrate apply` changed (from .migrate/journal.json)")
    .argument("[dir]", "folder apply ran on (default: the project the current folder is in — the nearest folder up with migrate.config.*, package.json or .git — else the current folder)")
    .option("--force", "also restore files edited since apply")
    .action(async (given: string | undefined, options: { force?: boolean }) => {
      const dir = given ?? projectDirFrom(io.cwd);
      const root = resolve(io.cwd, dir);
      const problem = await checkRoot(root, dir);
      if (problem) throw new UsageError(problem.message, problem.code);
      const result = await revertJournal(root, { force: options.force });
      const colors = colorsFor(io.stdout, io.env);
      const errorColors = colorsFor(io.stderr, io.env);
      io.stderr.write(staleTempLines(result.staleTemps, errorColors));
      if (result.running !== undefined) {
        io.stderr.write(`${errorColors.red("refused:")} an apply (process ${result.running}) is still writing to this folder: wait for it to end\n`);
        io.setExitCode(EXIT_FILES_FAILED);
        return;
      }
      for (const file of result.restored) say(io, `${colors.green("restored")} ${file}\n`);
      for (const file of result.removed) say(io, `${colors.green("removed ")} ${file}\n`);
      for (const c of result.conflicts) io.stderr.write(`${colors.yellow("kept    ")} ${c.file}: ${c.message}\n`);
      if (result.restored.length + result.removed.length + result.conflicts.length === 0) say(io, "Nothing to revert.\n");
      io.setExitCode(result.conflicts.length > 0 ? EXIT_FILES_FAILED : EXIT_OK);
    });
}
