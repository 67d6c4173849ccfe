// Verify results for people: a terminal summary, and a section for the HTML report (src/reports).
// `--json` prints the VerifyReport itself (schemaVersion 1).

import type { ReportSection } from "../reports/html-report.ts";
import { escapeHtml } from "../reports/html-escape.ts";
import type { VerifyReport, ViewVerification } from "./compare.ts";

export function formatVerifyTerminal(report: VerifyReport, paint: { green(t: string): string; red(t: string): string; yellow(t: string): string } = identity): string {
  const lines: string[] = [];
  if (!report.views.length) {
    const why = report.only?.length && report.migrated
      ? `no migrated view matches --only ${report.only.join(" ")} (${report.migrated} migrated view(s) found)`
      : "no migrated views found (a <name>.component.ts or .component.js next to a view): run `migrate apply` first";
    return `${paint.red(why)}\n${verdictLine(report, paint)}\n`;
  }
  for (const router of report.routers ?? []) lines.push(routerLine(router));
  if (report.routers?.length === 0) lines.push("routes: no router found in the app (by type or shape): each view is mounted at a path of its own");
  for (const view of report.views) lines.push(viewLine(view, paint));
  for (const view of report.views.filter((v) => v.divergence)) {
    const d = view.divergence!;
    lines.push("", paint.red(`${view.view} diverged at step ${d.step}${d.client ? ` (client ${d.client + 1})` : ""}`));
    d.path.forEach((step, i) => lines.push(`  ${i + 1}. ${step}`));
    lines.push(d.diff.split("\n").slice(4).join("\n"));
    for (const e of d.errors?.migrated ?? []) lines.push(paint.yellow(`  migrated side reported: ${e}`));
    for (const e of d.errors?.original ?? []) lines.push(paint.yellow(`  original side reported: ${e}`));
  }
  for (const view of report.views.filter((v) => v.leaks?.length)) {
    lines.push("", paint.red(`${view.view}: its browser bundle (${formatBytes(view.bundleBytes ?? 0)}) holds server state`));
    for (const leak of view.leaks!) lines.push(`  ${leakLine(leak)}`);
  }
  const s = report.summary;
  lines.push("", `${report.views.length} view(s), ${report.mode} mode${report.mode === "explore" ? ` depth ${report.depth}` : ""}: ${paint.green(`${s.equivalent} equivalent`)}, ${s.diverged ? paint.red(`${s.diverged} diverged`) : "0 diverged"}, ${s["not-verifiable"]} not verifiable`);
  if (report.leaking) lines.push(paint.red(`${report.leaking} view(s) ship server state to the browser`));
  else if (report.bundleCheck && "serverModules" in report.bundleCheck) lines.push(`bundle check: no browser bundle holds any of the plan's ${report.bundleCheck.serverModules} server-state module(s) or their data`);
  if (report.bundleCheck && "skipped" in report.bundleCheck && report.bundleCheck.skipped !== "--no-bundle-check") lines.push(paint.yellow(`bundle check skipped: ${report.bundleCheck.skipped}`));
  lines.push(verdictLine(report, paint));
  return lines.join("\n") + "\n";
}

function leakLine(leak: NonNullable<ViewVerification["leaks"]>[number]): string {
  return leak.kind === "module"
    ? `${leak.module} is in it (${formatBytes(leak.bytes)}): ${leak.why}`
    : `data of ${leak.module} was copied into it (${formatBytes(leak.bytes)}: ${leak.samples!.map((v) => JSON.stringify(v)).join(", ")}): ${leak.why}`;
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`;
}

/** "verified N of M migrated views" (M: the views this run was asked to verify). */
export function verdictLine(report: VerifyReport, paint: typeof identity = identity): string {
  const total = report.views.length;
  const verified = report.verified ?? report.summary.equivalent;
  const text = `verified ${verified} of ${total} migrated view${total === 1 ? "" : "s"}${report.only?.length && report.migrated !== undefined ? ` (--only: ${total} of ${report.migrated})` : ""}`;
  return total > 0 && verified === total ? paint.green(text) : paint.red(text);
}

function routerLine(router: VerifyReport["routers"][number]): string {
  if (router.by === "option") return `routes: --router ${router.file}#${router.exportedAs}`;
  const name = router.name ? `\`${router.name}\`` : "an inline router";
  const exported = router.exportedAs ? `exported as ${router.exportedAs}` : "not exported: its views are imported directly";
  return `routes: ${name} at ${router.file}:${router.line} (found by its ${router.by}; ${exported}), ${router.routes} route(s)${router.unresolved ? `, ${router.unresolved} verify cannot import` : ""}`;
}

