// The config travels through sharding: parts carry its hash, merge re-applies its overrides (the
// merged plan equals one unsharded run) and refuses a root whose config differs; minConfidence is recorded.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.ts";
import type { Plan } from "../../src/plan/types.ts";

const FIXTURE = new URL("../../fixtures/override-cases/", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "lvm-config-shards-"));
cpSync(FIXTURE, dir, { recursive: true });
writeFileSync(join(dir, "migrate.config.json"), JSON.stringify({ minConfidence: "medium", views: { notesLiveView: { keys: { open: "shared" } } } }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("config with shards", () => {
  it("records minConfidence, and merged parts equal the unsharded plan with the overrides applied", async () => {
    const whole = await runCli(["analyze", dir, "--out", join(dir, "whole.json"), "--no-report", "--json"]);
    expect(whole.code).toBe(0);
    const plan = JSON.parse(whole.stdout) as Plan;
    expect(plan.minConfidence).toBe("medium");
    expect(plan.views.find((v) => v.name === "notesLiveView")!.state.find((k) => k.key === "open")!.class).toBe("shared");

    for (const k of [1, 2]) expect((await runCli(["analyze", dir, "--shard", `${k}/2`, "--out", join(dir, `part-${k}.json`), "--no-report"])).code).toBe(0);
    const merged = await runCli(["merge", join(dir, "part-1.json"), join(dir, "part-2.json"), "--root", dir, "--out", join(dir, "merged.json")]);
    expect(merged.stderr).toBe("");
    expect(merged.code).toBe(0);
    expect(readFileSync(join(dir, "merged.json"), "utf8")).toBe(readFileSync(join(dir, "whole.json"), "utf8"));

    writeFileSync(join(dir, "migrate.config.json"), JSON.stringify({ minConfidence: "low" }));
    const refused = await runCli(["merge", join(dir, "part-1.json"), join(dir, "part-2.json"), "--root", dir, "--out", join(dir, "merged2.json")]);
    expect(refused.code).toBe(64);
    expect(refused.stderr).toContain("the parts were made with a different config");
  }, 60_000);
});
