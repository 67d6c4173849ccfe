// The apply report: where a person reviews a migration. One self-contained HTML file (diff2html's CSS
// inlined, no external URLs): a summary on top, then per view its outcome, the decisions behind it
// (keys, classes, reasons; events, placements), the markers left and the checks that failed, beside a
// side-by-side diff of every file that view changed.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { html as diffHtml } from "diff2html";
import type { ApplyResult, ViewReport } from "../apply/apply-project.ts";
import type { FileChange } from "../apply/edits.ts";
import { filePatch } from "../apply/patch.ts";
import { escapeHtml as esc } from "./html-escape.ts";

export interface DiffReportOptions {
  /** Shown in the title: the analyzed folder as the user named it. */
  rootLabel: string;
  dryRun?: boolean;
  patchPath?: string;
}

let cachedCss: string | undefined;
function diff2htmlCss(): string {
  if (cachedCss === undefined) {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve("diff2html/package.json"));
    cachedCss = readFileSync(join(dir, "bundles", "css", "diff2html.min.css"), "utf8");
  }
  return cachedCss;
}

const OUTCOME_LABEL: Record<string, string> = { migrated: "migrated", blocked: "left on LiveViewJS (markers)", "already-migrated": "already migrated" };

export function renderDiffReport(result: ApplyResult, options: DiffReportOptions): string {
  const byFile = new Map(result.changes.map((c) => [c.file, c]));
  const claimed = new Set<string>();
  const counts = { migrated: 0, blocked: 0, "already-migrated": 0 };
  for (const view of result.views) counts[view.outcome] += 1;
  const markers = result.views.reduce((n, v) => n + v.markers.length, 0);
  const sections = result.views.map((view) => {
    const files = viewFiles(view).map((f) => byFile.get(f)).filter((c): c is FileChange => c !== undefined);
    files.forEach((f) => claimed.add(f.file));
    return viewSection(view, files);
  });
  const other = result.changes.filter((c) => !claimed.has(c.file));
  const title = `liveview-migrate apply — ${options.rootLabel}`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${diff2htmlCss()}</style>
<style>${REPORT_CSS}</style>
</head><body>
<header><h1>${esc(title)}</h1>
${options.dryRun ? `<p class="banner">Dry run: nothing was written. This is what apply would change.</p>` : ""}
${result.problem ? `<p class="banner bad"><strong>${esc(result.problem.code)}</strong>: ${esc(result.problem.message)}${result.problem.files.length ? `<br><code>${result.problem.files.map(esc).join("</code> <code>")}</code>` : ""}</p>` : ""}
<table class="summary"><tr><th>views</th><th>migrated</th><th>left with markers</th><th>already migrated</th><th>markers</th><th>files changed</th></tr>
<tr><td>${result.views.length}</td><td class="ok">${counts.migrated}</td><td class="${counts.blocked ? "warn" : ""}">${counts.blocked}</td><td>${counts["already-migrated"]}</td><td class="${markers ? "warn" : ""}">${markers}</td><td>${result.changes.length}</td></tr></table>
${result.warnings.length ? `<ul class="warnings">${result.warnings.map((w) => `<li>${esc(w)}</li>`).join("")}</ul>` : ""}
${options.patchPath ? `<p>Unified patch: <code>${esc(options.patchPath)}</code> (<code>git apply</code> accepts it).</p>` : ""}
<nav><ol>${result.views.map((v) => `<li><a href="#${anchor(v.viewId)}">${esc(v.viewId)}</a> <span class="pill ${v.outcome}">${esc(OUTCOME_LABEL[v.outcome] ?? v.outcome)}</span>${v.markers.length ? ` <span class="count">${v.markers.length} marker${v.markers.length === 1 ? "" : "s"}</span>` : ""}</li>`).join("")}</ol></nav>
</header>
<main>
${sections.join("\n")}
${other.length ? `<section class="view" id="server-wiring"><h2>Server wiring</h2>${result.wiring?.notes.length ? `<ul>${result.wiring.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>` : ""}${other.map(diffBlock).join("")}</section>` : ""}
</main>
</body></html>
`;
}

function viewFiles(view: ViewReport): string[] {
  return [...new Set([...view.newFiles.map((f) => f.file), ...view.edits.map((e) => e.file)])];
}

function anchor(id: string): string {
  return `view-${id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

function viewSection(view: ViewReport, files: FileChange[]): string {
  const plan = view.plan;
  // reasons[0] decided the class; the rest fold away
  const why = (reasons: ViewReport["plan"]["state"][number]["reasons"]) => {
    const [first, ...rest] = reasons;
    if (!first) return "";
    const line = (r: typeof first) => `<span class="code">${esc(r.code)}</span> ${esc(r.message)} <span class="at">${esc(r.at)}</span>`;
    return `${line(first)}${rest.length ? `<details><summary>${rest.length} more</summary>${rest.map(line).join("<br>")}</details>` : ""}`;
  };
  const keys = plan.state.map((k) => `<tr><td class="nw"><code>${esc(k.key)}</code></td><td class="nw"><span class="cls ${k.class}" title="confidence: ${esc(k.confidence)}">${k.class}</span></td><td class="why">${why(k.reasons)}</td></tr>`).join("");
  const events = plan.events.map((e) => `<tr><td class="nw"><code>${esc(e.name)}</code></td><td class="nw"><span class="cls ${e.placement}" title="confidence: ${esc(e.confidence)}">${e.placement}</span></td><td class="why">${why(e.reasons)}</td></tr>`).join("");
  const markerRows = view.markers.map((m) => `<li><code>${esc(m.file)}:${m.line}</code> <span class="code">${esc(m.code)}</span><br>${esc(m.message)}</li>`).join("");
  const checks = [
    ...view.typeErrors.map((e) => `<li>type error <code>${esc(e.file)}:${e.line}</code> ${esc(e.message)}</li>`),
    ...view.bundleFindings.map((f) => `<li>server-only <code>${esc(f.module)}</code> in the browser bundle: ${f.chain.map((c) => `<code>${esc(c)}</code>`).join(" → ")} (${esc(f.why)})</li>`),
  ];
  return `<section class="view" id="${anchor(view.viewId)}">
<h2>${esc(view.viewId)} <span class="pill ${view.outcome}">${esc(OUTCOME_LABEL[view.outcome] ?? view.outcome)}</span></h2>
<div class="cols"><aside>
${view.notes.length ? `<h3>What happened</h3><ul>${view.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>` : ""}
${checks.length ? `<h3>Checks that rolled it back</h3><ul class="bad">${checks.join("")}</ul>` : ""}
${markerRows ? `<h3>Markers left</h3><ul class="markers">${markerRows}</ul>` : ""}
${keys ? `<h3>State</h3><table><tr><th>key</th><th>class</th><th>why (the first reason decided)</th></tr>${keys}</table>` : ""}
${events ? `<h3>Events</h3><table><tr><th>event</th><th>placement</th><th>why</th></tr>${events}</table>` : ""}
</aside><div class="diffs">${files.length ? files.map(diffBlock).join("") : `<p class="none">No file changed for this view.</p>`}</div></div>
</section>`;
}

function diffBlock(change: FileChange): string {
  const patch = filePatch({ ...change, before: change.before === null ? null : change.before.replace(/\r\n/g, "\n"), after: change.after.replace(/\r\n/g, "\n") });
  if (!patch) return "";
  // a new file has no left side: show it full width
  return diffHtml(patch, { outputFormat: change.before === null ? "line-by-line" : "side-by-side", drawFileList: false, matching: "lines", diffStyle: "word" });
}

const REPORT_CSS = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#fff;border-bottom:1px solid #d0d7de;padding:16px 24px}
h1{font-size:20px;margin:0 0 12px}h2{font-size:17px;margin:0 0 12px}h3{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#57606a;margin:16px 0 6px}
main{padding:16px 24px}
.summary{border-collapse:collapse;margin:8px 0}.summary th,.summary td{border:1px solid #d0d7de;padding:4px 12px;text-align:center}
.summary td{font-size:18px;font-weight:600}.ok{color:#1a7f37}.warn{color:#9a6700}
.banner{background:#ddf4ff;border:1px solid #54aeff;padding:8px 12px;border-radius:6px}.banner.bad{background:#ffebe9;border-color:#ff8182}
nav ol{columns:2;margin:8px 0;padding-left:20px}
.pill{font-size:12px;border-radius:10px;padding:1px 8px;background:#eaeef2;font-weight:500}
.pill.migrated{background:#dafbe1;color:#1a7f37}.pill.blocked{background:#fff8c5;color:#9a6700}
.count{font-size:12px;color:#9a6700}
.view{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:16px;margin-bottom:20px}
.cols{display:grid;grid-template-columns:minmax(280px,360px) minmax(0,1fr);gap:16px;align-items:start}
aside{min-width:0}aside .why,ul.markers li{overflow-wrap:anywhere}.nw{white-space:nowrap}.at{color:#57606a;font-size:11px}details summary{color:#57606a;font-size:12px;cursor:pointer}
ul.markers{list-style:none;padding:0;margin:0}ul.markers li{border-left:3px solid #d4a72c;background:#fff8c5;padding:4px 8px;margin-bottom:6px;font-size:13px}
.code{font:12px ui-monospace,monospace;font-weight:600;color:#9a6700}
aside table{border-collapse:collapse;width:100%;font-size:13px}aside td,aside th{border-bottom:1px solid #eaeef2;padding:3px 4px;vertical-align:top;text-align:left}
.cls{font-size:12px;border-radius:4px;padding:0 6px}.cls.ui,.cls.client{background:#dafbe1}.cls.form{background:#ddf4ff}.cls.shared,.cls.server{background:#ffebe9}.cls.split{background:#fbefff}
ul.bad{color:#cf222e}.none{color:#57606a}.diffs{min-width:0}.d2h-wrapper{margin-bottom:12px}
`;
