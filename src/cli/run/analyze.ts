// `migrate analyze <dir>`: classify every view's state, print a summary (or the plan as --json),
// write the plan (--out) and the HTML report. Exit 0 when every file was analyzed, 1 when some failed.

import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { checkRoot, discoverFiles, noSourceFilesProblem, type Discovery } from "../../discovery/index.ts";
import { isFileFailure } from "../../plan/build.ts";
import { selectShard, type ShardSpec } from "../../pipeline/shard.ts";
import { serializePlan } from "../../plan/serialize.ts";
import type { PlanPart } from "../../plan/merge.ts";
import type { Plan } from "../../plan/types.ts";
import type { AnalyzeProgress } from "../../pipeline/analyze.ts";
import { ensureMigrateDir } from "../../apply/migrate-dir.ts";
import { defaultReportPath, formatTerminalSummary, renderHtmlReport, writeHtmlReport } from "../../reports/index.ts";
import { EXIT_FILES_FAILED, EXIT_OK } from "../exit-codes.ts";
import { colorsFor, say, type CliIo } from "../io.ts";
import { createProgressDisplay } from "../progress.ts";
import { UsageError } from "../usage-error.ts";
import { configAnalyzeOptions, loadConfigOrThrow } from "../../config/cli.ts";
import type { AnalyzeCommandOptions } from "../commands/analyze.ts";

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
