// Splitting a tree into N shards for CI matrices (`--shard K/N` on analyze and apply).
// Every shard of every machine must compute the same split from the same tree, so the split depends
// only on the set of (path, size) pairs: never on discovery order, the clock or the machine.

export interface ShardSpec {
  /** 1-based shard number. */
  index: number;
  count: number;
}

export interface ShardableFile {
  path: string;
  size: number;
}

/** Files above this many shards are a usage mistake, not a plan. */
export const MAX_SHARDS = 1000;

/**
 * A fixed cost per file on top of its size: small files still cost a parse and a walk, and without it
 * a run of empty files would all land on the same (least loaded) shard.
 */
const PER_FILE_WEIGHT = 1024;

/** Parses "K/N" (1 ≤ K ≤ N). Returns a message a person can act on when it is not one. */
export function parseShardSpec(text: string): ShardSpec | { error: string } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return { error: `--shard expects K/N (for example 2/4), got "${text}"` };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) return { error: `--shard ${text}: the shard count N must be at least 1` };
  if (count > MAX_SHARDS) return { error: `--shard ${text}: at most ${MAX_SHARDS} shards` };
  if (index < 1 || index > count) return { error: `--shard ${text}: K must be between 1 and ${count}` };
  return { index, count };
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Assigns every file to exactly one of `count` shards (1-based), balanced by size: the largest files
 * go first, each to the currently lightest shard (ties: larger files first, then path order, then the
 * lowest shard number), which keeps the heaviest shard within one file of the ideal.
 */
export function assignShards(files: readonly ShardableFile[], count: number): Map<string, number> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`shard count must be a positive integer, got ${count}`);
  const ordered = [...files].sort((a, b) => b.size - a.size || byPath(a.path, b.path));
  const load = new Array<number>(count).fill(0);
  const owner = new Map<string, number>();
  for (const file of ordered) {
    if (owner.has(file.path)) throw new Error(`duplicate path in shard input: ${file.path}`);
    let lightest = 0;
    for (let shard = 1; shard < count; shard++) if (load[shard] < load[lightest]) lightest = shard;
    load[lightest] += Math.max(0, file.size) + PER_FILE_WEIGHT;
    owner.set(file.path, lightest + 1);
  }
  return owner;
}

/** The files shard `index` of `count` owns, in path order. */
export function selectShard<F extends ShardableFile>(files: readonly F[], index: number, count: number): F[] {
  if (!Number.isInteger(index) || index < 1 || index > count) {
    throw new Error(`shard index must be between 1 and ${count}, got ${index}`);
  }
  const owner = assignShards(files, count);
  return files.filter((file) => owner.get(file.path) === index).sort((a, b) => byPath(a.path, b.path));
}
