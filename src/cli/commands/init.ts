// `migrate init [dir]`: writes a commented config to start from — migrate.config.ts through the
// package's `defineConfig` when the project can import liveview-migrate, else migrate.config.json
// pointing at the JSON Schema the package ships. Never overwrites a config (--force does).

import type { Command } from "commander";
import type { CliIo } from "../io.ts";

export function register(program: Command, io: CliIo): void {
  program
    .command("init")
    .description("write a commented migrate.config.ts (or .json) to start from")
    .argument("[dir]", "the app's folder", ".")
    .option("--format <ts|json>", "migrate.config.ts (default when the app can import liveview-migrate) or migrate.config.json")
    .option("--force", "replace a config that exists")
    .action(async (dir: string, options: { format?: string; force?: boolean }) => {
      io.setExitCode(await (await import("../run/init.ts")).runInit(dir, options, io));
    });
}
