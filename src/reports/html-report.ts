// The HTML report: one self-contained file (inline CSS and JS, no external URLs) where a person
// reviews the analysis: a summary on top, then per view every key with its class, confidence and
// reasons, and the evidence as file:line with the code line shown; events with placements; markers;
// errors. Other phases add their own sections (apply's diff, verify's results, migration progress)
// through `sections` and `viewExtras`, so there is one report, not one per command.

import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import type { EventDecision, FileError, KeyDecision, Marker, Plan, Reason, ViewPlan } from "../plan/types.ts";
import { reasonInfo } from "../analyzers/reasons.ts";
import { isFileFailure } from "../plan/build.ts";
import { REPORT_CSS, REPORT_JS } from "./html-assets.ts";
import { anchorFor, escapeHtml } from "./html-escape.ts";
import { progressSection } from "./progress-section.ts";
import { createSourceLineReader, parseLocation, type SourceLineReader } from "./source-lines.ts";

/** A block of the report owned by another phase. `html` is trusted markup: build it with escapeHtml. */
export interface ReportSection {
  /** Anchor id (unique in the report). */
  id: string;
  title: string;
  html: string;
  /** "top": right after the summary (e.g. progress); "bottom" (default): after the views (diffs, verify results). */
  placement?: "top" | "bottom";
  /** A one-line note shown in the summary's table of contents. */
  note?: string;
}

export interface HtmlReportOptions {
  /** Absolute path of the analyzed root: code lines are read from here. */
  root: string;
  /** Where the report will be written: evidence links are relative to it. Default: `<root>/.migrate/report.html`. */
  reportPath?: string;
  /** Page heading; default "Migration analysis: <root folder name>". */
  title?: string;
  sections?: ReportSection[];
  /** Extra markup at the end of one view's block (apply: that view's diff and outcome). */
  viewExtras?: (view: ViewPlan) => string | undefined;
  /** Injected in tests; default reads the files under `root`. */
  readLine?: SourceLineReader;
  /**
   * "full": every write, read and supporting reason; "compact": the deciding reason of each key and
   * event only (a browser still opens the file for tens of thousands of views). Default: full up to
   * COMPACT_ABOVE_VIEWS views.
   */
  detail?: "full" | "compact";
}

/** Past this many views the default report is compact (full detail is ~18 KB per view). */
export const COMPACT_ABOVE_VIEWS = 2000;

export function defaultReportPath(root: string): string {
  return join(root, ".migrate", "report.html");
}

