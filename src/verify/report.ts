// Verify results for people: a terminal summary, and a section for the HTML report (src/reports).
// `--json` prints the VerifyReport itself (schemaVersion 1).

import type { ReportSection } from "../reports/html-report.ts";
import { escapeHtml } from "../reports/html-escape.ts";
import type { VerifyReport, ViewVerification } from "./compare.ts";

export function formatVerifyTerminal(report: VerifyReport, paint: { green(t: string): string; red(t: string): string; yellow(t: string): string } = identity): string {
  const lines: string[] = [];
  if (!report.views.length) return "no migrated views found (a <name>.component.ts next to a view): run `migrate apply` first\n";
  for (const view of report.views) lines.push(viewLine(view, paint));
  for (const view of report.views.filter((v) => v.divergence)) {
    const d = view.divergence!;
    lines.push("", paint.red(`${view.view} diverged at step ${d.step}${d.client ? ` (client ${d.client + 1})` : ""}`));
    d.path.forEach((step, i) => lines.push(`  ${i + 1}. ${step}`));
    lines.push(d.diff.split("\n").slice(4).join("\n"));
  }
  const s = report.summary;
  lines.push("", `${report.views.length} view(s), ${report.mode} mode${report.mode === "explore" ? ` depth ${report.depth}` : ""}: ${paint.green(`${s.equivalent} equivalent`)}, ${s.diverged ? paint.red(`${s.diverged} diverged`) : "0 diverged"}, ${s["not-verifiable"]} not verifiable`);
  return lines.join("\n") + "\n";
}

function viewLine(view: ViewVerification, paint: typeof identity): string {
  const label = view.status === "equivalent" ? paint.green("equivalent   ") : view.status === "diverged" ? paint.red("diverged     ") : paint.yellow("not verifiable");
  const extra =
    view.status === "diverged"
      ? `at step ${view.divergence!.step}`
      : view.status === "not-verifiable"
        ? `${view.reason?.code}: ${view.reason?.message}`
        : `${view.paths} path(s)${view.depth !== undefined ? ` to depth ${view.depth}` : ""}, ${view.steps} step(s)${view.clients > 1 ? `, ${view.clients} clients` : ""}${view.complete ? " (every reachable page explored)" : view.reason ? ` (${view.reason.message})` : ""}`;
  return `${label} ${view.view}${view.route ? ` ${view.route}` : ""}  ${extra}`;
}

const identity = { green: (t: string) => t, red: (t: string) => t, yellow: (t: string) => t };

/** The "Verification" section of the HTML report. */
export function verifyReportSection(report: VerifyReport): ReportSection {
  const rows = report.views
    .map(
      (v) =>
        `<tr><td><code>${escapeHtml(v.view)}</code></td><td>${escapeHtml(v.route ?? "")}</td><td class="verify-${v.status}">${escapeHtml(v.status)}</td><td>${escapeHtml(
          v.status === "diverged" ? `step ${v.divergence!.step}` : v.reason ? `${v.reason.code}: ${v.reason.message}` : `${v.paths} paths`,
        )}</td></tr>`,
    )
    .join("");
  const details = report.views
    .filter((v) => v.divergence)
    .map((v) => {
      const d = v.divergence!;
      return `<details open><summary>${escapeHtml(v.view)} diverged at step ${d.step}</summary><ol>${d.path.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ol><pre class="diff">${escapeHtml(d.diff)}</pre><p>Original</p><pre>${escapeHtml(d.original)}</pre><p>Migrated</p><pre>${escapeHtml(d.migrated)}</pre></details>`;
    })
    .join("");
  const s = report.summary;
  return {
    id: "verify",
    title: "Verification",
    note: `${s.equivalent} equivalent, ${s.diverged} diverged, ${s["not-verifiable"]} not verifiable`,
    html: `<table><thead><tr><th>view</th><th>route</th><th>result</th><th>detail</th></tr></thead><tbody>${rows}</tbody></table>${details}`,
  };
}
