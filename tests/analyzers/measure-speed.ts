// Manual speed check of analyzeFile + mergeFacts (not a test): `node --import tsx tests/analyzers/measure-speed.ts`.
// Replicates the example app 200 times and reports CPU ms per file (wall time depends on machine load).
import { analyzeFile, mergeFacts } from "../../src/analyzers/index.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
const root = join(import.meta.dirname, "../../fixtures/example-app");
const files = fg.sync("src/**/*.{ts,tsx,js,mjs,cjs}", { cwd: root }).sort();
const inputs = files.map((f) => ({ path: f, text: readFileSync(join(root, f), "utf8") }));
const N = 200;
const all: { path: string; text: string }[] = [];
for (let i = 0; i < N; i++) for (const x of inputs) all.push({ path: `c${i}/${x.path}`, text: x.text });
for (const x of all.slice(0, 200)) analyzeFile(x, { root }); // warm up
let c0 = process.cpuUsage();
let t = performance.now();
const facts = all.map((x) => analyzeFile(x, { root }));
const ta = performance.now() - t;
const ca = process.cpuUsage(c0).user / 1000;
c0 = process.cpuUsage();
t = performance.now();
const m = mergeFacts(facts, { root });
const tm = performance.now() - t;
const cm = process.cpuUsage(c0).user / 1000;
const lines = all.reduce((s, x) => s + x.text.split("\n").length, 0);
console.log(`cpu: analyze ${(ca / all.length).toFixed(2)} ms/file, merge ${cm.toFixed(0)} ms`);
console.log(`${all.length} files (${lines} lines), analyzeFile ${(ta / all.length).toFixed(2)} ms/file, merge ${tm.toFixed(0)} ms, views ${m.views.length}, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
