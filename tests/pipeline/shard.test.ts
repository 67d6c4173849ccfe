import { describe, expect, it } from "vitest";
import { assignShards, parseShardSpec, selectShard } from "../../src/pipeline/shard.ts";

// A deterministic pseudo-random tree: sizes spread like real sources (a few big files, many small).
function tree(count: number, seed = 7) {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, (_, i) => ({
    path: `src/${["views", "data", "components"][i % 3]}/file-${String(i).padStart(4, "0")}.ts`,
    size: Math.floor(200 + next() ** 3 * 20_000),
  }));
}

describe("selectShard", () => {
  it("partitions the files: every file in exactly one shard", () => {
    const files = tree(500);
    for (const count of [1, 2, 3, 7, 16]) {
      const shards = Array.from({ length: count }, (_, k) => selectShard(files, k + 1, count).map((f) => f.path));
      const all = shards.flat();
      expect(all.length).toBe(files.length);
      expect(new Set(all)).toEqual(new Set(files.map((f) => f.path)));
    }
  });

  it("does not depend on the order files were discovered in", () => {
    const files = tree(300);
    const shuffled = [...files].reverse().sort((a, b) => (a.size % 13) - (b.size % 13));
    for (let k = 1; k <= 5; k++) expect(selectShard(shuffled, k, 5)).toEqual(selectShard(files, k, 5));
  });

  it("returns each shard's files in path order", () => {
    const shard = selectShard(tree(200), 2, 3).map((f) => f.path);
    expect(shard).toEqual([...shard].sort());
  });

  it("balances shards by size: the heaviest is within one file of the lightest", () => {
    const files = tree(1000);
    const weight = (fs: { size: number }[]) => fs.reduce((sum, f) => sum + f.size + 1024, 0);
    const biggest = Math.max(...files.map((f) => f.size + 1024));
    for (const count of [2, 3, 7]) {
      const weights = Array.from({ length: count }, (_, k) => weight(selectShard(files, k + 1, count)));
      expect(Math.max(...weights) - Math.min(...weights)).toBeLessThanOrEqual(biggest);
      // and by count, roughly: no shard gets twice its share of files
      const sizes = Array.from({ length: count }, (_, k) => selectShard(files, k + 1, count).length);
      expect(Math.max(...sizes)).toBeLessThan((2 * files.length) / count);
    }
  });

  it("spreads empty files instead of piling them on one shard", () => {
    const files = Array.from({ length: 9 }, (_, i) => ({ path: `f${i}.ts`, size: 0 }));
    expect([1, 2, 3].map((k) => selectShard(files, k, 3).length)).toEqual([3, 3, 3]);
  });

  it("gives more shards than files empty shards rather than failing", () => {
    const files = tree(2);
    const owners = assignShards(files, 5);
    expect(new Set(owners.values()).size).toBe(2);
    expect(selectShard(files, 5, 5)).toEqual([]);
  });

  it("refuses a shard index out of range and duplicate paths", () => {
    expect(() => selectShard(tree(3), 0, 2)).toThrow(/between 1 and 2/);
    expect(() => selectShard(tree(3), 3, 2)).toThrow(/between 1 and 2/);
    expect(() => assignShards([{ path: "a", size: 1 }, { path: "a", size: 2 }], 2)).toThrow(/duplicate/);
  });
});

describe("parseShardSpec", () => {
  it("reads K/N", () => {
    expect(parseShardSpec("2/4")).toEqual({ index: 2, count: 4 });
    expect(parseShardSpec("1/1")).toEqual({ index: 1, count: 1 });
  });
  it("explains what is wrong with a bad spec", () => {
    expect(parseShardSpec("2")).toMatchObject({ error: expect.stringContaining("K/N") });
    expect(parseShardSpec("0/3")).toMatchObject({ error: expect.stringContaining("between 1 and 3") });
    expect(parseShardSpec("4/3")).toMatchObject({ error: expect.stringContaining("between 1 and 3") });
    expect(parseShardSpec("1/0")).toMatchObject({ error: expect.stringContaining("at least 1") });
    expect(parseShardSpec("a/b")).toMatchObject({ error: expect.stringContaining("K/N") });
  });
});
