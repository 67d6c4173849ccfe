// Differential fuzzing, part 2: generate N random LiveViewJS views (bench/fuzz/generate.ts) in
// projects of --per-project views, commit each project to a fresh git repo, run analyze + apply on it
// (the library functions the CLI calls), then `verify` (explore mode, small depth, few paths) on the
// migrated views, and report: the migrated fraction, markers by code, verify outcomes, and every
// divergence and crash with what reproduces it.
//
//   node --import tsx bench/fuzz/run.ts --seed 1 --count 1000 [--per-project 25] [--out tmp/fuzz]
//        [--keep] [--project K] [--only v12 v40] [--depth 2] [--max-paths 6] [--view-timeout 30]
//        [--project-timeout 900] [--no-typecheck] [--json results.json]
//
// Each project runs in a child process (this file with --child) with a time limit, so a hang, a
// crash that takes the process down, or what a view leaves open cannot stop the run; the child
// writes its results as it goes, so a project stopped at its limit still reports what it finished.
// The projects are written under the repo (default tmp/fuzz): the generated tsconfig maps liveviewjs
// into the repo's node_modules, and the migrated components import liveview-migrate from there.

import { execFileSync, spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateProject, REPO_ROOT, writeProject, type FuzzProject, type FuzzView } from "./generate.ts";

// ---------------------------------------------------------------------------------------------
// Results

export interface ViewResult extends FuzzView {
  id: string;
  /** apply's outcome for the view ("missing" when the analysis did not report it as a view). */
  outcome: "migrated" | "blocked" | "already-migrated" | "missing";
  markers: { code: string; line: number; message: string }[];
  /** Type errors in the generated project before migration (a generator bug, not the tool's). */
  typeErrors?: string[];
  verify?: {
    status: "equivalent" | "diverged" | "not-verifiable";
    reason?: { code: string; message: string };
    paths: number;
    steps: number;
    /** What verify's bundle check found of the server's state in the browser bundle. */
    leaks?: { kind: "module" | "data"; module: string; why: string; samples?: string[] }[];
    divergence?: { step: number; path: string[]; client: number; original: string; migrated: string; diff: string; errors?: { original: string[]; migrated: string[] } };
  };
}

export interface Crash {
  phase: "generate" | "typecheck" | "analyze" | "apply" | "verify" | "process";
  view?: string;
  message: string;
  stack?: string;
}

export interface ProjectResult {
  name: string;
  seed: number;
  project: number;
  dir: string;
  views: ViewResult[];
  crashes: Crash[];
  /** Phase durations in ms. */
  ms: Record<string, number>;
  /** Set by the parent: the child did not finish (time limit, or it died). */
  incomplete?: string;
}

export interface RunProjectOptions {
  depth: number;
  maxPaths: number;
  /** ms per view */
  viewTimeout: number;
  typecheck: boolean;
  /** Verify only these views (v12, or the file). */
  only?: string[];
  /** Called after every phase and verified view with the results so far. */
  onProgress?(result: ProjectResult): void;
}

const firstLines = (error: unknown, n = 1) => (error instanceof Error ? (error.stack ?? error.message) : String(error)).split("\n").slice(0, n).join("\n");
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0]!;

/** Type errors of a generated project (its own tsconfig), per root-relative file. */
export async function typeCheckProject(dir: string): Promise<Map<string, string[]>> {
  const { Project, ts } = await import("ts-morph");
  const project = new Project({ tsConfigFilePath: join(dir, "tsconfig.json") });
  const errors = new Map<string, string[]>();
  for (const d of project.getPreEmitDiagnostics()) {
    const file = d.getSourceFile()?.getFilePath();
    const rel = file ? relative(dir, file).split("\\").join("/") : "(global)";
    const line = d.getLineNumber();
    const text = ts.flattenDiagnosticMessageText(d.getMessageText() as never, "\n").split("\n")[0];
    errors.set(rel, [...(errors.get(rel) ?? []), `${rel}:${line ?? 0} TS${d.getCode()}: ${text}`]);
  }
  return errors;
}

