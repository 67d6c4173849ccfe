// Live components a view renders: which plan entry each `live_component(X)` is, the import of the
// migrated X, unique runtime names, and the server wiring of children that have commands.
import { describe, expect, it } from "vitest";
import { childImport, childRedirects, componentsRenderedBy, resolveRendered, liveComponentCalls, uniqueComponentName } from "../../src/codemods/child-components.ts";
import { parseSource } from "../../src/codemods/locate-view.ts";
import { wireServer } from "../../src/codemods/server-wiring.ts";
import { handPlan } from "./hand-plans.ts";

const badge = handPlan({ file: "src/components/badge.ts", name: "badge", kind: "component" });
const picker = handPlan({ file: "src/components/picker/index.ts", name: "picker", kind: "component" });
const view = handPlan({ file: "src/views/team.ts", name: "teamView" });

function rendered(text: string) {
  const sf = parseSource(view.file, text);
  return resolveRendered(sf, view, [badge, picker], liveComponentCalls(sf, sf));
}

describe("live components a view renders", () => {
  it("resolves aliased, extensionless, .js and index imports to the component plans", () => {
    const out = rendered(`import { badge as b } from "../components/badge.js";\nimport picker from "../components/picker";\nconst r = async (meta) => [await meta.live_component(b, {}), await meta.live_component(picker, { id: 1 })];`);
    expect(out.map((r) => [r.local, r.plan?.id, r.imported?.name])).toEqual([
      ["b", "src/components/badge.ts#badge", "badge"],
      ["picker", "src/components/picker/index.ts#picker", "default"],
    ]);
  });

  it("says why when the component is not a plain imported identifier", () => {
    const out = rendered(`import * as parts from "../components/badge.ts";\nconst r = async (meta) => [await meta.live_component(parts.badge, {}), await meta.live_component(local, {})];\nconst local = 1;`);
    expect(out.map((r) => r.problem)).toEqual(["the component is not a plain identifier", "it is not imported from a module of the project"]);
  });

  it("imports the migrated component in the original specifier's style, keeping the local name", () => {
    expect(childImport(view.file, "b", "../components/badge.js", { componentFile: "src/components/badge.component.ts", exportName: "badge" })).toBe(`import { badge as b } from "../components/badge.component.js";`);
    expect(childImport(view.file, "badge", "../components/badge", { componentFile: "src/components/badge.component.ts", exportName: "badge" })).toBe(`import { badge } from "../components/badge.component";`);
    expect(childImport(view.file, "P", "../components/picker", { componentFile: "src/components/picker/index.component.ts", exportName: "default" })).toBe(`import P from "../components/picker/index.component";`);
  });

  it("a component that was not migrated keeps the view on LiveViewJS with a marker naming it and why", () => {
    const sf = parseSource(view.file, `import { badge } from "../components/badge.ts";\n`);
    const { redirects, blockers } = childRedirects(sf, view, "async (meta) => await meta.live_component(badge, {})", { plans: [badge], outcome: () => ({ ok: false, reason: "SHARED_IN_COMPONENT at x" }) }, 0);
    expect(redirects.size).toBe(0);
    expect(blockers).toEqual([{ code: "LIVE_COMPONENT", message: "renders the live component badge (src/components/badge.ts), which stays on LiveViewJS: SHARED_IN_COMPONENT at x", pos: 0 }]);
  });

  it("finds the components a component renders too, each before the one that renders it", () => {
    const card = handPlan({ file: "src/components/card.ts", name: "card", kind: "component" });
    const texts: Record<string, string> = {
      [view.file]: `import { card } from "../components/card.ts";\nconst r = async (meta) => await meta.live_component(card, { id: 1 });`,
      [card.file]: `import { badge } from "./badge.ts";\nconst r = async (meta) => await meta.live_component(badge, {});`,
      [badge.file]: `export const badge = 1;`,
    };
    expect(componentsRenderedBy([view], [badge, card, picker], (f) => texts[f] ?? null).map((p) => p.name)).toEqual(["badge", "card"]);
  });

  it("names a component by its file; by its export when another plan entry has the same base name; by path and export when that clashes too", () => {
    expect(uniqueComponentName(badge, [badge, picker, view])).toBe("badge");
    const other = handPlan({ file: "src/views/badge.ts", name: "badgeView" });
    expect(uniqueComponentName(badge, [badge, other])).toBe(badge.name);
    // five views in index.ts files: each by its export
    const a = handPlan({ file: "src/views/a/index.ts", name: "cartView" });
    const b = handPlan({ file: "src/views/b/index.ts", name: "ordersView" });
    expect([uniqueComponentName(a, [a, b]), uniqueComponentName(b, [a, b])]).toEqual(["cartView", "ordersView"]);
    const sameName = handPlan({ file: "src/views/c/index.ts", name: "cartView" });
    expect(uniqueComponentName(a, [a, sameName])).toBe("src_views_a_index_cartView");
  });
});

describe("server wiring of child components", () => {
  const routers = [{ file: "src/router.ts", routes: [{ path: "/team", viewFile: "src/views/team.ts", viewNames: ["teamView"] }] }];
  const server = `import express from "express";\nimport { NodeExpressLiveViewServer } from "@liveviewjs/express";\nimport { router } from "./router.ts";\nconst liveServer = new NodeExpressLiveViewServer(router, (ctx, body) => body, {});\nexport const app = express();\napp.use(liveServer.httpMiddleware());\n`;
  const migrated = [
    { viewFile: "src/views/team.ts", viewName: "teamView", componentFile: "src/views/team.component.ts", exportName: "teamView" },
    { viewFile: "src/components/picker.ts", viewName: "picker", componentFile: "src/components/picker.component.ts", exportName: "picker", commandsFile: "src/components/picker.commands.ts", child: true },
    { viewFile: "src/components/badge.ts", viewName: "badge", componentFile: "src/components/badge.component.ts", exportName: "badge", child: true },
  ];

  it("lists children with commands in migratedComponents and passes them to the handler", () => {
    const result = wireServer(new Map([["src/server.ts", server]]), migrated, routers);
    const generated = result.newFiles[0]!.text;
    expect(generated).toContain(`import { picker as child1 } from "./components/picker.component.ts";`);
    expect(generated).toContain("{ component: child1, commands: childCommands1 },");
    expect(generated).not.toContain("badge");
    const edits = result.edits.map((e) => e.text).join("\n");
    expect(edits).toContain("import { bridgePubSub, migratedComponents, migratedRoutes, migratedSessionSecrets }");
    expect(edits).toContain("components: migratedComponents,");
  });

  it("adds them to a server file an earlier apply wired without children", () => {
    const before = wireServer(new Map([["src/server.ts", server]]), migrated.slice(0, 1), routers);
    let wired = server;
    for (const edit of [...before.edits].sort((a, b) => b.start - a.start)) wired = wired.slice(0, edit.start) + edit.text + wired.slice(edit.end);
    expect(wired).not.toContain("migratedComponents");
    const after = wireServer(new Map([["src/server.ts", wired]]), migrated, routers);
    let rewired = wired;
    for (const edit of [...after.edits].sort((a, b) => b.start - a.start)) rewired = rewired.slice(0, edit.start) + edit.text + rewired.slice(edit.end);
    expect(rewired).toContain(`import { bridgePubSub, migratedComponents, migratedRoutes, migratedSessionSecrets } from "./router.migrated.ts";`);
    expect(rewired).toMatch(/routes: migratedRoutes,\n\s+components: migratedComponents,\n/);
  });
});
