// Issue 17: the plan does not depend on --workers. Worker threads have another stack size than the
// main thread, so any limit that is the stack's own gave other plans for deep files; the nesting limit
// is explicit (src/analyzers/depth.ts) and chains are walked without recursion.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeProject } from "../../src/pipeline/analyze.ts";
import { serializePlan } from "../../src/plan/serialize.ts";
import { DEEP_EXPRESSIONS, deepViewFile, manyEventsFile, type DeepKind } from "../analyzers/deep-sources.ts";

/** Chains (analyzed whole) and nestings past the limit (cut out), around and far past the parser's own limits. */
const CASES: [DeepKind, number][] = [
  ["plus", 1_700], ["then", 830], ["member", 100_000], ["or", 2_000],
  ["object", 300], ["object", 700], ["object", 1_200], ["object", 10_000],
  ["array", 1_000], ["paren", 1_000], ["call", 1_000], ["template", 1_000], ["arrow", 2_000], ["arrowBlock", 800],
  ["ternary", 9_000], ["not", 4_000], ["power", 3_000], ["typeArgs", 700],
];
const NESTINGS = new Set<DeepKind>(["object", "array", "paren", "call", "template", "arrow", "arrowBlock", "ternary", "not", "power", "typeArgs"]);

describe("deep files give the same plan with 1 and 2 workers", () => {
  let root: string;
  const paths: string[] = [];
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "lvm-deep-"));
    mkdirSync(join(root, "src"));
    const write = (path: string, text: string) => {
      writeFileSync(join(root, path), text);
      paths.push(path);
    };
    for (const [kind, n] of CASES) write(`src/${kind}-${n}.ts`, deepViewFile(DEEP_EXPRESSIONS[kind](n)));
    write("src/many-events.ts", manyEventsFile(1_000));
    write("src/top-level.ts", `export const x = ${DEEP_EXPRESSIONS.ternary(9_000)};\n${deepViewFile("1")}`);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("every file is in the plan, the deep ones as TOO_DEEP, and the plans are equal byte for byte", async () => {
    const one = await analyzeProject(root, { workers: 1 });
    const two = await analyzeProject(root, { workers: 2 });
    const plan = one.plan;
    expect(plan.files.map((f) => f.path)).toEqual([...paths].sort());
    expect(plan.errors.filter((e) => e.code !== "TOO_DEEP")).toEqual([]);
    for (const [kind, n] of CASES) {
      const path = `src/${kind}-${n}.ts`;
      const deep = NESTINGS.has(kind);
      expect(plan.errors.filter((e) => e.file === path).map((e) => e.code), path).toEqual(deep ? ["TOO_DEEP"] : []);
      // okView never holds the deep part: it is always kept; deepView only when nothing was cut out of it.
      expect(plan.files.find((f) => f.path === path)!.views, path).toEqual(deep ? [`${path}#okView`] : [`${path}#deepView`, `${path}#okView`]);
    }
    expect(plan.errors.find((e) => e.file === "src/top-level.ts")?.message).toMatch(/^src\/top-level\.ts:1: .*the file was not analyzed$/);
    expect(serializePlan(two.plan) === serializePlan(plan), "plan with 2 workers differs from the plan with 1").toBe(true);
  }, 180_000);
});
