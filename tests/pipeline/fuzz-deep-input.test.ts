// Issue 17, a small fuzz with a fixed seed: copies of fixtures/example-app's sources with one mutation
// each (an expression wrapped in nesting or a chain up to 3,000 deep, the file cut short, junk
// inserted). Every file must end up in the plan (analyzed, or with an error that is not the analyzer
// failing), a view away from the mutation must survive it, and 1 and 2 workers must give one plan.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rng } from "../../bench/fuzz/generate.ts";
import { analyzeFile } from "../../src/analyzers/index.ts";
import { parse, ts } from "../../src/analyzers/ast.ts";
import { analyzeProject } from "../../src/pipeline/analyze.ts";
import { serializePlan } from "../../src/plan/serialize.ts";
import type { Plan } from "../../src/plan/types.ts";

const SEED = 17;
const MUTANTS = 40;
const APP = resolve("fixtures/example-app/src");
const SOURCES = ["views", "data"].flatMap((dir) => readdirSync(join(APP, dir)).filter((f) => f.endsWith(".ts")).map((f) => `${dir}/${f}`)).sort();

/** Wrappers around an expression's text: nestings (the parser recurses) and chains (it loops). */
const WRAPS: Record<string, (e: string, n: number) => string> = {
  array: (e, n) => `${"[".repeat(n)}${e}${"]".repeat(n)}`,
  paren: (e, n) => `${"(".repeat(n)}${e}${")".repeat(n)}`,
  object: (e, n) => `${"{ a: ".repeat(n)}${e}${" }".repeat(n)}`,
  call: (e, n) => `${"f(".repeat(n)}${e}${")".repeat(n)}`,
  template: (e, n) => `${"`${".repeat(n)}${e}${"}`".repeat(n)}`,
  arrow: (e, n) => `(${"() => ".repeat(n)}(${e}))`,
  ternary: (e, n) => `(${"x ? x : ".repeat(n)}${e})`,
  not: (e, n) => `${"!".repeat(n)}(${e})`,
  plus: (e, n) => `((${e})${" + 0".repeat(n)})`,
  member: (e, n) => `(${e})${".a".repeat(n)}`,
  then: (e, n) => `(${e})${".then((v) => v)".repeat(n)}`,
};

/** Where an expression can be wrapped without breaking the syntax: arguments, initializers, returns. */
function expressionSpots(path: string, text: string): ts.Expression[] {
  const spots: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) spots.push(...node.arguments);
    else if ((ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) && node.initializer) spots.push(node.initializer);
    else if (ts.isReturnStatement(node) && node.expression) spots.push(node.expression);
    ts.forEachChild(node, visit);
  };
  visit(parse(path, text));
  return spots;
}

interface Mutant {
  path: string;
  kind: string;
  /** For wraps: offset of the wrapped expression in the original, and the original's views with their spans. */
  at?: number;
  views?: { name: string; start: number; end: number }[];
}

describe("fuzz: mutated fixture sources", () => {
  let root: string;
  const mutants: Mutant[] = [];
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "lvm-fuzz-deep-"));
    cpSync(APP, join(root, "src"), { recursive: true });
    const r = rng(SEED);
    for (let i = 0; i < MUTANTS; i++) {
      const source = r.pick(SOURCES);
      const text = readFileSync(join(APP, source), "utf8");
      const path = `src/${source.replace(/([^/]+)$/, `fuzz-${i}-$1`)}`;
      const spots = expressionSpots(source, text);
      const kind = spots.length > 0 ? r.weighted({ wrap: 6, truncate: 2, junk: 2 }) : r.weighted({ truncate: 1, junk: 1 });
      let mutated: string;
      const mutant: Mutant = { path, kind };
      if (kind === "wrap") {
        const spot = r.pick(spots);
        const wrap = r.pick(Object.keys(WRAPS));
        const depth = Math.round(Math.exp(r.next() * Math.log(3_000)));
        mutant.kind = `wrap ${wrap} × ${depth}`;
        mutant.at = spot.getStart();
        mutant.views = analyzeFile({ path: source, text }, { root }).views.map((v) => ({ name: v.name, ...v.span }));
        mutated = text.slice(0, spot.getStart()) + WRAPS[wrap]!(text.slice(spot.getStart(), spot.getEnd()), depth) + text.slice(spot.getEnd());
      } else if (kind === "truncate") {
        mutated = text.slice(0, r.int(0, text.length));
      } else {
        const junk = Array.from({ length: r.int(1, 40) }, () => r.pick([..."{}[]()`$\"'/*\\;:,.=>?! \nab1"])).join("");
        const at = r.int(0, text.length);
        mutated = text.slice(0, at) + junk + text.slice(at);
      }
      writeFileSync(join(root, path), mutated);
      mutants.push(mutant);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(`${MUTANTS} mutants (seed ${SEED}): every file in the plan, no analyzer failure, views away from the mutation kept, 1 and 2 workers agree`, async () => {
    const plan: Plan = (await analyzeProject(root, { workers: 1 })).plan;
    const paths = new Set(plan.files.map((f) => f.path));
    for (const m of mutants) expect(paths.has(m.path), `${m.path} (${m.kind}) is missing from the plan`).toBe(true);
    for (const e of plan.errors) {
      expect(["ANALYZER_ERROR", "TIMEOUT"], `${e.file}: ${e.code} ${e.message}`).not.toContain(e.code);
      expect(e.message).not.toMatch(/call stack/i);
    }
    for (const m of mutants.filter((x) => x.at !== undefined)) {
      const errors = plan.errors.filter((e) => e.file === m.path);
      expect(errors.map((e) => e.code), `${m.path} (${m.kind})`).not.toContain("PARSE_ERROR");
      if (errors.some((e) => e.message.endsWith("the file was not analyzed"))) continue;
      const kept = new Set(plan.files.find((f) => f.path === m.path)!.views.map((id) => id.slice(id.indexOf("#") + 1)));
      for (const v of m.views!.filter((x) => !(x.start <= m.at! && m.at! < x.end))) expect(kept.has(v.name), `${m.path} (${m.kind}) lost ${v.name}`).toBe(true);
    }
    // The seed reaches both outcomes: some mutants are cut (TOO_DEEP), the others analyzed whole.
    expect(plan.errors.some((e) => e.code === "TOO_DEEP")).toBe(true);
    expect(mutants.filter((m) => m.at !== undefined && !plan.errors.some((e) => e.file === m.path)).length).toBeGreaterThan(0);

    const two = (await analyzeProject(root, { workers: 2 })).plan;
    expect(serializePlan(two) === serializePlan(plan), "plan with 2 workers differs from the plan with 1").toBe(true);
  }, 180_000);
});
