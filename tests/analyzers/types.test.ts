// Type information only where syntax cannot decide: methods of values built by factories, resolved
// with ts-morph through the analyzed project's tsconfig `paths`.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeDir, fixturesDir, keyClass, placement, view } from "./helpers.ts";

describe("type fallback", () => {
  const root = join(fixturesDir, "analyzer-cases/types");
  const { merged } = analyzeDir(root, "src/**/*.ts");
  const id = "src/views/items.ts#itemsView";

  it("follows a method of a factory-built repository to module state", () => {
    const items = view(merged, id).state.find((k) => k.key === "items")!;
    expect(items.class).toBe("shared");
    expect(items.confidence).toBe("high");
    expect(items.reasons[0]!.message).toContain("src/data/repo.ts#ItemRepo.all → reads module state items (array)");
    expect(placement(merged, id, "add")).toBe("split");
  });

  it("finds a factory-built helper pure, so what it computes stays ui", () => {
    expect(keyClass(merged, id, "heading")).toBe("ui");
    expect(placement(merged, id, "start")).toBe("client");
    expect(view(merged, id).markers).toEqual([]);
  });
});
