// The summary printed after `migrate analyze`: one row per view (keys by class, events by placement,
// markers), totals, then errors. It returns text; the CLI decides where it goes and whether colours
// are on (it passes picocolors' `createColors(enabled)`).

import type { Colors } from "picocolors/types";
import { isFileFailure } from "../plan/build.ts";
import type { Plan, ViewPlan } from "../plan/types.ts";
import { progressLine } from "./progress-section.ts";

export interface SummaryOptions {
  colors: Colors;
  /** Views listed row by row; past this the rest are counted (the HTML report has them all). */
  maxViewRows?: number;
  maxErrorRows?: number;
}

const COLUMNS = ["ui", "form", "shared", "client", "server", "split", "markers"] as const;

export function formatTerminalSummary(plan: Plan, options: SummaryOptions): string {
  const c = options.colors;
  const maxViews = options.maxViewRows ?? 100;
  const maxErrors = options.maxErrorRows ?? 50;
  const lines: string[] = [];

  const views = plan.views;
  if (views.length === 0) {
    lines.push(c.dim("No live views or live components found."));
  } else {
    const shown = views.slice(0, maxViews);
    const nameWidth = Math.min(70, Math.max(4, ...shown.map((view) => view.id.length)));
    const kindWidth = 9;
    const header =
      pad("View", nameWidth) +
      "  " +
      pad("kind", kindWidth) +
      COLUMNS.map((column) => `  ${padLeft(column, column.length)}`).join("");
    lines.push(c.bold(header));
    for (const view of shown) lines.push(viewRow(view, nameWidth, kindWidth, c));
    if (views.length > shown.length) lines.push(c.dim(`… and ${views.length - shown.length} more (all of them are in the HTML report)`));
    lines.push("");
  }

  const s = plan.summary;
  lines.push(
    `${c.bold("Files")} ${s.files}   ${c.bold("Views")} ${s.views}   ${c.bold("Components")} ${s.components}   ` +
      `${c.bold("Markers")} ${s.markers}   ${c.bold("Errors")} ${s.errors === 0 ? c.green("0") : c.red(String(s.errors))}`,
  );
  lines.push(
    `${c.bold("Keys")}    ${classColor("ui", c)(`${s.keys.ui} ui`)} · ${classColor("form", c)(`${s.keys.form} form`)} · ${classColor("shared", c)(`${s.keys.shared} shared`)}`,
  );
  lines.push(
    `${c.bold("Events")}  ${placementColor("client", c)(`${s.events.client} client`)} · ${placementColor("server", c)(`${s.events.server} server`)} · ${placementColor("split", c)(`${s.events.split} split`)}`,
  );
  if (views.length > 0) lines.push(`${c.bold("Progress")} ${progressLine(plan)}`);
  lines.push(...overrideLines(plan, c));
  const lowConfidence = views.reduce((n, view) => n + view.state.filter((key) => key.confidence === "low").length, 0);
  if (lowConfidence > 0) lines.push(c.yellow(`${lowConfidence} key${lowConfidence === 1 ? "" : "s"} classified with low confidence: review them in the report`));

  if (plan.errors.length > 0) {
    lines.push("");
    lines.push(c.bold(c.red(`Errors (${plan.errors.length})`)));
    const width = Math.min(60, Math.max(...plan.errors.slice(0, maxErrors).map((error) => error.file.length)));
    for (const error of plan.errors.slice(0, maxErrors)) {
      // Red: the file could not be analyzed; yellow: analyzed with a gap (e.g. DYNAMIC_KEYS).
      lines.push(`  ${pad(error.file, width)}  ${(isFileFailure(error) ? c.red : c.yellow)(error.code)}  ${error.message}`);
    }
    if (plan.errors.length > maxErrors) lines.push(c.dim(`  … and ${plan.errors.length - maxErrors} more`));
  }
  return `${lines.join("\n")}\n`;
}

/** Overrides in force (config and annotations), and the ones the evidence contradicts, each with its warning. */
function overrideLines(plan: Plan, c: Colors): string[] {
  const keys = plan.views.flatMap((view) => view.state.filter((key) => key.override).map((key) => ({ view, key })));
  const events = plan.views.flatMap((view) => view.events.filter((event) => event.override));
  if (keys.length + events.length === 0) return [];
  const contradicted = keys.filter(({ key }) => key.override!.warning);
  const lines = [`${c.bold("Overrides")} ${keys.length} key${keys.length === 1 ? "" : "s"} · ${events.length} event${events.length === 1 ? "" : "s"}${contradicted.length ? c.yellow(` · ${contradicted.length} contradicted by evidence`) : ""}`];
  for (const { view, key } of keys) lines.push(`  ${view.id} ${key.key}: ${key.class} (${key.override!.kind} ${key.override!.from}; analysis said ${key.override!.analyzed})`);
  for (const { view, key } of contradicted) lines.push(c.yellow(`  warning: ${view.id} ${key.key}: ${key.override!.warning}`));
  return lines;
}

function viewRow(view: ViewPlan, nameWidth: number, kindWidth: number, c: Colors): string {
  const count = (predicate: (value: string) => boolean, values: string[]) => values.filter(predicate).length;
  const classes = view.state.map((key) => key.class as string);
  const placements = view.events.map((event) => event.placement as string);
  const numbers: Record<(typeof COLUMNS)[number], number> = {
    ui: count((v) => v === "ui", classes),
    form: count((v) => v === "form", classes),
    shared: count((v) => v === "shared", classes),
    client: count((v) => v === "client", placements),
    server: count((v) => v === "server", placements),
    split: count((v) => v === "split", placements),
    markers: view.markers.length,
  };
  const cells = COLUMNS.map((column) => {
    const text = padLeft(String(numbers[column]), column.length);
    if (numbers[column] === 0) return `  ${c.dim(text)}`;
    const paint = column === "markers" ? c.yellow : column === "ui" || column === "form" || column === "shared" ? classColor(column, c) : placementColor(column, c);
    return `  ${paint(text)}`;
  }).join("");
  return `${pad(truncate(view.id, nameWidth), nameWidth)}  ${pad(view.kind, kindWidth)}${cells}`;
}

function classColor(cls: "ui" | "form" | "shared", c: Colors): (text: string) => string {
  return cls === "ui" ? c.cyan : cls === "form" ? c.magenta : c.yellow;
}

function placementColor(placement: "client" | "server" | "split", c: Colors): (text: string) => string {
  return placement === "client" ? c.green : placement === "server" ? c.yellow : c.magenta;
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `…${text.slice(text.length - width + 1)}`;
}

const pad = (text: string, width: number) => text + " ".repeat(Math.max(0, width - text.length));
const padLeft = (text: string, width: number) => " ".repeat(Math.max(0, width - text.length)) + text;
