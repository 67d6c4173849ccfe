// The analysis report: one self-contained HTML file where a person reviews the analysis: the summary,
// the migration progress, and an index of every view (sorted by path, searchable, filtered by class,
// confidence, status and reason code, grouped by reason); a view opens onto its keys with their class,
// confidence, reasons and what each becomes, its events, infos and markers, with the evidence as links
// to file:line and the code line. The page is report-page.ts over analysisData (report-data.ts).
// Other phases add their own blocks through `sections` (verify's results).

import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Plan } from "../plan/types.ts";
import { isFileFailure } from "../plan/build.ts";
import { DEFAULT_EDITOR_LINK } from "./editor-link.ts";
import { escapeHtml } from "./html-escape.ts";
import { analysisData } from "./report-data.ts";
import { renderReportPage, type ReportSection } from "./report-page.ts";
import { createSourceLineReader, type SourceLineReader } from "./source-lines.ts";

export type { ReportSection } from "./report-page.ts";

export interface HtmlReportOptions {
  /** Absolute path of the analyzed root: code lines are read from here, links point here. */
  root: string;
  /** Page heading; default "Migration analysis: <root folder name>". */
  title?: string;
  sections?: ReportSection[];
  /** Link template with {file} and {line} (editor-link.ts); default DEFAULT_EDITOR_LINK. */
  editorLink?: string;
  /** Injected in tests; default reads the files under `root`. */
  readLine?: SourceLineReader;
}

export function defaultReportPath(root: string): string {
  return join(root, ".migrate", "report.html");
}

export function renderHtmlReport(plan: Plan, options: HtmlReportOptions): string {
  const rootName = options.root.split(/[\\/]/).filter(Boolean).pop() ?? options.root;
  const title = options.title ?? `Migration analysis: ${rootName}`;
  const { data, details } = analysisData(plan, {
    root: options.root,
    editorLink: options.editorLink ?? DEFAULT_EDITOR_LINK,
    readLine: options.readLine ?? createSourceLineReader(options.root),
  });
  return renderReportPage({
    title,
    meta: `${plan.tool.name} ${plan.tool.version} · plan schema v${plan.schemaVersion} · tree ${plan.treeHash.slice(0, 12)}${plan.configHash ? ` · config ${plan.configHash.slice(0, 12)}` : ""}`,
    data,
    details,
    summaryHtml: renderSummary(plan),
    sections: options.sections,
  });
}

/** Writes the report atomically (temp file + rename), creating its folder. */
export async function writeHtmlReport(path: string, html: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, html, "utf8");
  await rename(temp, path);
}

export function summaryCard(n: number | string, label: string, cls = ""): string {
  return `<div class="card"><div class="n ${cls}">${escapeHtml(String(n))}</div><div class="l">${escapeHtml(label)}</div></div>`;
}

function renderSummary(plan: Plan): string {
  const s = plan.summary;
  const card = summaryCard;
  const lowConfidence = plan.views.reduce((n, view) => n + view.state.filter((key) => key.confidence === "low").length, 0);
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
    '<p>Each key is classified <span class="badge c-ui">ui</span> (this tab only: client state), <span class="badge c-form">form</span> (form data and validation: client, validated again by a server command) or <span class="badge c-shared">shared</span> (server-owned: loaded and kept fresh by commands and sync). Events run on the <span class="badge p-client">client</span>, the <span class="badge p-server">server</span>, or <span class="badge p-split">split</span> (client first, then a command). The first reason of a key decided its class.</p>',
    "</section>",
  ].join("\n");
}
