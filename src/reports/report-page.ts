// The one page both reports render (issue 16): a header with the search, the filters and the grouping,
// the summary, the migration progress, the view index and the sections of other phases. Per-view
// content is not in the HTML: the data is embedded once as JSON and page-script.ts draws it on demand.
// The file is self-contained (inline CSS and script, no URL loaded) so it opens offline from disk.

import { gzipSync } from "node:zlib";
import type { DiffData, ReportData, ViewData } from "./report-data.ts";
import { escapeHtml } from "./html-escape.ts";
import { REPORT_CSS } from "./html-assets.ts";
import { CHUNK_VIEWS, PAGE_SCRIPT } from "./page-script.ts";

/** A block of the report owned by another phase. `html` is trusted markup: build it with escapeHtml. */
export interface ReportSection {
  /** Anchor id (unique in the report). */
  id: string;
  title: string;
  html: string;
  /** "top": right after the summary; "bottom" (default): after the views (verify results). */
  placement?: "top" | "bottom";
  /** A one-line note shown in the summary's table of contents. */
  note?: string;
}

export interface ReportPage {
  title: string;
  /** One line under the title (tool version, tree hash…). */
  meta: string;
  data: ReportData;
  /** Each view's full record (details[i] is data.views[i]'s): packed in chunks, unpacked when a view is opened. */
  details: ViewData[];
  /** Trusted markup: banners and the summary cards. */
  summaryHtml: string;
  sections?: ReportSection[];
  /** Apply: the server wiring's notes and diffs (packed like the views, drawn when opened). */
  wiring?: { notes: string[]; diffs: DiffData[] };
  /** Inline assets a report adds (the apply report's diff2html); trusted, checked by inlineScript. */
  extraCss?: string;
  extraScript?: string;
}

/**
 * JSON that can sit inside a <script> element: every "<" is written as \u003c, so neither "</script>"
 * nor "<!--" can appear, whatever names and code the app holds. JSON.parse reads it back unchanged.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/**
 * The views' full records in chunks of CHUNK_VIEWS, each the gzip of its JSON array, in base64. The
 * records (evidence, code lines, an apply report's patches) are most of a report's bytes and are
 * repetitive: packed, a 10,000-view page stays a size a browser reads in a second or two, where the
 * plain JSON took tens of seconds. The page unpacks one chunk with the browser's DecompressionStream
 * when a view of it is opened. Base64 holds no "<", so it needs no escaping inside a <script>.
 */
export function packChunks(details: ViewData[]): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < details.length; i += CHUNK_VIEWS) chunks.push(pack(details.slice(i, i + CHUNK_VIEWS)));
  return chunks;
}

function pack(value: unknown): string {
  return gzipSync(JSON.stringify(value)).toString("base64");
}

/** A script or style body we inline (ours, or a bundled library): refuse what would end its element early. */
export function inlineChecked(text: string, element: "script" | "style"): string {
  if (new RegExp(`</${element}|<!--`, "i").test(text)) throw new Error(`an inline ${element} holds "</${element}" or "<!--"`);
  return text;
}

export function renderReportPage(page: ReportPage): string {
  const sections = page.sections ?? [];
  const top = sections.filter((s) => s.placement === "top");
  const bottom = sections.filter((s) => s.placement !== "top");
  const toc = sections.length
    ? `<nav class="toc"><p>Also in this report: ${sections.map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>${s.note ? ` (${escapeHtml(s.note)})` : ""}`).join(" · ")}</p></nav>`
    : "";
  const data = page.data;
  // the progress section starts collapsed until something is migrated (issue 16: 1,040 "remaining" rows said nothing)
  const anyMigrated = data.views.some((v) => v.status === "migrated");
  const option = (value: string, label: string) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    page.extraCss ? `<style>${inlineChecked(page.extraCss, "style")}</style>` : "",
    `<style>${inlineChecked(REPORT_CSS, "style")}</style></head><body>`,
    '<header class="top">',
    `<h1>${escapeHtml(page.title)}</h1>`,
    `<div class="meta">${escapeHtml(page.meta)}</div>`,
    '<div class="toolbar" role="search">',
    '<input id="f-q" type="search" placeholder="Search views, routes, keys, events, codes…" aria-label="Search">',
    `<select id="f-class" aria-label="Class">${option("", "any class")}${["ui", "form", "shared"].map((c) => option(c, `has a ${c} key`)).join("")}</select>`,
    `<select id="f-conf" aria-label="Confidence">${option("", "any confidence")}${["low", "medium", "high"].map((c) => option(c, `a ${c}-confidence decision`)).join("")}</select>`,
    `<select id="f-status" aria-label="Status">${option("", "any status")}</select>`,
    `<select id="f-code" aria-label="Reason or marker code">${option("", "any reason or marker code")}</select>`,
    `<select id="f-group" aria-label="Group">${option("", "no grouping")}${option("marker", "group by marker (what stops a view)")}${option("code", "group by reason code")}${option("status", "group by status")}</select>`,
    '<button id="f-clear" type="button">Clear</button> <span id="count" class="count" aria-live="polite"></span>',
    "</div></header><main>",
    page.summaryHtml,
    toc,
    ...top.map(renderSection),
    `<details id="progress" class="progress"${anyMigrated ? " open" : ""}><summary><strong>Migration progress</strong> <span class="line"></span></summary><div class="body"></div></details>`,
    '<section id="errors" class="errors" hidden><h2>Errors</h2><table><thead><tr><th>File</th><th>Code</th><th>Why</th></tr></thead><tbody></tbody></table></section>',
    '<section id="views"><h2>Views</h2>',
    data.missing.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join(""),
    '<p class="hint">Sorted by path. Click a view for its keys, events, evidence' + (data.kind === "apply" ? " and diff" : "") + '; click a code to see every view with it. Links open the file at the line (<span class="code">report.editorLink</span>).</p>',
    '<table class="index"><thead><tr><th>View</th><th>Kind</th><th title="ui keys">ui</th><th title="form keys">form</th><th title="shared keys">shared</th><th title="client events">client</th><th title="server events">server</th><th title="split events">split</th><th>markers</th><th>status</th></tr></thead><tbody id="rows"></tbody></table>',
    '<button id="more" type="button" hidden></button>',
    "</section>",
    page.wiring
      ? `<details id="wiring" class="extra"><summary><strong>Server wiring</strong> (${page.wiring.diffs.length} file${page.wiring.diffs.length === 1 ? "" : "s"})</summary>${page.wiring.notes.length ? `<ul>${page.wiring.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>` : ""}<div class="body loc">Loading…</div></details>`
      : "",
    ...bottom.map(renderSection),
    '<details id="legend"><summary>Reason and marker codes</summary><table><thead><tr><th>Code</th><th>Argues for</th><th>Meaning</th></tr></thead><tbody></tbody></table></details>',
    "</main>",
    `<script type="application/json" id="report-data">${embedJson(data)}</script>`,
    ...packChunks(page.details).map((chunk, i) => `<script type="application/gzip+base64" id="chunk-${i}">${chunk}</script>`),
    page.wiring ? `<script type="application/gzip+base64" id="wiring-data">${pack(page.wiring.diffs)}</script>` : "",
    page.extraScript ? `<script>${inlineChecked(page.extraScript, "script")}</script>` : "",
    `<script>${inlineChecked(PAGE_SCRIPT, "script")}</script>`,
    "</body></html>",
    "",
  ].join("\n");
}

function renderSection(section: ReportSection): string {
  return `<section class="extra" id="${escapeHtml(section.id)}"><h2>${escapeHtml(section.title)}</h2>\n${section.html}\n</section>`;
}
