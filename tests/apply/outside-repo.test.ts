// A project outside this repository (no liveview-migrate, liveviewjs or express in any node_modules
// above it) migrates the same as a copy inside: the checks resolve liveview-migrate/* to this
// package, and the project's own missing packages are its environment, not a migration error. The
// app's own dependency zod is installed, as in any real project: command schemas read the types the
// app builds with it (a volunteer's shift), and without it those types are unknown.

import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyProject, type ApplyResult } from "../../src/apply/apply-project.ts";
import { analyzeProject } from "../../src/pipeline/analyze.ts";
import { PACKAGE_ROOT, readTree, removeScratch, scratchRepo } from "./cases.ts";

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeScratch));

async function migrate(root: string): Promise<{ result: ApplyResult; tree: Map<string, Buffer> }> {
  const { plan } = await analyzeProject(root, {});
  const result = await applyProject({ root, plan });
  return { result, tree: readTree(root) };
}

const outcomes = (result: ApplyResult) => result.views.map((v) => `${v.viewId} ${v.outcome} ${v.markers.map((m) => m.code).join(",")}`).sort();

describe("a project outside the repository", () => {
  it("migrates the example app exactly as a copy inside the repository does", async () => {
    const from = join(PACKAGE_ROOT, "fixtures", "example-app");
    const inside = scratchRepo(from, "inside");
    const outside = scratchRepo(from, "outside", false);
    scratch.push(inside, outside);
    expect(outside.startsWith(PACKAGE_ROOT)).toBe(false);
    mkdirSync(join(outside, "node_modules"));
    symlinkSync(join(PACKAGE_ROOT, "node_modules", "zod"), join(outside, "node_modules", "zod"), "dir");
    const run = (...args: string[]) => execFileSync("git", args, { cwd: outside, stdio: "pipe" });
    run("init", "-q", ".");
    run("add", "-A");
    run("-c", "user.email=t@example.invalid", "-c", "user.name=test", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "input");

    const a = await migrate(inside);
    const b = await migrate(outside);
    expect(a.result.problem).toBeUndefined();
    expect(b.result.problem).toBeUndefined();
    expect(outcomes(b.result)).toEqual(outcomes(a.result));
    expect(b.result.views.filter((v) => v.outcome === "migrated").length).toBeGreaterThan(5);
    // the same files with the same bytes (generated code does not depend on where the project is)
    expect([...b.tree.keys()]).toEqual([...a.tree.keys()]);
    for (const [file, bytes] of a.tree) expect(b.tree.get(file)?.toString("utf8"), file).toBe(bytes.toString("utf8"));
  }, 240_000);
});
