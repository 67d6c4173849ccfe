// `migrate revert <dir>`: restore every file apply changed (from the journal's backups) and remove the
// files it created. A file edited by hand since apply is left alone and reported, unless --force.
// After a killed apply: its temp files are removed first, and its run is undone like any other.

import { projectDirFrom } from "../../discovery/root.ts";
import type { Command } from "commander";
import type { CliIo } from "../io.ts";

export function register(program: Command, io: CliIo): void {
  program
    .command("revert")
    .description("restore what `migrate apply` changed (from .migrate/journal.json)")
    .argument("[dir]", "folder apply ran on (default: the project the current folder is in — the nearest folder up with migrate.config.*, package.json or .git — else the current folder)")
    .option("--force", "also restore files edited since apply")
    .action(async (given: string | undefined, options: { force?: boolean }) => {
      io.setExitCode(await (await import("../run/revert.ts")).runRevert(given ?? projectDirFrom(io.cwd), options, io));
    });
}
