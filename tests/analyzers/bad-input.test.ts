// Bad input at the analyzer level: reported as values, never thrown; output stays plain and stable.
import { describe, expect, it } from "vitest";
import { analyzeFile, mergeFacts } from "../../src/analyzers/index.ts";
import { analyzeDir, analyzeSources, fixturesDir } from "./helpers.ts";
import { join } from "node:path";

const opts = { root: "/virtual" };

describe("bad input", () => {
  it("a syntax error is a PARSE_ERROR with the file, the line and the parser's reason", () => {
    const facts = analyzeFile({ path: "src/broken.ts", text: `import { createLiveView } from "liveviewjs";\nexport const v = createLiveView({\n  render: () => html\`ok\`,\n;\n` }, opts);
    expect(facts.views).toEqual([]);
    expect(facts.errors).toHaveLength(1);
    expect(facts.errors[0]).toMatchObject({ file: "src/broken.ts", code: "PARSE_ERROR" });
    expect(facts.errors[0]!.message).toMatch(/^syntax error at line 4: /);
  });

  it("garbage, an empty file and a BOM do not crash", () => {
    expect(analyzeFile({ path: "x.js", text: "\u0000\u0001\u0002 ))) ((( {{{" }, opts).errors[0]!.code).toBe("PARSE_ERROR");
    expect(analyzeFile({ path: "empty.ts", text: "" }, opts)).toMatchObject({ views: [], errors: [] });
    const bom = `\uFEFFimport { createLiveView, html } from "liveviewjs";\nexport const v = createLiveView({ mount: (s) => s.assign({ a: 1 }), render: () => html\`\` });`;
    const f = analyzeFile({ path: "bom.ts", text: bom }, opts);
    expect(f.errors).toEqual([]);
    const w = f.views[0]!.writes[0]!;
    expect(bom.slice(w.span.start, w.span.end)).toBe("a: 1");
  });

  it("a view in a file that imports a missing module still classifies, with the unknown call marked", () => {
    const { merged } = analyzeSources({
      "v.ts": `import { createLiveView, html } from "liveviewjs";\nimport { load } from "./missing";\nexport const v = createLiveView({ mount: (s) => s.assign({ a: load() }), render: () => html\`\` });`,
    });
    const key = merged.views[0]!.state[0]!;
    expect(key).toMatchObject({ key: "a", class: "shared", confidence: "low" });
    expect(key.reasons[0]!.message).toContain("cannot find module ./missing");
  });
});

describe("purity and determinism", () => {
  const dir = join(fixturesDir, "detection");

  it("facts are JSON-serializable and the same on every run", () => {
    const a = analyzeDir(dir);
    const b = analyzeDir(dir);
    expect(JSON.parse(JSON.stringify(a.facts))).toEqual(a.facts);
    expect(JSON.stringify(a.facts)).toBe(JSON.stringify(b.facts));
    expect(JSON.stringify(a.merged)).toBe(JSON.stringify(b.merged));
  });

  it("mergeFacts does not depend on the order facts arrive in (shards, workers)", () => {
    const a = analyzeDir(dir);
    const reversed = mergeFacts([...a.facts].reverse(), { root: dir });
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(a.merged));
  });
});
