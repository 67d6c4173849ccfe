// The sharding promise (issue 8): N parts merged give the plan of one unsharded run, byte for byte.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../../bench/generate-corpus.ts";
import { analyzeProject, analyzeShard } from "../../src/pipeline/analyze.ts";
import { mergeParts, parsePart, serializePart } from "../../src/plan/merge.ts";
import { serializePlan } from "../../src/plan/serialize.ts";

const SHARD_COUNTS = [1, 2, 3, 7];

async function mergedPlanText(root: string, count: number): Promise<{ text: string; owned: string[][] }> {
  const parts = [];
  const owned: string[][] = [];
  for (let index = 1; index <= count; index++) {
    const part = await analyzeShard(root, { index, count });
    owned.push(part.facts.map((facts) => facts.path));
    // Through the file format, as on a CI matrix.
    const parsed = parsePart(serializePart(part), `part-${index}.json`);
    if ("exitCode" in parsed) throw new Error(parsed.message);
    parts.push({ name: `part-${index}.json`, part: parsed });
  }
  // Any order of the part files on the command line.
  const result = mergeParts(parts.reverse(), { root });
  if ("problem" in result) throw new Error(result.problem.message);
  return { text: serializePlan(result.plan), owned };
}

function checkShardsPartition(owned: string[][], analyzed: string[]) {
  const all = owned.flat();
  expect(all.length).toBe(new Set(all).size); // nothing analyzed twice
  expect([...all].sort()).toEqual([...analyzed].sort()); // nothing left out
}

describe("merge of shard parts equals the unsharded plan", () => {
  let corpus: string;
  beforeAll(() => {
    corpus = mkdtempSync(join(tmpdir(), "lvm-corpus-"));
    generateCorpus(100, corpus, 5);
  });
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));

  it("on a generated corpus of 100 views, N = 1, 2, 3, 7", async () => {
    const { plan, facts } = await analyzeProject(corpus);
    const expected = serializePlan(plan);
    expect(plan.views.length).toBeGreaterThanOrEqual(100);
    for (const count of SHARD_COUNTS) {
      const { text, owned } = await mergedPlanText(corpus, count);
      checkShardsPartition(owned, facts.map((f) => f.path));
      expect(text === expected, `merged plan of ${count} shards differs from the unsharded plan`).toBe(true);
    }
  }, 120_000);

  const exampleApp = resolve("fixtures/example-app");
  it.runIf(existsSync(exampleApp))("on fixtures/example-app, N = 1, 2, 3, 7", async () => {
    const { plan, facts } = await analyzeProject(exampleApp);
    const expected = serializePlan(plan);
    for (const count of SHARD_COUNTS) {
      const { text, owned } = await mergedPlanText(exampleApp, count);
      checkShardsPartition(owned, facts.map((f) => f.path));
      expect(text === expected, `merged plan of ${count} shards differs from the unsharded plan`).toBe(true);
    }
  }, 120_000);

  it("worker threads give the same plan as one thread", async () => {
    const small = join(corpus, "..", `${corpus.split("/").pop()}-small`);
    generateCorpus(20, small, 6);
    try {
      const one = serializePlan((await analyzeProject(small, { workers: 1 })).plan);
      const two = serializePlan((await analyzeProject(small, { workers: 2 })).plan);
      expect(two === one, "plan with 2 workers differs from the plan with 1").toBe(true);
    } finally {
      rmSync(small, { recursive: true, force: true });
    }
  }, 120_000);
});
