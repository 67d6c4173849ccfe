// The analysis report's HTML (report-page.ts over report-data.ts): the data embedded once as JSON,
// safe whatever the app's names hold; links to file:line; the index sorted by path; what each key becomes.
// tests/reports/report-page.browser.test.ts drives the page itself in Chromium.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultReportPath, editorLink, renderHtmlReport, writeHtmlReport } from "../../src/reports/index.ts";
import { analysisData, keyBecomes } from "../../src/reports/report-data.ts";
import { embedJson, inlineChecked } from "../../src/reports/report-page.ts";
import { loadConfig } from "../../src/config/load.ts";
import { makeTree, type Tree } from "../discovery/make-tree.ts";
import { readReport } from "./read-report.ts";
import { COUNTER_SOURCE, counterView, samplePlan } from "./sample-plan.ts";

let tree: Tree | undefined;
afterEach(() => tree?.remove());

function render(plan = samplePlan(), extra: { editorLink?: string } = {}) {
  tree = makeTree({ "src/views/counter.ts": COUNTER_SOURCE });
  return renderHtmlReport(plan, { root: tree.root, ...extra });
}

const readBack = readReport;

const HOSTILE = '</script><script>alert(1)</script><!-- "quoted" & \u2028';

describe("embedded data", () => {
  it("embedJson writes no '<' at all, so no name can end the script element or open a comment; JSON.parse reads it back", () => {
    const value = { name: HOSTILE, nested: [`</SCRIPT >`, "<!--", "a<b"] };
    const text = embedJson(value);
    expect(text).not.toContain("<");
    expect(JSON.parse(text)).toEqual(value);
  });

  it("a view, key and event named with </script> arrive as data: the page has exactly its own script elements", () => {
    const plan = samplePlan();
    const view = plan.views.find((v) => v.name === "counterLiveView")!;
    view.id = `src/views/counter.ts#${HOSTILE}`;
    view.route = `/x/${HOSTILE}`;
    view.state[0]!.key = HOSTILE;
    view.events[0]!.name = HOSTILE;
    const html = render(plan);
    // the report's own elements: the data, one chunk of views, the page script
    expect(html.match(/<script[ >]/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html).not.toContain("alert(1)</script>");
    const { data, details } = readBack(html);
    const row = data.views.find((v) => v.id.endsWith(HOSTILE))!;
    expect(row.route).toBe(`/x/${HOSTILE}`);
    expect(row.words).toContain(HOSTILE);
    const detail = details[data.views.indexOf(row)]!;
    expect(detail.keys.map((k) => k.key)).toContain(HOSTILE);
    expect(detail.events[0]!.name).toBe(HOSTILE);
  });

  it("inline scripts and styles that would end their element are refused", () => {
    expect(() => inlineChecked("var a = '</script>';", "script")).toThrow(/<\/script/);
    expect(() => inlineChecked("/* <!-- */", "style")).toThrow();
    expect(inlineChecked("var a = 1 < 2;", "script")).toBe("var a = 1 < 2;");
  });

  it("is self-contained: inline style and script, nothing loaded from a URL", () => {
    const html = render();
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/|url\((https?:)?\/\//);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
  });
});

describe("what the data holds", () => {
  it("each view's keys, classes, confidences, reasons and the code line of the deciding reason", () => {
    const { data, details } = readBack(render());
    expect(data.views.map((v) => v.id)).toEqual(["src/components/badge.ts#default", "src/views/counter.ts#counterLiveView"]);
    const counter = details[1]!;
    expect(counter.keys.map((k) => [k.key, k.class, k.confidence, k.reasons[0]![0]])).toEqual([
      ["count", "ui", "medium", "SELF_DERIVED"],
      ["todos", "shared", "high", "AWAITED_IO"],
    ]);
    const file = data.files.indexOf("src/views/counter.ts");
    expect(counter.keys[1]!.reasons[0]).toEqual(["AWAITED_IO", "written from await listTodos()", [file, 5]]);
    expect(counter.lines[`${file}:5`]).toBe("socket.assign({ count: 0, todos: await listTodos() });");
    // markup in the source is text in the data (the page escapes it when it draws it)
    expect(counter.lines[`${file}:10`]).toContain('<script>x</script>');
    expect(data.errors).toEqual([{ file: data.files.indexOf("src/broken.ts"), code: "PARSE_ERROR", message: "';' expected (line 3)", failed: true }]);
    expect(data.views[1]!.counts).toEqual([1, 0, 1, 1, 0, 0, 1]);
    expect(data.views[1]!.codes.sort()).toEqual(["AWAITED_IO", "DYNAMIC_EVENT", "SELF_DERIVED", "UI_ONLY"]);
  });

  it("the index is sorted by path, numbers in order (view-2 before view-10), whatever order the plan has", () => {
    const plan = samplePlan();
    const make = (file: string) => ({ ...counterView(), id: `${file}#v`, file, name: "v" });
    plan.views = [make("src/b/view-10.ts"), make("src/a.ts"), make("src/b/view-2.ts"), make("src/B.ts")];
    tree = makeTree({ "src/views/counter.ts": COUNTER_SOURCE });
    const { data } = analysisData(plan, { root: tree.root, editorLink: "x", readLine: () => undefined });
    // folder by folder (a folder's views stay together), case and numbers as a person reads them
    expect(data.views.map((v) => v.id)).toEqual(["src/a.ts#v", "src/b/view-2.ts#v", "src/b/view-10.ts#v", "src/B.ts#v"]);
  });

  it("links open the file at the line: vscode://file<absolute path>:<line> by default, or the template given", () => {
    const { data } = readBack(render());
    const file = data.files.indexOf("src/views/counter.ts");
    expect(data.links[file]).toBe(`vscode://file${tree!.root}/src/views/counter.ts:{line}`);
    expect(readBack(render(samplePlan(), { editorLink: "idea://open?file={file}&line={line}" })).data.links[file]).toBe(`idea://open?file=${tree!.root}/src/views/counter.ts&line={line}`);
    expect(editorLink("vscode://file{file}:{line}", "/home/me/my app", "src/a b#c.ts", 12)).toBe("vscode://file/home/me/my%20app/src/a%20b%23c.ts:12");
    expect(editorLink("vscode://file{file}:{line}", "C:\\work\\app", "src/x.ts", 3)).toBe("vscode://file/C:/work/app/src/x.ts:3");
    expect(editorLink("file://{file}", "/r", "x.ts", 3)).toBe("file:///r/x.ts");
  });

  it("says what each key becomes: client state, a command's state param, a loader command, a sync topic", () => {
    const view = counterView();
    view.events.push({ ...view.events[0]!, name: "save", placement: "server", reads: ["count"], writes: ["todos"] });
    view.infos.push({ name: "added", origin: "subscribe:todos", writes: ["todos"], at: "src/views/counter.ts:8" });
    const [todos, count] = view.state;
    expect(keyBecomes(view, count!)).toEqual(["client state", "state param of command save"]);
    expect(keyBecomes(view, todos!)).toEqual(["loaded by command load_todos (or mount's load command)", "kept fresh by sync topic todos", "set by command save"]);
    expect(keyBecomes({ ...view, migration: { status: "pending", strategy: "carried" } }, count!)[0]).toMatch(/^carried/);
    expect(keyBecomes({ ...view, migration: { status: "ignored" } }, todos!)).toEqual(["unchanged: the view is ignored (config or @migrate-ignore)"]);
  });
});

describe("report.editorLink in the config", () => {
  it("is validated with the config but left out of its hash: it changes no decision, so plans still merge", async () => {
    const hash = async (config: object) => {
      const dir = makeTree({ "migrate.config.json": JSON.stringify(config) });
      try {
        const loaded = await loadConfig(dir.root);
        if (!loaded.ok) throw new Error(loaded.problem.messages.join("; "));
        return loaded.config!.hash;
      } finally {
        dir.remove();
      }
    };
    const base = await hash({ minConfidence: "medium" });
    expect(await hash({ minConfidence: "medium", report: { editorLink: "idea://open?file={file}&line={line}" } })).toBe(base);
    expect(await hash({ minConfidence: "high" })).not.toBe(base);
    const bad = makeTree({ "migrate.config.json": JSON.stringify({ report: { editorLnk: "x" } }) });
    try {
      const loaded = await loadConfig(bad.root);
      expect(loaded.ok ? [] : loaded.problem.messages).toEqual(['migrate.config.json: unknown field "report.editorLnk"']);
    } finally {
      bad.remove();
    }
  });
});

describe("writeHtmlReport", () => {
  it("writes the file, creating its folder (default: <root>/.migrate/report.html)", async () => {
    tree = makeTree({ "src/views/counter.ts": COUNTER_SOURCE });
    const path = defaultReportPath(tree.root);
    expect(path).toBe(join(tree.root, ".migrate", "report.html"));
    await writeHtmlReport(path, renderHtmlReport(samplePlan(), { root: tree.root }));
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, "utf8")).toMatch(/^<!doctype html>/);
  });
});
