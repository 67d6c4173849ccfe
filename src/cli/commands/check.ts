// `migrate check <dir>`: list the `// @migrate-todo(CODE): …` markers left in the sources; exit 2
// while any remain (so CI can hold a migration until a person has dealt with each one), 0 when none,
// 1 when apply never ran there (nothing to check).

import { projectDirFrom } from "../../discovery/root.ts";
import type { Command } from "commander";
import type { CliIo } from "../io.ts";

export function register(program: Command, io: CliIo): void {
  program
    .command("check")
    .description("list the @migrate-todo markers left; exit 2 while any remain")
    .argument("[dir]", "folder of the migrated app (default: the project the current folder is in — the nearest folder up with migrate.config.*, package.json or .git — else the current folder)")
    .option("--json", "print the markers as JSON")
    .action(async (given: string | undefined, options: { json?: boolean }) => {
      const dir = given ?? projectDirFrom(io.cwd);
      io.setExitCode(await (await import("../run/check.ts")).runCheck(dir, options, io));
    });
}
