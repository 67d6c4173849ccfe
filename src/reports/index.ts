// Reports read the plan and never recompute a decision: terminal summary (text) and HTML reports.
export { formatTerminalSummary, type SummaryOptions } from "./terminal-summary.ts";
export { renderHtmlReport, writeHtmlReport, defaultReportPath, type HtmlReportOptions, type ReportSection } from "./html-report.ts";
export { DEFAULT_EDITOR_LINK, editorLink } from "./editor-link.ts";
export { escapeHtml } from "./html-escape.ts";
export { createSourceLineReader, parseLocation, type SourceLineReader } from "./source-lines.ts";
