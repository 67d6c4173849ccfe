// `migrate apply <dir>`: carry out the plan (from --plan, or a fresh analysis): write components and
// commands, markers where the tool cannot migrate safely, migration.patch and the HTML diff report.
// Exit 0 clean, 2 markers left, 1 refused or failed part-way.

import { projectDirFrom } from "../../discovery/root.ts";
import type { Command } from "commander";
import type { ShardSpec } from "../../pipeline/shard.ts";
import { parseShard } from "./analyze.ts";
import type { CliIo } from "../io.ts";

export interface ApplyCommandOptions {
  plan?: string;
  dryRun?: boolean;
  allowDirty?: boolean;
  /** false for --no-report */
  report?: string | false;
  /** The report's link template (overrides the config's report.editorLink). */
  editorLink?: string;
  only?: string[];
  shard?: ShardSpec;
  typeCheck?: boolean;
  bundleCheck?: boolean;
  /** false for --no-progress */
  progress?: boolean;
}

export const APPLY_PATCH = ".migrate/migration.patch";

export const APPLY_REPORT = ".migrate/apply-report.html";

export function register(program: Command, io: CliIo): void {
  program
    .command("apply")
    .description("rewrite views into client components and server commands; write migration.patch and an HTML diff report")
    .argument("[dir]", "folder of the LiveViewJS app (default: the project the current folder is in — the nearest folder up with migrate.config.*, package.json or .git — else the current folder)")
    .option("--plan <file>", "apply this plan (from `migrate analyze --out`); files changed since are refused")
    .option("--dry-run", "print the unified diff and write nothing")
    .option("--allow-dirty", "apply even when the git work tree has uncommitted changes")
    .option("--only <view...>", "migrate only these views (ids, names, or file globs)")
    .option("--shard <K/N>", "with --plan: migrate only the views in the files shard K of N owns (a CI matrix; run a plain `migrate apply` once all shards have landed to wire the server)", parseShard)
    .option("--report <file>", `where to write the HTML diff report (default: <dir>/${APPLY_REPORT})`)
    .option("--no-report", "do not write the HTML diff report")
    .option("--editor-link <template>", "where the report's file:line links go: {file} (absolute path) and {line} (default: the config's report.editorLink, else vscode://file{file}:{line})")
    .option("--no-type-check", "skip the type check of the generated files")
    .option("--no-bundle-check", "skip the browser-bundle check for server-only modules")
    .option("--no-progress", "never show a progress bar (it only appears on a terminal, for runs over a second)")
    .addHelpText("after", "\nExamples:\n  migrate apply . --dry-run\n  migrate analyze . --out plan.json && migrate apply . --plan plan.json\n  migrate revert .   # undo what apply wrote")
    .action(async (given: string | undefined, options: ApplyCommandOptions) => {
      const dir = given ?? projectDirFrom(io.cwd);
      io.setExitCode(await (await import("../run/apply.ts")).runApply(dir, options, io));
    });
}
