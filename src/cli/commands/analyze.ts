// `migrate analyze <dir>`: classify every view's state, print a summary (or the plan as --json),
// write the plan (--out) and the HTML report. Exit 0 when every file was analyzed, 1 when some failed.

import { mkdir, rename, writeFile } from "node:fs/promises";
import { projectDirFrom } from "../../discovery/root.ts";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { DEFAULT_MAX_FILE_BYTES, checkRoot, discoverFiles, noSourceFilesProblem, type Discovery } from "../../discovery/index.ts";
import { isFileFailure } from "../../plan/build.ts";
import { parseShardSpec, selectShard, type ShardSpec } from "../../pipeline/shard.ts";
import { serializePlan } from "../../plan/serialize.ts";
import type { PlanPart } from "../../plan/merge.ts";
import type { Plan } from "../../plan/types.ts";
import type { AnalyzeProgress } from "../../pipeline/analyze.ts";
import { ensureMigrateDir } from "../../apply/migrate-dir.ts";
import { DEFAULT_EDITOR_LINK, defaultReportPath, formatTerminalSummary, renderHtmlReport, writeHtmlReport } from "../../reports/index.ts";
import { EXIT_FILES_FAILED, EXIT_OK } from "../exit-codes.ts";
import { colorsFor, say, type CliIo } from "../io.ts";
import { createProgressDisplay } from "../progress.ts";
import { UsageError } from "../usage-error.ts";
import { configAnalyzeOptions, loadConfigOrThrow } from "../../config/cli.ts";

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
      io.setExitCode(await runAnalyze(dir, options, io));
    });
}

export async function runAnalyze(dir: string, options: AnalyzeCommandOptions, io: CliIo): Promise<number> {
  if (options.shard && !options.out) throw new UsageError("--shard writes a part file for `migrate merge`: give --out part-K.json");
  const root = resolve(io.cwd, dir);
  const problem = await checkRoot(root, dir);
  if (problem) throw new UsageError(problem.message, problem.code);

  // migrate.config.* at the root (issue 7): its include/exclude add to the command line's, its overrides go to the merge.
  const config = await loadConfigOrThrow(root);
  const fromConfig = configAnalyzeOptions(config, options);
  const discovery = await discoverFiles(root, { include: fromConfig.include, exclude: fromConfig.exclude });
  if (discovery.files.length === 0 && discovery.errors.length === 0) {
    const filtered = (options.include?.length ?? 0) > 0 || (options.exclude?.length ?? 0) > 0;
    const empty = noSourceFilesProblem(dir, filtered);
    throw new UsageError(empty.message, empty.code);
  }

  if (options.shard) return runAnalyzeShard(root, options.shard, discovery, options, io, config?.hash ?? null);

  // Loaded here, not at the top: the analyzer pulls in the TypeScript compiler, which `--help` does not need.
  const { analyzeProject } = await import("../../pipeline/analyze.ts");
  const progress = createProgressDisplay(io, options.progress !== false);
  let plan: Plan;
  try {
    ({ plan } = await analyzeProject(root, {
      ...perFileOptions(options, discovery, progress),
      overrides: fromConfig.overrides,
      configHash: fromConfig.configHash,
    }));
  } finally {
    progress.stop();
  }
  const planText = serializePlan(plan);
  const written: string[] = [];
  if (options.out) {
    const outPath = resolve(io.cwd, options.out);
    await writeAtomically(outPath, planText);
    written.push(`Plan: ${shownPath(outPath, io.cwd)}`);
  }
  if (options.report !== false) {
    const reportPath = options.report ? resolve(io.cwd, options.report) : defaultReportPath(root);
    // the default report creates .migrate: with the .gitignore that keeps it out of git status
    if (!options.report) await ensureMigrateDir(root);
    await writeHtmlReport(reportPath, renderHtmlReport(plan, { root, editorLink: options.editorLink ?? config?.config.report?.editorLink }));
    written.push(`HTML report: ${shownPath(reportPath, io.cwd)}`);
  }

  if (options.json) {
    io.stdout.write(planText);
    // stdout holds the JSON document only; where the files went is for the person, on stderr.
    if (written.length > 0) io.stderr.write(`${written.join("\n")}\n`);
  } else {
    const colors = colorsFor(io.stdout, io.env);
    say(io, formatTerminalSummary(plan, { colors }));
    if (written.length > 0) say(io, `\n${written.map((line) => colors.bold(line)).join("\n")}\n`);
  }
  return countFailedFiles(plan) > 0 ? EXIT_FILES_FAILED : EXIT_OK;
}

/** Files that could not be analyzed: a failed record, or a failure-coded error (symlink loops have no record). */
export function countFailedFiles(plan: Plan): number {
  const failed = new Set<string>();
  for (const file of plan.files) if (file.status === "error" || file.status === "timeout") failed.add(file.path);
  for (const error of plan.errors) if (isFileFailure(error)) failed.add(error.file);
  return failed.size;
}

/** `--shard K/N`: writes this shard's part (no summary, no report: those come from the merged plan). */
async function runAnalyzeShard(root: string, shard: ShardSpec, discovery: Discovery, options: AnalyzeCommandOptions, io: CliIo, configHash: string | null): Promise<number> {
  const { analyzeShard } = await import("../../pipeline/analyze.ts");
  const { serializePart } = await import("../../plan/merge.ts");
  const progress = createProgressDisplay(io, options.progress !== false);
  let part: PlanPart;
  try {
    part = await analyzeShard(root, shard, { ...perFileOptions(options, discovery, progress), configHash });
  } finally {
    progress.stop();
  }
  const text = serializePart(part);
  const outPath = resolve(io.cwd, options.out as string);
  await writeAtomically(outPath, text);
  if (options.json) io.stdout.write(text);
  // This shard's failures only: its files' analysis errors, and read errors of files it owns.
  const owned = new Set(selectShard(part.files, shard.index, shard.count).map((file) => file.path));
  const failed = new Set([
    ...part.facts.flatMap((facts) => facts.errors.filter(isFileFailure).map((error) => error.file)),
    ...part.errors.filter((error) => isFileFailure(error) && owned.has(error.file)).map((error) => error.file),
  ]);
  const note = `Analyzed shard ${shard.index}/${shard.count}: ${part.facts.length} of ${part.files.length} files, ${failed.size} failed → ${shownPath(outPath, io.cwd)}\n`;
  (options.json ? io.stderr : io.stdout).write(note);
  return failed.size > 0 ? EXIT_FILES_FAILED : EXIT_OK;
}

function parseWorkers(text: string): number {
  const workers = Number(text);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new InvalidArgumentError(`--workers expects a whole number from 1 to 64, got "${text}"`);
  return workers;
}

/** The per-file phase's options, the same for a whole run and for one shard. */
function perFileOptions(options: AnalyzeCommandOptions, discovery: Discovery, progress: ReturnType<typeof createProgressDisplay>) {
  return {
    discovery,
    maxFileBytes: options.maxFileSize,
    workers: options.workers,
    fileTimeoutMs: options.fileTimeout * 1000,
    onProgress: (event: AnalyzeProgress) => progress.update(event),
  };
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

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, text, "utf8");
  await rename(temp, path);
}

function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}
