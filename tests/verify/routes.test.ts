// Finding routers by type and shape (src/verify/routes.ts) on a small app written here: routers
// typed with an aliased LiveViewRouter, inline in a server setup call in a .js file, filled by
// assignment, spread; views as createLiveView results, BaseLiveView classes, default and renamed
// exports; and the route params a mount reads.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppIndex, generatedFrom, ownPath } from "../../src/discovery/routers.ts";

let root: string;
const FILES: Record<string, string> = {
  "src/views/a.js": `import { createLiveView, html } from "liveviewjs";
export const aView = createLiveView({ mount(socket, _session, { id, tab: t }) { socket.assign({ id, t }); }, render: () => html\`a\` });`,
  "src/views/b.ts": `import { BaseLiveView, html } from "liveviewjs";
export class BView extends BaseLiveView {
  mount(socket: any, _session: any, params: any) { const { page } = params; socket.assign({ slug: params.slug, tab: params["tab"], page }); }
  render() { return html\`b\`; }
}`,
  "src/views/e.ts": `import { createLiveView as clv, html } from "liveviewjs";
const e = clv({ render: () => html\`e\` });
export { e as eView };`,
  "src/views/d.js": `import { createLiveView, html } from "liveviewjs";
export default createLiveView({ render: () => html\`d\` });`,
  "src/views/index.ts": `export { aView } from "./a.js";\nexport * from "./b.ts";`,
  // inline in the server setup call, in plain JS, views through a barrel; one inline view, one non-view
  "src/server.js": `import { NodeExpressLiveViewServer } from "@liveviewjs/express";
import { createLiveView, html } from "liveviewjs";
import { aView, BView } from "./views/index.ts";
import d from "./views/d.js";
const TITLES = { "/a": "The A page" };
const hiddenView = createLiveView({ render: () => html\`h\` });
export const server = new NodeExpressLiveViewServer({ "/a/:id": aView, "/b/:slug": new BView(), "/inline": createLiveView({ render: () => html\`i\` }), "/d": d, "/h": hiddenView, "/x": makeThing() }, () => "", { title: TITLES["/a"] });
function makeThing() { return 1; }`,
  // typed through an alias, filled by assignment; spread into another
  "src/routes.ts": `import type { LiveViewRouter as Routes } from "liveviewjs";
import { eView } from "./views/e.ts";
import { aView } from "./views/a.js";
export const more: Routes = {};
more["/e"] = eView;
const all = { ...{ "/spread-a": aView }, "/again-e": eView };
void all;`,
};

beforeAll(() => {
  const scratch = resolve(import.meta.dirname, "../../tmp");
  mkdirSync(scratch, { recursive: true });
  root = mkdtempSync(join(scratch, "verify-routes-"));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(join(root, file, ".."), { recursive: true });
    writeFileSync(join(root, file), text);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("routers by type or shape", () => {
  it("finds every router, exported or not, with the module and export of each view", () => {
    const routers = new AppIndex(root).findRouters();
    const server = routers.find((r) => r.file === "src/server.js")!;
    expect(server).toMatchObject({ by: "shape", name: undefined, exportedAs: undefined });
    expect(server.routes).toEqual([
      { path: "/a/:id", view: { file: "src/views/a.js", exportName: "aView", localName: "aView", construct: false } },
      { path: "/b/:slug", view: { file: "src/views/b.ts", exportName: "BView", localName: "BView", construct: true } },
      { path: "/d", view: { file: "src/views/d.js", exportName: "default", construct: false } },
    ]);
    expect(server.unresolved).toEqual([
      { path: "/inline", why: "the view is defined inline in the router" },
      { path: "/h", why: "hiddenView is not exported by src/server.js" },
    ]);
    // a path → string map is no router
    expect(routers.some((r) => r.routes.some((route) => route.path === "/a"))).toBe(false);
    const more = routers.find((r) => r.name === "more")!;
    expect(more).toMatchObject({ file: "src/routes.ts", by: "type", exportedAs: "more" });
    expect(more.routes).toEqual([{ path: "/e", view: { file: "src/views/e.ts", exportName: "eView", localName: "e", construct: false } }]);
    const all = routers.find((r) => r.name === "all")!;
    expect(all.routes.map((r) => r.path)).toEqual(["/spread-a", "/again-e"]);
  });

  it("the route params a mount reads: destructured, by property, by element", () => {
    const index = new AppIndex(root);
    expect(index.paramsRead({ file: "src/views/a.js", exportName: "aView" })).toEqual(["id", "tab"]);
    expect(index.paramsRead({ file: "src/views/b.ts", exportName: "BView" })).toEqual(["page", "slug", "tab"]);
    expect(index.paramsRead({ file: "src/views/e.ts", exportName: "eView" })).toEqual([]);
    expect(ownPath(4, ["id", "tab"])).toBe("/__verify/4/:id/:tab");
  });

  it("the generated header names the original and its export", () => {
    expect(generatedFrom("// Generated by liveview-migrate from ./counter.ts (counterLiveView). Runs in the browser.\n")).toEqual({ from: "./counter.ts", name: "counterLiveView" });
    expect(generatedFrom("// Hand-written\n")).toEqual({});
  });
});
