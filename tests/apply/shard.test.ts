// `migrate apply --plan plan.json --shard K/N` (issue 8): each shard migrates the views of the files it
// owns, so N shards together do exactly what one apply does, and no file is touched twice.

import { readFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.ts";
import { PACKAGE_ROOT, readTree, removeScratch, scratchRepo } from "./cases.ts";

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeScratch));
const FAST = ["--no-report", "--no-type-check", "--no-bundle-check", "--allow-dirty"];

function copy(label: string): string {
  const root = scratchRepo(join(PACKAGE_ROOT, "fixtures", "example-app"), label, false);
  scratch.push(root);
  return root;
}

function migratedIds(stdout: string): string[] {
  return [...stdout.matchAll(/^\S*migrated\S*\s+(\S+) →/gm)].map((m) => m[1]).sort();
}

describe("apply --shard", () => {
  it("N shards migrate exactly the views one apply migrates, each file in one shard, wiring left to a final apply", async () => {
    const whole = copy("shard-whole");
    const single = await runCli(["apply", whole, ...FAST]);
    expect([0, 2]).toContain(single.code);
    const expected = migratedIds(single.stdout);
    expect(expected.length).toBeGreaterThan(3);

    const root = copy("shard-parts");
    const planFile = join(root, ".migrate", "plan.json");
    expect((await runCli(["analyze", root, "--out", planFile, "--no-report"])).code).toBe(0);
    const seen: string[] = [];
    const touched = new Map<string, number>();
    for (let k = 1; k <= 3; k++) {
      const before = readTree(root);
      const run = await runCli(["apply", root, "--plan", planFile, "--shard", `${k}/3`, ...FAST]);
      expect([0, 2], run.stderr).toContain(run.code);
      seen.push(...migratedIds(run.stdout));
      for (const [file, bytes] of readTree(root)) {
        if (file.startsWith(".migrate/")) continue;
        if (!before.get(file)?.equals(bytes)) touched.set(file, (touched.get(file) ?? 0) + 1);
      }
    }
    expect(seen.sort()).toEqual(expected);
    expect([...touched.values()].every((n) => n === 1)).toBe(true);
    // shards do not wire the server: that needs every view's outcome
    expect(existsSync(join(root, "src", "router.migrated.ts"))).toBe(false);
    const final = await runCli(["apply", root, ...FAST]);
    expect([0, 2]).toContain(final.code);
    const routes = readFileSync(join(root, "src", "router.migrated.ts"), "utf8");
    expect(routes).toBe(readFileSync(join(whole, "src", "router.migrated.ts"), "utf8"));
  });

  it("refuses --shard without --plan, and a malformed spec, as usage errors", async () => {
    const root = copy("shard-usage");
    expect((await runCli(["apply", root, "--shard", "1/2", ...FAST])).code).toBe(64);
    writeFileSync(join(root, "plan.json"), "{}");
    expect((await runCli(["apply", root, "--plan", join(root, "plan.json"), "--shard", "3/2", ...FAST])).code).toBe(64);
  });
});
