// `migrate apply <dir>`: carry out the plan (from --plan, or a fresh analysis): write components and
// commands, markers where the tool cannot migrate safely, migration.patch and the HTML diff report.
// Exit 0 clean, 2 markers left, 1 refused or failed part-way.

import { readFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { configAnalyzeOptions, loadConfigOrThrow } from "../../config/cli.ts";
import { checkRoot } from "../../discovery/index.ts";
import { selectShard, type ShardSpec } from "../../pipeline/shard.ts";
import type { Plan, ViewPlan } from "../../plan/types.ts";
// apply-project (ts-morph, prettier) and the diff report (diff2html) load when the command runs, not for --help
import type { ApplyInput } from "../../apply/apply-project.ts";
import { injectionFromEnv, writeFileIfChanged } from "../../apply/atomic-write.ts";
import { ensureMigrateDir } from "../../apply/migrate-dir.ts";
import { EXIT_FILES_FAILED, EXIT_MARKERS_LEFT, EXIT_OK } from "../exit-codes.ts";
import { colorsFor, detail, say, type CliIo } from "../io.ts";
import { createProgressDisplay } from "../progress.ts";
import { recoveryLines } from "../recovery-notes.ts";
import { UsageError } from "../usage-error.ts";
import { APPLY_PATCH, APPLY_REPORT, type ApplyCommandOptions } from "../commands/apply.ts";

export async function runApply(dir: string, options: ApplyCommandOptions, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, dir);
  const problem = await checkRoot(root, dir);
  if (problem) throw new UsageError(problem.message, problem.code);
  const colors = colorsFor(io.stdout, io.env);

  if (options.shard && !options.plan) throw new UsageError("--shard needs --plan: every shard must apply the same plan", "SHARD_WITHOUT_PLAN");
  // Same config rules as `migrate analyze`: overrides and minConfidence must hold without --plan too;
  // its `layout` applies either way.
  const config = await loadConfigOrThrow(root);
  let plan: ApplyInput | undefined;
  if (options.plan) {
    const planPath = resolve(io.cwd, options.plan);
    let parsed: Plan;
    try {
      parsed = JSON.parse(await readFile(planPath, "utf8")) as Plan;
    } catch (error) {
      throw new UsageError(`cannot read the plan ${options.plan}: ${error instanceof Error ? error.message : String(error)}`, "BAD_PLAN");
    }
    if (!Array.isArray(parsed.views) || !Array.isArray(parsed.files)) throw new UsageError(`${options.plan} is not a plan written by \`migrate analyze --out\``, "BAD_PLAN");
    plan = parsed;
  }
  // Recovery from a killed run and the dirty check come before the analysis: it must read the tree
  // as the resumed run will find it (and a refusal costs no analysis).
  const { applyProject, prepareApply } = await import("../../apply/apply-project.ts");
  const prepared = await prepareApply(root, { dryRun: options.dryRun, allowDirty: options.allowDirty });
  // refused: applyProject hands back prepared.problem before it looks at any view
  if (prepared.problem) plan = { views: [] };
  // one bar for the run: the analysis over files, then the views (on a terminal, past a second)
  const progress = createProgressDisplay(io, options.progress !== false);
  if (!plan) {
    const { analyzeProject } = await import("../../pipeline/analyze.ts");
    plan = (await analyzeProject(root, { ...configAnalyzeOptions(config), onProgress: (event) => progress.update(event) })).plan;
  }
  progress.stop();
  const viewProgress = createProgressDisplay(io, options.progress !== false, Date.now, "views");

  const result = await applyProject({
    root,
    plan,
    dryRun: options.dryRun,
    allowDirty: options.allowDirty,
    fromPlanFile: options.plan !== undefined,
    only: both(options.only?.length ? viewFilter(options.only) : undefined, options.shard ? shardFilter(plan, options.shard) : undefined),
    // Shards see only their own views: the server wiring, which needs every view's outcome, is left to a final plain apply.
    wire: options.shard && options.shard.count > 1 ? false : undefined,
    typeCheck: options.typeCheck,
    bundleCheck: options.bundleCheck,
    injection: injectionFromEnv(io.env),
    prepared,
    layout: config?.config.layout,
    onProgress: (event) => viewProgress.update(event),
  }).finally(() => viewProgress.stop());

  io.stderr.write(recoveryLines(result.recovery, colorsFor(io.stderr, io.env)));
  for (const warning of result.warnings) io.stderr.write(`${colors.yellow("warning:")} ${warning}\n`);
  if (result.problem && result.problem.code !== "WRITE_FAILED") {
    io.stderr.write(`${colors.red("refused:")} ${result.problem.message}\n${result.problem.files.map((f) => `  ${f}\n`).join("")}`);
    return EXIT_FILES_FAILED;
  }
  if (options.dryRun) {
    io.stdout.write(result.patch);
    io.stderr.write(`dry run: ${result.changes.length} file(s) would change; nothing was written\n`);
    return EXIT_OK;
  }

  // A run that changes no file writes neither: the patch and report of the last run that did stay.
  const changed = result.changes.length > 0;
  const patchPath = join(root, APPLY_PATCH);
  let reportPath: string | undefined;
  if (changed) {
    await ensureMigrateDir(root);
    await writeFileIfChanged(patchPath, result.patch);
    if (options.report !== false) {
      reportPath = options.report ? resolve(io.cwd, options.report) : join(root, APPLY_REPORT);
      const { renderDiffReport } = await import("../../reports/diff-report.ts");
      await writeFileIfChanged(reportPath, renderDiffReport(result, { rootLabel: dir, root, patchPath: relative(root, patchPath), editorLink: options.editorLink ?? config?.config.report?.editorLink }));
    }
  }

  const markers = result.views.reduce((n, v) => n + v.markers.length, 0);
  for (const view of result.views) {
    const mark = view.outcome === "migrated" ? colors.green("migrated") : view.outcome === "blocked" ? colors.yellow("markers ") : colors.dim("unchanged");
    say(io, `${mark}  ${view.viewId}${view.component && view.outcome === "migrated" ? ` → ${view.component.file}` : ""}\n`);
    for (const m of view.markers) say(io, `           ${colors.dim(`${m.file}:${m.line}`)} ${m.code}: ${m.message}\n`);
    for (const note of view.notes) detail(io, `           ${colors.dim(note)}\n`);
  }
  const counts = (outcome: string) => result.views.filter((v) => v.outcome === outcome).length;
  say(io, `\n${colors.bold(`${counts("migrated")} migrated, ${counts("blocked")} left with ${markers} marker(s), ${counts("already-migrated")} already migrated; ${result.written.length} file(s) written`)}\n`);
  // package.json files apply added dependencies to: the app installs them before it runs
  for (const change of result.changes.filter((c) => c.file === "package.json" || c.file.endsWith("/package.json"))) {
    if (!result.written.includes(change.file)) continue;
    const names = (text: string | null) => Object.keys((JSON.parse(text ?? "{}") as { dependencies?: object }).dependencies ?? {});
    const added = names(change.after).filter((name) => !names(change.before).includes(name));
    if (added.length > 0) say(io, `${change.file}: added ${added.join(", ")} to dependencies; run npm install\n`);
  }
  if (changed) {
    say(io, `Patch: ${shown(patchPath, io.cwd)}\n`);
    if (reportPath) say(io, `HTML diff report: ${shown(reportPath, io.cwd)}\n`);
  } else {
    say(io, "No file changed: the patch and the report were not rewritten.\n");
  }
  if (result.problem) {
    io.stderr.write(`${colors.red("error:")} ${result.problem.message}\n`);
    return EXIT_FILES_FAILED;
  }
  return markers > 0 ? EXIT_MARKERS_LEFT : EXIT_OK;
}

/** --shard K/N: the views whose file shard K owns (the same split `migrate analyze --shard` uses). */
export function shardFilter(plan: ApplyInput, shard: ShardSpec): (view: ViewPlan) => boolean {
  const owned = new Set(selectShard(plan.files ?? [], shard.index, shard.count).map((f) => f.path));
  return (view) => owned.has(view.file);
}

function both<T>(a: ((x: T) => boolean) | undefined, b: ((x: T) => boolean) | undefined): ((x: T) => boolean) | undefined {
  if (!a || !b) return a ?? b;
  return (x) => a(x) && b(x);
}

/** --only: a view id, a view name, or a glob on its file. */
export function viewFilter(patterns: string[]): (view: ViewPlan) => boolean {
  const globs = patterns.map((p) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*\*/g, "\u0000").replace(/\*/g, "[^/]*").replace(/\u0000/g, ".*")}$`));
  return (view) => patterns.includes(view.id) || patterns.includes(view.name) || globs.some((g) => g.test(view.file));
}

function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}
