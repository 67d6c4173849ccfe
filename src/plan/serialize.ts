// The one way a plan is written (--json, --out, shard parts). Object keys come out in a fixed order,
// whatever order the code built them in: identity fields first (so a person reading the file sees
// what each object is), then the rest alphabetically. Arrays keep their order (buildPlan sorted them).

import type { Plan } from "./types.ts";

/** Keys that lead their object, in this order; every other key follows alphabetically. */
const LEADING_KEYS = [
  "schemaVersion",
  "tool",
  "treeHash",
  "configHash",
  "shard",
  "summary",
  "id",
  "path",
  "file",
  "name",
  "key",
  "code",
  "kind",
  "api",
  "class",
  "placement",
  "status",
  "confidence",
  "message",
  "at",
];
const LEADING_RANK = new Map(LEADING_KEYS.map((key, index) => [key, index]));

function compareKeys(a: string, b: string): number {
  const rankA = LEADING_RANK.get(a) ?? Infinity;
  const rankB = LEADING_RANK.get(b) ?? Infinity;
  if (rankA !== rankB) return rankA - rankB;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Recursively rebuilds objects with ordered keys; drops undefined like JSON.stringify does. */
export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonicalize(item)));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareKeys)) {
      const child = (value as Record<string, unknown>)[key];
      if (child !== undefined) out[key] = canonicalize(child);
    }
    return out;
  }
  return value;
}

/** Stable JSON: canonical key order, 2-space indent, trailing newline. */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(canonicalize(plan), null, 2)}\n`;
}

/** Reads a plan written by serializePlan (no validation: use planSchema from schema.ts for untrusted input). */
export function parsePlanText(text: string): Plan {
  return JSON.parse(text) as Plan;
}
