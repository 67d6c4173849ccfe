// `migrate verify` on the example app: apply migrates a temp copy, then every migrated view is run
// next to its original in explore mode at depth 3 (the list comes from apply's journal). Then the
// migrated counter is broken on purpose (an assign dropped, two events swapped, the template changed)
// and verify must catch each.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runApply } from "../../src/cli/run/apply.ts";
import { runVerify } from "../../src/cli/run/verify.ts";
import { verifyProject, type VerifyReport } from "../../src/verify/compare.ts";
import { EXAMPLE_APP } from "./original-app.ts";
import { CHILD_COMPONENT_NOTE } from "../../src/codemods/child-components.ts";

let dir: string;

function quietIo(cwd: string) {
  let out = "";
  return {
    io: { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) }, env: { NO_COLOR: "1" }, cwd, setExitCode() {} },
    output: () => out,
  };
}

beforeAll(async () => {
  // inside the checkout (tmp/ is gitignored) so apply's type and bundle checks resolve the app's packages
  const scratch = resolve(import.meta.dirname, "../../tmp");
  mkdirSync(scratch, { recursive: true });
  dir = mkdtempSync(join(scratch, "verify-example-"));
  cpSync(EXAMPLE_APP, dir, { recursive: true });
  // as `migrate apply` runs: its type and bundle checks keep a view that would not build unmigrated
  await runApply(dir, { report: false }, quietIo(dir).io as never);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const COUNTER = "src/views/counter.component.ts";

/** Runs verify on the counter with its component changed by `mutate`, then restores it. */
async function verifyMutated(mutate: (source: string) => string): Promise<VerifyReport> {
  const file = join(dir, COUNTER);
  const original = readFileSync(file, "utf8");
  const mutated = mutate(original);
  expect(mutated).not.toBe(original); // the mutation applied
  writeFileSync(file, mutated);
  try {
    return await verifyProject(dir, { mode: "explore", depth: 3, maxPaths: 12, only: ["views/counter."] });
  } finally {
    writeFileSync(file, original);
  }
}

/** The views apply migrated, from its journal: each run's new `<name>.component.ts` belongs to the view it migrated. */
function viewsApplyMigrated(root: string): string[] {
  const journal = JSON.parse(readFileSync(join(root, ".migrate/journal.json"), "utf8")) as { runs: Array<{ entries: Array<{ file: string; before: string | null; view: string }> }> };
  // a migrated live component is verified through the views that render it (it has no route)
  const isChild = (file: string) => readFileSync(join(root, file), "utf8").split("\n", 1)[0]!.includes(CHILD_COMPONENT_NOTE);
  const views = journal.runs.flatMap((run) => run.entries.filter((e) => e.before === null && /\.component\.[jt]s$/.test(e.file) && !isChild(e.file)).map((e) => e.view));
  return [...new Set(views)].sort();
}

/** Paths per view in the example-app run: every level in full while this allows, then a sample, with a path for every level down to 3. */
const MAX_PATHS = 10;

describe("verify on the example app", () => {
  it(`every view apply migrated is equivalent in explore mode at depth 3 (at most ${MAX_PATHS} paths per view; none diverges)`, async () => {
    const migrated = viewsApplyMigrated(dir);
    expect(migrated.length).toBeGreaterThan(0);
    const report = await verifyProject(dir, { mode: "explore", depth: 3, maxPaths: MAX_PATHS });
    const byFile = new Map(report.views.map((v) => [v.view.split("#")[0]!, v]));
    // verify finds exactly the views apply migrated, no more and no fewer
    expect([...byFile.keys()].sort()).toEqual(migrated);
    for (const file of migrated) {
      const v = byFile.get(file)!;
      expect(v.status, `${file}: ${JSON.stringify(v.reason ?? v.divergence?.diff)}`).toBe("equivalent");
      expect(v.depth, file).toBe(3);
      expect(v.paths, file).toBeLessThanOrEqual(MAX_PATHS);
    }
    expect(report.views.filter((v) => v.status === "diverged").map((v) => `${v.view}\n${v.divergence!.path.join("\n")}\n${v.divergence!.diff}`)).toEqual([]);
    expect(report.summary).toEqual({ equivalent: migrated.length, diverged: 0, "not-verifiable": 0 });
    // no component ships a module the plan says is server state, nor its data
    expect(report.views.filter((v) => v.leaks).map((v) => [v.view, v.leaks])).toEqual([]);
    expect(report.bundleCheck).toEqual({ serverModules: expect.any(Number) });
    expect(report.verified).toBe(migrated.length);
  }, 300_000);

  it("catches a dropped assign (increment no longer updates parity)", async () => {
    const report = await verifyMutated((s) => s.replace("ctx.assign({ count: next, parity: parityOf(next) });", "ctx.assign({ count: next });"));
    const [counter] = report.views;
    expect(counter!.status).toBe("diverged");
    expect(counter!.divergence!.step).toBe(1);
    expect(counter!.divergence!.path).toEqual([expect.stringContaining("increment")]);
    expect(counter!.divergence!.diff).toContain('-<p class="count" data-parity="odd">');
  }, 60_000);

  it("catches swapped events (increment runs decrement's handler)", async () => {
    const report = await verifyMutated((s) => s.replace("increment(_event, ctx)", "__swap(_event, ctx)").replace("decrement(_event, ctx)", "increment(_event, ctx)").replace("__swap(_event, ctx)", "decrement(_event, ctx)"));
    const [counter] = report.views;
    expect(counter!.status).toBe("diverged");
    expect(counter!.divergence!.step).toBe(1);
    expect(counter!.divergence!.original).toContain('<strong id="count">-1</strong>');
    expect(counter!.divergence!.migrated).toContain('<strong id="count">1</strong>');
  }, 60_000);

  it("catches a changed template on first paint, and the CLI exits 1 with the diff", async () => {
    const file = join(dir, COUNTER);
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("Count: <strong", "Total: <strong"));
    try {
      const { io, output } = quietIo(dir);
      const code = await runVerify(".", { only: ["views/counter."], maxPaths: "3" }, io as never);
      expect(code).toBe(1);
      expect(output()).toContain("diverged at step 0");
      expect(output()).toMatch(/^-<p class="count" data-parity="even">Count: <strong id="count">0<\/strong> \(even\)<\/p>$/m);
      expect(output()).toMatch(/^\+<p class="count" data-parity="even">Total: <strong id="count">0<\/strong> \(even\)<\/p>$/m);
    } finally {
      writeFileSync(file, original);
    }
  }, 60_000);

  it("preferences: both sides save on the same fixed clock, so the \"Saved at\" time matches", async () => {
    const report = await verifyProject(dir, { mode: "script", only: ["views/preferences."], scripts: { "/preferences": [{ kind: "click", index: 3, label: "save" }] } });
    expect(report.views).toEqual([expect.objectContaining({ status: "equivalent", steps: 1 })]);
  }, 60_000);

  it("activity feed: a post reaches the second client through the app's bridgePubSub wiring; without that wiring it diverges", async () => {
    const post = { "/activity": [{ kind: "form" as const, binding: "submit" as const, index: 0, values: { text: "Van loaded" } }] };
    const wired = await verifyProject(dir, { mode: "script", only: ["views/activityFeed."], scripts: post });
    expect(wired.views).toEqual([expect.objectContaining({ status: "equivalent", clients: 2, steps: 1 })]);
    // the app as if apply had found no pubSub to bridge: broadcasts never reach the migrated clients
    const server = join(dir, "src/server.ts");
    const text = readFileSync(server, "utf8");
    const unwired = text.replace(/^.*void bridgePubSub\(.*$/m, "");
    expect(unwired).not.toBe(text);
    writeFileSync(server, unwired);
    try {
      const report = await verifyProject(dir, { mode: "script", only: ["views/activityFeed."], scripts: post });
      expect(report.views[0]!.status).toBe("diverged");
      expect(report.views[0]!.divergence!.original).toContain("Van loaded");
      expect(report.views[0]!.divergence!.migrated).not.toContain("Van loaded");
    } finally {
      writeFileSync(server, text);
    }
  }, 60_000);

  it("volunteer detail: the shift picker (a child component, phx-target=myself) saves through its command on both sides; a broken child command diverges", async () => {
    // open the picker, choose "afternoon", save: the roster's broadcast re-renders the parent's current shift
    const save = { "/volunteers/:id": [{ kind: "click" as const, index: 2 }, { kind: "click" as const, index: 4 }, { kind: "click" as const, index: 6 }] };
    const ok = await verifyProject(dir, { mode: "script", only: ["views/volunteerDetail."], scripts: save });
    expect(ok.views).toEqual([expect.objectContaining({ status: "equivalent", steps: 3 })]);
    const commands = join(dir, "src/components/shiftPicker.commands.ts");
    const text = readFileSync(commands, "utf8");
    const broken = text.replace("await updateShift(volunteerId, choice)", `await updateShift(volunteerId, "evening")`);
    expect(broken).not.toBe(text);
    writeFileSync(commands, broken);
    try {
      const report = await verifyProject(dir, { mode: "script", only: ["views/volunteerDetail."], scripts: save });
      expect(report.views[0]!.status).toBe("diverged");
      expect(report.views[0]!.divergence!.original).toContain("Current shift: afternoon");
      expect(report.views[0]!.divergence!.migrated).toContain("Current shift: evening");
    } finally {
      writeFileSync(commands, text);
    }
  }, 60_000);

  it("catches an action name that does not exist (the increment button's action renamed)", async () => {
    const report = await verifyMutated((s) => s.replace("increment(_event, ctx)", "incremnt(_event, ctx)"));
    const [counter] = report.views;
    expect(counter!.status).toBe("diverged");
    expect(counter!.divergence!.path).toEqual([expect.stringContaining("increment")]);
    expect(counter!.divergence!.original).toContain('<strong id="count">1</strong>');
    expect(counter!.divergence!.migrated).toContain('<strong id="count">0</strong>');
  }, 60_000);

  it("dashboard: polling runs on both clocks (explore lets its interval pass); a timer that never starts diverges at the tick", async () => {
    const file = join(dir, "src/views/dashboard.component.ts");
    const text = readFileSync(file, "utf8");
    const ok = await verifyProject(dir, { mode: "script", only: ["views/dashboard."], scripts: { "/dashboard": [{ kind: "tick", ms: 3000 }, { kind: "click", index: 0, label: "pause" }, { kind: "tick", ms: 6000 }] } });
    expect(ok.views).toEqual([expect.objectContaining({ status: "equivalent", steps: 3 })]);
    const stopped = text.replace(/ctx\.every\(REFRESH_MS, "tick"\);\n(\s*\},\n)/, "$1");
    expect(stopped).not.toBe(text);
    writeFileSync(file, stopped);
    try {
      const report = await verifyProject(dir, { mode: "explore", depth: 1, maxPaths: 6, only: ["views/dashboard."] });
      expect(report.views[0]!.status).toBe("diverged");
      expect(report.views[0]!.divergence!.path).toEqual(["advance timers 3000 ms"]);
      expect(report.views[0]!.divergence!.original).toContain("Refreshed at <time>2026-01-01T09:30:03.000Z</time>");
      expect(report.views[0]!.divergence!.migrated).toContain("Refreshed at <time>2026-01-01T09:30:00.000Z</time>");
    } finally {
      writeFileSync(file, text);
    }
  }, 120_000);
});
