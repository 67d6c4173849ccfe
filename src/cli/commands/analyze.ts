// `migrate analyze <dir>`: classify every view's state, print a summary (or the plan as --json),
// write the plan (--out) and the HTML report. Exit 0 when every file was analyzed, 1 when some failed.

import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { DEFAULT_MAX_FILE_BYTES, checkRoot, discoverFiles, noSourceFilesProblem } from "../../discovery/index.ts";
import { isFileFailure } from "../../plan/build.ts";
import { serializePlan } from "../../plan/serialize.ts";
import type { Plan } from "../../plan/types.ts";
import { defaultReportPath, formatTerminalSummary, renderHtmlReport, writeHtmlReport } from "../../reports/index.ts";
import { EXIT_FILES_FAILED, EXIT_OK } from "../exit-codes.ts";
import { colorsFor, type CliIo } from "../io.ts";
import { createProgressDisplay } from "../progress.ts";
import { UsageError } from "../usage-error.ts";

export interface AnalyzeCommandOptions {
  json?: boolean;
  out?: string;
  /** A path, false for --no-report, undefined for the default path. */
  report?: string | false;
  include?: string[];
  exclude?: string[];
  maxFileSize: number;
  progress: boolean;
}

export function register(program: Command, io: CliIo): void {
  program
    .command("analyze")
    .description("classify the state of every live view, print a summary and write an HTML report")
    .argument("<dir>", "folder of the LiveViewJS app (paths in the plan are relative to it)")
    .option("--json", "print the plan as JSON on stdout instead of the summary")
    .option("--out <file>", "also write the plan (the same JSON document) to <file>, for `migrate apply --plan`")
    .option("--report <file>", "where to write the HTML report (default: <dir>/.migrate/report.html)")
    .option("--no-report", "do not write the HTML report")
    .option("--include <glob...>", "analyze only files matching these globs (.gitignore syntax, relative to <dir>)")
    .option("--exclude <glob...>", "skip files and folders matching these globs (.gitignore syntax)")
    .option("--max-file-size <size>", "report files larger than this as TOO_LARGE instead of parsing them (bytes, or 512k, 2M)", parseSize, DEFAULT_MAX_FILE_BYTES)
    .option("--no-progress", "never show a progress bar (it only appears on a terminal, for runs over a second)")
    .addHelpText("after", "\nExamples:\n  migrate analyze .\n  migrate analyze apps/web --json > plan.json\n  migrate analyze . --out plan.json --exclude 'src/legacy/**'")
    .action(async (dir: string, options: AnalyzeCommandOptions) => {
      io.setExitCode(await runAnalyze(dir, options, io));
    });
}

export async function runAnalyze(dir: string, options: AnalyzeCommandOptions, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, dir);
  const problem = await checkRoot(root, dir);
  if (problem) throw new UsageError(problem.message, problem.code);

  const discovery = await discoverFiles(root, { include: options.include, exclude: options.exclude });
  if (discovery.files.length === 0 && discovery.errors.length === 0) {
    const filtered = (options.include?.length ?? 0) > 0 || (options.exclude?.length ?? 0) > 0;
    const empty = noSourceFilesProblem(dir, filtered);
    throw new UsageError(empty.message, empty.code);
  }

  // Loaded here, not at the top: the analyzer pulls in the TypeScript compiler, which `--help` does not need.
  const { analyzeProject } = await import("../../pipeline/analyze.ts");
  const progress = createProgressDisplay(io, options.progress !== false);
  let plan: Plan;
  try {
    ({ plan } = await analyzeProject(root, {
      discovery,
      maxFileBytes: options.maxFileSize,
      onProgress: (event) => progress.update(event),
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
    await writeHtmlReport(reportPath, renderHtmlReport(plan, { root, reportPath }));
    written.push(`HTML report: ${shownPath(reportPath, io.cwd)}`);
  }

  if (options.json) {
    io.stdout.write(planText);
    // stdout holds the JSON document only; where the files went is for the person, on stderr.
    if (written.length > 0) io.stderr.write(`${written.join("\n")}\n`);
  } else {
    const colors = colorsFor(io.stdout, io.env);
    io.stdout.write(formatTerminalSummary(plan, { colors }));
    if (written.length > 0) io.stdout.write(`\n${written.map((line) => colors.bold(line)).join("\n")}\n`);
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
