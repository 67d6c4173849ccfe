// Manual timing (not a test) of each per-file pass: `node --import tsx tests/analyzers/measure-passes.ts <dir>`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
import { parse } from "../../src/analyzers/ast.ts";
import { buildModuleSummary } from "../../src/analyzers/1_module_summary.ts";
import { detectViews } from "../../src/analyzers/2_detect_views.ts";
import { buildViewModel } from "../../src/analyzers/3_view_model.ts";
const root = process.argv[2]!;
const files = fg.sync("**/*.{ts,tsx,js,mjs,cjs}", { cwd: root }).sort();
const inputs = files.map((f) => ({ path: f, text: readFileSync(join(root, f), "utf8") }));
const t = { parse: 0, summary: 0, detect: 0, model: 0 };
for (let rep = 0; rep < 2; rep++) for (const x of inputs) {
  let c = process.cpuUsage();
  const sf = parse(x.path, x.text);
  const ctx = { path: x.path, text: x.text, sf };
  t.parse += process.cpuUsage(c).user; c = process.cpuUsage();
  const { summary, scope } = buildModuleSummary(ctx);
  t.summary += process.cpuUsage(c).user; c = process.cpuUsage();
  const views = detectViews(ctx, scope, summary.exports);
  t.detect += process.cpuUsage(c).user; c = process.cpuUsage();
  for (const view of views) buildViewModel({ ctx, scope, view, changesetFactories: new Set(), errors: [] });
  t.model += process.cpuUsage(c).user;
}
for (const [k, v] of Object.entries(t)) console.log(k, (v / 1000 / inputs.length / 2).toFixed(2), "ms/file");
