// `migrate apply` as a function: (unless dry run) recovery from a killed run → plan → per-view
// migrations → checks (types, browser bundles) → file changes → (unless dry run) journal +
// all-or-nothing writes per view file → patch. The CLI formats; this returns data.

import { join } from "node:path";
import { readFile } from "node:fs/promises";
import type { FileRecord, FunctionEffects, Plan, ViewPlan } from "../plan/types.ts";
import fg from "fast-glob";
import { commandsPathFor, componentPathFor, GENERATED_HEADER, migrateView, type ViewMigration } from "../codemods/migrate-view.ts";
import { dependencyChanges } from "../codemods/package-dependencies.ts";
import { wireServer, type WiringResult } from "../codemods/server-wiring.ts";
import { createTypeSchemas } from "../codemods/type-schemas.ts";
import { AppIndex } from "../discovery/routers.ts";
import { componentsRenderedBy, uniqueComponentName, type ChildOutcome } from "../codemods/child-components.ts";
import { definitionPart } from "../codemods/output-paths.ts";
import { applyEdits, detectEol, withEol, type FileChange, type TextEdit } from "./edits.ts";
import { commitAllOrNothing, type FailureInjection, type RenameCounter } from "./atomic-write.ts";
import { decode, encode, readText } from "./file-text.ts";
import { formatNewFile } from "./format-new-file.ts";
import { gitTreeState } from "./git-status.ts";
import { sha256 } from "./hash.ts";
import { backupOriginal, readJournal, writeJournal, type JournalEntry, type JournalRun, type ViewStatusRecord } from "./journal.ts";
import { findInterruptedRun, finishInterruptedRun, type ResumedRun } from "./recovery.ts";
import { removeStaleTemps, type StaleTempsResult } from "./stale-temps.ts";
import { unifiedPatch } from "./patch.ts";
import { checkBundles, type BundleFinding } from "./checks/bundle-check.ts";
import { createTypeCheck, type TypeErrorRow } from "./checks/type-check.ts";
import { copyPureImports, importFromDeclaringModules, withReExportedFunctions } from "./client-imports.ts";

export interface ApplyInput {
  views: ViewPlan[];
  functions?: FunctionEffects[];
  /** Hashes recorded when the plan was made (checked when `fromPlanFile`). */
  files?: FileRecord[];
  /** migrate.config's minConfidence: views with a decision below it are left with a marker. */
  minConfidence?: Plan["minConfidence"];
}

export interface ApplyOptions {
  root: string;
  plan: ApplyInput;
  dryRun?: boolean;
  allowDirty?: boolean;
  /** The plan came from a file (`--plan`): refuse files whose bytes changed since. */
  fromPlanFile?: boolean;
  /** Only these views (issue 7's --only); default every view. */
  only?: (view: ViewPlan) => boolean;
  typeCheck?: boolean;
  bundleCheck?: boolean;
  injection?: FailureInjection;
  /** Wire migrated routes into the server setup (default true). */
  wire?: boolean;
  /** The config's `layout`: scripts of the app's page template that migrated pages drop. */
  layout?: { dropScripts?: string[] };
  /** prepareApply's result when the caller ran it already (before analyzing); else applyProject runs it. */
  prepared?: PreparedApply;
  /** Each view migrated (`migrate`), then the checks (`check`: done 0 of 1, then 1 of 1): the CLI's progress bar. */
  onProgress?(event: { phase: "migrate" | "check"; done: number; total: number }): void;
}

export interface ApplyProblem {
  /** APPLY_RUNNING: the journal's run in progress belongs to a process that is still running. */
  code: "DIRTY_TREE" | "CHANGED_SINCE_PLAN" | "WRITE_FAILED" | "APPLY_RUNNING";
  message: string;
  files: string[];
}

export interface ViewReport extends ViewMigration {
  plan: ViewPlan;
  typeErrors: TypeErrorRow[];
  bundleFindings: BundleFinding[];
}

/** What a run cleaned up after a killed one, before it looked at the work tree. */
export interface Recovery {
  /** Temp files of processes that are gone, removed (root-relative); `kept`: of processes still running. */
  temps: StaleTempsResult;
  /** The interrupted apply this run resumed. */
  resumed?: ResumedRun;
}

