// Gradual migration at a glance (issue 7): how many views are migrated, remaining, blocked by
// markers, or ignored, as one line (the terminal summary). The HTML reports draw the same counts over
// the views a filter shows (page-script.ts).
import type { MigrationStatus, Plan } from "../plan/types.ts";

const ORDER: MigrationStatus[] = ["migrated", "pending", "blocked", "ignored"];
const LABEL: Record<MigrationStatus, string> = { migrated: "migrated", pending: "remaining", blocked: "blocked by markers", ignored: "ignored" };

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
