// Shard parts and their merge (issue 8). `migrate analyze --shard K/N` writes a part: every file's
// record (so all parts agree on the tree hash) and the per-file facts of the files shard K owns.
// `migrate merge` checks that the parts belong together, then runs the same cross-file phase and the
// same plan assembly as an unsharded run: the merged plan is the unsharded plan, byte for byte.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { mergeFacts, type FileFacts } from "../analyzers/index.ts";
import { assignShards, type ShardSpec } from "../pipeline/shard.ts";
import { applyMigrationStatus } from "../progress/migration-status.ts";
import { buildPlan, compareText, computeTreeHash, toolVersion } from "./build.ts";
import { canonicalize } from "./serialize.ts";
import { PLAN_SCHEMA_VERSION, type FileError, type FileRecord, type Plan } from "./types.ts";

export interface PlanPart {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  kind: "part";
  tool: { name: "liveview-migrate"; version: string };
  treeHash: string;
  configHash: string | null;
  /**
   * sha256 of the root's tsconfig.json (null when absent): the cross-file phase reads its path mappings
   * from the analyzed folder, which the tree hash (source files only) does not cover.
   */
  tsconfigHash: string | null;
  shard: ShardSpec;
  /** Every discovered file, as read (statuses before the plan adjusts them). */
  files: FileRecord[];
  /** Facts of this shard's files only. */
  facts: FileFacts[];
  /** Discovery and read errors of the whole tree (the same in every part; merged without duplicates). */
  errors: FileError[];
}

/** What a run collected before the cross-file phase; the input of both a plan and a part. */
export interface CollectedFacts {
  files: FileRecord[];
  facts: FileFacts[];
  /** Discovery and read errors (files the analyzer never saw). */
  inputErrors: FileError[];
}

export interface AssembleOptions {
  root: string;
  overrides?: unknown;
  configHash: string | null;
  version?: string;
}

/**
 * The cross-file phase and plan assembly, the one place both `analyze` and `merge` get a plan from.
 * Facts are taken in path order so the result cannot depend on which shard or worker produced them.
 */
export function planFromFacts(collected: CollectedFacts, options: AssembleOptions): Plan {
  const facts = [...collected.facts].sort((a, b) => compareText(a.path, b.path));
  const merged = mergeFacts(facts, { root: options.root, overrides: options.overrides });
  const errors: FileError[] = [...collected.inputErrors, ...facts.flatMap((fileFacts) => fileFacts.errors), ...merged.errors];
  const plan = buildPlan({
    files: collected.files,
    // Progress (issue 7): views already migrated by apply, or by hand in apply's shape (read from root).
    merged: { ...merged, views: applyMigrationStatus(options.root, merged.views), errors },
    configHash: options.configHash,
    version: options.version ?? toolVersion(),
  });
  // migrate.config's minConfidence (issue 7), recorded for apply.
  const minConfidence = (options.overrides as { config?: { minConfidence?: Plan["minConfidence"] } } | undefined)?.config?.minConfidence;
  return minConfidence ? { ...plan, minConfidence } : plan;
}

/** What the cross-file phase reads from the analyzed folder besides the facts (see PlanPart.tsconfigHash). */
export function rootTsconfigHash(root: string): string | null {
  try {
    return createHash("sha256").update(readFileSync(join(root, "tsconfig.json"))).digest("hex");
  } catch {
    return null;
  }
}

export function buildPart(
  collected: CollectedFacts,
  shard: ShardSpec,
  options: { root: string; configHash: string | null; version?: string },
): PlanPart {
  const files = [...collected.files].sort((a, b) => compareText(a.path, b.path));
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    kind: "part",
    tool: { name: "liveview-migrate", version: options.version ?? toolVersion() },
    treeHash: computeTreeHash(files),
    configHash: options.configHash,
    tsconfigHash: rootTsconfigHash(options.root),
    shard: { index: shard.index, count: shard.count },
    files,
    facts: [...collected.facts].sort((a, b) => compareText(a.path, b.path)),
    errors: [...collected.inputErrors],
  };
}