/**
 * analyze → apply → verify on a generated project that is a committed git repo at `dir`. Exceptions
 * from the tool are returned as crashes, never thrown.
 */
export async function runProject(project: Pick<FuzzProject, "name" | "seed" | "project" | "views">, dir: string, options: RunProjectOptions): Promise<ProjectResult> {
  const result: ProjectResult = {
    name: project.name,
    seed: project.seed,
    project: project.project,
    dir,
    views: project.views.map((v) => ({ ...v, id: `${v.file}#${v.exportName}`, outcome: "missing", markers: [] })),
    crashes: [],
    ms: {},
  };
  const progress = () => options.onProgress?.(result);
  const byFile = new Map(result.views.map((v) => [v.file, v]));
  const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await work();
    } finally {
      result.ms[phase] = Date.now() - started;
    }
  };

  if (options.typecheck) {
    try {
      const errors = await timed("typecheck", () => typeCheckProject(dir));
      for (const [file, rows] of errors) {
        const view = byFile.get(file);
        if (view) view.typeErrors = rows;
        else result.crashes.push({ phase: "generate", message: `the generated ${file} does not type-check: ${rows[0]}` });
      }
    } catch (error) {
      result.crashes.push({ phase: "typecheck", message: errorMessage(error), stack: firstLines(error, 6) });
    }
    progress();
  }

  // analyze: the plan, written where verify's bundle check can read it
  let plan: import("../../src/plan/types.ts").Plan;
  try {
    const { analyzeProject } = await import("../../src/pipeline/analyze.ts");
    const { serializePlan } = await import("../../src/plan/serialize.ts");
    const { isFileFailure } = await import("../../src/plan/build.ts");
    plan = (await timed("analyze", () => analyzeProject(dir, { workers: 1 }))).plan;
    for (const file of plan.files) if (file.status === "error" || file.status === "timeout") result.crashes.push({ phase: "analyze", view: byFile.get(file.path)?.id, message: `${file.path}: analysis ${file.status}` });
    for (const error of plan.errors) if (isFileFailure(error)) result.crashes.push({ phase: "analyze", view: byFile.get(error.file)?.id, message: `${error.file}: ${error.code} ${error.message}` });
    mkdirSync(join(dir, ".migrate"), { recursive: true });
    writeFileSync(join(dir, ".migrate", "fuzz-plan.json"), serializePlan(plan));
  } catch (error) {
    result.crashes.push({ phase: "analyze", message: errorMessage(error), stack: firstLines(error, 8) });
    progress();
    return result;
  }
  progress();

  // apply (a committed tree: no --allow-dirty)
  try {
    const { applyProject } = await import("../../src/apply/apply-project.ts");
    const applied = await timed("apply", () => applyProject({ root: dir, plan }));
    if (applied.problem) result.crashes.push({ phase: "apply", message: `${applied.problem.code}: ${applied.problem.message} ${applied.problem.files.join(", ")}` });
    for (const report of applied.views) {
      const view = byFile.get(report.plan.file);
      if (!view || report.plan.kind !== "view") continue;
      view.id = report.viewId;
      view.outcome = report.outcome;
      view.markers = report.markers.map((m) => ({ code: m.code, line: m.line, message: m.message }));
    }
  } catch (error) {
    result.crashes.push({ phase: "apply", message: errorMessage(error), stack: firstLines(error, 8) });
    progress();
    return result;
  }
  progress();

  // verify what was migrated
  const selected = result.views.filter((v) => v.outcome === "migrated" && (!options.only?.length || options.only.some((o) => v.file === o || v.file.endsWith(`/${o}.ts`) || v.id.endsWith(`#${o}`))));
  if (selected.length === 0) return result;
  try {
    const { verifyProject } = await import("../../src/verify/compare.ts");
    await timed("verify", () =>
      verifyProject(dir, {
        mode: "explore",
        depth: options.depth,
        maxPaths: options.maxPaths,
        viewTimeout: options.viewTimeout,
        plan: join(dir, ".migrate", "fuzz-plan.json"),
        only: selected.map((v) => v.file),
        onView: (verification) => {
          const file = verification.view.split("#")[0]!;
          const view = byFile.get(file);
          if (!view) return;
          const d = verification.divergence;
          view.verify = {
            status: verification.status,
            ...(verification.reason ? { reason: verification.reason } : {}),
            paths: verification.paths,
            steps: verification.steps,
            ...(verification.leaks?.length ? { leaks: verification.leaks.map((l) => ({ kind: l.kind, module: l.module, why: l.why, ...(l.samples ? { samples: l.samples } : {}) })) } : {}),
            ...(d ? { divergence: { step: d.step, path: d.path, client: d.client, original: d.original, migrated: d.migrated, diff: d.diff, ...(d.errors ? { errors: d.errors } : {}) } } : {}),
          };
          progress();
        },
      }),
    );
  } catch (error) {
    result.crashes.push({ phase: "verify", message: errorMessage(error), stack: firstLines(error, 8) });
  }
  return result;
}

