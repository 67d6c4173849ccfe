import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildPlan, computeTreeHash } from "../../src/plan/build.ts";
import { validatePlan } from "../../src/plan/schema.ts";
import { serializePlan } from "../../src/plan/serialize.ts";
import { counterView, componentView, samplePlan } from "./sample-plan.ts";

describe("buildPlan", () => {
  it("sorts files, views, keys and events, and lists each file's views", () => {
    const plan = samplePlan();
    expect(plan.files.map((file) => file.path)).toEqual(["src/broken.ts", "src/components/badge.ts", "src/views/counter.ts"]);
    expect(plan.views.map((view) => view.id)).toEqual(["src/components/badge.ts#default", "src/views/counter.ts#counterLiveView"]);
    expect(plan.views[1].state.map((key) => key.key)).toEqual(["count", "todos"]);
    expect(plan.files[2].views).toEqual(["src/views/counter.ts#counterLiveView"]);
  });

  it("marks a file with a failure-coded error as status error, not one with only a gap (DYNAMIC_KEYS)", () => {
    const plan = buildPlan({
      files: [
        { path: "a.ts", hash: "a".repeat(64), size: 1, status: "ok", views: [] },
        { path: "b.ts", hash: "b".repeat(64), size: 1, status: "ok", views: [] },
      ],
      merged: {
        views: [],
        functions: [],
        errors: [
          { file: "a.ts", code: "PARSE_ERROR", message: "x" },
          { file: "b.ts", code: "DYNAMIC_KEYS", message: "y" },
          { file: "b.ts", code: "DYNAMIC_KEYS", message: "y" },
        ],
      },
      configHash: null,
      version: "1.2.3",
    });
    expect(plan.files.map((file) => file.status)).toEqual(["error", "ok"]);
    expect(plan.errors).toHaveLength(2);
    expect(plan.summary.errors).toBe(2);
    expect(plan.tool).toEqual({ name: "liveview-migrate", version: "1.2.3" });
  });

  it("counts the summary from the views", () => {
    expect(samplePlan().summary).toEqual({
      files: 3,
      views: 1,
      components: 1,
      keys: { ui: 1, form: 0, shared: 1 },
      events: { client: 1, server: 0, split: 0 },
      markers: 1,
      errors: 1,
      progress: { pending: 2, migrated: 0, blocked: 0, ignored: 0 },
    });
  });

  it("computes the tree hash as sha256 over sorted path\\0hash lines, independent of input order", () => {
    const files = [
      { path: "b.ts", hash: "2".repeat(64) },
      { path: "a.ts", hash: "1".repeat(64) },
    ];
    const expected = createHash("sha256").update(`a.ts\0${"1".repeat(64)}\nb.ts\0${"2".repeat(64)}\n`).digest("hex");
    expect(computeTreeHash(files)).toBe(expected);
    expect(computeTreeHash([...files].reverse())).toBe(expected);
  });

  it("gives the same bytes whatever order the inputs came in", () => {
    const a = serializePlan(samplePlan());
    const shuffled = buildPlan({
      files: [...samplePlan().files].reverse(),
      merged: { views: [componentView(), { ...counterView(), state: [...counterView().state].reverse() }].reverse(), functions: [], errors: samplePlan().errors },
      configHash: null,
      version: "0.1.0",
    });
    expect(serializePlan(shuffled)).toBe(a);
  });
});

describe("serializePlan", () => {
  it("writes identity fields first, then the rest alphabetically, with 2-space indent and a trailing newline", () => {
    const text = serializePlan(samplePlan());
    expect(text.endsWith("}\n")).toBe(true);
    const top = Object.keys(JSON.parse(text));
    expect(top).toEqual(["schemaVersion", "tool", "treeHash", "configHash", "summary", "errors", "files", "functions", "views"]);
    const view = JSON.parse(text).views[1];
    expect(Object.keys(view).slice(0, 6)).toEqual(["id", "file", "name", "kind", "api", "at"]);
    expect(text).toContain('\n  "schemaVersion": 1,\n');
  });

  it("produces a document the schema accepts", () => {
    const result = validatePlan(JSON.parse(serializePlan(samplePlan())));
    expect(result).toEqual({ ok: true, plan: expect.anything() });
  });
});

describe("validatePlan", () => {
  it("names the path of each bad field", () => {
    const bad = JSON.parse(serializePlan(samplePlan()));
    bad.views[1].state[0].class = "client";
    bad.files[0].hash = "nope";
    delete bad.schemaVersion;
    const result = validatePlan(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.join("\n")).toMatch(/^schemaVersion: /m);
    expect(result.issues.join("\n")).toMatch(/^views\.1\.state\.0\.class: /m);
    expect(result.issues.join("\n")).toMatch(/^files\.0\.hash: /m);
  });

  it("rejects fields the schema does not document", () => {
    const extra = JSON.parse(serializePlan(samplePlan()));
    extra.views[0].surprise = true;
    expect(validatePlan(extra).ok).toBe(false);
  });
});
