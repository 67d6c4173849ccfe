// `migrate analyze --shard K/N` and `migrate merge` through the CLI: exit codes and messages.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate-corpus.ts";
import { runCli } from "../cli/run-cli.ts";

describe("migrate analyze --shard / migrate merge", () => {
  let work: string;
  let app: string;
  const file = (name: string) => join(work, name);
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "lvm-merge-cli-"));
    app = join(work, "app");
    generateCorpus(24, app, 11);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("writes parts that merge into the unsharded plan", async () => {
    const quiet = ["--no-progress", "--no-report"];
    expect((await runCli(["analyze", app, "--out", file("plan.json"), ...quiet])).code).toBe(0);
    for (const k of [1, 2]) {
      const run = await runCli(["analyze", app, "--shard", `${k}/2`, "--out", file(`part-${k}.json`), ...quiet]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`shard ${k}/2`);
    }
    // From another folder: merge is told where the analyzed tree is (its tsconfig.json takes part).
    const elsewhere = await runCli(["merge", file("part-2.json"), file("part-1.json"), "--out", file("merged.json")], { cwd: work });
    expect(elsewhere.code).toBe(64);
    expect(elsewhere.stderr).toContain("--root");
    const merged = await runCli(["merge", file("part-2.json"), file("part-1.json"), "--out", file("merged.json"), "--root", app]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toContain("Merged 2 parts");
    expect(readFileSync(file("merged.json"), "utf8") === readFileSync(file("plan.json"), "utf8")).toBe(true);
  }, 60_000);

  it("refuses an incomplete set of parts with exit 1 and names the missing shard", async () => {
    const run = await runCli(["merge", file("part-1.json"), "--out", file("x.json"), "--root", app]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("missing shard 2/2 of 2");
  });

  it("treats wrong input files and missing options as usage errors (64)", async () => {
    const plan = await runCli(["merge", file("plan.json"), "--out", file("x.json")]);
    expect(plan.code).toBe(64);
    expect(plan.stderr).toContain("looks like a merged plan");
    const missing = await runCli(["merge", file("nope.json"), "--out", file("x.json")]);
    expect(missing.code).toBe(64);
    expect(missing.stderr).toContain("cannot read part");
    const noOut = await runCli(["merge", file("part-1.json"), file("part-2.json")]);
    expect(noOut.code).toBe(64);
    expect(noOut.stderr).toContain("--out");
  });

  it("rejects bad --shard and --workers values before doing any work", async () => {
    const shard = await runCli(["analyze", app, "--shard", "3/2", "--out", file("p.json")]);
    expect(shard.code).toBe(64);
    expect(shard.stderr).toContain("between 1 and 2");
    const noOut = await runCli(["analyze", app, "--shard", "1/2", "--no-report"]);
    expect(noOut.code).toBe(64);
    expect(noOut.stderr).toContain("--out");
    const workers = await runCli(["analyze", app, "--workers", "0"]);
    expect(workers.code).toBe(64);
    expect(workers.stderr).toContain("--workers");
  });
});
