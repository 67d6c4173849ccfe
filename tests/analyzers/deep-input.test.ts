// Issue 17: deep or long input never costs a file. Long left-nested chains (which the parser builds
// without recursion) are analyzed whole; nesting past the limit is cut out and reported as TOO_DEEP
// with its line, and the views that do not contain it are kept. Never ANALYZER_ERROR, never a stack overflow.
import { describe, expect, it } from "vitest";
import { analyzeFile } from "../../src/analyzers/index.ts";
import { MAX_NESTING } from "../../src/analyzers/depth.ts";
import { analyzeSources, keyClass } from "./helpers.ts";
import { DEEP_EXPRESSIONS, deepViewFile, manyEventsFile, type DeepKind } from "./deep-sources.ts";

const opts = { root: "/virtual" };
const analyze = (text: string, path = "src/deep.ts") => analyzeFile({ path, text }, opts);
const viewNames = (facts: ReturnType<typeof analyze>) => facts.views.map((v) => v.name);

describe("long chains are analyzed whole", () => {
  // The sizes of the reported failures, and a member chain far past them.
  const chains: [DeepKind, number][] = [["plus", 1_700], ["then", 830], ["or", 3_000], ["member", 50_000], ["nonNull", 50_000]];
  for (const [kind, n] of chains) {
    it(`${kind} × ${n}: both views, no error`, () => {
      const facts = analyze(deepViewFile(DEEP_EXPRESSIONS[kind](n)));
      expect(facts.errors).toEqual([]);
      expect(viewNames(facts)).toEqual(["deepView", "okView"]);
      const big = facts.views[0]!.writes.find((w) => w.key === "big");
      expect(big?.at).toBe("src/deep.ts:7");
    });
  }

  it("the .then() chain keeps its server effect: big is shared", () => {
    const { merged } = analyzeSources({ "src/deep.ts": deepViewFile(DEEP_EXPRESSIONS.then(830)) });
    expect(keyClass(merged, "src/deep.ts#deepView", "big")).toBe("shared");
    expect(keyClass(merged, "src/deep.ts#okView", "n")).toBe("ui");
  });

  it("a member chain reads the key it starts from", () => {
    const facts = analyze(deepViewFile(DEEP_EXPRESSIONS.member(50_000)));
    expect(facts.views[0]!.writes.find((w) => w.key === "big")?.stateDeps).toEqual(["next"]);
  });

  it("a handler with 3,000 early-return events and a 3,000-way || is dispatched, not lost", () => {
    const facts = analyze(manyEventsFile(3_000), "src/many.ts");
    expect(facts.errors).toEqual([]);
    const events = facts.views[0]!.events.map((e) => e.name);
    expect(events).toContain("e0");
    expect(events).toContain("e2999");
    expect(events).toContain("o2999");
  });
});

describe("nesting past the limit is TOO_DEEP, and only the view holding it is left out", () => {
  const nestings: [DeepKind, number][] = [
    ["object", 1_200], // the reported failure
    ...(["object", "array", "paren", "call", "template", "arrow", "arrowBlock", "ternary", "not", "power", "typeArgs"] as DeepKind[]).map((k): [DeepKind, number] => [k, 10_000]),
  ];
  for (const [kind, n] of nestings) {
    it(`${kind} × ${n}: TOO_DEEP at line 7, okView kept`, () => {
      const facts = analyze(deepViewFile(DEEP_EXPRESSIONS[kind](n)));
      expect(facts.errors.map((e) => e.code)).toEqual(["TOO_DEEP"]);
      expect(facts.errors[0]!.message).toMatch(new RegExp(`^src/deep\\.ts:7: expression nested deeper than ${MAX_NESTING} levels`));
      expect(facts.errors[0]!.message).toContain("deepView");
      expect(viewNames(facts)).toEqual(["okView"]);
    });
  }

  it("nesting a little under the limit is analyzed as usual", () => {
    const facts = analyze(deepViewFile(DEEP_EXPRESSIONS.object(MAX_NESTING - 20)));
    expect(facts.errors).toEqual([]);
    expect(viewNames(facts)).toEqual(["deepView", "okView"]);
  });

  it("two deep places give two errors, each with its line", () => {
    const deep = DEEP_EXPRESSIONS.array(1_000);
    const text = deepViewFile(deep).replace("socket.assign({ n: 0 });", `socket.assign({ n: 0 });\n    const junk = ${deep};`);
    const facts = analyze(text);
    expect(facts.errors.map((e) => e.message.slice(0, e.message.indexOf(" ")))).toEqual(["src/deep.ts:14:", "src/deep.ts:7:"]);
    expect(viewNames(facts)).toEqual([]);
  });

  it("a module function with a cut-out part counts as doing something unknown: what it returns stays on the server", () => {
    const text = deepViewFile("1").replace("function f(a: unknown) { return a; }", `function table() { return ${DEEP_EXPRESSIONS.object(1_000)}; }`).replace("socket.assign({ n: 0 });", "socket.assign({ n: 0, t: table() });");
    const { facts, merged } = analyzeSources({ "src/deep.ts": text });
    expect(facts[0]!.errors.map((e) => e.code)).toEqual(["TOO_DEEP"]);
    expect(facts[0]!.errors[0]!.message).toMatch(/^src\/deep\.ts:4: /);
    expect(keyClass(merged, "src/deep.ts#okView", "t")).toBe("shared");
    expect(keyClass(merged, "src/deep.ts#deepView", "big")).toBe("ui");
  });

  it("a view whose handler is a module function with a cut-out part is left out too", () => {
    const text = deepViewFile("1").replace("function f(a: unknown) { return a; }", `function mountOk(socket: any) { socket.assign({ n: ${DEEP_EXPRESSIONS.array(1_000)} }); }`).replace("mount: (socket) => { socket.assign({ n: 0 }); },", "mount: mountOk,");
    const facts = analyze(text);
    expect(facts.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^src\/deep\.ts:4: .*; view okView is left out of the plan$/)]);
    expect(viewNames(facts)).toEqual(["deepView"]);
  });

  it("nesting at the top level of the file, where nothing can be cut out, fails the file with TOO_DEEP (not PARSE_ERROR)", () => {
    const facts = analyze(`export const x = ${DEEP_EXPRESSIONS.ternary(10_000)};\n` + deepViewFile("1"));
    expect(facts.errors.map((e) => e.code)).toEqual(["TOO_DEEP"]);
    expect(facts.errors[0]!.message).toMatch(/^src\/deep\.ts:1: expression nested deeper than/);
    expect(facts.views).toEqual([]);
  });

  it("nesting the count leaves out (a chain of labels) is TOO_DEEP when the parser runs out of stack, not a crash", () => {
    const facts = analyze(`${"a: ".repeat(50_000)}x0;\n${deepViewFile("1")}`);
    expect(facts.errors).toEqual([{ file: "src/deep.ts", code: "TOO_DEEP", message: "src/deep.ts: nested too deep for the parser; the file was not analyzed" }]);
  });

  it("the same input gives the same facts every time", () => {
    const text = deepViewFile(DEEP_EXPRESSIONS.object(5_000));
    expect(JSON.stringify(analyze(text))).toBe(JSON.stringify(analyze(text)));
  });
});
