// The apply report's data (diff-report.ts): the index sorted by path whatever order apply gives, each
// view's outcome, markers at the original's lines, what each key became, and its diffs.
import { afterEach, describe, expect, it } from "vitest";
import type { ApplyResult, ViewReport } from "../../src/apply/apply-project.ts";
import { applyReportData, renderDiffReport } from "../../src/reports/diff-report.ts";
import type { ViewPlan } from "../../src/plan/types.ts";
import { makeTree, type Tree } from "../discovery/make-tree.ts";
import { readReport } from "./read-report.ts";
import { COUNTER_SOURCE, counterView } from "./sample-plan.ts";

let tree: Tree | undefined;
afterEach(() => tree?.remove());

function report(plan: ViewPlan, outcome: ViewReport["outcome"], notes: string[] = []): ViewReport {
  return { viewId: plan.id, outcome, edits: [], newFiles: [], markers: [], notes, plan, typeErrors: [], bundleFindings: [] };
}

describe("the apply report's data", () => {
  it("sorts the index by path, names each view's outcome, reads code lines from the original text, keeps each file's patch with its view", () => {
    // on disk the file is already rewritten: evidence must come from apply's "before"
    tree = makeTree({ "src/views/counter.ts": `// migrated\n${COUNTER_SOURCE}` });
    const counter = counterView();
    const other = { ...counterView(), id: "src/a/view-10.ts#v", file: "src/a/view-10.ts", name: "v", markers: [] };
    const blocked: ViewReport = { ...report(counter, "blocked"), edits: [{ file: counter.file, start: 0, end: 0, text: "// migrated\n" }], markers: [{ file: counter.file, line: 8, code: "SHUTDOWN", message: "stops" }] };
    const result: ApplyResult = {
      warnings: [],
      views: [blocked, report(other, "migrated", ["shared key todos: loaded by command load_todos"])],
      changes: [{ file: counter.file, before: COUNTER_SOURCE, after: `// migrated\n${COUNTER_SOURCE}` }],
      patch: "",
      written: [],
    };
    const { data, details } = applyReportData(result, { root: tree.root });
    expect(data.views.map((v) => [v.id, v.status, v.markerCodes])).toEqual([
      ["src/a/view-10.ts#v", "migrated", []],
      ["src/views/counter.ts#counterLiveView", "blocked", ["SHUTDOWN"]],
    ]);
    const [migrated, stopped] = details;
    const file = data.files.indexOf(counter.file);
    expect(stopped!.markers).toEqual([{ code: "SHUTDOWN", message: "stops", at: [file, 8] }]);
    expect(stopped!.lines[`${file}:8`]).toBe('if (event.type === "increment") socket.assign({ count: socket.context.count + 1 });');
    expect(stopped!.diffs!.map((d) => [d.file, d.isNew, d.added, d.removed])).toEqual([[counter.file, false, 1, 0]]);
    expect(migrated!.diffs).toEqual([]);
    // what the keys became: apply's loader name for a migrated view; nothing moved for a blocked one
    expect(migrated!.keys.find((k) => k.key === "todos")!.becomes).toEqual(["loaded by command load_todos"]);
    expect(stopped!.keys.every((k) => k.becomes[0]!.startsWith("unchanged: the view stays on LiveViewJS"))).toBe(true);
  });

  it("the page is self-contained: diff2html inlined, nothing loaded from a URL; the wiring's files are not a view's", () => {
    tree = makeTree({ "src/views/counter.ts": COUNTER_SOURCE });
    const result: ApplyResult = {
      warnings: ["a warning with <b>markup</b>"],
      views: [report(counterView(), "migrated")],
      changes: [{ file: "src/server.ts", before: "a\n", after: "b\n" }],
      patch: "",
      written: [],
      wiring: { newFiles: [], edits: [], notes: ["wired"], warnings: [], files: [] },
    };
    const html = renderDiffReport(result, { rootLabel: "app", root: tree.root });
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/|url\((https?:)?\/\//);
    expect(html).toContain("Diff2Html");
    expect(html).toContain("<li>a warning with &lt;b&gt;markup&lt;/b&gt;</li>");
    expect(html).toContain('<details id="wiring" class="extra"><summary><strong>Server wiring</strong> (1 file)</summary><ul><li>wired</li></ul>');
    expect(readReport(html).details[0]!.diffs).toEqual([]);
  });
});
