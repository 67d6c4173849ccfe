import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultReportPath, renderHtmlReport, writeHtmlReport } from "../../src/reports/index.ts";
import { makeTree, type Tree } from "../discovery/make-tree.ts";
import { COUNTER_SOURCE, samplePlan } from "./sample-plan.ts";

let tree: Tree | undefined;
afterEach(() => tree?.remove());

function render(extra: Parameters<typeof renderHtmlReport>[1] extends infer O ? Partial<O> : never = {}) {
  tree = makeTree({ "src/views/counter.ts": COUNTER_SOURCE });
  return renderHtmlReport(samplePlan(), { root: tree.root, ...extra });
}

describe("renderHtmlReport", () => {
  it("has a section for each view with its keys, classes, confidences and reasons", () => {
    const html = render();
    expect(html).toContain('id="view-src-views-counter-ts-counterLiveView"');
    expect(html).toContain('id="view-src-components-badge-ts-default"');
    expect(html).toMatch(/<td class="code">count<\/td><td><span class="badge c-ui">ui<\/span><\/td><td class="conf-medium">medium<\/td>/);
    expect(html).toMatch(/<td class="code">todos<\/td><td><span class="badge c-shared">shared<\/span><\/td><td class="conf-high">high<\/td>/);
    expect(html).toContain("written from await listTodos()");
    expect(html).toContain("AWAITED_IO");
  });

  it("shows evidence as file:line with the code line read from the source, escaped", () => {
    const html = render();
    expect(html).toContain("src/views/counter.ts:5</a><pre class=\"line\">socket.assign({ count: 0, todos: await listTodos() });</pre>");
    // Line 10 holds markup: it must arrive as text, not as tags.
    expect(html).toContain("&lt;button phx-click=&quot;increment&quot;&gt;${ctx.count} &lt;script&gt;x&lt;/script&gt;&lt;/button&gt;");
    expect(html).not.toContain("<script>x</script>");
  });

  it("links evidence relative to where the report is written", () => {
    const html = render();
    expect(html).toContain('href="../src/views/counter.ts"');
  });

  it("shows events with placements, markers, errors and the summary", () => {
    const html = render();
    expect(html).toMatch(/<td class="code">increment<div class="loc">.*<\/div><\/td><td><span class="badge p-client">client<\/span>/);
    expect(html).toContain("@migrate-todo(DYNAMIC_EVENT)</span>: the template sends an event named at run time");
    expect(html).toContain('<section id="errors" class="errors"><h2>Errors (1)</h2>');
    expect(html).toContain("PARSE_ERROR");
    expect(html).toContain("&#39;;&#39; expected (line 3)");
    expect(html).toMatch(/<div class="n ">1<\/div><div class="l">shared keys<\/div>/);
  });

  it("is self-contained: inline style and script, no external URLs", () => {
    const html = render();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(html).toMatch(/<script>[\s\S]+<\/script>/);
  });

  it("takes sections from other phases, on top or after the views, and extra markup per view", () => {
    const html = render({
      sections: [
        { id: "diff", title: "Changes", html: "<p>DIFF-HERE</p>" },
        { id: "progress", title: "Progress", html: "<p>PROGRESS-HERE</p>", placement: "top", note: "1 of 2 migrated" },
      ],
      viewExtras: (view) => (view.kind === "view" ? `<div>EXTRA ${view.name}</div>` : undefined),
    });
    const at = (text: string) => html.indexOf(text);
    expect(at("PROGRESS-HERE")).toBeGreaterThan(at('id="summary"'));
    expect(at("PROGRESS-HERE")).toBeLessThan(at('id="views"'));
    expect(at("DIFF-HERE")).toBeGreaterThan(at('id="view-src-views-counter-ts-counterLiveView"'));
    expect(html).toContain('<a href="#progress">Progress</a> (1 of 2 migrated)');
    expect(html).toContain("<div>EXTRA counterLiveView</div>");
  });

  it("writes the file, creating its folder (default: <root>/.migrate/report.html)", async () => {
    tree = makeTree({ "src/views/counter.ts": COUNTER_SOURCE });
    const path = defaultReportPath(tree.root);
    expect(path).toBe(join(tree.root, ".migrate", "report.html"));
    await writeHtmlReport(path, renderHtmlReport(samplePlan(), { root: tree.root }));
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, "utf8")).toMatch(/^<!doctype html>/);
  });
});

describe("renderHtmlReport detail", () => {
  it("compact keeps each key's deciding reason and code line, drops writes, reads and supporting reasons", () => {
    tree = makeTree({ "src/views/counter.ts": COUNTER_SOURCE });
    const full = renderHtmlReport(samplePlan(), { root: tree.root, detail: "full" });
    const compact = renderHtmlReport(samplePlan(), { root: tree.root, detail: "compact" });
    expect(full).toContain("1 write</summary>");
    expect(full).toContain("1 more reason</summary>");
    expect(compact).not.toContain("write</summary>");
    expect(compact).not.toContain("more reason");
    expect(compact).toContain("This report is compact (2 views)");
    expect(compact).toContain("written from await listTodos()");
    expect(compact).toContain('<pre class="line">socket.assign({ count: 0, todos: await listTodos() });</pre>');
  });
});

describe("renderHtmlReport needs-review list", () => {
  it("lists low-confidence keys and markers above the views", () => {
    tree = makeTree({ "src/views/counter.ts": COUNTER_SOURCE });
    const plan = samplePlan();
    const view = plan.views.find((v) => v.name === "counterLiveView")!;
    view.state.find((k) => k.key === "count")!.confidence = "low";
    const html = renderHtmlReport(plan, { root: tree.root });
    const review = html.slice(html.indexOf('<section id="review">'), html.indexOf('<section id="views">'));
    expect(review).toContain("Needs review (2)");
    expect(review).toContain('key <span class="code">count</span>');
    expect(review).toContain("written from its own previous value");
    expect(review).toContain('marker <span class="code">DYNAMIC_EVENT</span>');
    expect(review).not.toContain("todos");
  });
});
