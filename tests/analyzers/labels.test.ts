// Ground truth: every labelled key's class and event's placement in fixtures/example-app/labels.json.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
import { describe, expect, it } from "vitest";
import { analyzeFile, mergeFacts } from "../../src/analyzers/index.ts";

const root = join(import.meta.dirname, "../../fixtures/example-app");
const labelsPath = join(root, "labels.json");

interface Labels {
  views: Record<string, { kind: string; keys?: Record<string, { class: string }>; events?: Record<string, { placement: string }> }>;
}

function analyzeApp() {
  const files = fg.sync("src/**/*.{ts,tsx,js,mjs,cjs}", { cwd: root }).sort();
  const facts = files.map((path) => analyzeFile({ path, text: readFileSync(join(root, path), "utf8") }, { root }));
  return mergeFacts(facts, { root });
}

describe("example app classification equals labels.json", () => {
  const labels = JSON.parse(readFileSync(labelsPath, "utf8")) as Labels;
  const merged = analyzeApp();
  const byId = new Map(merged.views.map((v) => [v.id, v]));

  it("finds every labelled view with its kind", () => {
    for (const [id, label] of Object.entries(labels.views)) {
      expect(byId.get(id), `view ${id} not detected`).toBeDefined();
      expect(byId.get(id)!.kind, id).toBe(label.kind);
    }
  });

  for (const [id, label] of Object.entries(labels.views)) {
    for (const [key, expected] of Object.entries(label.keys ?? {})) {
      it(`${id} key ${key} is ${expected.class}`, () => {
        const decision = byId.get(id)?.state.find((k) => k.key === key);
        expect(decision, `key ${key} missing`).toBeDefined();
        expect(decision!.class, JSON.stringify(decision!.reasons.slice(0, 3))).toBe(expected.class);
      });
    }
    for (const [event, expected] of Object.entries(label.events ?? {})) {
      it(`${id} event ${event} is ${expected.placement}`, () => {
        const decision = byId.get(id)?.events.find((e) => e.name === event);
        expect(decision, `event ${event} missing`).toBeDefined();
        expect(decision!.placement, JSON.stringify(decision!.reasons.slice(0, 3))).toBe(expected.placement);
      });
    }
  }

  it("classifies a component's props (read, never assigned by it) as ui keys", () => {
    for (const [id, label] of Object.entries(labels.views)) {
      for (const prop of (label as { props?: string[] }).props ?? []) {
        const decision = byId.get(id)?.state.find((k) => k.key === prop);
        expect(decision?.class, `${id} prop ${prop}`).toBe("ui");
        expect(decision?.reasons[0]?.code, `${id} prop ${prop}`).toBe("COMPONENT_PROP");
      }
    }
  });

  it("gives carried state to the view whose assigns cannot be read, and only to that one", () => {
    for (const [id, label] of Object.entries(labels.views)) {
      const view = byId.get(id)!;
      expect(view.migration.strategy === "carried", id).toBe("unanalyzable" in label);
    }
  });
});



describe("example app routes", () => {
  it("takes each view's route from the router map", () => {
    const merged = analyzeApp();
    const routes = Object.fromEntries(merged.views.filter((v) => v.route).map((v) => [v.id, v.route]));
    expect(routes["src/views/counter.ts#counterLiveView"]).toBe("/counter");
    expect(routes["src/views/volunteerDetail.ts#volunteerDetailView"]).toBe("/volunteers/:id");
    expect(routes["src/views/preferences.ts#PreferencesLiveView"]).toBe("/preferences");
    expect(routes["src/views/report.js#reportView"]).toBe("/reports");
    expect(merged.views.filter((v) => v.kind === "component").every((v) => v.route === undefined)).toBe(true);
  });
});