export interface ApplyResult {
  problem?: ApplyProblem;
  warnings: string[];
  views: ViewReport[];
  /** Every file this apply changed, including those an interrupted apply it resumed had written. */
  changes: FileChange[];
  patch: string;
  /** Root-relative files actually written (empty on a dry run). */
  written: string[];
  /** Router/server changes so the migrated views are served by the runtime. */
  wiring?: WiringResult;
  /** Absent on a dry run, which cleans nothing up. */
  recovery?: Recovery;
}

/** What apply checks and cleans up before it reads any file. */
export interface PreparedApply {
  problem?: ApplyProblem;
  warnings: string[];
  /** Absent on a dry run. */
  recovery?: Recovery;
}

/**
 * Before apply reads anything (the CLI calls it before its analysis, so that reads the finished tree):
 * removes a killed run's temp files, refuses a dirty tree, and finishes an interrupted apply so that
 * this run resumes it. A dry run only warns about an interrupted apply.
 */
export async function prepareApply(root: string, options: { dryRun?: boolean; allowDirty?: boolean }): Promise<PreparedApply> {
  const warnings: string[] = [];
  if (options.dryRun) {
    const interrupted = await findInterruptedRun(root, await readJournal(root));
    if (interrupted && !interrupted.running) warnings.push(`an apply was interrupted (process ${interrupted.pid}): this dry run shows the changes from the files as it left them; apply resumes it`);
    return { warnings };
  }
  // a killed run's temp files would make the tree look dirty: they go first
  const recovery: Recovery = { temps: await removeStaleTemps(root) };
  const journal = await readJournal(root);
  const interrupted = await findInterruptedRun(root, journal);
  if (interrupted?.running) {
    return { warnings, recovery, problem: { code: "APPLY_RUNNING", message: `another apply (process ${interrupted.pid}, started ${interrupted.startedAt}) is writing to this folder: wait for it to end`, files: [] } };
  }
  const tree = await gitTreeState(root);
  if (tree.kind === "not-a-repo") warnings.push("not a git repository: apply cannot check for uncommitted changes (migrate revert still works)");
  // what an interrupted apply wrote is its output, not the user's changes
  const ours = new Set(interrupted?.written ?? []);
  const userChanges = tree.kind === "dirty" ? tree.files.filter((file) => !ours.has(file)) : [];
  if (userChanges.length > 0 && !options.allowDirty) {
    return { warnings, recovery, problem: { code: "DIRTY_TREE", message: "the work tree has uncommitted changes: commit or stash them first, or pass --allow-dirty", files: userChanges } };
  }
  if (interrupted) recovery.resumed = await finishInterruptedRun(root, journal, interrupted);
  return { warnings, recovery };
}

