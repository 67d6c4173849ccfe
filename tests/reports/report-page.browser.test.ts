// The report page in Chromium (issue 16): a small analysis report and a small apply report, loaded
// from disk as a person opens them: filter by a reason or marker code, group by it, search, open a
// view (its links to file:line, its code lines as text, in the apply report its diff), the progress
// section following the filter. /usr/bin/chromium through playwright-core; no browser is downloaded.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplyResult, ViewReport } from "../../src/apply/apply-project.ts";
import { buildPlan } from "../../src/plan/build.ts";
import type { Plan, ViewPlan } from "../../src/plan/types.ts";
import { renderDiffReport } from "../../src/reports/diff-report.ts";
import { renderHtmlReport } from "../../src/reports/html-report.ts";
import { makeTree, type Tree } from "../discovery/make-tree.ts";
import { COUNTER_SOURCE, counterView, SAMPLE_ERRORS } from "./sample-plan.ts";

let browser: Browser;
let tree: Tree;
let out: string;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  tree = makeTree({ "src/views/counter.ts": COUNTER_SOURCE });
  out = mkdtempSync(join(tmpdir(), "lvm-report-"));
});
afterAll(async () => {
  await browser?.close();
  tree?.remove();
  rmSync(out, { recursive: true, force: true });
});

/** Five views over the counter's source: two stop on SHUTDOWN, one on SESSION, the counter has a DYNAMIC_EVENT marker on line 10, one is migrated. */
function plan(): Plan {
  const view = (file: string, name: string, markers: string[], status: ViewPlan["migration"]["status"] = markers.length ? "blocked" : "pending"): ViewPlan => ({
    ...counterView(),
    id: `${file}#${name}`,
    file,
    name,
    markers: markers.map((code) => ({ code, message: `stops on ${code}`, at: `${file}:8` })),
    migration: { status, ...(markers.length ? { reason: `${markers.length} marker(s)` } : {}) },
  });
  const views = [
    view("src/views/timer-10.ts", "tickView", ["SHUTDOWN"]),
    view("src/views/timer-2.ts", "clockView", ["SHUTDOWN"]),
    { ...view("src/views/counter.ts", "counterLiveView", []), markers: counterView().markers },
    view("src/views/account.ts", "accountView", ["SESSION"]),
    view("src/views/done.ts", "doneView", [], "migrated"),
  ];
  return buildPlan({ files: [], merged: { views, functions: [], errors: SAMPLE_ERRORS }, configHash: null, version: "0.1.0" });
}

async function open(html: string, name: string): Promise<Page> {
  const file = join(out, name);
  writeFileSync(file, html);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`file://${file}`);
  await page.waitForSelector("body[data-ready]");
  expect(errors).toEqual([]);
  return page;
}

const ids = (page: Page) => page.$$eval("tr.view-row td.id", (cells) => cells.map((c) => c.textContent!.replace(/ \/.*$/, "")));

