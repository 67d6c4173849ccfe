// The data a report page renders (issue 16: reports that hold up at 10,000 views). Both reports, the
// analysis (`migrate analyze`) and the apply report, embed one ReportData as JSON and draw it in the
// browser on demand (page-script.ts): the HTML holds no per-view markup, so the page opens fast however
// many views there are. This module only projects the plan (and apply's result) into that shape: it
// never recomputes a decision, except to say what each key becomes, which it reads off the decisions.

import type { EventDecision, FileError, KeyDecision, Plan, ViewPlan } from "../plan/types.ts";
import { reasonInfo } from "../analyzers/reasons.ts";
import { isFileFailure } from "../plan/build.ts";
import { editorLinkForFile } from "./editor-link.ts";
import { parseLocation, type SourceLineReader } from "./source-lines.ts";

/** A place in the code: [index into ReportData.files, 1-based line]. */
export type Loc = [file: number, line: number];

export interface KeyData {
  key: string;
  class: KeyDecision["class"];
  confidence: KeyDecision["confidence"];
  /** [code, message, where]; the first decided the class. */
  reasons: [string, string, Loc | null][];
  /** [handler, value sources, where] */
  writes: [string, string, Loc | null][];
  /** [handler or "render", where] */
  reads: [string, Loc | null][];
  temporary?: boolean;
  override?: string;
  /** What the key becomes in the migrated code: client state, a loader command, a sync topic, a command param. */
  becomes: string[];
}

export interface EventData {
  name: string;
  placement: EventDecision["placement"];
  confidence: EventDecision["confidence"];
  at: Loc | null;
  reads: string[];
  writes: string[];
  bindings: string[];
  reasons: [string, string, Loc | null][];
  override?: string;
}

/** One changed file and its unified patch (the apply report draws it when it is shown). */
export interface DiffData {
  file: string;
  isNew: boolean;
  added: number;
  removed: number;
  patch: string;
}

/** A view's full record: embedded on its own (one JSON per view) and parsed when the view is opened. */
export interface ViewData {
  id: string;
  file: number;
  name: string;
  kind: ViewPlan["kind"];
  api: ViewPlan["api"];
  at: Loc | null;
  route?: string;
  /** Analysis: the plan's migration status; apply: the view's outcome (ReportData.statuses names them). */
  status: string;
  statusWhy?: string;
  keys: KeyData[];
  events: EventData[];
  infos: { name: string; origin: string; writes: string[]; at: Loc | null }[];
  markers: { code: string; message: string; at: Loc | null }[];
  template?: { reads: string[]; bindings: string[]; helpers: string[] };
  // apply only
  notes?: string[];
  /** Checks that rolled the view back to markers (type errors, server code in its browser bundle). */
  checks?: string[];
  /** Generated component (and commands) files. */
  component?: string[];
  /** Each file this view changed, with its unified patch. */
  diffs?: DiffData[];
  /** "file index:line" → the code line, for the evidence shown with a reason, write, info or marker. */
  lines: Record<string, string>;
}

/** What the index, the search, the filters and the grouping need of a view: loaded with the page. */
export interface ViewRow {
  id: string;
  kind: ViewPlan["kind"];
  route?: string;
  status: string;
  statusWhy?: string;
  /** ui, form, shared keys; client, server, split events; markers. */
  counts: number[];
  /** Confidences of its decisions ("low", "medium", "high"), each once. */
  confidences: string[];
  /** Codes of the reasons that decided its keys and events, and of its markers, each once. */
  codes: string[];
  markerCodes: string[];
  /** Its key and event names, for the search. */
  words: string;
}

export interface ReportData {
  kind: "analysis" | "apply";
  /** Root-relative POSIX paths; Loc and ViewData.file index into it. */
  files: string[];
  /** Per file, the editor link with `{line}` left in (report.editorLink / --editor-link). */
  links: string[];
  /** Sorted by path; view i's full record is the page's details[i]. */
  views: ViewRow[];
  /** Status (or outcome) → label, in the order the progress bar shows them. */
  statuses: [status: string, label: string][];
  /** Reason and marker codes used → short and long text, and the class a reason argues for. */
  codes: Record<string, { short?: string; long?: string; class?: string }>;
  errors: { file: number; code: string; message: string; failed: boolean }[];
  /** Facts the report would show but does not have (said in the page, not hidden). */
  missing: string[];
}

export interface DataContext {
  /** Absolute path of the analyzed root. */
  root: string;
  editorLink: string;
  readLine: SourceLineReader;
}

const MAX_LINE_CHARS = 240;