export async function applyProject(options: ApplyOptions): Promise<ApplyResult> {
  const { root } = options;
  const prepared = options.prepared ?? (await prepareApply(root, options));
  const warnings: string[] = [...prepared.warnings];
  const recovery = prepared.recovery;
  const empty = (problem: ApplyProblem): ApplyResult => ({ problem, warnings, views: [], changes: [], patch: "", written: [], recovery });
  if (prepared.problem) return empty(prepared.problem);

  const views = options.plan.views.filter((v) => v.kind === "view" && v.migration.status !== "ignored" && (options.only?.(v) ?? true)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const texts = new Map<string, string | null>();
  const read = async (file: string) => {
    if (!texts.has(file)) texts.set(file, await readText(join(root, file)));
    return texts.get(file)!;
  };

  if (options.fromPlanFile) {
    const recorded = new Map((options.plan.files ?? []).map((f) => [f.path, f.hash]));
    // A file an earlier apply changed from exactly the planned bytes is not "changed since the plan":
    // applying the same plan again must change nothing, not be refused.
    const appliedFrom = new Map<string, Set<string>>();
    for (const entry of (await readJournal(root)).runs.flatMap((r) => r.entries)) {
      if (entry.before !== null) appliedFrom.set(`${entry.file}\0${entry.after}`, (appliedFrom.get(`${entry.file}\0${entry.after}`) ?? new Set()).add(entry.before));
    }
    const changed: string[] = [];
    for (const file of new Set(views.map((v) => v.file))) {
      const text = await read(file);
      const hash = text === null ? null : sha256(encode(text));
      const planned = recorded.get(file);
      const ours = hash !== null && planned !== undefined && appliedFrom.get(`${file}\0${hash}`)?.has(planned) === true;
      if (hash === null || (hash !== planned && !ours)) changed.push(file);
    }
    if (changed.length > 0) return empty({ code: "CHANGED_SINCE_PLAN", message: "these files changed since the plan was made: run `migrate analyze --out` again", files: changed });
  }

  // A module with several definitions gets generated files per definition; runtime names are unique in the plan.
  const allPlans = options.plan.views;
  const definition = (plan: ViewPlan) => definitionPart(plan, allPlans);
  const namingOf = (plan: ViewPlan) => ({ componentName: uniqueComponentName(plan, allPlans), definition: definition(plan), typeSchemas });
  // Existing generated files must be known before migrating (idempotence).
  for (const view of views) {
    await read(view.file);
    for (const file of [componentPathFor(view.file, definition(view)), commandsPathFor(view.file, definition(view))]) await read(file);
  }
  // Live components the chosen views render are migrated first: a view imports the migrated ones, or
  // keeps a LIVE_COMPONENT marker naming the one that could not be. The component modules stay as they are.
  const componentPlans = options.plan.views.filter((v) => v.kind === "component" && v.migration.status !== "ignored");
  for (const component of componentPlans) await read(component.file);
  const childPlans = componentsRenderedBy(views, componentPlans, (file) => texts.get(file) ?? null);
  for (const child of childPlans) {
    for (const file of [componentPathFor(child.file, definition(child)), commandsPathFor(child.file, definition(child))]) await read(file);
  }
  const childOutcome = new Map<string, ChildOutcome>();
  const children = { plans: componentPlans, outcome: (id: string) => childOutcome.get(id) };
  const existing = (file: string) => texts.get(file) ?? null;

  const typeCheck = options.typeCheck !== false ? createTypeCheck(root) : undefined;
  // command params schemas read the views' types in the type check's program (one program for the run)
  const withCommands = options.plan.views.filter((v) => v.migration.status !== "ignored" && (v.events.some((e) => e.placement !== "client") || v.state.some((k) => k.class === "shared")));
  const typeSchemas = createTypeSchemas(root, [...new Set(withCommands.map((v) => v.file))], typeCheck?.project);
  const functions = await withReExportedFunctions(root, [...childPlans, ...views].flatMap((p) => {
    const text = texts.get(p.file);
    return text == null ? [] : [{ file: p.file, text }];
  }), options.plan.functions ?? []);

  const reports: ViewReport[] = [];
  const recordChild = (report: ViewReport) => {
    // a component that stays on LiveViewJS is left untouched (views still on LiveViewJS render it)
    if (report.outcome === "blocked") report.edits = [];
    childOutcome.set(report.viewId, report.outcome !== "blocked" && report.component ? { ok: true, componentFile: report.component.file, exportName: report.component.exportName } : { ok: false, reason: report.markers.map((m) => `${m.code} at ${m.file}:${m.line}: ${m.message}`).join("; ") || "it could not be migrated" });
  };
  // 1. Migrate every rendered component, then every view, and format their new files.
  const toMigrate = [...childPlans, ...views];
  for (const [done, plan] of toMigrate.entries()) {
    options.onProgress?.({ phase: "migrate", done, total: toMigrate.length });
    const text = texts.get(plan.file);
    if (text == null) {
      warnings.push(`${plan.file}: not found, view ${plan.id} skipped`);
      continue;
    }
    const unsure = belowMinConfidence(plan, options.plan.minConfidence);
    const isChild = plan.kind === "component";
    const naming = namingOf(plan);
    let migration = migrateView({ plan, text, existing, functions, forceBlock: unsure, children, ...naming });
    if (migration.outcome === "migrated") {
      const formatted = await formatNewFiles(root, migration, text);
      if ("error" in formatted) migration = migrateView({ plan, text, existing, functions, ...naming, forceBlock: [{ code: "GENERATION_FAILED", message: `the generated code does not parse (${formatted.error}): migrate by hand and report it` }] });
      else migration = { ...migration, newFiles: formatted.files };
    }
    reports.push({ ...migration, plan, typeErrors: [], bundleFindings: [] });
    if (isChild) recordChild(reports[reports.length - 1]!);
  }

  // A component importing helpers through a barrel that re-exports server modules imports them from
  // where they are declared; pure values of modules that also hold server code are copied into it
  // (client-imports.ts). The bundle check below still judges the result.
  if (options.bundleCheck !== false) {
    const components = reports.flatMap((r) => (r.outcome === "migrated" ? r.newFiles.filter((f) => f.file === r.component?.file) : []));
    await importFromDeclaringModules(root, components, options.plan.functions ?? []);
    await copyPureImports(root, components, options.plan.functions ?? []);
  }

  // 2. Check every migrated view's output in one batch (the generated files do not import each other):
  //    one type-check program, one esbuild run. A view that fails goes back to markers.
  const migratedNow = reports.filter((r) => r.outcome === "migrated");
  const overlay = new Map(migratedNow.flatMap((r) => r.newFiles.map((f) => [f.file, f.text] as const)));
  // the originals as the migration edits them (an `export` the commands import through)
  for (const r of migratedNow) if (r.edits.length > 0) overlay.set(r.plan.file, applyEdits(texts.get(r.plan.file)!, r.edits.map((e) => ({ ...e }))));
  options.onProgress?.({ phase: "check", done: 0, total: 1 });
  const typeErrors = typeCheck && overlay.size > 0 ? typeCheck.newErrors(overlay) : [];
  const bundleFindings = options.bundleCheck !== false && migratedNow.length > 0
    ? await checkBundles({ root, entries: migratedNow.flatMap((r) => (r.component ? [r.component.file] : [])), overlay, functions: options.plan.functions ?? [] })
    : [];
  options.onProgress?.({ phase: "check", done: 1, total: 1 });
  let childFailed = false;
  for (const [index, report] of reports.entries()) {
    if (report.outcome !== "migrated") continue;
    if (childFailed && report.plan.kind === "view" && texts.get(report.plan.file)?.includes("live_component")) {
      // a component it renders failed its checks (components come first): the view keeps the marker naming it
      const again = migrateView({ plan: report.plan, text: texts.get(report.plan.file)!, existing, functions, children, ...namingOf(report.plan) });
      if (again.outcome === "blocked") {
        reports[index] = { ...again, plan: report.plan, typeErrors: [], bundleFindings: [] };
        continue;
      }
    }
    const files = new Set(report.newFiles.map((f) => f.file));
    const ownErrors = typeErrors.filter((e) => files.has(e.file));
    const ownFindings = bundleFindings.filter((f) => files.has(f.entry));
    const force = [
      ...ownErrors.slice(0, 1).map((e) => ({ code: "TYPE_ERRORS", message: `the migrated code adds type errors (${e.file}:${e.line} ${e.message}); fix the view by hand` })),
      ...ownFindings.slice(0, 1).map((f) => ({ code: "SERVER_ONLY_IN_BUNDLE", message: `${f.module} would reach the browser (${f.chain.join(" → ")}): ${f.why}` })),
    ];
    if (force.length === 0) continue;
    const blocked = migrateView({ plan: report.plan, text: texts.get(report.plan.file)!, existing, functions, forceBlock: force, ...namingOf(report.plan) });
    reports[index] = { ...blocked, plan: report.plan, typeErrors: ownErrors, bundleFindings: ownFindings };
    if (report.plan.kind === "component") {
      recordChild(reports[index]!);
      childFailed = true;
    }
  }

  // Server wiring: the router and server setup learn about every migrated component (new or earlier).
  const wiring = options.wire === false ? undefined : await wire(root, reports, options.plan.views.filter((v) => (v.kind === "view" && !views.includes(v)) || (v.kind === "component" && !childPlans.includes(v))), read, options.layout, allPlans);
  warnings.push(...(wiring?.warnings ?? []));

  // File changes: one pass of edits per file, new files as generated; unchanged bytes are not written.
  const changes: FileChange[] = [];
  const unitOf = new Map<string, string>();
  const editsByFile = new Map<string, TextEdit[]>();
  if (wiring) {
    for (const file of wiring.newFiles) {
      const formatted = await formatNewFile(join(root, file.file), file.text);
      const before = await read(file.file);
      if (before !== formatted) changes.push({ file: file.file, before, after: formatted });
      unitOf.set(file.file, "(server wiring)");
    }
    for (const edit of wiring.edits) {
      editsByFile.set(edit.file, [...(editsByFile.get(edit.file) ?? []), edit]);
      unitOf.set(edit.file, "(server wiring)");
    }
  }
  for (const report of reports) {
    for (const edit of report.edits) editsByFile.set(edit.file, [...(editsByFile.get(edit.file) ?? []), edit]);
    for (const edit of report.edits) unitOf.set(edit.file, report.plan.file);
    for (const file of report.newFiles) {
      const before = existing(file.file);
      if (before !== file.text) changes.push({ file: file.file, before, after: file.text });
      unitOf.set(file.file, report.plan.file);
    }
  }
  for (const [file, edits] of editsByFile) {
    const before = (await read(file))!;
    const after = applyEdits(before, edits);
    if (after !== before) changes.push({ file, before, after });
  }
  // the packages the migrated code brings (the runtime, zod) go into the project's package.json
  const dependencies = await dependencyChanges(changes, read);
  warnings.push(...dependencies.warnings);
  for (const change of dependencies.changes) {
    changes.push(change);
    unitOf.set(change.file, "(dependencies)");
  }
  changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // the patch of a resumed run covers the interrupted one too: that one never wrote its patch
  const reported = recovery?.resumed ? withResumed(recovery.resumed.kept, changes) : changes;
  const patch = unifiedPatch(reported);
  if (options.dryRun) return { warnings, views: reports, changes, patch, written: [], wiring };

  // Write: all-or-nothing per view file (its edits and the files generated from it).
  const units = new Map<string, FileChange[]>();
  for (const change of changes) {
    const unit = unitOf.get(change.file) ?? change.file;
    units.set(unit, [...(units.get(unit) ?? []), change]);
  }
  // The journal names every file (with a backup of its original) before any is replaced, in one
  // write: a crash mid-apply still lets revert find them (entries still equal to their original are skipped).
  const journal = await readJournal(root);
  // marked until the renames are over: a run still marked was killed (recovery.ts)
  const run: JournalRun = { entries: [], inProgress: { pid: process.pid, startedAt: new Date().toISOString() } };
  const entriesOf = new Map<string, JournalEntry[]>();
  for (const [unit, unitChanges] of units) {
    const entries: JournalEntry[] = [];
    for (const change of unitChanges) {
      const backup = change.before === null ? null : await backupOriginal(root, change.before);
      entries.push({ file: change.file, before: change.before === null ? null : sha256(encode(change.before)), after: sha256(encode(change.after)), backup, view: unit });
    }
    entriesOf.set(unit, entries);
    run.entries.push(...entries);
  }
  journal.runs.push(run);
  if (run.entries.length > 0) await writeJournal(root, journal);
  const written: string[] = [];
  const counter: RenameCounter = { renames: 0 };
  try {
    for (const [unit, unitChanges] of units) {
      await commitAllOrNothing(unitChanges.map((c) => ({ path: join(root, c.file), before: c.before, after: c.after })), options.injection, counter);
      written.push(...unitChanges.map((c) => c.file));
      entriesOf.delete(unit);
    }
  } catch (error) {
    // units not committed are dropped from the journal: it names exactly what was written
    const pending = new Set([...entriesOf.values()].flat());
    run.entries = run.entries.filter((e) => !pending.has(e));
    delete run.inProgress;
    if (run.entries.length === 0) journal.runs.pop();
    await writeJournal(root, journal);
    return { problem: { code: "WRITE_FAILED", message: `writing stopped: ${error instanceof Error ? error.message : String(error)}; files of the failed view were restored, views before it were written (see migrate revert)`, files: written }, warnings, views: reports, changes: reported, patch, written, wiring, recovery };
  }
  delete run.inProgress;
  if (run.entries.length === 0) journal.runs.pop();
  // statuses come from runs that change files: one that changes nothing leaves .migrate as it is
  // (a marker already in place is found a line lower than where the first run put it)
  if (reported.length > 0) journal.views = { ...journal.views, ...statusRecords(reports) };
  await writeJournal(root, journal);
  return { warnings, views: reports, changes: reported, patch, written, wiring, recovery };
}

/** The files an interrupted run wrote, then this run's changes on top (from the original to the end). */
function withResumed(kept: readonly FileChange[], changes: readonly FileChange[]): FileChange[] {
  const byFile = new Map(kept.map((change) => [change.file, change]));
  for (const change of changes) {
    const earlier = byFile.get(change.file);
    byFile.set(change.file, earlier ? { file: change.file, before: earlier.before, after: change.after } : change);
  }
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Reads the files that may hold the router or the server setup, and wires the migrated components. */
async function wire(root: string, reports: ViewReport[], notApplied: ViewPlan[], read: (file: string) => Promise<string | null>, layout: { dropScripts?: string[] } | undefined, allPlans: readonly ViewPlan[]): Promise<WiringResult> {
  const migrated = reports
    .filter((r) => (r.outcome === "migrated" || r.outcome === "already-migrated") && r.component)
    .map((r) => ({ viewFile: r.plan.file, viewName: r.plan.name, componentFile: r.component!.file, exportName: r.component!.exportName, commandsFile: r.component!.commandsFile, child: r.plan.kind === "component" }));
  // views outside this run (--only) that an earlier apply migrated keep their routes
  for (const plan of notApplied) {
    const componentFile = componentPathFor(plan.file, definitionPart(plan, allPlans));
    if (!(await read(componentFile))?.startsWith(GENERATED_HEADER)) continue;
    const commandsFile = commandsPathFor(plan.file, definitionPart(plan, allPlans));
    migrated.push({ viewFile: plan.file, viewName: plan.name, componentFile, exportName: plan.name === "default" ? "default" : plan.name, commandsFile: (await read(commandsFile)) !== null ? commandsFile : undefined, child: plan.kind === "component" });
  }
  if (migrated.length === 0) return { newFiles: [], edits: [], notes: [], warnings: [], files: [] };
  const candidates = await fg(["**/*.{ts,js,mts,mjs}"], { cwd: root, ignore: ["**/node_modules/**", "**/.migrate/**", "**/*.component.{ts,js,mjs}", "**/*.commands.{ts,js,mjs}", "**/*.migrated.*"] });
  const files = new Map<string, string>();
  for (const file of candidates.sort()) {
    const text = await read(file);
    if (text !== null && text.includes("NodeExpressLiveViewServer")) files.set(file, text);
  }
  // routers by type or shape, anywhere in the app (typed or plain JS, exported or inline)
  const routers = new AppIndex(root).findRouters().map((r) => ({ file: r.file, routes: r.routes.map((route) => ({ path: route.path, viewFile: route.view.file, viewNames: [route.view.exportName, ...(route.view.localName ? [route.view.localName] : [])] })) }));
  return wireServer(files, migrated, routers, layout);
}

async function formatNewFiles(root: string, migration: ViewMigration, viewText: string): Promise<{ files: ViewMigration["newFiles"] } | { error: string }> {
  const eol = detectEol(viewText);
  const files = [];
  for (const file of migration.newFiles) {
    try {
      const formatted = await formatNewFile(join(root, file.file), file.text);
      files.push({ file: file.file, text: withEol(formatted, eol) });
    } catch (error) {
      return { error: (error instanceof Error ? error.message : String(error)).split("\n")[0]! };
    }
  }
  return { files };
}

/** Hash check helper for callers that read bytes themselves. */
export async function fileHash(root: string, file: string): Promise<string> {
  return sha256(encode(decode(await readFile(join(root, file)))));
}

/** Each view's status after this run, for the journal (progress in a later analyze). */
function statusRecords(reports: ViewReport[]): Record<string, ViewStatusRecord> {
  const records: Record<string, ViewStatusRecord> = {};
  for (const report of reports) {
    const migrated = report.outcome !== "blocked";
    records[report.viewId] = {
      status: migrated ? "migrated" : "blocked",
      ...(migrated && report.component ? { component: report.component.file, ...(report.component.commandsFile ? { commands: report.component.commandsFile } : {}) } : {}),
      markers: report.markers.map((m) => ({ code: m.code, at: `${m.file}:${m.line}`, message: m.message })),
    };
  }
  return records;
}

const CONFIDENCE_RANK = { low: 0, medium: 1, high: 2 } as const;

/** migrate.config's `minConfidence`: a view with a decision below it stays on LiveViewJS with a marker. */
export function belowMinConfidence(plan: ViewPlan, min: Plan["minConfidence"]): { code: string; message: string }[] {
  if (!min) return [];
  const unsure = [...plan.state.map((k) => ({ what: `key ${k.key}`, confidence: k.confidence })), ...plan.events.map((e) => ({ what: `event ${e.name}`, confidence: e.confidence }))].filter(
    (d) => CONFIDENCE_RANK[d.confidence] < CONFIDENCE_RANK[min],
  );
  if (unsure.length === 0) return [];
  const list = unsure.map((d) => `${d.what} (${d.confidence})`).join(", ");
  return [{ code: "BELOW_MIN_CONFIDENCE", message: `decisions below the configured minConfidence "${min}": ${list}; confirm them with a migrate.config override or an annotation, then rerun apply` }];
}