describe("the analysis report in Chromium", () => {
  it("lists every view sorted by path; a reason code filters the list and the progress; clear brings all back", async () => {
    const page = await open(renderHtmlReport(plan(), { root: tree.root }), "analysis.html");
    expect(await ids(page)).toEqual(["src/views/account.ts#accountView", "src/views/counter.ts#counterLiveView", "src/views/done.ts#doneView", "src/views/timer-2.ts#clockView", "src/views/timer-10.ts#tickView"]);
    expect(await page.textContent("#count")).toBe("5 views");
    await page.selectOption("#f-code", "SHUTDOWN");
    expect(await ids(page)).toEqual(["src/views/timer-2.ts#clockView", "src/views/timer-10.ts#tickView"]);
    expect(await page.textContent("#count")).toBe("2 of 5 views");
    expect(await page.textContent("#progress summary .line")).toBe("0 migrated · 0 remaining · 2 blocked by markers · 0 ignored (of the 2 views shown)");
    await page.click("#f-clear");
    expect(await ids(page)).toHaveLength(5);
    expect(await page.textContent("#progress summary .line")).toBe("1 migrated · 1 remaining · 3 blocked by markers · 0 ignored");
    await page.close();
  });

  it("groups views by the marker that stops them, largest group first, and opens a group onto its views", async () => {
    const page = await open(renderHtmlReport(plan(), { root: tree.root }), "analysis.html");
    await page.selectOption("#f-group", "marker");
    const groups = await page.$$eval("tr.group", (rows) => rows.map((r) => r.textContent));
    // a code the analysis explains shows its short text
    expect(groups).toEqual(["SHUTDOWN 2 views", "DYNAMIC_EVENT dynamic event dispatch 1 view", "SESSION from the session 1 view", "no marker 1 view"]);
    expect(await ids(page)).toEqual([]);
    await page.click("tr.group >> nth=0");
    expect(await ids(page)).toEqual(["src/views/timer-2.ts#clockView", "src/views/timer-10.ts#tickView"]);
    await page.close();
  });

  it("searches ids, routes, keys and events; every word must match", async () => {
    const page = await open(renderHtmlReport(plan(), { root: tree.root }), "analysis.html");
    await page.fill("#f-q", "timer tick");
    await page.waitForFunction(() => document.getElementById("count")!.textContent === "1 of 5 views");
    expect(await ids(page)).toEqual(["src/views/timer-10.ts#tickView"]);
    await page.fill("#f-q", "todos increment");
    await page.waitForFunction(() => document.getElementById("count")!.textContent === "5 of 5 views");
    await page.close();
  });

  it("opens a view: links to the file at the line, code lines shown as text, what each key becomes; a code in it filters", async () => {
    const page = await open(renderHtmlReport(plan(), { root: tree.root }), "analysis.html");
    await page.click("tr.view-row:has-text('counterLiveView')");
    await page.waitForSelector("tr.detail[data-drawn]");
    const links = await page.$$eval("tr.detail a.loc", (as) => as.map((a) => [a.textContent, a.getAttribute("href")]));
    expect(links).toContainEqual(["src/views/counter.ts:5", `vscode://file${tree.root}/src/views/counter.ts:5`]);
    // line 10 of the source holds <script>x</script>: text in a <pre>, never an element
    const lines = await page.$$eval("tr.detail pre.line", (pres) => pres.map((p) => p.textContent));
    expect(lines.some((line) => line!.includes("<script>x</script>"))).toBe(true);
    expect(await page.$$eval("tr.detail script", (s) => s.length)).toBe(0);
    expect(await page.$$eval("tr.detail .becomes", (b) => b.map((x) => x.textContent))).toEqual(["client state", "loaded by command load_todos (or mount's load command)"]);
    await page.click("tr.detail button.rc[data-code='AWAITED_IO']");
    expect(await page.inputValue("#f-code")).toBe("AWAITED_IO");
    expect(await page.textContent("#count")).toBe("5 of 5 views");
    await page.close();
  });

  it("the progress section is collapsed while nothing is migrated, open once something is", async () => {
    const none = plan();
    none.views = none.views.filter((v) => v.migration.status !== "migrated");
    let page = await open(renderHtmlReport(none, { root: tree.root }), "none.html");
    expect(await page.$eval("#progress", (d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.close();
    page = await open(renderHtmlReport(plan(), { root: tree.root }), "some.html");
    expect(await page.$eval("#progress", (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.isVisible("#progress .progress-bar")).toBe(true);
    await page.close();
  });

  it("shows more than a page of views only when asked", async () => {
    const big = plan();
    const base = big.views[2]!;
    big.views = Array.from({ length: 250 }, (_, i) => ({ ...base, id: `src/v/view-${i}.ts#v`, file: `src/v/view-${i}.ts`, name: "v" }));
    const page = await open(renderHtmlReport(big, { root: tree.root }), "big.html");
    expect(await page.$$eval("tr.view-row", (r) => r.length)).toBe(100);
    expect(await page.textContent("#more")).toBe("Show 150 more (150 not shown)");
    await page.click("#more");
    expect(await page.$$eval("tr.view-row", (r) => r.length)).toBe(250);
    expect(await page.isHidden("#more")).toBe(true);
    expect((await ids(page)).slice(0, 3)).toEqual(["src/v/view-0.ts#v", "src/v/view-1.ts#v", "src/v/view-2.ts#v"]);
    await page.close();
  });
});

describe("the apply report in Chromium", () => {
  it("the same index and filters over apply's outcomes; opening a view draws its diff with diff2html", async () => {
    const views = plan().views;
    const report = (view: ViewPlan, outcome: ViewReport["outcome"]): ViewReport => ({
      viewId: view.id,
      outcome,
      edits: outcome === "migrated" ? [{ file: view.file, start: 0, end: 0, text: "// migrated\n" }] : [],
      newFiles: outcome === "migrated" ? [{ file: view.file.replace(".ts", ".component.ts"), text: "export const component = 1;\n" }] : [],
      markers: view.markers.map((m) => ({ file: view.file, line: 8, code: m.code, message: m.message })),
      notes: outcome === "migrated" ? ["shared key todos: loaded by command load_todos"] : [],
      component: outcome === "migrated" ? { file: view.file.replace(".ts", ".component.ts"), exportName: view.name } : undefined,
      plan: view,
      typeErrors: [],
      bundleFindings: [],
    });
    const named = (name: string) => views.find((v) => v.name === name)!;
    const result: ApplyResult = {
      warnings: [],
      // apply's order is not the index's
      views: [report(named("tickView"), "blocked"), report(named("counterLiveView"), "migrated"), report(named("accountView"), "blocked")],
      changes: [
        { file: "src/views/counter.ts", before: COUNTER_SOURCE, after: `// migrated\n${COUNTER_SOURCE}` },
        { file: "src/views/counter.component.ts", before: null, after: "export const component = 1;\n" },
        { file: "src/server.ts", before: "app.listen(3000);\n", after: "app.use(runtime);\napp.listen(3000);\n" },
      ],
      wiring: { newFiles: [], edits: [], notes: ["src/server.ts: runtime handler mounted"], warnings: [], files: ["src/server.ts"] },
      patch: "",
      written: [],
    };
    const page = await open(renderDiffReport(result, { rootLabel: "app", root: tree.root }), "apply.html");
    expect(await ids(page)).toEqual(["src/views/account.ts#accountView", "src/views/counter.ts#counterLiveView", "src/views/timer-10.ts#tickView"]);
    await page.selectOption("#f-status", "blocked");
    expect(await ids(page)).toEqual(["src/views/account.ts#accountView", "src/views/timer-10.ts#tickView"]);
    await page.click("#f-clear");
    await page.click("tr.view-row:has-text('counterLiveView')");
    await page.waitForSelector("tr.detail[data-drawn]");
    expect(await page.$$eval("tr.detail .d2h-file-wrapper", (w) => w.length)).toBe(2);
    expect(await page.isVisible("tr.detail .d2h-file-side-diff")).toBe(true);
    expect(await page.textContent("tr.detail")).toContain("export const component = 1;");
    expect(await page.textContent("tr.detail ul.notes")).toBe("shared key todos: loaded by command load_todos");
    // the server wiring (no view's file): its notes at once, its diff when opened
    expect(await page.textContent("#wiring summary")).toBe("Server wiring (1 file)");
    expect(await page.$$eval("#wiring .d2h-file-wrapper", (w) => w.length)).toBe(0);
    await page.click("#wiring summary");
    await page.waitForSelector("#wiring .d2h-file-wrapper");
    expect(await page.textContent("#wiring")).toContain("app.use(runtime);");
    expect(await page.textContent("#wiring ul")).toBe("src/server.ts: runtime handler mounted");
    await page.close();
  });
});
