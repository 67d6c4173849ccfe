// Detection: every way a view or component can be defined or imported.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeDir, analyzeSources, fixturesDir } from "./helpers.ts";

const detectionDir = join(fixturesDir, "detection");

describe("fixtures/detection", () => {
  it("yields exactly the expected view ids, kinds and apis per file", () => {
    const expected = JSON.parse(readFileSync(join(detectionDir, "expected.json"), "utf8")) as { files: Record<string, { id: string; kind: string; api: string }[]> };
    const { merged, facts } = analyzeDir(detectionDir);
    for (const f of facts) expect(f.errors.filter((e) => e.code === "PARSE_ERROR"), f.path).toEqual([]);
    for (const [file, views] of Object.entries(expected.files)) {
      const got = merged.views.filter((v) => v.file === file).map((v) => ({ id: v.id, kind: v.kind, api: v.api }));
      expect(got, file).toEqual([...views].sort((a, b) => (a.id < b.id ? -1 : 1)));
    }
  });
});

const counter = (factory: string) => `({
  mount: (socket) => { socket.assign({ count: 0 }); },
  handleEvent: (event, socket) => { if (event.type === "inc") socket.assign({ count: socket.context.count + 1 }); },
  render: (ctx) => html\`<button phx-click="inc">\${ctx.count}</button>\`,
})`;

