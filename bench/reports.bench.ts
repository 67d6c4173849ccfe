// `npm run bench:reports`: the analysis and apply reports at 1,000 and 10,000 generated views, loaded
// in headless Chromium (issue 16; goals: first view ≤ 2 s at 1,000 views, ≤ 5 s at 10,000; filtering
// responsive). Per report: HTML size, the time to build it (Node), and in the browser the time to the
// first view (navigation start → the index drawn, the page's own `data-ready` mark), a filter by
// reason code, a search, clearing them, and opening one view (its details, and its diff in the apply
// report). Each browser figure is the median of 3 loads.
//
//   npm run bench:reports                         # 1,000 and 10,000 views
//   npm run bench:reports -- --sizes 1000 --shots tmp   # and screenshots in tmp/
//   npm run bench:reports -- --real-apply         # run apply at 10,000 views too (see below)
//
// The analysis report comes from analyzeProject on the corpus, as `migrate analyze` makes it. The apply
// report comes from applyProject as a dry run without the type and bundle checks (the report code path
// is the same; the checks only decide outcomes). At 10,000 views apply takes many minutes, so by default
// its result is the 1,000-view result repeated ten times under ten folder prefixes (views, changes,
// markers and notes renamed; every patch kept): the same renderDiffReport over 10,000+ views and their
// diffs. --real-apply runs apply on the 10,000-view corpus instead.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { applyProject, type ApplyResult } from "../src/apply/apply-project.ts";
import { analyzeProject } from "../src/pipeline/analyze.ts";
import type { Plan } from "../src/plan/types.ts";
import { renderDiffReport } from "../src/reports/diff-report.ts";
import { renderHtmlReport } from "../src/reports/html-report.ts";
import { generateCorpus } from "./generate-corpus.ts";

const here = dirname(fileURLToPath(import.meta.url));
const corpusRoot = join(here, ".corpus");
const outDir = join(corpusRoot, "reports");
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const sizes = (arg("--sizes") ?? "1000,10000").split(",").map(Number);
const shots = arg("--shots");
const realApply = args.includes("--real-apply");
const RUNS = 3;

function corpusFor(n: number): string {
  const dir = join(corpusRoot, String(n));
  const marker = join(dir, ".generated");
  // the same corpus and marker as analyze.bench.ts
  if (!(existsSync(marker) && readFileSync(marker, "utf8") === `${n}:1:v2\n`)) {
    generateCorpus(n, dir, 1);
    writeFileSync(marker, `${n}:1:v2\n`);
  }
  return dir;
}

const plans = new Map<number, Plan>();
async function planFor(n: number): Promise<Plan> {
  if (!plans.has(n)) plans.set(n, (await analyzeProject(corpusFor(n))).plan);
  return plans.get(n)!;
}

const applied = new Map<number, ApplyResult>();
async function applyFor(n: number): Promise<{ result: ApplyResult; how: string }> {
  if (applied.has(n)) return { result: applied.get(n)!, how: "apply --dry-run" };
  const base = n > 1000 && !realApply ? 1000 : n;
  if (!applied.has(base)) applied.set(base, await applyProject({ root: corpusFor(base), plan: await planFor(base), dryRun: true, typeCheck: false, bundleCheck: false }));
  if (base === n) return { result: applied.get(n)!, how: "apply --dry-run" };
  return { result: repeatResult(applied.get(base)!, Math.round(n / base)), how: `1,000-view apply ×${Math.round(n / base)}` };
}

/** `times` copies of an apply result under folder prefixes copy-1/ … (views, files, markers, notes renamed). */
function repeatResult(result: ApplyResult, times: number): ApplyResult {
  const copies = Array.from({ length: times }, (_, k) => `copy-${k + 1}/`);
  const moved = (prefix: string, file: string) => prefix + file;
  return {
    ...result,
    views: copies.flatMap((p) =>
      result.views.map((v) => ({
        ...v,
        viewId: moved(p, v.viewId),
        plan: { ...v.plan, id: moved(p, v.plan.id), file: moved(p, v.plan.file) },
        edits: v.edits.map((e) => ({ ...e, file: moved(p, e.file) })),
        newFiles: v.newFiles.map((f) => ({ ...f, file: moved(p, f.file) })),
        markers: v.markers.map((m) => ({ ...m, file: moved(p, m.file) })),
        component: v.component && { ...v.component, file: moved(p, v.component.file), commandsFile: v.component.commandsFile && moved(p, v.component.commandsFile) },
      })),
    ),
    changes: copies.flatMap((p) => result.changes.map((c) => ({ ...c, file: moved(p, c.file) }))),
  };
}

