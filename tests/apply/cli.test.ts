// The apply / check / revert commands end to end through main(), on golden-case inputs.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { CliIo } from "../../src/cli/io.ts";
import { CASES_DIR, readTree, removeScratch, scratchRepo, writePlanFile } from "./cases.ts";
import { readReport } from "../reports/read-report.ts";

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeScratch));

async function run(args: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "migrate", ...args], (setExitCode): CliIo => ({
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { NO_COLOR: "1", ...env },
    cwd: process.cwd(),
    setExitCode,
  }));
  return { code, stdout, stderr };
}

/** A scratch copy plus a plan file for it. */
function setup(name: string): { root: string; planFile: string } {
  const root = scratchRepo(join(CASES_DIR, name, "input"), `cli-${name}`);
  scratch.push(root);
  return { root, planFile: writePlanFile(root, name) };
}

describe("migrate apply / check / revert", () => {
  it("--dry-run prints the diff and writes nothing", async () => {
    const { root, planFile } = setup("client-counter");
    const before = readTree(root);
    const result = await run(["apply", root, "--plan", planFile, "--dry-run", "--no-type-check", "--no-bundle-check"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^diff --git a\/src\/views\/counter.component.ts b\/src\/views\/counter.component.ts\nnew file mode 100644\n/);
    expect(readTree(root)).toEqual(before);
    expect(existsSync(join(root, ".migrate"))).toBe(false);
  });

  it("apply with markers exits 2, writes the patch and a self-contained report; check lists the markers; revert undoes it", async () => {
    const { root, planFile } = setup("impossible");
    const applied = await run(["apply", root, "--plan", planFile, "--no-type-check", "--no-bundle-check"]);
    expect(applied.code).toBe(2);
    expect(applied.stdout).toMatch(/0 migrated, 1 left with 1 marker\(s\)/);
    const patch = readFileSync(join(root, ".migrate/migration.patch"), "utf8");
    expect(patch).toMatch(/\+\s+\/\/ @migrate-todo\(SHUTDOWN\)/);
    const report = readFileSync(join(root, ".migrate/apply-report.html"), "utf8");
    const { data, details } = readReport(report);
    expect(data.views.map((v) => [v.id, v.status, v.markerCodes])).toEqual([["src/views/ticker.ts#tickerView", "blocked", ["SHUTDOWN"]]]);
    // the page draws the view's diff from its patch when the view is opened
    expect(details[0]!.diffs!.map((d) => d.file)).toEqual(["src/views/ticker.ts"]);
    expect(details[0]!.diffs![0]!.patch).toMatch(/\+\s+\/\/ @migrate-todo\(SHUTDOWN\)/);
    expect(report).not.toMatch(/(src|href)="(https?:)?\/\//);

    const checked = await run(["check", root]);
    expect(checked.code).toBe(2);
    expect(checked.stdout).toContain("src/views/ticker.ts:21 SHUTDOWN");
    expect(checked.stdout).toContain("1 marker(s) left.");

    // the same plan again: the file differs from the plan only by apply's own edits → accepted, nothing changes
    const tree = readTree(root);
    const again = await run(["apply", root, "--plan", planFile, "--allow-dirty", "--no-type-check", "--no-bundle-check"]);
    expect(again.code).toBe(2);
    expect(again.stdout).toContain("0 file(s) written");
    expect(readTree(root)).toEqual(tree);

    // an edit by hand since the plan: refused
    writeFileSync(join(root, "src/views/ticker.ts"), readFileSync(join(root, "src/views/ticker.ts"), "utf8").replace("1000", "2000"));
    const refused = await run(["apply", root, "--plan", planFile, "--allow-dirty", "--no-type-check", "--no-bundle-check"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/changed since the plan was made/);
    writeFileSync(join(root, "src/views/ticker.ts"), readFileSync(join(root, "src/views/ticker.ts"), "utf8").replace("2000", "1000"));

    const reverted = await run(["revert", root]);
    expect(reverted.code).toBe(0);
    expect(reverted.stdout).toContain("restored src/views/ticker.ts");
    // back to an app apply never touched: no marker, but nothing to check either (not a pass)
    const after = await run(["check", root]);
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/nothing to check .*run migrate apply first/);
  });

  it("check after an apply that left no marker: exit 0, says so", async () => {
    const { root, planFile } = setup("client-counter");
    expect((await run(["apply", root, "--plan", planFile, "--no-type-check", "--no-bundle-check"])).code).toBe(0);
    const checked = await run(["check", root]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toBe("No @migrate-todo markers left.\n");
  });

  it("a failure injected through the environment stops apply with exit 1 and the view's files as they were", async () => {
    const { root, planFile } = setup("shared-roster");
    const result = await run(["apply", root, "--plan", planFile, "--no-type-check", "--no-bundle-check"], { LVM_APPLY_FAIL_AFTER_RENAMES: "1" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/injected failure/);
    expect(readTree(root)).toEqual(readTree(join(CASES_DIR, "shared-roster", "input")));
  });

  it("refuses a dirty tree with exit 1", async () => {
    const { root, planFile } = setup("client-counter");
    writeFileSync(join(root, "notes.txt"), "uncommitted\n");
    const result = await run(["apply", root, "--plan", planFile, "--no-type-check", "--no-bundle-check"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/uncommitted changes/);
    expect(result.stderr).toContain("notes.txt");
  });

  it("names the dependencies it added to package.json, and revert takes them out again", async () => {
    const { root, planFile } = setup("server-wiring");
    const before = readFileSync(join(root, "package.json"), "utf8");
    const applied = await run(["apply", root, "--plan", planFile, "--no-type-check", "--no-bundle-check"]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain("package.json: added @liveview-migrate/runtime, zod to dependencies; run npm install");
    expect(Object.keys(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).dependencies)).toEqual(["@liveview-migrate/runtime", "@liveviewjs/express", "express", "liveviewjs", "zod"]);
    const again = await run(["apply", root, "--plan", planFile, "--allow-dirty", "--no-type-check", "--no-bundle-check"]);
    expect(again.stdout).toContain("0 file(s) written");
    expect(again.stdout).not.toContain("package.json");
    const reverted = await run(["revert", root]);
    expect(reverted.stdout).toContain("restored package.json");
    expect(readFileSync(join(root, "package.json"), "utf8")).toBe(before);
  });
});
