// The server wiring apply writes: routes next to the router that maps the migrated views, the pubsub
// bridge following the pubsub the app gives LiveViewJS (or LiveViewJS's default), and a list of the
// migrated views by name when no router maps them.
import { describe, expect, it } from "vitest";
import { wireServer } from "../../src/codemods/server-wiring.ts";

const serverWith = (options: string) =>
  `import express from "express";\nimport { NodeExpressLiveViewServer } from "@liveviewjs/express";\nimport { router } from "./router.ts";\nimport { pubsub } from "./pubsub.ts";\nconst liveServer = new NodeExpressLiveViewServer(router, (ctx, body) => body, ${options});\nexport const app = express();\napp.use(liveServer.httpMiddleware());\n`;
const inbox = { viewFile: "src/views/inbox.ts", viewName: "inboxView", componentFile: "src/views/inbox.component.ts", exportName: "inboxView" };
const routers = [{ file: "src/router.ts", routes: [{ path: "/inbox", viewFile: "src/views/inbox.ts", viewNames: ["inboxView"] }] }];
const serverEdits = (result: ReturnType<typeof wireServer>) => result.edits.map((e) => e.text).join("\n");

describe("server wiring", () => {
  it("bridges the pubsub the app hands LiveViewJS", () => {
    const result = wireServer(new Map([["src/server.ts", serverWith("{ pubSub: pubsub }")]]), [inbox], routers);
    expect(serverEdits(result)).toContain("void bridgePubSub(migratedSync, pubsub);");
    expect(result.warnings).toEqual([]);
  });

  it("bridges LiveViewJS's default pubsub when the server is given none", () => {
    const result = wireServer(new Map([["src/server.ts", serverWith("{}")]]), [inbox], routers);
    expect(serverEdits(result)).toContain("void bridgePubSub(migratedSync);");
    const generated = result.newFiles[0]!;
    expect(generated.file).toBe("src/router.migrated.ts");
    // every SingleProcessPubSub of a process shares one emitter: a new one hears the app's broadcasts
    expect(generated.text).toContain("} = new SingleProcessPubSub(),");
    expect(generated.text).toContain(`{ path: "/inbox", component: component1,`);
  });

  it("imports in the app's own style (nodenext `.js`), the module URL naming the real file; a plain-JS server gets no TypeScript", () => {
    const nodenext = serverWith("{}").replaceAll(".ts\"", ".js\"");
    const result = wireServer(new Map([["src/server.ts", nodenext]]), [{ ...inbox, commandsFile: "src/views/inbox.commands.ts" }], routers);
    const generated = result.newFiles[0]!.text;
    expect(generated).toContain(`import { inboxView as component1 } from "./views/inbox.component.js";`);
    expect(generated).toContain(`import commands1 from "./views/inbox.commands.js";`);
    expect(generated).toContain(`clientModule: new URL("./views/inbox.component.ts", import.meta.url)`);
    expect(serverEdits(result)).toContain(`from "./router.migrated.js";`);

    const jsViews = [{ viewFile: "src/views/inbox.js", viewName: "inboxView", componentFile: "src/views/inbox.component.js", exportName: "inboxView" }];
    const js = wireServer(new Map([["src/server.js", nodenext]]), jsViews, [{ file: "src/router.js", routes: routers[0]!.routes.map((r) => ({ ...r, viewFile: "src/views/inbox.js" })) }]);
    expect(serverEdits(js)).toContain("getSession: (req) => ({ ...(req.session ?? {}) }),");
    expect(serverEdits(js)).not.toMatch(/\bas unknown\b/);
  });

  it("warns, and does not guess, when the pubsub is an expression it cannot repeat", () => {
    const result = wireServer(new Map([["src/server.ts", serverWith("{ pubSub: new RedisPubSub({ url }) }")]]), [inbox], routers);
    expect(serverEdits(result)).not.toContain("bridgePubSub");
    expect(result.warnings.join("\n")).toMatch(/not a name apply can pass on.*bridgePubSub\(migratedSync, yourPubSub\)/);
  });

  it("lists views no router maps by name, next to the views, in the views' language", () => {
    const views = [
      { viewFile: "views/alarms.js", viewName: "alarmsView", componentFile: "views/alarms.component.js", exportName: "alarmsView", commandsFile: "views/alarms.commands.js" },
      { viewFile: "views/admin/users.js", viewName: "default", componentFile: "views/admin/users.component.js", exportName: "default" },
    ];
    const result = wireServer(new Map(), views, []);
    const generated = result.newFiles[0]!;
    expect(generated.file).toBe("views/routes.migrated.js");
    expect(generated.text).toContain("export const migratedRoutes: RouteDefinition[] = [\n\n];");
    expect(generated.text).toContain(`"alarmsView": { component: component1, commands: commands1, clientModule: new URL("./alarms.component.js", import.meta.url) },`);
    expect(generated.text).toContain(`import component2 from "./admin/users.component.js";`);
    // the bridge follows the topics of the unrouted views too
    expect(generated.text).toContain("[...migratedRoutes, ...Object.values(migratedViews)]");
    expect(result.warnings.join("\n")).toMatch(/2 migrated view\(s\) that no router maps are listed in views\/routes\.migrated\.js/);
    expect(result.warnings.join("\n")).toMatch(/call bridgePubSub\(sync\)/);
  });
});

describe("the generated session secrets", () => {
  it("come from SESSION_SECRET (comma-separated to rotate); production without one refuses to start; development warns", async () => {
    const { stripTypes } = await import("../../src/apply/strip-types.ts");
    const { vi } = await import("vitest");
    const generated = wireServer(new Map([["src/server.ts", serverWith("{}")]]), [inbox], routers).newFiles[0]!.text;
    const source = /export function migratedSessionSecrets[\s\S]*?\n}\n/.exec(generated)![0].replace("export ", "");
    const secrets = new Function(`${stripTypes(source)}\nreturn migratedSessionSecrets;`)() as (env: Record<string, string | undefined>) => string[];
    expect(secrets({ SESSION_SECRET: "new-secret-0123456789, old-secret-0123456789" })).toEqual(["new-secret-0123456789", "old-secret-0123456789"]);
    expect(() => secrets({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET is not set/);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(secrets({})).toEqual(["liveview-migrate-dev-secret-change-me"]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("SESSION_SECRET is not set"));
    warn.mockRestore();
  });
});