// One step in the page: the change, the list redrawn, then a frame painted; returns its milliseconds.
// A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
const IN_PAGE_STEP = String.raw`async function (step) {
  var painted = function () { return new Promise(function (r) { requestAnimationFrame(function () { setTimeout(r, 0); }); }); };
  var tick = function () { return new Promise(function (r) { setTimeout(r, 1); }); };
  var $ = function (id) { return document.getElementById(id); };
  var t = performance.now();
  if (step === "filter") {
    // the reason code on the most views (the longest list to redraw)
    var options = Array.prototype.slice.call($("f-code").options, 1);
    var count = function (o) { return Number(/\((\d+)\)$/.exec(o.text)[1]); };
    options.sort(function (a, b) { return count(b) - count(a); });
    $("f-code").value = options[0].value;
    $("f-code").dispatchEvent(new Event("change"));
  } else if (step === "search") {
    var before = $("count").textContent;
    $("f-q").value = "order";
    $("f-q").dispatchEvent(new Event("input"));
    while ($("count").textContent === before) await tick();
  } else if (step === "clear") {
    $("f-clear").click();
  } else {
    // the first migrated view (in the apply report: one with a diff)
    var row = document.querySelector("tr.view-row:has(.st-migrated)") || document.querySelector("tr.view-row");
    row.click();
    while (!document.querySelector("tr.detail[data-drawn]")) await tick();
  }
  void document.body.offsetHeight;
  await painted();
  return performance.now() - t;
}`;

interface Figures {
  report: string;
  views: number;
  source: string;
  mb: number;
  buildS: number;
  firstViewMs: number;
  wallMs: number;
  filterMs: number;
  searchMs: number;
  clearMs: number;
  expandMs: number;
}

async function measure(browser: Browser, file: string, kind: "analysis" | "apply", shot?: string): Promise<Omit<Figures, "report" | "views" | "source" | "mb" | "buildS">> {
  const runs: Omit<Figures, "report" | "views" | "source" | "mb" | "buildS">[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    const start = Date.now();
    await page.goto(`file://${file}`, { timeout: 120_000 });
    await page.waitForSelector("body[data-ready]", { timeout: 120_000 });
    const wallMs = Date.now() - start;
    const firstViewMs = Number(await page.getAttribute("body", "data-ready"));
    const timed = (step: string) => page.evaluate(`(${IN_PAGE_STEP})(${JSON.stringify(step)})`) as Promise<number>;
    const filterMs = await timed("filter");
    const searchMs = await timed("search");
    const clearMs = await timed("clear");
    const expandMs = await timed("expand");
    if (errors.length) throw new Error(`${file}: ${errors.join("; ")}`);
    if (shot && run === 0) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${shot}-${kind}.png` });
      await page.evaluate(() => document.querySelector("tr.detail")?.scrollIntoView());
      await page.evaluate(() => window.scrollBy(0, -160));
      await page.screenshot({ path: `${shot}-${kind}-open.png` });
      await page.selectOption("#f-group", kind === "apply" ? "marker" : "code");
      await page.click("tr.group >> nth=0");
      await page.evaluate(() => document.getElementById("views")!.scrollIntoView());
      await page.evaluate(() => window.scrollBy(0, -160));
      await page.screenshot({ path: `${shot}-${kind}-grouped.png` });
    }
    runs.push({ firstViewMs, wallMs, filterMs, searchMs, clearMs, expandMs });
    await page.close();
  }
  const median = (key: keyof (typeof runs)[number]) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  return { firstViewMs: median("firstViewMs"), wallMs: median("wallMs"), filterMs: median("filterMs"), searchMs: median("searchMs"), clearMs: median("clearMs"), expandMs: median("expandMs") };
}

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const rows: Figures[] = [];
try {
  for (const n of sizes) {
    const root = corpusFor(n);
    const plan = await planFor(n);
    let t = performance.now();
    const analysisHtml = renderHtmlReport(plan, { root });
    const analysisBuild = (performance.now() - t) / 1000;
    const analysisFile = join(outDir, `analysis-${n}.html`);
    writeFileSync(analysisFile, analysisHtml);
    const shot = shots && n === 1000 ? resolve(shots, `report-${n}`) : undefined;
    rows.push({ report: "analysis", views: plan.views.length, source: "analyze", mb: analysisHtml.length / 1e6, buildS: analysisBuild, ...(await measure(browser, analysisFile, "analysis", shot)) });
    console.error(rows.at(-1));

    const { result, how } = await applyFor(n);
    t = performance.now();
    const applyHtml = renderDiffReport(result, { rootLabel: `corpus-${n}`, root, dryRun: true });
    const applyBuild = (performance.now() - t) / 1000;
    const applyFile = join(outDir, `apply-${n}.html`);
    writeFileSync(applyFile, applyHtml);
    rows.push({ report: "apply", views: result.views.length, source: how, mb: applyHtml.length / 1e6, buildS: applyBuild, ...(await measure(browser, applyFile, "apply", shot)) });
    console.error(rows.at(-1));
  }
} finally {
  await browser.close();
}

const ms = (x: number) => `${Math.round(x).toLocaleString("en")} ms`;
const table = [
  "| report | views | from | size | build (Node) | first view | filter (reason code) | search | clear | open one view |",
  "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|",
  ...rows.map((r) => `| ${r.report} | ${r.views.toLocaleString("en")} | ${r.source} | ${r.mb.toFixed(1)} MB | ${r.buildS.toFixed(1)} s | ${ms(r.firstViewMs)} (${ms(r.wallMs)} from goto) | ${ms(r.filterMs)} | ${ms(r.searchMs)} | ${ms(r.clearMs)} | ${ms(r.expandMs)} |`),
].join("\n");
console.log(table);
console.log(`\n${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? "?"} · Node ${process.version} · load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} · medians of ${RUNS} loads`);