function viewLine(view: ViewVerification, paint: typeof identity): string {
  const label = view.leaks?.length && view.status === "equivalent" ? paint.red("leaks data   ") : view.status === "equivalent" ? paint.green("equivalent   ") : view.status === "diverged" ? paint.red("diverged     ") : paint.yellow("not verifiable");
  const extra =
    view.status === "diverged"
      ? `at step ${view.divergence!.step}`
      : view.status === "not-verifiable"
        ? `${view.reason?.code}: ${view.reason?.message}`
        : `${view.paths} path(s)${view.depth !== undefined ? ` to depth ${view.depth}` : ""}, ${view.steps} step(s)${view.clients > 1 ? `, ${view.clients} clients` : ""}${view.complete ? " (every reachable page explored)" : view.reason ? ` (${view.reason.message})` : ""}`;
  const own = view.route?.startsWith("/__verify/") ? " (a path of its own)" : "";
  return `${label} ${view.view}${view.route ? ` ${view.route}${own}` : ""}  ${extra}`;
}

const identity = { green: (t: string) => t, red: (t: string) => t, yellow: (t: string) => t };

/** The "Verification" section of the HTML report. */
export function verifyReportSection(report: VerifyReport): ReportSection {
  const rows = report.views
    .map(
      (v) =>
        `<tr><td><code>${escapeHtml(v.view)}</code></td><td>${escapeHtml(v.route ?? "")}</td><td class="verify-${v.leaks?.length ? "diverged" : v.status}">${escapeHtml(v.status)}${v.leaks?.length ? " (leaks server state)" : ""}</td><td>${escapeHtml(
          v.status === "diverged" ? `step ${v.divergence!.step}` : v.reason ? `${v.reason.code}: ${v.reason.message}` : `${v.paths} paths`,
        )}</td></tr>`,
    )
    .join("");
  const details = report.views
    .filter((v) => v.divergence)
    .map((v) => {
      const d = v.divergence!;
      const errors = [...(d.errors?.migrated ?? []).map((e) => `migrated side reported: ${e}`), ...(d.errors?.original ?? []).map((e) => `original side reported: ${e}`)];
      return `<details open><summary>${escapeHtml(v.view)} diverged at step ${d.step}</summary><ol>${d.path.map((s) => `<li>${escapeHtml(s)}</li>`).join("")}</ol>${errors.length ? `<ul>${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join("")}</ul>` : ""}<pre class="verify-diff">${colouredDiff(d.diff)}</pre><div class="verify-sides"><div><p>Original</p><pre class="verify-render">${escapeHtml(d.original.replace(/></g, ">\n<"))}</pre></div><div><p>Migrated</p><pre class="verify-render">${escapeHtml(d.migrated.replace(/></g, ">\n<"))}</pre></div></div></details>`;
    })
    .join("");
  const leaks = report.views
    .filter((v) => v.leaks?.length)
    .map((v) => `<details open><summary>${escapeHtml(v.view)}: its browser bundle holds server state</summary><ul>${v.leaks!.map((l) => `<li>${escapeHtml(leakLine(l))}</li>`).join("")}</ul></details>`)
    .join("");
  const s = report.summary;
  return {
    id: "verify",
    title: "Verification",
    note: `${s.equivalent} equivalent, ${s.diverged} diverged, ${s["not-verifiable"]} not verifiable; ${verdictLine(report)}`,
    html: `<style>${VERIFY_CSS}</style><p class="verify-verdict ${report.verified === report.views.length && report.views.length > 0 ? "ok" : "bad"}">${escapeHtml(verdictLine(report))}</p><table><thead><tr><th>view</th><th>route</th><th>result</th><th>detail</th></tr></thead><tbody>${rows}</tbody></table>${details}${leaks}`,
  };
}

/** The section's own styles (it is shown in the analyze report and on verify's own page). */
const VERIFY_CSS = [
  ".verify-equivalent { color:#1a7f37; font-weight:600; } .verify-diverged { color:#cf222e; font-weight:600; } .verify-not-verifiable { color:#9a6700; font-weight:600; }",
  ".verify-verdict { font-weight:600; } .verify-verdict.ok { color:#1a7f37; } .verify-verdict.bad { color:#cf222e; }",
  "pre.verify-diff { padding:6px 8px; background:#f6f8fa; border-radius:4px; overflow-x:auto; font:12px/1.45 ui-monospace,Menlo,Consolas,monospace; }",
  ".verify-sides { display:grid; grid-template-columns:1fr 1fr; gap:12px; } pre.verify-render { white-space:pre-wrap; word-break:break-all; padding:6px 8px; background:#f6f8fa; border-radius:4px; font:12px/1.45 ui-monospace,Menlo,Consolas,monospace; }",
  ".verify-add { background:#dafbe1; color:#116329; display:block; } .verify-del { background:#ffebe9; color:#82071e; display:block; } .verify-hunk { color:#8250df; display:block; }",
].join("\n");

/** A unified diff with its added and removed lines marked (the file headers dropped). */
function colouredDiff(diff: string): string {
  return diff
    .split("\n")
    .slice(4)
    .map((line) => {
      const cls = line.startsWith("+") ? "verify-add" : line.startsWith("-") ? "verify-del" : line.startsWith("@@") ? "verify-hunk" : "";
      return cls ? `<span class="${cls}">${escapeHtml(line)}</span>` : `${escapeHtml(line)}\n`;
    })
    .join("");
}
