// Runs the analysis over in-memory sources (or a fixture folder) the way the pipeline does.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
import { analyzeFile, mergeFacts, type FileFacts, type MergeResult } from "../../src/analyzers/index.ts";

export function analyzeSources(files: Record<string, string>, root = "/virtual"): { facts: FileFacts[]; merged: MergeResult } {
  const facts = Object.keys(files)
    .sort()
    .map((path) => analyzeFile({ path, text: files[path]! }, { root }));
  return { facts, merged: mergeFacts(facts, { root }) };
}

export function analyzeDir(root: string, pattern = "**/*.{ts,tsx,js,mjs,cjs}"): { facts: FileFacts[]; merged: MergeResult } {
  const files = fg.sync(pattern, { cwd: root, ignore: ["**/node_modules/**"] }).sort();
  const facts = files.map((path) => analyzeFile({ path, text: readFileSync(join(root, path), "utf8") }, { root }));
  return { facts, merged: mergeFacts(facts, { root }) };
}

export function view(merged: MergeResult, id: string) {
  const v = merged.views.find((x) => x.id === id);
  if (!v) throw new Error(`view ${id} not found; have ${merged.views.map((x) => x.id).join(", ")}`);
  return v;
}

export function keyClass(merged: MergeResult, id: string, key: string): string | undefined {
  return view(merged, id).state.find((k) => k.key === key)?.class;
}

export function placement(merged: MergeResult, id: string, event: string): string | undefined {
  return view(merged, id).events.find((e) => e.name === event)?.placement;
}

export const fixturesDir = join(import.meta.dirname, "../../fixtures");