/** Parts are machine-to-machine files (they can be large): compact, with stable key order. */
export function serializePart(part: PlanPart): string {
  return `${JSON.stringify(canonicalize(part))}\n`;
}

/** A refusal a person reads; `exitCode` 64 for wrong input files, 1 for parts that do not fit together. */
export interface MergeProblem {
  code: "NOT_A_PART" | "NO_PARTS" | "ROOT_MISMATCH" | "SCHEMA_MISMATCH" | "VERSION_MISMATCH" | "TREE_MISMATCH" | "CONFIG_MISMATCH" | "SHARD_COUNT_MISMATCH" | "DUPLICATE_SHARD" | "MISSING_SHARD" | "PART_CORRUPT";
  message: string;
  exitCode: 1 | 64;
}

export interface NamedPart {
  /** Where the part came from (file name), for messages. */
  name: string;
  part: PlanPart;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Parses a part file's text; checks its shape, not its agreement with other parts. */
export function parsePart(text: string, name: string): PlanPart | MergeProblem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { code: "NOT_A_PART", exitCode: 64, message: `${name} is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(value) || value.kind !== "part") {
    const hint = isObject(value) && "views" in value ? " (it looks like a merged plan; merge takes the part files of `migrate analyze --shard K/N`)" : "";
    return { code: "NOT_A_PART", exitCode: 64, message: `${name} is not a shard part${hint}` };
  }
  if (value.schemaVersion !== PLAN_SCHEMA_VERSION) {
    return {
      code: "SCHEMA_MISMATCH",
      exitCode: 1,
      message: `${name} uses plan schema ${String(value.schemaVersion)}; this migrate reads schema ${PLAN_SCHEMA_VERSION}`,
    };
  }
  const tool = value.tool;
  const shard = value.shard;
  const shapeOk =
    isObject(tool) &&
    typeof tool.version === "string" &&
    typeof value.treeHash === "string" &&
    (value.configHash === null || typeof value.configHash === "string") &&
    (value.tsconfigHash === null || typeof value.tsconfigHash === "string") &&
    isObject(shard) &&
    Number.isInteger(shard.index) &&
    Number.isInteger(shard.count) &&
    (shard.count as number) >= 1 &&
    (shard.index as number) >= 1 &&
    (shard.index as number) <= (shard.count as number) &&
    Array.isArray(value.files) &&
    Array.isArray(value.facts) &&
    Array.isArray(value.errors);
  if (!shapeOk) return { code: "NOT_A_PART", exitCode: 64, message: `${name} is not a well-formed shard part (missing or invalid fields)` };
  return value as unknown as PlanPart;
}

const listOf = (names: string[]) => names.join(", ");

/** Checks that the parts are the N shards of one run of this tool on one tree; the first problem found. */
export function checkParts(parts: readonly NamedPart[], version = toolVersion()): MergeProblem | undefined {
  if (parts.length === 0) return { code: "NO_PARTS", exitCode: 64, message: "no part files given: migrate merge part-1.json part-2.json ... --out plan.json" };

  const groups = <T>(key: (p: NamedPart) => T) => {
    const map = new Map<T, string[]>();
    for (const p of parts) map.set(key(p), [...(map.get(key(p)) ?? []), p.name]);
    return map;
  };
  const describe = <T>(map: Map<T, string[]>, label: (value: T) => string) =>
    [...map].map(([value, names]) => `${label(value)}: ${listOf(names)}`).join("; ");

  const versions = groups((p) => p.part.tool.version);
  if (versions.size > 1) {
    return { code: "VERSION_MISMATCH", exitCode: 1, message: `parts come from different versions of liveview-migrate (${describe(versions, (v) => v)}); analyze every shard with the same version` };
  }
  const [partVersion] = versions.keys();
  if (partVersion !== version) {
    return { code: "VERSION_MISMATCH", exitCode: 1, message: `parts were made by liveview-migrate ${partVersion}, this is ${version}; merge with the version that analyzed them` };
  }

  for (const { name, part } of parts) {
    if (computeTreeHash(part.files) !== part.treeHash) {
      return { code: "PART_CORRUPT", exitCode: 1, message: `${name}: its file list does not match its tree hash (edited or truncated?)` };
    }
  }
  const trees = groups((p) => p.part.treeHash);
  if (trees.size > 1) {
    return { code: "TREE_MISMATCH", exitCode: 1, message: `parts were analyzed on different trees (${describe(trees, (h) => `tree ${h.slice(0, 12)}`)}); analyze every shard on the same commit` };
  }
  const configs = groups((p) => p.part.configHash);
  if (configs.size > 1) {
    return { code: "CONFIG_MISMATCH", exitCode: 1, message: `parts were analyzed with different configs (${describe(configs, (h) => (h === null ? "no config" : `config ${h.slice(0, 12)}`))})` };
  }
  const tsconfigs = groups((p) => p.part.tsconfigHash);
  if (tsconfigs.size > 1) {
    return { code: "CONFIG_MISMATCH", exitCode: 1, message: `parts were analyzed with different tsconfig.json files (${describe(tsconfigs, (h) => (h === null ? "none" : h.slice(0, 12)))})` };
  }

  const counts = groups((p) => p.part.shard.count);
  if (counts.size > 1) {
    return { code: "SHARD_COUNT_MISMATCH", exitCode: 1, message: `parts disagree on the number of shards (${describe(counts, (n) => `N=${n}`)})` };
  }
  const [count] = counts.keys();
  const byIndex = groups((p) => p.part.shard.index);
  for (const [index, names] of [...byIndex].sort(([a], [b]) => a - b)) {
    if (names.length > 1) return { code: "DUPLICATE_SHARD", exitCode: 1, message: `shard ${index}/${count} given more than once: ${listOf(names)}` };
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    const specs = missing.map((index) => `${index}/${count}`);
    return {
      code: "MISSING_SHARD",
      exitCode: 1,
      message: `missing shard${missing.length > 1 ? "s" : ""} ${listOf(specs)} of ${count}: run migrate analyze --shard ${specs[0]} and pass its part too`,
    };
  }

  // Every fact must come from the shard that owns its file, and every readable file must have facts.
  const owner = assignShards(parts[0].part.files, count);
  const seen = new Set<string>();
  for (const { name, part } of parts) {
    for (const facts of part.facts) {
      if (owner.get(facts.path) !== part.shard.index) {
        return { code: "PART_CORRUPT", exitCode: 1, message: `${name} holds facts for ${facts.path}, which shard ${part.shard.index}/${count} does not own` };
      }
      seen.add(facts.path);
    }
  }
  const unreadable = new Set(parts[0].part.errors.map((error) => error.file));
  const lost = parts[0].part.files.filter((file) => file.status === "ok" && !unreadable.has(file.path) && !seen.has(file.path));
  if (lost.length > 0) {
    return { code: "PART_CORRUPT", exitCode: 1, message: `no part has facts for ${lost.length} file(s), e.g. ${lost[0].path}` };
  }
  return undefined;
}

/** Merges parts into the plan an unsharded run would have written. */
export function mergeParts(parts: readonly NamedPart[], options: { root: string; overrides?: unknown; version?: string }): { plan: Plan } | { problem: MergeProblem } {
  const problem = checkParts(parts, options.version);
  if (problem) return { problem };
  const first = parts[0].part;
  if (rootTsconfigHash(options.root) !== first.tsconfigHash) {
    const found = rootTsconfigHash(options.root) === null ? "has no tsconfig.json" : "has another tsconfig.json";
    return {
      problem: {
        code: "ROOT_MISMATCH",
        exitCode: 64,
        message: `${options.root} ${found} than the folder the parts were analyzed in; run merge in the analyzed folder (or pass --root <dir>)`,
      },
    };
  }
  const plan = planFromFacts(
    {
      files: first.files,
      facts: parts.flatMap(({ part }) => part.facts),
      inputErrors: parts.flatMap(({ part }) => part.errors),
    },
    { root: options.root, overrides: options.overrides, configHash: first.configHash, version: options.version },
  );
  return { plan };
}