export function renderHtmlReport(plan: Plan, options: HtmlReportOptions): string {
  const reportPath = options.reportPath ?? defaultReportPath(options.root);
  const ctx: RenderContext = {
    readLine: options.readLine ?? createSourceLineReader(options.root),
    href: memoize((file) => toPosix(relative(dirname(reportPath), join(options.root, file))).split("/").map(encodeURIComponent).join("/")),
    anchors: uniqueAnchors(plan.views),
    compact: (options.detail ?? (plan.views.length > COMPACT_ABOVE_VIEWS ? "compact" : "full")) === "compact",
  };
  const rootName = options.root.split(/[\\/]/).filter(Boolean).pop() ?? options.root;
  const title = options.title ?? `Migration analysis: ${rootName}`;
  // Migration progress (issue 7) is part of every report, first of the sections.
  const sections = [progressSection(plan), ...(options.sections ?? [])];
  const top = sections.filter((section) => section.placement === "top");
  const bottom = sections.filter((section) => section.placement !== "top");

  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style></head><body>`,
    '<header class="top">',
    `<h1>${escapeHtml(title)}</h1>`,
    `<div class="meta">${escapeHtml(`${plan.tool.name} ${plan.tool.version} · plan schema v${plan.schemaVersion} · tree ${plan.treeHash.slice(0, 12)}${plan.configHash ? ` · config ${plan.configHash.slice(0, 12)}` : ""}`)}</div>`,
    '<div class="toolbar"><input id="filter" type="search" placeholder="Filter by view, file or key…" aria-label="Filter">',
    ...(["ui", "form", "shared"] as const).map((cls) => `<label><input type="checkbox" data-class="${cls}" checked> <span class="badge c-${cls}">${cls}</span></label>`),
    '<button id="toggle-details" type="button">Expand evidence</button></div>',
    "</header><main>",
    renderSummary(plan, sections),
    ctx.compact
      ? `<p class="marker">This report is compact (${plan.views.length} views): each key and event shows the reason that decided it. Every write, read and supporting reason is in the plan (<span class="code">--out plan.json</span>).</p>`
      : "",
    ...top.map(renderSection),
    renderErrors(plan.errors, ctx),
    renderNeedsReview(plan.views, ctx),
    renderViewIndex(plan.views, ctx),
    ...plan.views.map((view) => renderView(view, ctx, options.viewExtras?.(view))),
    ...bottom.map(renderSection),
    renderReasonLegend(plan),
    "</main>",
    `<script>${REPORT_JS}</script>`,
    "</body></html>",
    "",
  ].join("\n");
}

/** Writes the report atomically (temp file + rename), creating its folder. */
export async function writeHtmlReport(path: string, html: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, html, "utf8");
  await rename(temp, path);
}

interface RenderContext {
  compact: boolean;
  readLine: SourceLineReader;
  href: (file: string) => string;
  anchors: Map<string, string>;
}

function renderSummary(plan: Plan, sections: ReportSection[]): string {
  const s = plan.summary;
  const card = (n: number | string, label: string, cls = "") => `<div class="card"><div class="n ${cls}">${escapeHtml(String(n))}</div><div class="l">${escapeHtml(label)}</div></div>`;
  const lowConfidence = plan.views.reduce((n, view) => n + view.state.filter((key) => key.confidence === "low").length, 0);
  const toc = sections.length
    ? `<nav class="toc"><p>Also in this report: ${sections
        .map((section) => `<a href="#${escapeHtml(section.id)}">${escapeHtml(section.title)}</a>${section.note ? ` (${escapeHtml(section.note)})` : ""}`)
        .join(" · ")}</p></nav>`
    : "";
  return [
    '<section id="summary"><h2>Summary</h2><div class="cards">',
    card(s.files, "files"),
    card(s.views, "views"),
    card(s.components, "components"),
    card(s.keys.ui, "ui keys"),
    card(s.keys.form, "form keys"),
    card(s.keys.shared, "shared keys"),
    card(s.events.client, "client events"),
    card(s.events.server, "server events"),
    card(s.events.split, "split events"),
    card(s.markers, "markers"),
    card(lowConfidence, "low-confidence keys", lowConfidence ? "bad" : ""),
    card(s.errors, "errors", plan.errors.some(isFileFailure) ? "bad" : s.errors ? "warn" : "ok"),
    "</div>",
    "<p>Each key is classified <span class=\"badge c-ui\">ui</span> (this tab only: client state), <span class=\"badge c-form\">form</span> (form data and validation: client, validated again by a server command) or <span class=\"badge c-shared\">shared</span> (server-owned: loaded and kept fresh by commands and sync). Events run on the <span class=\"badge p-client\">client</span>, the <span class=\"badge p-server\">server</span>, or <span class=\"badge p-split\">split</span> (client first, then a command). The first reason of a key decided its class.</p>",
    toc,
    "</section>",
  ].join("\n");
}

function renderSection(section: ReportSection): string {
  return `<section class="extra" id="${escapeHtml(section.id)}"><h2>${escapeHtml(section.title)}</h2>\n${section.html}\n</section>`;
}

function renderErrors(errors: FileError[], ctx: RenderContext): string {
  if (errors.length === 0) return '<section id="errors"><h2>Errors</h2><p class="ok">Every file was read and analyzed.</p></section>';
  const rows = errors
    .map(
      (error) =>
        `<tr><td><a class="loc" href="${ctx.href(error.file)}">${escapeHtml(error.file)}</a></td><td class="code-col code${isFileFailure(error) ? "" : " gap"}">${escapeHtml(error.code)}</td><td>${escapeHtml(error.message)}${isFileFailure(error) ? "" : ' <span class="loc">(analyzed, with a gap: see the view\'s markers)</span>'}</td></tr>`,
    )
    .join("\n");
  return `<section id="errors" class="errors"><h2>Errors (${errors.length})</h2><table><thead><tr><th>File</th><th>Code</th><th>Why</th></tr></thead><tbody>\n${rows}\n</tbody></table></section>`;
}

/** Low-confidence decisions, overrides with warnings and markers: where a reviewer should look first. */
function renderNeedsReview(views: ViewPlan[], ctx: RenderContext): string {
  const rows: string[] = [];
  const link = (view: ViewPlan) => `<a href="#${ctx.anchors.get(view.id)}">${escapeHtml(view.id)}</a>`;
  for (const view of views) {
    for (const key of view.state) {
      const warning = key.override?.warning;
      if (key.confidence !== "low" && !warning) continue;
      const why = warning ?? key.reasons[0]?.message ?? "";
      rows.push(`<tr><td>${link(view)}</td><td>key <span class="code">${escapeHtml(key.key)}</span> <span class="badge c-${escapeHtml(key.class)}">${escapeHtml(key.class)}</span></td><td>${escapeHtml(warning ? "override contradicted by evidence" : "low confidence")}</td><td>${escapeHtml(why)}</td></tr>`);
    }
    for (const event of view.events) {
      if (event.confidence !== "low") continue;
      rows.push(`<tr><td>${link(view)}</td><td>event <span class="code">${escapeHtml(event.name)}</span> <span class="badge p-${escapeHtml(event.placement)}">${escapeHtml(event.placement)}</span></td><td>low confidence</td><td>${escapeHtml(event.reasons[0]?.message ?? "")}</td></tr>`);
    }
    for (const marker of view.markers) {
      rows.push(`<tr><td>${link(view)}</td><td>marker <span class="code">${escapeHtml(marker.code)}</span></td><td>${locLink(marker.at, ctx)}</td><td>${escapeHtml(marker.message)}</td></tr>`);
    }
  }
  if (rows.length === 0) return "";
  return `<section id="review"><h2>Needs review (${rows.length})</h2><table><thead><tr><th>View</th><th>What</th><th>Why listed</th><th>Detail</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table></section>`;
}

function renderViewIndex(views: ViewPlan[], ctx: RenderContext): string {
  if (views.length === 0) return '<section id="views"><h2>Views</h2><p>No live views or live components were found.</p></section>';
  const num = (n: number) => `<td class="num${n === 0 ? " zero" : ""}">${n}</td>`;
  const rows = views.map((view) => {
    const classes = (cls: string) => view.state.filter((key) => key.class === cls).length;
    const placements = (p: string) => view.events.filter((event) => event.placement === p).length;
    return [
      `<tr data-view-row data-search="${escapeHtml(view.id.toLowerCase())}">`,
      `<td><a href="#${ctx.anchors.get(view.id)}">${escapeHtml(view.id)}</a></td><td>${escapeHtml(view.kind)}</td>`,
      num(classes("ui")),
      num(classes("form")),
      num(classes("shared")),
      num(placements("client")),
      num(placements("server")),
      num(placements("split")),
      num(view.markers.length),
      `<td>${escapeHtml(view.migration.status)}</td></tr>`,
    ].join("");
  });
  return [
    `<section id="views"><h2>Views (${views.length})</h2><table><thead><tr><th>View</th><th>Kind</th>`,
    '<th>ui</th><th>form</th><th>shared</th><th>client</th><th>server</th><th>split</th><th>markers</th><th>status</th></tr></thead><tbody>',
    ...rows,
    "</tbody></table></section>",
  ].join("\n");
}

function renderView(view: ViewPlan, ctx: RenderContext, extras: string | undefined): string {
  const search = [view.id, view.file, view.name, view.route ?? ""].join(" ").toLowerCase();
  const sub = [
    `<a class="loc" href="${ctx.href(parseLocation(view.at)?.file ?? view.file)}">${escapeHtml(view.at)}</a>`,
    escapeHtml(view.api),
    view.route ? `route <span class="code">${escapeHtml(view.route)}</span>` : "",
    `migration: ${escapeHtml(view.migration.status)}${view.migration.reason ? ` (${escapeHtml(view.migration.reason)})` : ""}`,
  ].filter(Boolean);
  return [
    `<section class="view" id="${ctx.anchors.get(view.id)}" data-search="${escapeHtml(search)}">`,
    `<h3>${escapeHtml(view.name)} <span class="badge kind">${escapeHtml(view.kind)}</span></h3>`,
    `<div class="sub">${escapeHtml(view.file)} · ${sub.join(" · ")}</div>`,
    renderKeys(view.state, ctx),
    renderEvents(view.events, ctx),
    renderInfos(view, ctx),
    renderMarkers(view.markers, ctx),
    ctx.compact ? "" : renderTemplate(view),
    extras ?? "",
    "</section>",
  ].join("\n");
}

function renderKeys(keys: KeyDecision[], ctx: RenderContext): string {
  if (keys.length === 0) return "<h4>State</h4><p>No state keys assigned.</p>";
  const rows = keys.map((key) => {
    const override = key.override
      ? `<div class="marker">Overridden by ${escapeHtml(key.override.kind)} <span class="code">${escapeHtml(key.override.from)}</span> (analysis said ${escapeHtml(key.override.analyzed)})${key.override.warning ? `: ${escapeHtml(key.override.warning)}` : ""}</div>`
      : "";
    const details = ctx.compact ? "" : keyEvidence(key, ctx);
    return [
      `<tr data-class="${escapeHtml(key.class)}" data-search="${escapeHtml(key.key.toLowerCase())}">`,
      `<td class="code">${escapeHtml(key.key)}${key.temporary ? ' <span class="loc">(temporary)</span>' : ""}</td>`,
      `<td><span class="badge c-${escapeHtml(key.class)}">${escapeHtml(key.class)}</span></td>`,
      `<td class="conf-${escapeHtml(key.confidence)}">${escapeHtml(key.confidence)}</td>`,
      `<td>${override}${renderReasons(key.reasons, ctx)}${details}</td></tr>`,
    ].join("");
  });
  return `<h4>State (${keys.length})</h4><table><thead><tr><th>Key</th><th>Class</th><th>Confidence</th><th>Why (evidence)</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

/** Every write (handler ← sources, with its code line) and read of a key, folded. */
function keyEvidence(key: KeyDecision, ctx: RenderContext): string {
  // Code lines are the bulk of a big report: each line is shown once per key (the deciding reason's first).
  const shown = new Set(key.reasons.slice(0, 1).map((reason) => reason.at));
  const writes = key.writes.map((write) => {
    const withLine = !shown.has(write.at);
    shown.add(write.at);
    return `<div class="ev"><span class="code">${escapeHtml(write.handler)}</span> ← ${escapeHtml(write.sources.join(", ") || "unknown")}${evidence(write.at, ctx, withLine)}</div>`;
  });
  const reads = key.reads.map((read) => `<span class="code">${escapeHtml(read.in)}</span> ${locLink(read.at, ctx)}`).join(" · ");
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return [
    writes.length ? `<details><summary>${plural(writes.length, "write")}</summary>${writes.join("")}</details>` : "",
    key.reads.length ? `<details><summary>${plural(key.reads.length, "read")}</summary><div class="ev">${reads}</div></details>` : "",
  ].join("");
}

function renderEvents(events: EventDecision[], ctx: RenderContext): string {
  if (events.length === 0) return "<h4>Events</h4><p>No events handled.</p>";
  const list = (items: string[]) => (items.length ? items.map((item) => `<span class="code">${escapeHtml(item)}</span>`).join(", ") : '<span class="loc">none</span>');
  const rows = events.map((event) =>
    [
      "<tr>",
      `<td class="code">${escapeHtml(event.name)}<div class="loc">${locLink(event.at, ctx)}</div></td>`,
      `<td><span class="badge p-${escapeHtml(event.placement)}">${escapeHtml(event.placement)}</span>${event.override ? `<div class="loc">override (${escapeHtml(event.override.from)}); analysis said ${escapeHtml(event.override.analyzed)}</div>` : ""}</td>`,
      `<td class="conf-${escapeHtml(event.confidence)}">${escapeHtml(event.confidence)}</td>`,
      `<td>reads ${list(event.reads)}<br>writes ${list(event.writes)}<br>bindings ${list(event.bindings)}</td>`,
      `<td>${renderReasons(event.reasons, ctx)}</td></tr>`,
    ].join(""),
  );
  return `<h4>Events (${events.length})</h4><table><thead><tr><th>Event</th><th>Placement</th><th>Confidence</th><th>Keys</th><th>Why (evidence)</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

function renderInfos(view: ViewPlan, ctx: RenderContext): string {
  if (view.infos.length === 0) return "";
  const rows = view.infos.map(
    (info) =>
      `<tr><td class="code">${escapeHtml(info.name)}</td><td class="code">${escapeHtml(info.origin)}</td><td>${info.writes.map((key) => `<span class="code">${escapeHtml(key)}</span>`).join(", ")}</td><td>${evidence(info.at, ctx)}</td></tr>`,
  );
  return `<h4>Infos (${view.infos.length})</h4><table><thead><tr><th>Info</th><th>Sent by</th><th>Writes</th><th>Where</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

function renderMarkers(markers: Marker[], ctx: RenderContext): string {
  if (markers.length === 0) return "";
  return `<h4>Markers (${markers.length})</h4>${markers
    .map((marker) => `<div class="marker"><span class="code">@migrate-todo(${escapeHtml(marker.code)})</span>: ${escapeHtml(marker.message)}${evidence(marker.at, ctx)}</div>`)
    .join("\n")}`;
}

function renderTemplate(view: ViewPlan): string {
  const t = view.template;
  if (t.bindings.length === 0 && t.helpers.length === 0 && t.reads.length === 0) return "";
  const bindings = t.bindings.map((b) => `${b.attr}=${b.dynamic ? "{" + b.value + "}" : b.value}`);
  return [
    "<details><summary>Template facts</summary>",
    `<div class="ev">render reads: ${t.reads.map((key) => `<span class="code">${escapeHtml(key)}</span>`).join(", ") || "nothing"}</div>`,
    `<div class="ev">bindings: ${bindings.map((b) => `<span class="code">${escapeHtml(b)}</span>`).join(", ") || "none"}</div>`,
    `<div class="ev">helpers: ${t.helpers.map((h) => `<span class="code">${escapeHtml(h)}</span>`).join(", ") || "none"}</div>`,
    "</details>",
  ].join("");
}

function renderReasons(reasons: Reason[], ctx: RenderContext): string {
  if (reasons.length === 0) return '<div class="reason loc">no reason recorded</div>';
  const one = (reason: Reason, decided: boolean) =>
    `<div class="reason">${decided ? "<strong>" : ""}${escapeHtml(reason.message)}${decided ? "</strong>" : ""} ${reasonCode(reason.code)}${evidence(reason.at, ctx, decided)}</div>`;
  // The first reason decided and shows its code line; the others are supporting evidence, folded, as links.
  const rest = ctx.compact ? [] : reasons.slice(1);
  const more = rest.length
    ? `<details><summary>${rest.length} more reason${rest.length === 1 ? "" : "s"}</summary>${rest.map((reason) => one(reason, false)).join("")}</details>`
    : "";
  return one(reasons[0], true) + more;
}

function reasonCode(code: string): string {
  const info = reasonInfo(code);
  // Only the short text as a tooltip: the long explanation is in the legend at the end, once.
  return `<a class="rc" href="#reason-${escapeHtml(code)}"${info ? ` title="${escapeHtml(info.short)}"` : ""}>${escapeHtml(code)}</a>`;
}

/** Every reason code the plan uses, with the analyzer's long explanation (one place, not repeated per key). */
function renderReasonLegend(plan: Plan): string {
  const codes = new Set<string>();
  for (const view of plan.views) {
    for (const key of view.state) for (const reason of key.reasons) codes.add(reason.code);
    for (const event of view.events) for (const reason of event.reasons) codes.add(reason.code);
  }
  if (codes.size === 0) return "";
  const rows = [...codes].sort().map((code) => {
    const info = reasonInfo(code);
    const argues = info?.class ? `<span class="badge c-${escapeHtml(info.class)}">${escapeHtml(info.class)}</span>` : "";
    return `<tr id="reason-${escapeHtml(code)}"><td class="code">${escapeHtml(code)}</td><td>${argues}</td><td>${escapeHtml(info ? `${info.short}: ${info.long}` : "")}</td></tr>`;
  });
  return `<section id="reasons"><h2>Reason codes</h2><table><thead><tr><th>Code</th><th>Argues for</th><th>Meaning</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table></section>`;
}

/** "file:line" as a link, plus the code line itself unless `withLine` is false. */
function evidence(at: string, ctx: RenderContext, withLine = true): string {
  const loc = parseLocation(at);
  if (!loc) return `<div class="ev loc">${escapeHtml(at)}</div>`;
  const line = withLine ? ctx.readLine(loc.file, loc.line) : undefined;
  return `<div class="ev">${locLink(at, ctx)}${line === undefined ? "" : `<pre class="line">${escapeHtml(line.trim())}</pre>`}</div>`;
}

function locLink(at: string, ctx: RenderContext): string {
  const loc = parseLocation(at);
  return loc ? `<a href="${ctx.href(loc.file)}">${escapeHtml(at)}</a>` : escapeHtml(at);
}

function uniqueAnchors(views: ViewPlan[]): Map<string, string> {
  const used = new Set<string>();
  const anchors = new Map<string, string>();
  for (const view of views) {
    let anchor = anchorFor("view", view.id);
    for (let n = 2; used.has(anchor); n++) anchor = `${anchorFor("view", view.id)}-${n}`;
    used.add(anchor);
    anchors.set(view.id, anchor);
  }
  return anchors;
}

const toPosix = (path: string) => path.split(sep).join("/");

function memoize(fn: (key: string) => string): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = fn(key)));
    return value;
  };
}
