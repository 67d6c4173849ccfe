// Accuracy on the real-world shapes corpus (fixtures/real-world, every key and event labelled by hand
// from DESIGN.md before the tool ran): the floor the analysis must hold. The example app's labels are
// held at 100% by labels.test.ts.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeProject } from "../../src/pipeline/analyze.ts";

const CORPUS = join(import.meta.dirname, "../../fixtures/real-world");
const projects = readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

interface Labels {
  views: Record<string, { keys?: Record<string, { class: string }>; events?: Record<string, { placement: string }> }>;
}

describe("classification on the real-world shapes corpus", () => {
  it("classes 97% or more of the labelled keys and places 97% or more of the labelled events as labelled", async () => {
    expect(projects).toEqual(["chat", "nodes", "plainjs", "shop"]);
    let keys = 0, keysRight = 0, events = 0, eventsRight = 0;
    const misses: string[] = [];
    for (const name of projects) {
      const dir = join(CORPUS, name);
      const labels = JSON.parse(readFileSync(join(dir, "labels.json"), "utf8")) as Labels;
      const { plan } = await analyzeProject(dir, {});
      for (const [id, label] of Object.entries(labels.views)) {
        const view = plan.views.find((v) => v.id === id);
        for (const [key, want] of Object.entries(label.keys ?? {})) {
          keys++;
          const got = view?.state.find((k) => k.key === key)?.class;
          if (got === want.class) keysRight++;
          else misses.push(`${id} ${key}: ${want.class}, got ${got}`);
        }
        for (const [event, want] of Object.entries(label.events ?? {})) {
          events++;
          const got = view?.events.find((e) => e.name === event)?.placement;
          if (got === want.placement) eventsRight++;
          else misses.push(`${id} event ${event}: ${want.placement}, got ${got}`);
        }
      }
    }
    expect(keys).toBeGreaterThan(120);
    expect(keysRight / keys, misses.join("\n")).toBeGreaterThanOrEqual(0.97);
    expect(eventsRight / events, misses.join("\n")).toBeGreaterThanOrEqual(0.97);
  }, 120_000);
});