describe("import and definition forms", () => {
  const ids = (files: Record<string, string>) => analyzeSources(files).merged.views.map((v) => `${v.id} ${v.kind} ${v.api}`);

  it("named and aliased imports", () => {
    expect(ids({ "a.ts": `import { createLiveView, html } from "liveviewjs";\nexport const a = createLiveView${counter("")};` })).toEqual(["a.ts#a view createLiveView"]);
    expect(ids({ "b.ts": `import { createLiveComponent as mk, html } from "liveviewjs";\nexport const b = mk${counter("")};` })).toEqual(["b.ts#b component createLiveComponent"]);
  });

  it("namespace, default and CommonJS imports", () => {
    expect(ids({ "n.ts": `import * as LV from "liveviewjs";\nconst html = LV.html;\nexport const n = LV.createLiveView${counter("")};` })).toEqual(["n.ts#n view createLiveView"]);
    expect(ids({ "d.mjs": `import lv from "liveviewjs";\nconst { html } = lv;\nexport default lv.createLiveView${counter("")};` })).toEqual(["d.mjs#default view createLiveView"]);
    expect(ids({ "r.cjs": `const lv = require("liveviewjs");\nconst { html } = lv;\nmodule.exports = lv.createLiveView${counter("")};` })).toEqual(["r.cjs#default view createLiveView"]);
    expect(ids({ "r2.js": `const { createLiveView: make, html } = require("liveviewjs");\nexports.thing = make${counter("")};` })).toEqual(["r2.js#thing view createLiveView"]);
    expect(ids({ "r3.js": `const make = require("liveviewjs").createLiveView;\nconst html = require("liveviewjs").html;\nconst v = make${counter("")};\nmodule.exports = { v };` })).toEqual(["r3.js#v view createLiveView"]);
  });

  it("a view apply cannot locate (made by a function, inline in a router object, CommonJS exports) carries a VIEW_NOT_TOP_LEVEL marker; a top-level one none", () => {
    const markers = (files: Record<string, string>) => analyzeSources(files).merged.views.map((v) => `${v.id} ${v.markers.map((m) => `${m.code}: ${m.message.split(",")[0]}`).join("; ")}`);
    const factory = `import { createLiveView, html } from "liveviewjs";\nfunction makeCounter(label: string) {\n  return createLiveView${counter("")};\n}\nexport const a = makeCounter("a");\nexport const b = createLiveView${counter("")};`;
    expect(markers({ "f.ts": factory })).toEqual(["f.ts#b ", "f.ts#makeCounter() VIEW_NOT_TOP_LEVEL: the view is made inside makeCounter()"]);
    expect(markers({ "g.ts": `import { createLiveView, html } from "liveviewjs";\nconst make = (big: boolean) => (big ? createLiveView${counter("")} : createLiveView${counter("")});` }).map((m) => m.split(" ")[0])).toEqual(["g.ts#make()", "g.ts#make()@2"]);
    expect(markers({ "r.ts": `import { createLiveView, html } from "liveviewjs";\nexport const routes = { "/count": createLiveView${counter("")} };` })).toEqual(['r.ts#/count VIEW_NOT_TOP_LEVEL: the view is made inline in an object']);
    expect(markers({ "c.cjs": `const lv = require("liveviewjs");\nconst { html } = lv;\nmodule.exports = lv.createLiveView${counter("")};` })).toEqual(["c.cjs#default VIEW_NOT_TOP_LEVEL: the view is made in a CommonJS exports assignment"]);
    expect(markers({ "d.ts": `import { createLiveView, html } from "liveviewjs";\nexport default (createLiveView${counter("")});` })).toEqual(["d.ts#default "]);
  });

  it("aliases held in module constants", () => {
    expect(ids({ "c.ts": `import * as LV from "liveviewjs";\nconst define = LV.createLiveView;\nconst html = LV.html;\nexport const c = define${counter("")};` })).toEqual(["c.ts#c view createLiveView"]);
  });

  it("exported later, under another name, or not at all", () => {
    expect(ids({ "e.ts": `import { createLiveView, html } from "liveviewjs";\nconst local = createLiveView${counter("")};\nexport { local as publicName };` })).toEqual(["e.ts#publicName view createLiveView"]);
    expect(ids({ "f.ts": `import { createLiveView, html } from "liveviewjs";\nconst hidden = createLiveView${counter("")};` })).toEqual(["f.ts#hidden view createLiveView"]);
    expect(ids({ "g.ts": `import { createLiveView, html } from "liveviewjs";\nconst v = createLiveView${counter("")};\nexport default v;` })).toEqual(["g.ts#default view createLiveView"]);
  });

  it("through the project's own re-export modules, several hops away", () => {
    const files = {
      "lib/lv.ts": `export { createLiveView as defineView, html } from "liveviewjs";`,
      "lib/index.ts": `export * from "./lv.ts";\nexport * as kit from "./lv.ts";`,
      "views/a.ts": `import { defineView, html } from "../lib";\nexport const a = defineView${counter("")};`,
      "views/b.ts": `import { kit } from "../lib/index.js";\nconst html = kit.html;\nexport const b = kit.defineView${counter("")};`,
      "lib/base.ts": `import { BaseLiveComponent } from "liveviewjs";\nexport { BaseLiveComponent as Widget };`,
      "views/c.ts": `import { Widget } from "../lib/base";\nimport { html } from "liveviewjs";\nexport class C extends Widget { render() { return html\`<p></p>\`; } }`,
    };
    expect(ids(files)).toEqual(["views/a.ts#a view createLiveView", "views/b.ts#b view createLiveView", "views/c.ts#C component class"]);
  });

  it("does not take a project function with a render option for a view", () => {
    const files = {
      "lib/fake.ts": `export function defineView(o: unknown) { return o; }`,
      "views/x.ts": `import { defineView } from "../lib/fake";\nexport const x = defineView({ render: () => "" });`,
    };
    expect(ids(files)).toEqual([]);
  });

  it("classes: BaseLiveView subclasses, default classes and the legacy API", () => {
    expect(ids({ "k.ts": `import { BaseLiveView, html } from "liveviewjs";\nexport default class extends BaseLiveView { render() { return html\`\`; } }` })).toEqual(["k.ts#default view class"]);
    const legacy = `import { BaseLiveViewComponent, html } from "liveviewjs";
export class Light extends BaseLiveViewComponent {
  mount(params, session, socket) { return { brightness: 10 }; }
  handleEvent(event, params, socket) {
    switch (event) {
      case "on": return { brightness: 100 };
      case "off": return { brightness: 0 };
    }
  }
  render(context) { return html\`<button phx-click="on">\${context.brightness}</button>\`; }
}`;
    const { merged } = analyzeSources({ "legacy.js": legacy });
    expect(merged.views.map((v) => `${v.id} ${v.api}`)).toEqual(["legacy.js#Light legacy-class"]);
    const v = merged.views[0]!;
    expect(v.events.map((e) => `${e.name}:${e.placement}`)).toEqual(["off:client", "on:client"]);
    expect(v.state.map((k) => `${k.key}:${k.class}`)).toEqual(["brightness:ui"]);
  });

  it("parses .tsx in TSX mode and untyped .js", () => {
    expect(ids({ "w.tsx": `import { createLiveView, html } from "liveviewjs";\nconst el = <div>hi</div>;\nexport const w = createLiveView${counter("")};` })).toEqual(["w.tsx#w view createLiveView"]);
  });
});
