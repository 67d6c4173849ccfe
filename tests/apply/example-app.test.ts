// The example app end to end: analyze (the real analyzer) → apply on a copy. Every view is either
// migrated (component written, route served by the runtime) or left with markers that say why.

import { join } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { applyProject } from "../../src/apply/apply-project.ts";
import { findMarkers } from "../../src/apply/markers.ts";
import { analyzeProject } from "../../src/pipeline/analyze.ts";
import { PACKAGE_ROOT, readTree, removeScratch, scratchRepo } from "./cases.ts";

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeScratch));

describe("the example app", () => {
  it("migrates every view or leaves it with markers and a reason; a second apply changes nothing", async () => {
    const root = scratchRepo(join(PACKAGE_ROOT, "fixtures", "example-app"), "example-app");
    scratch.push(root);
    const { plan } = await analyzeProject(root, {});
    const result = await applyProject({ root, plan });
    expect(result.problem).toBeUndefined();
    // every view, and the live components views render (migrated first, before the views that import them)
    const views = plan.views.filter((v) => v.kind === "view" || v.file.startsWith("src/components/"));
    expect(result.views.map((v) => v.viewId).sort()).toEqual(views.map((v) => v.id).sort());
    for (const view of result.views) {
      if (view.outcome === "migrated") {
        expect(existsSync(join(root, view.component!.file)), view.viewId).toBe(true);
        expect(view.markers, view.viewId).toEqual([]);
      } else {
        expect(view.outcome, view.viewId).toBe("blocked");
        expect(view.markers.length, view.viewId).toBeGreaterThan(0);
        const inFile = findMarkers(view.plan.file, readFileSync(join(root, view.plan.file), "utf8"));
        for (const m of view.markers) expect(inFile.some((f) => f.code === m.code), `${view.viewId} ${m.code}`).toBe(true);
      }
    }
    const migrated = result.views.filter((v) => v.outcome === "migrated").map((v) => v.viewId).sort();
    // the views whose state is all per-tab (labels.json) are among those migrated
    expect(migrated).toEqual(expect.arrayContaining(["src/views/counter.ts#counterLiveView", "src/views/faq.ts#faqView", "src/views/slides.ts#slideDeckView"]));
    const routes = readFileSync(join(root, "src/router.migrated.ts"), "utf8");
    for (const path of ["/counter", "/help", "/orientation"]) expect(routes).toContain(`path: "${path}"`);
    expect(readFileSync(join(root, "src/server.ts"), "utf8")).toContain("expressMiddleware({");
    // the app's pubsub feeds the runtime's sync log (activity feed, volunteers, ... broadcast from data modules)
    expect(readFileSync(join(root, "src/server.ts"), "utf8")).toContain("bridgePubSub(migratedSync, pubSub)");

    // pantry's helpers come through a barrel that re-exports server modules: imported from where they are declared
    expect(migrated).toEqual(expect.arrayContaining(["src/views/pantry.ts#pantryShelfView", "src/views/report.js#reportView"]));
    expect(readFileSync(join(root, "src/views/pantry.component.ts"), "utf8")).toContain(`import { formatQuantity, pluralize } from "../data/format.ts";`);
    // report.js: plain JS in, plain JS out; `event.type === "set-range" && …` dispatches to its action
    expect(readFileSync(join(root, "src/views/report.commands.js"), "utf8")).toContain("if (RANGES.includes(event.range)) {");
    // split events, temporary assigns, class views and state read by commands (labels.json explains each view)
    expect(migrated).toEqual(expect.arrayContaining(["src/views/cityAutocomplete.ts#cityAutocompleteView", "src/views/activityFeed.ts#activityFeedView", "src/views/preferences.ts#PreferencesLiveView", "src/views/volunteerSignup.ts#volunteerSignupView"]));
    const city = readFileSync(join(root, "src/views/cityAutocomplete.component.ts"), "utf8");
    // the typed city shows at once; only the suggestions wait for the command
    expect(city.indexOf("ctx.assign({ city, picked: false })")).toBeGreaterThan(0);
    expect(city.indexOf("ctx.assign({ city, picked: false })")).toBeLessThan(city.indexOf(`ctx.command("suggest"`));
    expect(readFileSync(join(root, "src/views/cityAutocomplete.commands.ts"), "utf8")).not.toContain("picked");
    const search = readFileSync(join(root, "src/views/productSearch.component.ts"), "utf8");
    expect(search).toContain(`ctx.send("run-search"`);
    expect(search).not.toContain(`ctx.command("search"`);
    const feed = readFileSync(join(root, "src/views/activityFeed.component.ts"), "utf8");
    expect(feed).toContain("ctx.assign({ entries: [info.entry, ...ctx.state.entries] })");
    expect(readFileSync(join(root, "src/views/activityFeed.commands.ts"), "utf8")).toContain("postActivity(userFromSession(ctx.session).name, text)");
    // server parts of mount / handleParams: `load` commands; the ui part of handleParams stays in the browser
    expect(migrated).toEqual(expect.arrayContaining(["src/views/account.ts#accountView", "src/views/inventory.ts#inventoryPageView"]));
    const account = readFileSync(join(root, "src/views/account.commands.ts"), "utf8");
    expect(account).toContain("const currentUser = userFromSession(session);");
    // authorization in `delete` recomputes the user from the session, following mount's local
    expect(account).toContain("if (!canManage(userFromSession(ctx.session))) {");
    const inventory = readFileSync(join(root, "src/views/inventory.component.ts"), "utf8");
    expect(inventory).toMatch(/load: \{\s*mount: "mount",\s*params: "handleParams"/);
    expect(inventory).toContain("ctx.assign({ page, perPage, sortBy, sortDir });");
    expect(readFileSync(join(root, "src/views/inventory.commands.ts"), "utf8")).toContain("await listInventory({");

    // live components: migrated next to their modules; the views import them instead of the LiveViewJS ones
    expect(migrated).toEqual(expect.arrayContaining(["src/components/statusBadge.ts#statusBadge", "src/components/shiftPicker.ts#shiftPicker", "src/views/volunteers.ts#volunteersLiveView"]));
    expect(readFileSync(join(root, "src/views/volunteers.component.ts"), "utf8")).toContain(`import { statusBadge } from "../components/statusBadge.component.ts";`);
    expect(readFileSync(join(root, "src/components/shiftPicker.commands.ts"), "utf8")).toContain("await updateShift(volunteerId, choice)");
    expect(readFileSync(join(root, "src/components/shiftPicker.ts"), "utf8")).toBe(readFileSync(join(PACKAGE_ROOT, "fixtures/example-app/src/components/shiftPicker.ts"), "utf8"));
    expect(result.views.find((v) => v.viewId === "src/views/volunteerDetail.ts#volunteerDetailView")!.markers.map((m) => m.code)).not.toContain("LIVE_COMPONENT");
    expect(readFileSync(join(root, "src/server.ts"), "utf8")).toContain("components: migratedComponents,");

    const after = readTree(root);
    const { plan: again } = await analyzeProject(root, {});
    const second = await applyProject({ root, plan: again, allowDirty: true });
    expect(second.changes.map((c) => c.file)).toEqual([]);
    expect(readTree(root)).toEqual(after);
  }, 120_000);
});
