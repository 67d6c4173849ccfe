// The apply report: where a person reviews a migration. The same page as the analysis report
// (report-page.ts: search, filters, grouping, index sorted by path) over apply's result: per view its
// outcome, what apply did, the markers left and the checks that rolled it back, the decisions behind
// it (keys with what each became, events), and the diff of every file it changed. Each file's patch
// travels in the view's record (packed with the others, report-page.ts) and is drawn by diff2html (its
// browser bundle, inlined) only when the view is opened, so the page opens fast at 10,000 views; it
// stays one file that works offline.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ApplyResult, ViewReport } from "../apply/apply-project.ts";
import type { FileChange } from "../apply/edits.ts";
import { filePatch } from "../apply/patch.ts";
import { DEFAULT_EDITOR_LINK } from "./editor-link.ts";
import { escapeHtml as esc } from "./html-escape.ts";
import { summaryCard } from "./html-report.ts";
import { byPath, codesOf, DataBuilder, viewData, viewRow, type BuiltReport, type DiffData, type ViewData } from "./report-data.ts";
import { renderReportPage } from "./report-page.ts";
import { createSourceLineReader, type SourceLineReader } from "./source-lines.ts";

export interface DiffReportOptions {
  /** Shown in the title: the analyzed folder as the user named it. */
  rootLabel: string;
  /** Absolute path of the app: links point here, code lines are read here (or from apply's originals). */
  root: string;
  dryRun?: boolean;
  patchPath?: string;
  /** Link template with {file} and {line} (editor-link.ts); default DEFAULT_EDITOR_LINK. */
  editorLink?: string;
}

const assets = new Map<string, string>();
function diff2htmlAsset(path: string): string {
  let text = assets.get(path);
  if (text === undefined) {
    const require = createRequire(import.meta.url);
    text = readFileSync(join(dirname(require.resolve("diff2html/package.json")), path), "utf8");
    assets.set(path, text);
  }
  return text;
}

export const APPLY_STATUSES: [string, string][] = [
  ["migrated", "migrated"],
  ["blocked", "left with markers"],
  ["already-migrated", "already migrated"],
];

/** The apply report's data and the patches its views point to (one per changed file, in `files` order). */
export function applyReportData(result: ApplyResult, options: Pick<DiffReportOptions, "root" | "editorLink">): BuiltReport & { unclaimed: FileChange[] } {
  // evidence locations are the original files' lines: read them from apply's "before" text when it changed them
  const before = new Map(result.changes.flatMap((c) => (c.before === null ? [] : [[c.file, c.before.replace(/^\uFEFF/, "").split(/\r?\n/)] as const])));
  const fromDisk = createSourceLineReader(options.root);
  const readLine: SourceLineReader = (file, line) => {
    const lines = before.get(file);
    return lines ? lines[line - 1] : fromDisk(file, line);
  };
  const b = new DataBuilder({ root: options.root, editorLink: options.editorLink ?? DEFAULT_EDITOR_LINK, readLine });
  const byFile = new Map(result.changes.map((c) => [c.file, c]));
  const claimed = new Set<string>();
  const details = [...result.views]
    .sort((x, y) => byPath(x.plan, y.plan))
    .map((view): ViewData => {
      const data = viewData(view.plan, b);
      const files = viewFiles(view).flatMap((file) => {
        const change = byFile.get(file);
        if (!change || claimed.has(file)) return [];
        claimed.add(file);
        return diffData(change);
      });
      data.status = view.outcome;
      delete data.statusWhy;
      // the markers apply left (the analysis's and those it found generating the code), at the original's lines
      data.markers = view.markers.map((m) => ({ code: m.code, message: m.message, at: b.loc(`${m.file}:${m.line}`, true) }));
      data.lines = b.lines;
      data.notes = view.notes;
      for (const key of data.keys) key.becomes = keyBecameAfterApply(key.key, key.becomes, view);
      data.checks = [
        ...view.typeErrors.map((e) => `type error ${e.file}:${e.line}: ${e.message}`),
        ...view.bundleFindings.map((f) => `server-only ${f.module} in the browser bundle: ${f.chain.join(" → ")} (${f.why})`),
      ];
      if (view.component) data.component = [view.component.file, ...(view.component.commandsFile ? [view.component.commandsFile] : [])];
      data.diffs = files;
      return data;
    });
  const unclaimed = result.changes.filter((c) => !claimed.has(c.file));
  return {
    details,
    data: {
      kind: "apply",
      files: b.files,
      links: b.links(),
      views: details.map(viewRow),
      statuses: APPLY_STATUSES,
      codes: codesOf(details),
      errors: [],
      missing: [
        "Evidence lines and links are the original files' lines (before apply). What each key became is read off the plan's decisions the way apply acts on them; the notes under \"What apply did\" list the commands, loaders and sync topics apply generated.",
      ],
    },
    unclaimed,
  };
}

