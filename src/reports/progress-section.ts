// Gradual migration at a glance (issue 7): how many views are migrated, remaining, blocked by
// markers, or ignored, as a bar and a table. Reads plan.summary.progress and each view's migration.
import type { MigrationStatus, Plan } from "../plan/types.ts";
import { escapeHtml } from "./html-escape.ts";
import type { ReportSection } from "./html-report.ts";

const ORDER: MigrationStatus[] = ["migrated", "pending", "blocked", "ignored"];
const LABEL: Record<MigrationStatus, string> = { migrated: "migrated", pending: "remaining", blocked: "blocked by markers", ignored: "ignored" };
const COLOR: Record<MigrationStatus, string> = { migrated: "#2e7d32", pending: "#90a4ae", blocked: "#c62828", ignored: "#bdbdbd" };

/** "3 migrated · 5 remaining · 1 blocked by markers · 0 ignored (33%)": the share counts views that can be migrated. */
export function progressLine(plan: Plan): string {
  const p = plan.summary.progress;
  return `${ORDER.map((s) => `${p[s]} ${LABEL[s]}`).join(" · ")} (${percent(plan)}% migrated)`;
}

export function percent(plan: Plan): number {
  const p = plan.summary.progress;
  const total = p.migrated + p.pending + p.blocked;
  return total === 0 ? 0 : Math.round((100 * p.migrated) / total);
}

export function progressSection(plan: Plan): ReportSection {
  const p = plan.summary.progress;
  const total = ORDER.reduce((n, s) => n + p[s], 0) || 1;
  const bar = ORDER.filter((s) => p[s] > 0)
    .map((s) => `<span title="${p[s]} ${LABEL[s]}" style="display:inline-block;height:14px;width:${((100 * p[s]) / total).toFixed(2)}%;background:${COLOR[s]}"></span>`)
    .join("");
  const rows = plan.views
    .map((v) => `<tr><td class="code">${escapeHtml(v.id)}</td><td><span style="color:${COLOR[v.migration.status]}">${escapeHtml(LABEL[v.migration.status])}</span></td><td>${escapeHtml(v.migration.reason ?? "")}</td></tr>`)
    .join("");
  return {
    id: "progress",
    title: "Migration progress",
    placement: "top",
    note: progressLine(plan),
    html: `<p>${escapeHtml(progressLine(plan))}</p><div class="progress-bar" style="width:100%;background:#eee;display:flex" role="img" aria-label="${escapeHtml(progressLine(plan))}">${bar}</div><table class="progress"><thead><tr><th>View</th><th>Status</th><th>Why</th></tr></thead><tbody>${rows}</tbody></table>`,
  };
}
