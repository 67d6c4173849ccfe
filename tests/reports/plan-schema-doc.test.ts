import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validatePlan } from "../../src/plan/schema.ts";
import { serializePlan } from "../../src/plan/serialize.ts";

// docs/plan-schema.md is what people code against: its example must be a valid, canonical plan.
describe("docs/plan-schema.md", () => {
  const doc = readFileSync(new URL("../../docs/plan-schema.md", import.meta.url), "utf8");
  const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? "";

  it("holds an example that the schema accepts", () => {
    const result = validatePlan(JSON.parse(example));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it("shows the example exactly as serializePlan writes it", () => {
    const result = validatePlan(JSON.parse(example));
    if (!result.ok) throw new Error("invalid example");
    expect(serializePlan(result.plan)).toBe(example);
  });

  it("documents every top-level field of the plan", () => {
    for (const field of Object.keys(JSON.parse(example))) expect(doc).toContain(`| \`${field}\` |`);
  });
});
