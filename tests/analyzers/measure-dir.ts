// Manual timing (not a test): `node --import tsx tests/analyzers/measure-dir.ts <dir>`; CPU time per file of analyzeFile, and of mergeFacts.
import { analyzeFile, mergeFacts } from "../../src/analyzers/index.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fg from "fast-glob";
const root = process.argv[2]!;
const files = fg.sync("**/*.{ts,tsx,js,mjs,cjs}", { cwd: root }).sort();
const inputs = files.map((f) => ({ path: f, text: readFileSync(join(root, f), "utf8") }));
let c0 = process.cpuUsage(); let t = performance.now();
const facts = inputs.map((x) => analyzeFile(x, { root }));
const ca = process.cpuUsage(c0); const ta = performance.now() - t;
c0 = process.cpuUsage(); t = performance.now();
const m = mergeFacts(facts, { root });
const cm = process.cpuUsage(c0); const tm = performance.now() - t;
console.log(`${files.length} files: analyze cpu ${((ca.user + ca.system) / 1000 / files.length).toFixed(2)} ms/file (wall ${(ta / files.length).toFixed(2)}), merge cpu ${((cm.user + cm.system) / 1000).toFixed(0)} ms (wall ${tm.toFixed(0)}), views ${m.views.length}, markers ${m.views.reduce((s, v) => s + v.markers.length, 0)}, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