/** A report's data and its views' full records (details[i] is views[i]'s). */
export interface BuiltReport {
  data: ReportData;
  details: ViewData[];
}

/** Collects files while views are projected (numbered in order of first use), and each view's code lines. */
export class DataBuilder {
  readonly files: string[] = [];
  /** The code lines of the view being projected. */
  lines: Record<string, string> = {};
  private readonly index = new Map<string, number>();
  constructor(readonly ctx: DataContext) {}

  file(path: string): number {
    let n = this.index.get(path);
    if (n === undefined) {
      n = this.files.length;
      this.files.push(path);
      this.index.set(path, n);
    }
    return n;
  }

  /** "file:line" → Loc; with `withLine` the code line goes into `lines` (read once per place). */
  loc(at: string, withLine = false): Loc | null {
    const parsed = parseLocation(at);
    if (!parsed) return null;
    const loc: Loc = [this.file(parsed.file), parsed.line];
    const key = `${loc[0]}:${loc[1]}`;
    if (withLine && !(key in this.lines)) {
      const text = this.ctx.readLine(parsed.file, parsed.line);
      // a minified line would swell the page: the first MAX_LINE_CHARS are enough to recognise it
      if (text !== undefined) this.lines[key] = text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS).trim()}…` : text.trim();
    }
    return loc;
  }

  links(): string[] {
    return this.files.map((file) => editorLinkForFile(this.ctx.editorLink, this.ctx.root, file));
  }
}

const collator = new Intl.Collator("en", { numeric: true });

/** Paths folder by folder, numbers in order (badge-2 before badge-11). */
export function comparePaths(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const order = collator.compare(x[i]!, y[i]!) || (x[i]! < y[i]! ? -1 : x[i]! > y[i]! ? 1 : 0);
    if (order !== 0) return order;
  }
  return x.length - y.length;
}

/** Views sorted by path, then name: the index order of both reports. */
export function byPath<T extends { file: string; name: string }>(a: T, b: T): number {
  return comparePaths(a.file, b.file) || collator.compare(a.name, b.name);
}

export const ANALYSIS_STATUSES: [string, string][] = [
  ["migrated", "migrated"],
  ["pending", "remaining"],
  ["blocked", "blocked by markers"],
  ["ignored", "ignored"],
];

export function viewData(view: ViewPlan, b: DataBuilder): ViewData {
  b.lines = {};
  const reasons = (list: { code: string; message: string; at: string }[]) => list.map((r, i): [string, string, Loc | null] => [r.code, r.message, b.loc(r.at, i === 0)]);
  const data: ViewData = {
    id: view.id,
    file: b.file(view.file),
    name: view.name,
    kind: view.kind,
    api: view.api,
    at: b.loc(view.at),
    status: view.migration.status,
    keys: view.state.map((key) => ({
      key: key.key,
      class: key.class,
      confidence: key.confidence,
      reasons: reasons(key.reasons),
      writes: key.writes.map((w): [string, string, Loc | null] => [w.handler, w.sources.join(", "), b.loc(w.at, true)]),
      reads: key.reads.map((r): [string, Loc | null] => [r.in, b.loc(r.at)]),
      ...(key.temporary ? { temporary: true } : {}),
      ...(key.override ? { override: `set by ${key.override.kind} ${key.override.from} (the analysis said ${key.override.analyzed})${key.override.warning ? `: ${key.override.warning}` : ""}` } : {}),
      becomes: keyBecomes(view, key),
    })),
    events: view.events.map((event) => ({
      name: event.name,
      placement: event.placement,
      confidence: event.confidence,
      at: b.loc(event.at),
      reads: event.reads,
      writes: event.writes,
      bindings: event.bindings,
      reasons: reasons(event.reasons),
      ...(event.override ? { override: `set by ${event.override.kind} ${event.override.from} (the analysis said ${event.override.analyzed})` } : {}),
    })),
    infos: view.infos.map((info) => ({ name: info.name, origin: info.origin, writes: info.writes, at: b.loc(info.at, true) })),
    markers: view.markers.map((m) => ({ code: m.code, message: m.message, at: b.loc(m.at, true) })),
    lines: b.lines,
  };
  if (view.route) data.route = view.route;
  if (view.migration.reason) data.statusWhy = view.migration.reason;
  const t = view.template;
  if (t.reads.length || t.bindings.length || t.helpers.length) {
    data.template = { reads: t.reads, bindings: t.bindings.map((x) => `${x.attr}=${x.dynamic ? `{${x.value}}` : x.value}`), helpers: t.helpers };
  }
  return data;
}

/**
 * What a key becomes, read off the plan's decisions the way apply acts on them (src/codemods/migrate-view.ts):
 * ui/form keys are client state, and go along as a command's state param when a server or split event
 * reads them; shared keys are loaded by a command (`load_<key>`, or mount's/handleParams's load command),
 * kept fresh by a sync topic when a pubsub message writes them, and set by the commands of the events
 * that write them. Names are apply's; before apply they are what it will generate if the view migrates.
 */
export function keyBecomes(view: ViewPlan, key: KeyDecision): string[] {
  if (view.migration.status === "ignored") return ["unchanged: the view is ignored (config or @migrate-ignore)"];
  if (view.migration.strategy === "carried") return ["carried: sealed state the browser holds; every handler runs on the server"];
  const out: string[] = [];
  const serverEvents = view.events.filter((e) => e.placement !== "client");
  if (key.class !== "shared") {
    out.push(key.class === "form" ? "client state (form data; commands validate again)" : "client state");
    for (const e of serverEvents) if (e.reads.includes(key.key)) out.push(`state param of command ${e.name}`);
    return out;
  }
  const handlers = new Set(key.writes.map((w) => w.handler));
  if (handlers.has("mount")) out.push(`loaded by command load_${key.key} (or mount's load command)`);
  if (handlers.has("handleParams")) out.push("loaded by command handleParams on every navigation");
  for (const info of view.infos) {
    if (!info.writes.includes(key.key)) continue;
    const topic = info.origin.startsWith("subscribe:") ? info.origin.slice("subscribe:".length) : undefined;
    if (topic) out.push(`kept fresh by sync topic ${topic}`);
    else if (info.origin === "setInterval") out.push(`refreshed by command ${info.name} on a browser timer (ctx.every)`);
  }
  for (const e of serverEvents) if (e.writes.includes(key.key)) out.push(`set by command ${e.name}`);
  if (out.length === 0) out.push("server state, loaded by a command");
  return out;
}

/** The index's record of a view (after apply set its status and markers). */
export function viewRow(view: ViewData): ViewRow {
  const decisions = [...view.keys, ...view.events];
  const count = <T>(list: T[], test: (x: T) => boolean) => list.filter(test).length;
  const row: ViewRow = {
    id: view.id,
    kind: view.kind,
    status: view.status,
    counts: [
      ...(["ui", "form", "shared"] as const).map((c) => count(view.keys, (k) => k.class === c)),
      ...(["client", "server", "split"] as const).map((p) => count(view.events, (e) => e.placement === p)),
      view.markers.length,
    ],
    confidences: [...new Set(decisions.map((d) => d.confidence))],
    codes: [...new Set([...decisions.flatMap((d) => (d.reasons[0] ? [d.reasons[0][0]] : [])), ...view.markers.map((m) => m.code)])],
    markerCodes: [...new Set(view.markers.map((m) => m.code))],
    words: [...view.keys.map((k) => k.key), ...view.events.map((e) => e.name)].join(" "),
  };
  if (view.route) row.route = view.route;
  if (view.statusWhy) row.statusWhy = view.statusWhy;
  return row;
}

/** Every code used by a view's reasons or markers → its short and long text (reasons.ts). */
export function codesOf(views: ViewData[]): ReportData["codes"] {
  const codes: ReportData["codes"] = {};
  const add = (code: string) => {
    if (code in codes) return;
    const info = reasonInfo(code);
    codes[code] = info ? { short: info.short, long: info.long, ...(info.class ? { class: info.class } : {}) } : {};
  };
  for (const view of views) {
    for (const key of view.keys) for (const r of key.reasons) add(r[0]);
    for (const event of view.events) for (const r of event.reasons) add(r[0]);
    for (const m of view.markers) add(m.code);
  }
  return codes;
}

export function errorData(errors: FileError[], b: DataBuilder): ReportData["errors"] {
  return errors.map((e) => ({ file: b.file(e.file), code: e.code, message: e.message, failed: isFileFailure(e) }));
}

/** The analysis report's data: every view of the plan, sorted by path. */
export function analysisData(plan: Plan, ctx: DataContext): BuiltReport {
  const b = new DataBuilder(ctx);
  const details = [...plan.views].sort(byPath).map((view) => viewData(view, b));
  const errors = errorData(plan.errors, b);
  return { details, data: {
    kind: "analysis",
    files: b.files,
    links: b.links(),
    views: details.map(viewRow),
    statuses: ANALYSIS_STATUSES,
    codes: codesOf(details),
    errors,
    missing: [
      "What each key becomes is read off the analysis's decisions the way apply acts on them (command and topic names as apply generates them); the apply report shows what apply generated for each view.",
    ],
  } };
}
