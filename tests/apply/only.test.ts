// Gradual migration (issue 7): `apply --only` migrates the chosen views; every other view stays on
// LiveViewJS untouched, and one Express app serves both on the same routes with one session.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyProject } from "../../src/apply/apply-project.ts";
import { viewFilter } from "../../src/cli/run/apply.ts";
import { analyzeProject } from "../../src/pipeline/analyze.ts";
import { PACKAGE_ROOT, readTree, removeScratch, scratchRepo } from "./cases.ts";

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeScratch));

describe("apply --only", () => {
  it("migrates only the chosen views, leaves the rest on LiveViewJS, and mounts both servers in one app", async () => {
    const root = scratchRepo(join(PACKAGE_ROOT, "fixtures", "example-app"), "only");
    scratch.push(root);
    const { plan } = await analyzeProject(root, {});
    const before = readTree(root);

    const first = await applyProject({ root, plan, only: viewFilter(["counterLiveView"]), typeCheck: false, bundleCheck: false });
    expect(first.problem).toBeUndefined();
    expect(first.views.map((v) => [v.viewId, v.outcome])).toEqual([["src/views/counter.ts#counterLiveView", "migrated"]]);
    const after = readTree(root);
    // every other view file is byte for byte what it was: no markers, no edits
    for (const [file, bytes] of before) {
      if (file.startsWith("src/views/") && file !== "src/views/counter.ts") expect(after.get(file)?.equals(bytes), file).toBe(true);
    }
    const routes = readFileSync(join(root, "src/router.migrated.ts"), "utf8");
    expect(routes).toContain(`path: "/counter"`);
    expect(routes.match(/path: "/g)).toHaveLength(1);
    // the LiveViewJS router still lists every route: the runtime answers /counter first, the rest falls through
    expect(readFileSync(join(root, "src/router.ts"), "utf8")).toBe(before.get("src/router.ts")!.toString("utf8"));

    const server = readFileSync(join(root, "src/server.ts"), "utf8");
    const session = server.indexOf("session({");
    const runtime = server.indexOf("expressMiddleware({");
    const liveviewjs = server.indexOf(".httpMiddleware()");
    // one app: the express session first (both servers read it), then the runtime, then LiveViewJS
    expect(session).toBeGreaterThan(0);
    expect(runtime).toBeGreaterThan(session);
    expect(liveviewjs).toBeGreaterThan(runtime);
    expect(server).toContain("getSession: (req) =>");
    expect(server).toContain("bridgePubSub(migratedSync, pubSub)");

    // a later run with another view adds its route and keeps the first; the wiring is not added twice
    const second = await applyProject({ root, plan, only: viewFilter(["src/views/faq.ts"]), typeCheck: false, bundleCheck: false, allowDirty: true });
    expect(second.problem).toBeUndefined();
    expect(second.views.map((v) => v.viewId)).toEqual(["src/views/faq.ts#faqView"]);
    const routesAfter = readFileSync(join(root, "src/router.migrated.ts"), "utf8");
    expect(routesAfter).toContain(`path: "/counter"`);
    expect(routesAfter).toContain(`path: "/help"`);
    expect(readFileSync(join(root, "src/server.ts"), "utf8").match(/expressMiddleware\(\{/g)).toHaveLength(1);

    // the journal records each view's status for a later analyze's progress view; untouched views are absent (pending)
    const journal = JSON.parse(readFileSync(join(root, ".migrate/journal.json"), "utf8"));
    expect(journal.views["src/views/counter.ts#counterLiveView"]).toEqual({ status: "migrated", component: "src/views/counter.component.ts", markers: [] });
    expect(journal.views["src/views/faq.ts#faqView"]).toMatchObject({ status: "migrated", component: "src/views/faq.component.ts" });
    expect(Object.keys(journal.views).sort()).toEqual(["src/views/counter.ts#counterLiveView", "src/views/faq.ts#faqView"]);
  }, 60_000);
});
