// Reports read the plan and never recompute a decision: terminal summary (text) and HTML report.
export { formatTerminalSummary, type SummaryOptions } from "./terminal-summary.ts";
export { renderHtmlReport, writeHtmlReport, defaultReportPath, type HtmlReportOptions, type ReportSection } from "./html-report.ts";
export { escapeHtml } from "./html-escape.ts";
export { createSourceLineReader, parseLocation, type SourceLineReader } from "./source-lines.ts";
