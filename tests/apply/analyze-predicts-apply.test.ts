// Analyze predicts apply (issue 12, "one decision model"): on every fixture project, a view the plan
// shows as migratable is migrated by apply, and a view it shows as blocked is left with markers. The
// apply runs as a user's would (type and bundle checks on), in dry-run mode on a copy.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyProject } from "../../src/apply/apply-project.ts";
import { analyzeProject } from "../../src/pipeline/analyze.ts";

const FIXTURES = resolve(import.meta.dirname, "../../fixtures");
const PROJECTS = ["example-app", "real-world/chat", "real-world/shop", "real-world/nodes", "real-world/plainjs"];
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("analyze predicts apply", () => {
  it.each(PROJECTS)("%s: every view's predicted outcome is apply's", async (project) => {
    // inside the checkout, so the copy resolves the app's packages as the original does
    const tmp = resolve(import.meta.dirname, "../../tmp");
    mkdirSync(tmp, { recursive: true });
    const dir = mkdtempSync(join(tmp, "predict-"));
    scratch.push(dir);
    cpSync(join(FIXTURES, project), dir, { recursive: true });
    const { plan } = await analyzeProject(dir, {});
    const result = await applyProject({ root: dir, plan, dryRun: true, allowDirty: true });
    expect(result.problem).toBeUndefined();
    const wrong = result.views
      .filter((r) => (r.plan.migration.status === "blocked") !== (r.outcome === "blocked"))
      .map((r) => `${r.plan.id}: analyze ${r.plan.migration.status}, apply ${r.outcome} ${r.markers.map((m) => m.code).join(",")}`);
    expect(wrong).toEqual([]);
    expect(result.views.length).toBeGreaterThan(5);
  }, 120_000);
});
