// Client runtime benchmark: bundle size (esbuild minify + gzip), and click-to-DOM-updated medians in
// real Chromium for a client action and for a 1,000-row list re-sorted by an action. No server: the
// page is first-painted here with the same components and handed to Chromium with page.setContent.
//
//   node --import tsx bench/runtime-client.bench.ts [--runs 200]
//
// Prints a markdown table (and writes it to bench/results-runtime-client.md).

import { build } from "esbuild";
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { cpus, loadavg } from "node:os";
import { chromium } from "playwright-core";
import { counter, rows, table } from "./runtime-client-components.ts";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 200;

async function bundle(entry: { path?: string; contents?: string }): Promise<{ raw: number; gzip: number; code: string }> {
  const result = await build({
    ...(entry.path ? { entryPoints: [entry.path] } : { stdin: { contents: entry.contents!, resolveDir: repo, loader: "ts" } }),
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].text;
  return { raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length, code };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

async function firstPaint(def: typeof counter | typeof table, state: Record<string, unknown>) {
  const meta = { csrfToken: "bench", url: new URL("http://localhost/"), flash: {}, live_component: async () => { throw new Error("unused"); } };
  const body = String(await def.render(state as never, meta as never));
  const json = JSON.stringify({ state, csrfToken: "bench", offsets: {}, params: {}, url: "http://localhost/" }).replace(/</g, "\\u003c");
  return `<div data-lvm-root="${def.name}">${body}</div><script type="application/json" data-lvm-state="${def.name}">${json}</script>`;
}

async function main() {
  const full = await bundle({ path: join(repo, "src/runtime/client/index.ts") });
  const minimal = await bundle({ contents: `export { defineComponent, html, mount } from "./src/runtime/client/index.ts";` });
  const withChangesets = await bundle({
    contents: `export * from "./src/runtime/client/index.ts"; export { newChangesetFactory } from "./src/runtime/template/index.ts";`,
  });
  const liveviewjsClient = await bundle({
    contents: `import { Socket } from "phoenix"; import { LiveSocket } from "phoenix_live_view"; new LiveSocket("/live", Socket).connect();`,
  });
  const page = await bundle({ path: join(here, "runtime-client-page.ts") });

  const rowState = { rows: rows(1000), by: "score", desc: false };
  const html = `<!doctype html><html><head><title>bench</title></head><body>
${await firstPaint(counter, { count: 0 })}
${await firstPaint(table, rowState)}
<script type="module">${page.code}</script></body></html>`;

  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const version = browser.version();
  const tab = await browser.newPage();
  tab.on("pageerror", (error) => console.error("page error:", error.message));
  await tab.setContent(html);
  await tab.waitForFunction(() => (window as any).bench, undefined, { timeout: 5000 });

  const clicks: number[] = [];
  for (let i = 0; i < 20; i++) await tab.evaluate(() => (window as any).bench.counterClick()); // warm-up
  for (let i = 0; i < runs; i++) clicks.push(await tab.evaluate(() => (window as any).bench.counterClick()));
  const sorts: number[] = [];
  const sortRuns = Math.max(10, Math.round(runs / 5));
  for (let i = 0; i < 4; i++) await tab.evaluate((by) => (window as any).bench.resort(by), i % 2 ? "name" : "score");
  for (let i = 0; i < sortRuns; i++) sorts.push(await tab.evaluate((by) => (window as any).bench.resort(by), i % 4 < 2 ? "score" : "name"));
  const moves: number[] = [];
  for (let i = 0; i < sortRuns; i++) moves.push(await tab.evaluate(() => (window as any).bench.rawMoves()));
  const rowCount = await tab.evaluate(() => document.querySelectorAll("#rows tr").length);
  await browser.close();
  if (rowCount !== 1000) throw new Error(`expected 1000 rows, found ${rowCount}`);

  const kb = (b: number) => `${(b / 1000).toFixed(2)} KB (${b} B)`;
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  const table_ = [
    `Client runtime (Chromium ${version}, esbuild minify, gzip -9; ${runs} clicks, ${sortRuns} re-sorts)`,
    "",
    "| measure | result | goal |",
    "|---|---|---|",
    `| runtime entry (\`@liveview-migrate/runtime\`, everything exported, morphdom included), min + gzip | ${kb(full.gzip)}; ${kb(full.raw)} minified | ≤ 10 KB |`,
    `| same + newChangesetFactory (forms validating in the browser) | ${kb(withChangesets.gzip)} | |`,
    `| smallest app (defineComponent, html, mount) | ${kb(minimal.gzip)} | |`,
    `| LiveViewJS client for comparison (phoenix + phoenix_live_view 0.18, same build) | ${kb(liveviewjsClient.gzip)} | |`,
    `| click → DOM updated, client action, median (p95) | ${ms(median(clicks))} (${ms(p95(clicks))}) | ≤ 2 ms |`,
    `| 1,000-row re-sort by an action → DOM updated, median (p95) | ${ms(median(sorts))} (${ms(p95(sorts))}) | ≤ 16 ms |`,
    `| reference: the same 1,000 rows moved by hand, no framework, median | ${ms(median(moves))} | |`,
    "",
    `Load average during the run: ${loadavg().map((x) => x.toFixed(1)).join(" ")} on ${cpus().length} cores (timings scale with it).`,
  ].join("\n");
  console.log(table_);
  writeFileSync(join(here, "results-runtime-client.md"), table_ + "\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
