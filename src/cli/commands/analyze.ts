// `migrate analyze <dir>`: classify every view's state, print a summary (or the plan as --json),
// write the plan (--out) and the HTML report. Exit 0 when every file was analyzed, 1 when some failed.

import { projectDirFrom } from "../../discovery/root.ts";
import { InvalidArgumentError, type Command } from "commander";
import { DEFAULT_MAX_FILE_BYTES } from "../../discovery/defaults.ts";
import { parseShardSpec, type ShardSpec } from "../../pipeline/shard.ts";
import { DEFAULT_EDITOR_LINK } from "../../reports/editor-link.ts";
import type { CliIo } from "../io.ts";

export interface AnalyzeCommandOptions {
  json?: boolean;
  out?: string;
  /** A path, false for --no-report, undefined for the default path. */
  report?: string | false;
  /** The report's link template (overrides the config's report.editorLink). */
  editorLink?: string;
  include?: string[];
  exclude?: string[];
  maxFileSize: number;
  progress: boolean;
  workers?: number;
  shard?: ShardSpec;
  /** Seconds. */
  fileTimeout: number;
}

export function register(program: Command, io: CliIo): void {
  program
    .command("analyze")
    .description("classify the state of every live view, print a summary and write an HTML report")
    .argument("[dir]", "folder of the LiveViewJS app (paths in the plan are relative to it) (default: the project the current folder is in — the nearest folder up with migrate.config.*, package.json or .git — else the current folder)")
    .option("--json", "print the plan as JSON on stdout instead of the summary")
    .option("--out <file>", "also write the plan (the same JSON document) to <file>, for `migrate apply --plan`")
    .option("--report <file>", "where to write the HTML report (default: <dir>/.migrate/report.html)")
    .option("--no-report", "do not write the HTML report")
    .option("--editor-link <template>", `where the report's file:line links go: {file} (absolute path) and {line} (default: the config's report.editorLink, else ${DEFAULT_EDITOR_LINK})`)
    .option("--include <glob...>", "analyze only files matching these globs (.gitignore syntax, relative to <dir>)")
    .option("--exclude <glob...>", "skip files and folders matching these globs (.gitignore syntax)")
    .option("--max-file-size <size>", "report files larger than this as TOO_LARGE instead of parsing them (bytes, or 512k, 2M)", parseSize, DEFAULT_MAX_FILE_BYTES)
    .option("--workers <n>", "worker threads for the per-file analysis (default: 1 below 5,000 files, else up to 2 — where threads paid in bench/results-analyze.md)", parseWorkers)
    .option("--shard <K/N>", "analyze only shard K of N (CI matrices); --out gets a part for `migrate merge`", parseShard)
    .option("--file-timeout <seconds>", "with worker threads, report a file still being analyzed after this long as TIMEOUT", parseSeconds, 30)
    .option("--no-progress", "never show a progress bar (it only appears on a terminal, for runs over a second)")
    .addHelpText("after", "\nExamples:\n  migrate analyze .\n  migrate analyze apps/web --json > plan.json\n  migrate analyze . --out plan.json --exclude 'src/legacy/**'")
    .action(async (given: string | undefined, options: AnalyzeCommandOptions) => {
      const dir = given ?? projectDirFrom(io.cwd);
      io.setExitCode(await (await import("../run/analyze.ts")).runAnalyze(dir, options, io));
    });
}

function parseWorkers(text: string): number {
  const workers = Number(text);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new InvalidArgumentError(`--workers expects a whole number from 1 to 64, got "${text}"`);
  return workers;
}

/** Commander parser for --shard K/N (analyze and apply). */
export function parseShard(text: string): ShardSpec {
  const spec = parseShardSpec(text);
  if ("error" in spec) throw new InvalidArgumentError(spec.error);
  return spec;
}

function parseSeconds(text: string): number {
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError(`--file-timeout expects a number of seconds above 0, got "${text}"`);
  return seconds;
}

/** "1048576", "512k", "512KiB", "2M", "2MiB" → bytes. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(text);
  if (!match) throw new InvalidArgumentError(`expected a size like 1048576, 512k or 2M, got "${text}"`);
  const unit = (match[2] ?? "b").toLowerCase()[0];
  const factor = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number(match[1]) * factor);
  if (bytes < 1) throw new InvalidArgumentError(`the size must be at least 1 byte, got "${text}"`);
  return bytes;
}