export function renderDiffReport(result: ApplyResult, options: DiffReportOptions): string {
  const { data, details, unclaimed } = applyReportData(result, options);
  const counts: Record<string, number> = { migrated: 0, blocked: 0, "already-migrated": 0 };
  for (const view of result.views) counts[view.outcome] = (counts[view.outcome] ?? 0) + 1;
  const markers = result.views.reduce((n, v) => n + v.markers.length, 0);
  const summary = [
    options.dryRun ? '<p class="banner">Dry run: nothing was written. This is what apply would change.</p>' : "",
    result.problem
      ? `<p class="banner bad"><strong>${esc(result.problem.code)}</strong>: ${esc(result.problem.message)}${result.problem.files.length ? `<br><code>${result.problem.files.map(esc).join("</code> <code>")}</code>` : ""}</p>`
      : "",
    '<section id="summary"><h2>Summary</h2><div class="cards">',
    summaryCard(result.views.length, "views"),
    summaryCard(counts.migrated!, "migrated", "ok"),
    summaryCard(counts.blocked!, "left with markers", counts.blocked ? "warn" : ""),
    summaryCard(counts["already-migrated"]!, "already migrated"),
    summaryCard(markers, "markers", markers ? "warn" : ""),
    summaryCard(result.changes.length, "files changed"),
    "</div>",
    result.warnings.length ? `<ul class="warnings">${result.warnings.map((w) => `<li>${esc(w)}</li>`).join("")}</ul>` : "",
    options.patchPath ? `<p>Unified patch: <span class="code">${esc(options.patchPath)}</span> (<span class="code">git apply</span> accepts it).</p>` : "",
    "</section>",
  ].join("\n");
  // the server wiring's files (routers, the generated routes module: thousands of lines at 1,000 views) are drawn when opened
  const wiring = unclaimed.length ? { notes: result.wiring?.notes ?? [], diffs: unclaimed.flatMap(diffData) } : undefined;
  return renderReportPage({
    title: `liveview-migrate apply — ${options.rootLabel}`,
    meta: `${result.views.length} views · ${result.changes.length} files changed${options.dryRun ? " · dry run" : ""}`,
    data,
    details,
    summaryHtml: summary,
    wiring,
    extraCss: diff2htmlAsset("bundles/css/diff2html.min.css"),
    extraScript: diff2htmlAsset("bundles/js/diff2html.min.js"),
  });
}

function viewFiles(view: ViewReport): string[] {
  return [...new Set([...view.newFiles.map((f) => f.file), ...view.edits.map((e) => e.file)])];
}

/**
 * What a key became, once apply ran: a blocked view's keys stay where they are; a migrated view's
 * loaders are named as apply's notes name them (`shared key k: loaded by command load_k`, or mount's
 * load command); the rest is read off the decisions (report-data.ts keyBecomes) as apply acted on them.
 */
function keyBecameAfterApply(key: string, predicted: string[], view: ViewReport): string[] {
  if (view.outcome === "blocked") return ["unchanged: the view stays on LiveViewJS until its markers are resolved"];
  if (view.outcome === "already-migrated") return predicted;
  const loader = view.notes.map((n) => /^shared key (.+): loaded by command (\S+)$/.exec(n)).find((m) => m?.[1] === key)?.[2];
  const mountLoad = view.notes.some((n) => n.startsWith("mount's server part: command mount"));
  return predicted.map((line) => {
    if (!line.startsWith("loaded by command load_")) return line;
    if (loader) return `loaded by command ${loader}`;
    return mountLoad ? "loaded by command mount (load.mount, mount's server part)" : line;
  });
}

/** A changed file's unified patch (LF line ends), with its size; none when nothing changed. */
function diffData(change: FileChange): DiffData[] {
  const patch = filePatch({ ...change, before: change.before === null ? null : change.before.replace(/\r\n/g, "\n"), after: change.after.replace(/\r\n/g, "\n") });
  if (!patch) return [];
  let added = 0;
  let removed = 0;
  for (const line of patch.split("\n")) {
    if (line.startsWith("+") && !line.startsWith("+++")) added++;
    else if (line.startsWith("-") && !line.startsWith("---")) removed++;
  }
  return [{ file: change.file, isNew: change.before === null, added, removed, patch }];
}