/** Makes `dir` a git repo with everything committed (apply refuses a dirty tree). */
export function commitAll(dir: string): void {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  git("init", "-q", ".");
  git("add", "-A");
  git("-c", "user.email=fuzz@example.invalid", "-c", "user.name=fuzz", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "generated");
}

// ---------------------------------------------------------------------------------------------
// CLI

interface CliOptions {
  seed: number;
  count: number;
  perProject: number;
  out: string;
  keep: boolean;
  project?: number;
  only?: string[];
  depth: number;
  maxPaths: number;
  viewTimeout: number;
  projectTimeout: number;
  typecheck: boolean;
  json?: string;
}

function parseArgs(argv: string[]): CliOptions & { child?: string } {
  const options: CliOptions & { child?: string } = {
    seed: 1,
    count: 100,
    perProject: 25,
    out: join(REPO_ROOT, "tmp", "fuzz"),
    keep: false,
    depth: 2,
    maxPaths: 6,
    viewTimeout: 30,
    projectTimeout: 900,
    typecheck: true,
  };
  const num = (name: string, text: string | undefined) => {
    const n = Number(text);
    if (text === undefined || !Number.isFinite(n) || n < 0) throw new Error(`${name} expects a number, got ${text}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => argv[++i];
    if (a === "--seed") options.seed = num(a, next());
    else if (a === "--count") options.count = num(a, next());
    else if (a === "--per-project") options.perProject = Math.max(1, num(a, next()));
    else if (a === "--out") options.out = resolve(next() ?? "");
    else if (a === "--keep") options.keep = true;
    else if (a === "--project") options.project = num(a, next());
    else if (a === "--only") {
      options.only = [];
      while (argv[i + 1] && !argv[i + 1]!.startsWith("--")) options.only.push(argv[++i]!);
    } else if (a === "--depth") options.depth = num(a, next());
    else if (a === "--max-paths") options.maxPaths = num(a, next());
    else if (a === "--view-timeout") options.viewTimeout = num(a, next());
    else if (a === "--project-timeout") options.projectTimeout = num(a, next());
    else if (a === "--no-typecheck") options.typecheck = false;
    else if (a === "--json") options.json = resolve(next() ?? "");
    else if (a === "--child") options.child = next();
    else if (a === "--help" || a === "-h") {
      process.stdout.write(readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").filter((l) => l.startsWith("//")).slice(0, 16).map((l) => l.slice(3)).join("\n") + "\n");
      process.exit(0);
    } else throw new Error(`unknown option ${a} (--help)`);
  }
  return options;
}

/** The child: one project, results written to a JSON file as they come. */
async function childMain(spec: string): Promise<void> {
  const { project, dir, resultFile, options } = JSON.parse(readFileSync(spec, "utf8")) as { project: FuzzProject; dir: string; resultFile: string; options: RunProjectOptions };
  const write = (r: ProjectResult) => writeFileSync(resultFile, JSON.stringify(r));
  const result = await runProject(project, dir, { ...options, onProgress: write });
  write(result);
  // whatever the views left open (timers, sockets) must not keep this process alive
  process.exit(0);
}

/** Runs one project in a child process with a time limit; returns its (possibly partial) results. */
async function runChild(project: FuzzProject, dir: string, options: CliOptions, logFile: string): Promise<ProjectResult> {
  const resultFile = `${dir}.result.json`;
  const specFile = `${dir}.spec.json`;
  rmSync(resultFile, { force: true });
  const runOptions: RunProjectOptions = { depth: options.depth, maxPaths: options.maxPaths, viewTimeout: options.viewTimeout * 1000, typecheck: options.typecheck, only: options.only };
  writeFileSync(specFile, JSON.stringify({ project: { ...project, files: {} }, dir, resultFile, options: runOptions }));
  const log = openSync(logFile, "w");
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", specFile], {
    cwd: REPO_ROOT,
    stdio: ["ignore", log, log],
    env: { ...process.env, NO_COLOR: "1" },
    // its own process group: on timeout the child and what it started (esbuild's service) are stopped together
    detached: true,
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      child.kill("SIGKILL");
    }
  }, options.projectTimeout * 1000);
  const code = await new Promise<number | null>((done) => child.on("exit", (c, signal) => done(signal ? null : c)));
  clearTimeout(timer);
  // esbuild's service may outlive a killed child: end the group (ignore "no such process")
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {}
  closeSync(log);
  rmSync(specFile, { force: true });
  let result: ProjectResult;
  try {
    result = JSON.parse(readFileSync(resultFile, "utf8")) as ProjectResult;
  } catch {
    result = { name: project.name, seed: project.seed, project: project.project, dir, views: project.views.map((v) => ({ ...v, id: `${v.file}#${v.exportName}`, outcome: "missing", markers: [] })), crashes: [], ms: {} };
  }
  rmSync(resultFile, { force: true });
  if (timedOut) result.incomplete = `stopped at the project time limit (${options.projectTimeout} s)`;
  else if (code !== 0) result.incomplete = `the child process exited with ${code === null ? "a signal" : `code ${code}`}`;
  if (result.incomplete) {
    const tail = existsSync(logFile) ? readFileSync(logFile, "utf8").trim().split("\n").slice(-12).join("\n") : "";
    result.crashes.push({ phase: "process", message: result.incomplete, ...(tail ? { stack: tail } : {}) });
  }
  return result;
}

function pct(n: number, of: number): string {
  return of === 0 ? "–" : `${((100 * n) / of).toFixed(1)}%`;
}

function reproduce(options: CliOptions, project: number, view?: string): string {
  return `node --import tsx bench/fuzz/run.ts --seed ${options.seed} --count ${options.count} --per-project ${options.perProject} --project ${project}${view ? ` --only ${view}` : ""} --keep`;
}

export interface Summary {
  views: number;
  migrated: number;
  migratedClean: number;
  blocked: number;
  missing: number;
  invalidGenerated: number;
  markers: Record<string, number>;
  verify: { equivalent: number; diverged: number; "not-verifiable": number; leaking: number; notVerifiableReasons: Record<string, number> };
  crashes: number;
}

export function summarize(results: ProjectResult[]): Summary {
  const views = results.flatMap((r) => r.views);
  const markers: Record<string, number> = {};
  for (const v of views) for (const code of new Set(v.markers.map((m) => m.code))) markers[code] = (markers[code] ?? 0) + 1;
  const verify = { equivalent: 0, diverged: 0, "not-verifiable": 0, leaking: 0, notVerifiableReasons: {} as Record<string, number> };
  for (const v of views) {
    if (!v.verify) continue;
    verify[v.verify.status]++;
    if (v.verify.leaks?.length) verify.leaking++;
    if (v.verify.status === "not-verifiable") verify.notVerifiableReasons[v.verify.reason?.code ?? "?"] = (verify.notVerifiableReasons[v.verify.reason?.code ?? "?"] ?? 0) + 1;
  }
  return {
    views: views.length,
    migrated: views.filter((v) => v.outcome === "migrated").length,
    migratedClean: views.filter((v) => v.outcome === "migrated" && v.markers.length === 0).length,
    blocked: views.filter((v) => v.outcome === "blocked").length,
    missing: views.filter((v) => v.outcome === "missing").length,
    invalidGenerated: views.filter((v) => v.typeErrors?.length).length,
    markers: Object.fromEntries(Object.entries(markers).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))),
    verify,
    crashes: results.reduce((n, r) => n + r.crashes.length, 0),
  };
}

