// Differential fuzzing, a fixed slice (bench/fuzz): 24 generated LiveViewJS views in two projects,
// each type-checked with its own tsconfig before anything changes, then analyze → apply → verify
// (explore, depth 2, a few paths) in this process. The full run is `npm run bench:fuzz`; this slice
// keeps the generator honest and the tool's bugs that it finds in sight.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateProject, REPO_ROOT, writeProject } from "../../bench/fuzz/generate.ts";
import { commitAll, runProject, type ProjectResult } from "../../bench/fuzz/run.ts";

const SEED = 1;
const PROJECTS = 2;
const PER_PROJECT = 12;
const SCRATCH = join(REPO_ROOT, "tmp", `fuzz-slice-${process.pid}`);

const results: ProjectResult[] = [];
/** Per view id: what the HTTP render (liveviewjs 0.8.1, connected=false) of the generated view gave, or its error. */
const rendered = new Map<string, { html?: string; error?: string }>();

/** The part of liveviewjs used here (its exports map hides its types from Bundler resolution). */
interface Liveviewjs {
  handleHttpLiveView(...args: unknown[]): Promise<string | undefined>;
}

/** Mounts and renders a generated view as LiveViewJS's HTTP handler does (the first paint). */
async function renderOverHttp(lv: Liveviewjs, dir: string, file: string, exportName: string): Promise<string> {
  const module = await import(pathToFileURL(join(dir, file)).href);
  const exported = module[exportName];
  const view = typeof exported === "function" ? new exported() : exported;
  const url = new URL("/", "http://localhost:4020");
  const serDe = { serialize: async (data: unknown) => JSON.stringify(data), deserialize: async (data: string) => JSON.parse(data) };
  let redirected: string | undefined;
  const page = await lv.handleHttpLiveView(
    () => "fuzz",
    () => "csrf-fuzz",
    view,
    { getSessionData: () => ({}), getRequestUrl: () => new URL(url), getRequestPath: () => url.pathname, onRedirect: (to: string) => (redirected = to), getSerDe: () => serDe },
    (_title: unknown, _csrf: unknown, content: unknown) => content,
    {},
  );
  if (redirected) throw new Error(`redirected to ${redirected}`);
  return String(page);
}

/** "s1-p0 src/views/v3.ts#v3View" with the step and both renderings, for a failure message. */
function describeDivergences(list: ProjectResult[]): string {
  return list
    .flatMap((r) =>
      r.views
        .filter((v) => v.verify && v.verify.status !== "equivalent")
        .map((v) => {
          const d = v.verify!.divergence;
          const head = `${r.name} ${v.id} ${v.verify!.status}${v.verify!.reason ? ` ${v.verify!.reason.code}: ${v.verify!.reason.message}` : ""}`;
          return d ? `${head} at step ${d.step} after [${d.path.join(" → ")}]\n${d.diff}${d.errors?.migrated.length ? `migrated page: ${d.errors.migrated.join("; ")}\n` : ""}` : head;
        }),
    )
    .join("\n");
}

describe(`differential fuzzing: seed ${SEED}, ${PROJECTS * PER_PROJECT} generated views`, () => {
  beforeAll(async () => {
    // LiveViewJS warns on every form without a hidden _csrf_token input (some generated forms have none)
    const warn = console.warn;
    const quiet = vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes("_csrf_token")) warn(...args);
    });
    try {
      await runSlice();
    } finally {
      quiet.mockRestore();
    }
  }, 240_000);

  async function runSlice() {
    const lv = (await import(pathToFileURL(join(REPO_ROOT, "node_modules", "liveviewjs", "dist", "liveview.mjs")).href)) as Liveviewjs;
    for (let p = 0; p < PROJECTS; p++) {
      const project = generateProject(SEED, p, p * PER_PROJECT + 1, PER_PROJECT);
      const dir = join(SCRATCH, `p${p}`);
      writeProject(project, dir);
      // each view mounts and renders on the real liveviewjs before anything is migrated
      for (const view of project.views) {
        try {
          rendered.set(`${project.name} ${view.file}`, { html: await renderOverHttp(lv, dir, view.file, view.exportName) });
        } catch (error) {
          rendered.set(`${project.name} ${view.file}`, { error: String(error) });
        }
      }
      commitAll(dir);
      // typecheck: true runs first, on the generated sources as written (before analyze and apply)
      results.push(await runProject(project, dir, { depth: 2, maxPaths: 4, viewTimeout: 20_000, typecheck: true }));
    }
  }

  afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

  it("every generated project type-checks with its own tsconfig before migration", () => {
    const errors = results.flatMap((r) => [...r.views.flatMap((v) => v.typeErrors ?? []), ...r.crashes.filter((c) => c.phase === "generate" || c.phase === "typecheck").map((c) => c.message)]);
    expect(errors).toEqual([]);
    expect(results.flatMap((r) => r.views)).toHaveLength(PROJECTS * PER_PROJECT);
  });

  it("every generated view mounts and renders on liveviewjs 0.8.1 before migration", () => {
    expect(rendered.size).toBe(PROJECTS * PER_PROJECT);
    const failed = [...rendered].filter(([, r]) => r.error !== undefined).map(([id, r]) => `${id}: ${r.error}`);
    expect(failed).toEqual([]);
    for (const [id, r] of rendered) expect(r.html, id).toMatch(/<div id="v\d+">/);
  });

  it("the tool does not crash on any of them, and finds every view", () => {
    const crashes = results.flatMap((r) => r.crashes.filter((c) => c.phase !== "generate" && c.phase !== "typecheck").map((c) => `${r.name} [${c.phase}] ${c.view ?? ""} ${c.message}\n${c.stack ?? ""}`));
    expect(crashes).toEqual([]);
    const missing = results.flatMap((r) => r.views.filter((v) => v.outcome === "missing").map((v) => `${r.name} ${v.id}`));
    expect(missing).toEqual([]);
  });

  // (the divergences this slice found — messages sent by a whole-handler command reaching handleEvent — are fixed:
  // messages go by the component's route table and never to handleEvent)
  it("every view that migrated without markers is verify-equivalent", () => {
    const clean = results.flatMap((r) => r.views.filter((v) => v.outcome === "migrated" && v.markers.length === 0).map((v) => ({ r, v })));
    expect(clean.length).toBeGreaterThan(0);
    const notEquivalent = clean.filter(({ v }) => v.verify?.status !== "equivalent");
    expect(notEquivalent.map(({ r, v }) => `${r.name} ${v.id}: ${v.verify?.status ?? "not verified"}`), describeDivergences(results)).toEqual([]);
  });
});
