// migrate.config's minConfidence (issue 7): apply acts only on views whose every decision reaches it.
// The fixture's `busy` key is written from an info the view sends itself (ui, medium confidence).

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.ts";
import { PACKAGE_ROOT, removeScratch, scratchRepo } from "./cases.ts";

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeScratch));

async function applyWith(config: object | null): Promise<{ root: string; code: number; view: string }> {
  const root = scratchRepo(join(PACKAGE_ROOT, "fixtures", "config-cases", "min-confidence"), "min-confidence", false);
  scratch.push(root);
  if (config) writeFileSync(join(root, "migrate.config.json"), JSON.stringify(config));
  const { code } = await runCli(["apply", root, "--no-report", "--no-type-check", "--no-bundle-check"]);
  return { root, code, view: readFileSync(join(root, "src/tally.ts"), "utf8") };
}

describe("apply and minConfidence", () => {
  it("migrates the view when no minimum is configured", async () => {
    const { code, view } = await applyWith(null);
    expect(code).toBe(0);
    expect(view).not.toContain("@migrate-todo");
  });

  it("leaves a view with a decision below the minimum on LiveViewJS, with a marker naming it", async () => {
    const { code, view } = await applyWith({ minConfidence: "high" });
    expect(code).toBe(2);
    expect(view).toMatch(/@migrate-todo\(BELOW_MIN_CONFIDENCE\):.*key busy \(medium\)/);
  });
});
