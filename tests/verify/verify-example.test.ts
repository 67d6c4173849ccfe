// `migrate verify` on the example app: apply migrates a temp copy, then every migrated view is run
// next to its original in explore mode at depth 3. Then the migrated counter is broken on purpose
// (an assign dropped, two events swapped, the template changed) and verify must catch each.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runApply } from "../../src/cli/commands/apply.ts";
import { runVerify } from "../../src/cli/commands/verify.ts";
import { verifyProject, type VerifyReport } from "../../src/verify/compare.ts";
import { EXAMPLE_APP } from "./original-app.ts";

let dir: string;

function quietIo(cwd: string) {
  let out = "";
  return {
    io: { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) }, env: { NO_COLOR: "1" }, cwd, setExitCode() {} },
    output: () => out,
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lvm-verify-app-"));
  cpSync(EXAMPLE_APP, dir, { recursive: true });
  await runApply(dir, { typeCheck: false, bundleCheck: false, report: false }, quietIo(dir).io as never);
}, 60_000);

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

describe("verify on the example app", () => {
  it("every view apply migrated is equivalent in explore mode at depth 3 (none diverges)", async () => {
    // every level in full while the budget allows, then a sample, with at least one path per level down to 3
    const report = await verifyProject(dir, { mode: "explore", depth: 3, maxPaths: 16 });
    const byView = Object.fromEntries(report.views.map((v) => [v.view, v]));
    // apply migrates these today; a view that stops being migrated must not silently drop out of verification
    for (const id of ["src/views/counter.ts#counterLiveView", "src/views/faq.ts#faqView", "src/views/slides.ts#slideDeckView", "src/views/releaseNotes.ts#releaseNotesView", "src/views/cityAutocomplete.ts#cityAutocompleteView"]) {
      expect(byView[id]?.status, `${id}: ${JSON.stringify(byView[id]?.reason ?? byView[id]?.divergence?.diff)}`).toBe("equivalent");
      expect(byView[id]!.depth).toBe(3);
    }
    expect(report.views.filter((v) => v.status === "diverged").map((v) => `${v.view}\n${v.divergence!.path.join("\n")}\n${v.divergence!.diff}`)).toEqual([]);
  }, 120_000);

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
});