function formatReport(results: ProjectResult[], options: CliOptions, seconds: number): string {
  const s = summarize(results);
  const out: string[] = [];
  out.push(``, `fuzz seed ${options.seed}: ${s.views} views in ${results.length} project(s) of up to ${options.perProject} · verify depth ${options.depth}, ≤${options.maxPaths} paths · ${seconds.toFixed(0)} s`);
  out.push(`  views generated          ${s.views}${s.invalidGenerated ? `  (${s.invalidGenerated} do not type-check: generator bug, see below)` : ""}`);
  out.push(`  migrated, no marker      ${s.migratedClean}  (${pct(s.migratedClean, s.views)})`);
  if (s.migrated !== s.migratedClean) out.push(`  migrated with markers    ${s.migrated - s.migratedClean}`);
  out.push(`  left with markers        ${s.blocked}  (${pct(s.blocked, s.views)})`);
  if (s.missing) out.push(`  not reported by apply    ${s.missing}`);
  out.push(`  markers (views carrying each code):`);
  for (const [code, n] of Object.entries(s.markers)) out.push(`    ${code.padEnd(28)} ${n}`);
  if (!Object.keys(s.markers).length) out.push(`    (none)`);
  const v = s.verify;
  out.push(`  verify: ${v.equivalent} equivalent · ${v.diverged} diverged · ${v["not-verifiable"]} not verifiable${Object.keys(v.notVerifiableReasons).length ? ` (${Object.entries(v.notVerifiableReasons).map(([c, n]) => `${c} ${n}`).join(", ")})` : ""}${v.leaking ? ` · ${v.leaking} leaking server state` : ""}`);
  out.push(`  crashes: ${s.crashes}`);

  const diverged = results.flatMap((r) => r.views.filter((x) => x.verify?.status === "diverged").map((x) => ({ r, x })));
  if (diverged.length) {
    out.push(``, `divergences (${diverged.length}):`);
    for (const { r, x } of diverged) {
      const d = x.verify!.divergence;
      out.push(`  ${r.name} ${x.id} at step ${d?.step ?? "?"}${d?.path.length ? ` after ${d.path.join(" → ")}` : ""}${d && d.client ? ` (client ${d.client})` : ""}`);
      out.push(`    shapes: ${x.shapes.join(" ")}`);
      if (d) {
        const changed = d.diff.split("\n").filter((l) => /^[-+][^-+]/.test(l));
        // the removed lines first, then the added ones (a long list added shows as its first lines)
        const diffLines = [...changed.filter((l) => l.startsWith("-")).slice(0, 4), ...changed.filter((l) => l.startsWith("+")).slice(0, 4)];
        for (const l of diffLines) out.push(`    ${l.slice(0, 160)}`);
        const errors = d.errors?.migrated.slice(0, 2) ?? [];
        for (const e of errors) out.push(`    migrated page: ${e.split("\n")[0]!.slice(0, 160)}`);
      }
      out.push(`    reproduce: ${reproduce(options, r.project, `v${x.index}`)}`);
    }
  }
  const leaking = results.flatMap((r) => r.views.filter((x) => x.verify?.leaks?.length).map((x) => ({ r, x })));
  if (leaking.length) {
    out.push(``, `server state in the browser bundle, per verify's bundle check (${leaking.length}):`);
    for (const { r, x } of leaking) {
      const l = x.verify!.leaks![0]!;
      out.push(`  ${r.name} ${x.id} (${x.verify!.status}): ${l.kind === "data" ? `values of ${l.module} (${(l.samples ?? []).map((v) => JSON.stringify(v)).join(", ")})` : `${l.module} itself`}: ${l.why.slice(0, 120)}`);
    }
  }
  const unverifiable = results.flatMap((r) => r.views.filter((x) => x.verify?.status === "not-verifiable").map((x) => ({ r, x })));
  if (unverifiable.length) {
    out.push(``, `not verifiable (${unverifiable.length}):`);
    for (const { r, x } of unverifiable) out.push(`  ${r.name} ${x.id}: ${x.verify!.reason?.code} ${x.verify!.reason?.message.slice(0, 160) ?? ""}`);
  }
  const crashes = results.flatMap((r) => r.crashes.map((c) => ({ r, c })));
  if (crashes.length) {
    out.push(``, `crashes (${crashes.length}):`);
    for (const { r, c } of crashes) {
      out.push(`  ${r.name} [${c.phase}]${c.view ? ` ${c.view}` : ""}: ${c.message.slice(0, 200)}`);
      if (c.stack) out.push(...c.stack.split("\n").slice(c.phase === "process" ? 0 : 1, 5).map((l) => `      ${l.trim().slice(0, 160)}`));
      if (c.phase === "process") out.push(`    log: ${relative(REPO_ROOT, join(r.dir, "..", `p${r.project}.log`))}`);
      out.push(`    reproduce: ${reproduce(options, r.project)}`);
    }
  }
  const invalid = results.flatMap((r) => r.views.filter((x) => x.typeErrors?.length).map((x) => ({ r, x })));
  if (invalid.length) {
    out.push(``, `generated views that do not type-check (${invalid.length}; the generator's bug, not the tool's):`);
    for (const { r, x } of invalid) out.push(`  ${r.name} ${x.typeErrors![0]}`);
  }
  return out.join("\n") + "\n";
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.child) return childMain(options.child);
  const started = Date.now();
  if (relative(REPO_ROOT, options.out).startsWith("..")) {
    process.stderr.write(`note: ${options.out} is outside the repo: the migrated components import liveview-migrate, which resolves from the repo's tree only\n`);
  }
  const base = join(options.out, `seed-${options.seed}`);
  mkdirSync(base, { recursive: true });
  const projects = Math.ceil(options.count / options.perProject);
  const results: ProjectResult[] = [];
  for (let p = 0; p < projects; p++) {
    if (options.project !== undefined && p !== options.project) continue;
    const first = p * options.perProject + 1;
    const count = Math.min(options.perProject, options.count - p * options.perProject);
    const dir = join(base, `p${p}`);
    const logFile = `${dir}.log`;
    let result: ProjectResult;
    const t0 = Date.now();
    let project: FuzzProject | undefined;
    try {
      project = generateProject(options.seed, p, first, count);
      writeProject(project, dir);
      commitAll(dir);
    } catch (error) {
      result = { name: `s${options.seed}-p${p}`, seed: options.seed, project: p, dir, views: [], crashes: [{ phase: "generate", message: errorMessage(error), stack: firstLines(error, 6) }], ms: {} };
    }
    if (project) result = await runChild(project, dir, options, logFile);
    results.push(result!);
    const s = summarize([result!]);
    process.stdout.write(
      `project ${p + 1}/${projects} ${result!.name}: ${s.views} views, ${s.migratedClean} migrated clean, ${s.blocked} with markers · verify ${s.verify.equivalent} eq / ${s.verify.diverged} div / ${s.verify["not-verifiable"]} n-v · ${s.crashes} crash(es) · ${((Date.now() - t0) / 1000).toFixed(0)} s\n`,
    );
    if (!options.keep) {
      rmSync(dir, { recursive: true, force: true });
      // a crash's log is kept (the child's output: the tool's and the views' console)
      if (s.crashes === 0) rmSync(logFile, { force: true });
    }
  }
  if (!options.keep && summarize(results).crashes === 0) rmSync(base, { recursive: true, force: true, maxRetries: 2 });
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(formatReport(results, options, seconds));
  if (options.json) writeFileSync(options.json, JSON.stringify({ options, seconds, summary: summarize(results), projects: results }, null, 2));
  const s = summarize(results);
  process.exitCode = s.verify.diverged > 0 || s.crashes > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`${firstLines(error, 10)}\n`);
    process.exit(1);
  });
}
