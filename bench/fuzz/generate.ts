// Differential fuzzing, part 1: a seeded generator of random LiveViewJS 0.8.1 projects whose views
// combine the shapes real code has (fixtures/real-world/README.md lists them): state of every class
// (ui counters/toggles/tabs, form drafts and zod changesets, data read through async query functions
// or a module-level array filtered by a param, a store mutated in the view's own file), handlers of
// every shape (switch / if-chain / destructured or derived `type` / statements before and after /
// default and final else / early return / try-catch / expression-bodied arrow / function reference /
// helpers taking the socket / class methods), and effects (pubsub broadcasts with a view-file or an
// imported SingleProcessPubSub, data-less doorbells re-reading a store, sendInfo to self, setInterval
// polling behind socket.connected). Templates bind exactly the events the handlers take.
//
// A project: src/views/v<N>.ts, src/data/records.ts (read-only records behind query functions) and
// src/data/board.ts (a mutable store and the app's SingleProcessPubSub), src/router.ts (a
// LiveViewRouter), src/server.ts (Express + LiveViewJS middlewares given the board's pubsub, which
// apply wires the migrated routes and the pubsub bridge into), tsconfig.json (liveviewjs's types
// through `paths`, as fixtures/example-app does) and package.json { "type": "module" }.
//
// Deterministic: a (seed, project, view) triple always gives the same bytes. Data is seeded here, at
// generation time (never Math.random or the clock at load or in markup), so every view renders the
// same HTML on every run.
//
//   node --import tsx bench/fuzz/generate.ts --seed 1 --views 10 --out tmp/fuzz-gen   (one project)

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../../", import.meta.url)));

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: small, fast and the same everywhere. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
    /** k distinct items, in a random order. */
    sample: <T>(items: readonly T[], k: number): T[] => {
      const pool = [...items];
      const out: T[] = [];
      while (out.length < k && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return out;
    },
    /** One of the keys, with the given weights. */
    weighted: <K extends string>(weights: Record<K, number>): K => {
      const entries = Object.entries(weights) as [K, number][];
      let x = next() * entries.reduce((s, [, w]) => s + w, 0);
      for (const [k, w] of entries) if ((x -= w) < 0) return k;
      return entries[entries.length - 1]![0];
    },
  };
  return r;
}
export type Rng = ReturnType<typeof rng>;

/** A 32-bit seed from several integers (FNV-1a over their bytes, then a murmur finaliser). */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    let p = part >>> 0;
    for (let i = 0; i < 4; i++) {
      h = Math.imul(h ^ (p & 0xff), 0x01000193) >>> 0;
      p >>>= 8;
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Public shapes

export interface FuzzView {
  /** Global index of the view in the run (v<index>). */
  index: number;
  /** Root-relative POSIX path of the view module. */
  file: string;
  /** The export the router uses (a createLiveView const or a BaseLiveView class). */
  exportName: string;
  route: string;
  /** What the view combines (feature and handler-shape tags), for the run's report. */
  shapes: string[];
}

export interface FuzzProject {
  name: string;
  seed: number;
  project: number;
  views: FuzzView[];
  /** Root-relative POSIX path → contents (tsconfig.json is written by writeProject: its paths depend on where). */
  files: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const ITEM_WORDS = ["anchor", "bolt", "cable", "drill", "easel", "flask", "gasket", "hinge", "inkpad", "jack", "kettle", "ladder", "magnet", "nozzle", "oar", "pulley", "quill", "rivet", "spool", "trowel", "valve", "wrench", "yoke", "zipper"];
const ITEM_ADJ = ["copper", "steel", "blue", "spare", "heavy", "small", "old", "new", "brass", "long"];
const NOTE_WORDS = ["call the supplier", "check the stock", "order more tape", "fix the gate", "label the shelves", "sweep the floor", "count the pallets", "email the team", "update the sign", "test the alarm", "water the plants", "book the van"];
const GROUPS = ["north", "south", "east", "west"];
const TAB_WORDS = ["overview", "details", "history", "settings", "activity", "files", "notes", "team"];
const COUNTER_WORDS = ["count", "clicks", "level", "votes", "score", "stars"];
const TOGGLE_WORDS = ["open", "expanded", "showHelp", "details", "pinned", "compact"];
const DERIVED_NAMES = ["kind", "name", "action", "what"];

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const q = (s: string) => JSON.stringify(s);

// ---------------------------------------------------------------------------------------------
// Data modules (per project)

interface ProjectData {
  /** Import extension of the project's relative imports ("" or ".ts"). */
  ext: string;
  groups: string[];
}

function recordsModule(r: Rng, data: ProjectData): string {
  const n = r.int(6, 12);
  const used = new Set<string>();
  const rows: string[] = [];
  for (let i = 1; i <= n; i++) {
    let name = "";
    do name = `${cap(r.pick(ITEM_ADJ))} ${r.pick(ITEM_WORDS)}`;
    while (used.has(name));
    used.add(name);
    rows.push(`  { id: ${i}, name: ${q(name)}, group: ${q(r.pick(data.groups))}, qty: ${r.int(0, 40)} },`);
  }
  return [
    `// Records read only through the query functions below: a stand-in for a database table.`,
    `export interface Rec {`,
    `  id: number;`,
    `  name: string;`,
    `  group: string;`,
    `  qty: number;`,
    `}`,
    ``,
    `export const GROUPS: readonly string[] = [${data.groups.map(q).join(", ")}];`,
    ``,
    `const records: Rec[] = [`,
    ...rows,
    `];`,
    ``,
    `/** Records whose name contains q (case-insensitive). */`,
    `export async function listRecords(q: string): Promise<Rec[]> {`,
    `  const needle = q.trim().toLowerCase();`,
    `  return records.filter((r) => r.name.toLowerCase().includes(needle)).map((r) => ({ ...r }));`,
    `}`,
    ``,
    `/** The records of one group. */`,
    `export function recordsIn(group: string): Rec[] {`,
    `  return records.filter((r) => r.group === group).map((r) => ({ ...r }));`,
    `}`,
    ``,
    `export async function recordsInGroup(group: string): Promise<Rec[]> {`,
    `  return recordsIn(group);`,
    `}`,
    ``,
    `export async function countRecords(): Promise<number> {`,
    `  return records.length;`,
    `}`,
    ``,
    `export function groupOf(value: unknown): string {`,
    `  const text = String(value ?? "");`,
    `  return GROUPS.includes(text) ? text : GROUPS[0]!;`,
    `}`,
    ``,
  ].join("\n");
}

function boardModule(r: Rng, typedPubSub: boolean): string {
  const n = r.int(2, 5);
  const rows = r.sample(NOTE_WORDS, n).map((text, i) => `  { id: ${i + 1}, text: ${q(text)}, votes: ${r.int(0, 9)} },`);
  return [
    `// A board every tab shares: entries kept in this module, changed through its functions, and the`,
    `// app's pubsub (a SingleProcessPubSub) that views broadcast on.`,
    typedPubSub ? `import { SingleProcessPubSub, type PubSub } from "liveviewjs";` : `import { SingleProcessPubSub } from "liveviewjs";`,
    ``,
    typedPubSub ? `export const pubSub: PubSub = new SingleProcessPubSub();` : `export const pubSub = new SingleProcessPubSub();`,
    `export const BOARD_TOPIC = "board";`,
    ``,
    `export interface Entry {`,
    `  id: number;`,
    `  text: string;`,
    `  votes: number;`,
    `}`,
    ``,
    `const entries: Entry[] = [`,
    ...rows,
    `];`,
    `let lastEntryId = ${n};`,
    ``,
    `export function listEntries(): Entry[] {`,
    `  return entries.map((e) => ({ ...e }));`,
    `}`,
    ``,
    `export async function addEntry(text: string): Promise<Entry> {`,
    `  const entry = { id: ++lastEntryId, text, votes: 0 };`,
    `  entries.push(entry);`,
    `  return { ...entry };`,
    `}`,
    ``,
    `export async function voteEntry(id: number): Promise<Entry | undefined> {`,
    `  const entry = entries.find((e) => e.id === id);`,
    `  if (!entry) return undefined;`,
    `  entry.votes += 1;`,
    `  return { ...entry };`,
    `}`,
    ``,
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// Views

/** One event or info the view handles. Bodies use `socket` and `event` (events) or `info` (infos). */
interface Handler {
  name: string;
  fields: [string, string][];
  body: string[];
  /** The same as one expression, when it is one `socket.assign(…)` (expression-bodied arrows). */
  simple?: string;
}

interface ViewSpec {
  n: number;
  T: string; // type prefix: V12
  style: "create" | "class";
  sep: string; // event-name separator
  ext: string;
  imports: Map<string, Set<string>>;
  typeLines: string[];
  moduleLines: string[];
  ctx: [string, string][];
  connected: string[];
  mountLines: string[];
  assigns: [string, string][];
  events: Handler[];
  infos: Handler[];
  shutdown: string[];
  template: string[];
  usesParams: boolean;
  routeParam?: string;
  /** The view's pubsub binding, once chosen: built in the view file or imported from the board module. */
  pubSub?: "local" | "imported";
  shapes: string[];
  /** The features chosen for this view. */
  features: Set<string>;
}

function importFrom(spec: ViewSpec, from: string, ...names: string[]) {
  const set = spec.imports.get(from) ?? new Set<string>();
  for (const name of names) set.add(name);
  spec.imports.set(from, set);
}

const dataPath = (spec: ViewSpec, module: string) => `../data/${module}${spec.ext}`;
const evName = (spec: ViewSpec, ...parts: (string | number)[]) => parts.join(spec.sep);

function pubSubName(spec: ViewSpec, r: Rng): string {
  if (!spec.pubSub) {
    spec.pubSub = spec.features.has("board") || r.chance(0.5) ? "imported" : "local";
    if (spec.pubSub === "imported") importFrom(spec, dataPath(spec, "board"), "pubSub");
    else {
      importFrom(spec, "liveviewjs", "SingleProcessPubSub");
      spec.moduleLines.push(`const pubSub = new SingleProcessPubSub();`, ``);
    }
    spec.shapes.push(`pubsub-${spec.pubSub}`);
  }
  return "pubSub";
}

// ---- features: each adds keys, events, infos and the template part that binds them ----

function counter(spec: ViewSpec, r: Rng, k: number) {
  const key = `${r.pick(COUNTER_WORDS)}${k}`;
  const max = r.pick([0, 0, 10, 25]);
  spec.ctx.push([key, "number"]);
  spec.assigns.push([key, String(r.int(0, 5))]);
  const inc = evName(spec, "inc", k);
  const reset = evName(spec, "reset", k);
  const next = max ? `Math.min(${max}, socket.context.${key} + Number(event.by))` : `socket.context.${key} + Number(event.by)`;
  spec.events.push(
    { name: inc, fields: [["by", "string"]], body: [`socket.assign({ ${key}: ${next} });`], simple: `socket.assign({ ${key}: ${next} })` },
    { name: reset, fields: [], body: [`socket.assign({ ${key}: 0 });`], simple: `socket.assign({ ${key}: 0 })` },
  );
  const big = r.pick([2, 5, 10]);
  spec.template.push(
    `<section id="${key}-box">`,
    `  <p>${cap(key)}: <strong id="${key}">\${ctx.${key}}</strong>${max ? ` of ${max}` : ""}</p>`,
    `  <button phx-click="${inc}" phx-value-by="1">+1</button>`,
    `  <button phx-click="${inc}" phx-value-by="${big}">+${big}</button>`,
    `  <button phx-click="${reset}">Reset</button>`,
    `</section>`,
  );
  spec.shapes.push("ui-counter");
}

function toggle(spec: ViewSpec, r: Rng, k: number) {
  const key = `${r.pick(TOGGLE_WORDS)}${k}`;
  const name = evName(spec, "toggle", k);
  spec.ctx.push([key, "boolean"]);
  spec.assigns.push([key, r.chance(0.3) ? "true" : "false"]);
  spec.events.push({ name, fields: [], body: [`socket.assign({ ${key}: !socket.context.${key} });`], simple: `socket.assign({ ${key}: !socket.context.${key} })` });
  const checkbox = r.chance(0.4);
  spec.template.push(
    `<section id="${key}-panel">`,
    checkbox
      ? `  <label><input type="checkbox" phx-click="${name}" \${ctx.${key} ? "checked" : ""} /> ${cap(key)}</label>`
      : `  <button phx-click="${name}">\${ctx.${key} ? "Hide" : "Show"} ${key}</button>`,
    `  \${ctx.${key} ? html\`<div class="panel">Panel ${k} is open.</div>\` : ""}`,
    `</section>`,
  );
  spec.shapes.push("ui-toggle");
}

function tabs(spec: ViewSpec, r: Rng) {
  const words = r.sample(TAB_WORDS, r.int(2, 4));
  const name = evName(spec, "select", "tab");
  spec.moduleLines.push(`const TABS: readonly string[] = [${words.map(q).join(", ")}];`, ``);
  spec.ctx.push(["tab", "string"]);
  spec.assigns.push(["tab", q(words[0]!)]);
  const next = `TABS.includes(event.tab) ? event.tab : TABS[0]!`;
  spec.events.push({ name, fields: [["tab", "string"]], body: [`socket.assign({ tab: ${next} });`], simple: `socket.assign({ tab: ${next} })` });
  spec.template.push(
    `<nav id="tabs">`,
    ...words.map((w) => `  <a href="#" phx-click="${name}" phx-value-tab="${w}" class="\${ctx.tab === "${w}" ? "active" : ""}">${cap(w)}</a>`),
    `</nav>`,
    `<p id="tab-body">Showing \${ctx.tab}.</p>`,
  );
  spec.shapes.push("ui-tabs");
}

/** A draft form (phx-change validate, phx-submit save). Saving goes to a ui list, or to the board. */
function draft(spec: ViewSpec, r: Rng) {
  const validate = evName(spec, "validate");
  const save = evName(spec, "save");
  const toBoard = spec.features.has("board") && r.chance(0.6);
  const sink = toBoard
    ? [`const entry = await addEntry(TITLE);`, `await pubSub.broadcast(BOARD_TOPIC, { type: "entry_added", entry });`]
    : [`socket.assign({ saved: [...socket.context.saved, TITLE] });`];
  if (!toBoard) {
    spec.ctx.push(["saved", "string[]"]);
    spec.assigns.push(["saved", "[]"]);
  }
  const fields: [string, string][] = [["title", "string"], ["note", "string"]];
  if (r.chance(0.35)) {
    // zod changeset
    importFrom(spec, "liveviewjs", "newChangesetFactory", "form_for", "text_input", "error_tag", "submit", "type LiveViewChangeset");
    importFrom(spec, "zod", "z");
    spec.moduleLines.push(
      `const DraftSchema = z.object({`,
      `  title: z.string().min(3),`,
      `  note: z.string().max(${r.pick([20, 40, 80])}),`,
      `});`,
      `type Draft = z.infer<typeof DraftSchema>;`,
      `const draftChangeset = newChangesetFactory<Draft>(DraftSchema);`,
      ``,
    );
    spec.ctx.push(["changeset", "LiveViewChangeset<Draft>"]);
    spec.assigns.push(["changeset", "draftChangeset({}, {})"]);
    spec.events.push(
      { name: validate, fields, body: [`socket.assign({ changeset: draftChangeset({}, event, "validate") });`], simple: `socket.assign({ changeset: draftChangeset({}, event, "validate") })` },
      {
        name: save,
        fields,
        body: [
          `const result = draftChangeset({}, event, "save");`,
          `if (!result.valid) {`,
          `  socket.assign({ changeset: result });`,
          `  return;`,
          `}`,
          ...sink.map((s) => s.replace("TITLE", "result.data.title!")),
          `socket.assign({ changeset: draftChangeset({}, {}) });`,
        ],
      },
    );
    spec.template.push(
      `\${form_for<Draft>("#", meta.csrfToken, { phx_change: "${validate}", phx_submit: "${save}", id: "draft-form" })}`,
      `  <label>Title \${text_input(ctx.changeset, "title")}</label>`,
      `  \${error_tag(ctx.changeset, "title")}`,
      `  <label>Note \${text_input(ctx.changeset, "note")}</label>`,
      `  \${error_tag(ctx.changeset, "note")}`,
      `  \${submit("Save")}`,
      `</form>`,
    );
    spec.shapes.push("form-changeset");
  } else {
    const min = r.pick([2, 3, 4]);
    spec.moduleLines.push(
      `function checkDraft(title: string): string {`,
      `  return title.trim().length < ${min} ? "Title needs ${min} letters" : "";`,
      `}`,
      ``,
    );
    spec.ctx.push(["title", "string"], ["note", "string"], ["draftError", "string"]);
    spec.assigns.push(["title", '""'], ["note", '""'], ["draftError", '""']);
    const v = `socket.assign({ title: event.title, note: event.note, draftError: checkDraft(event.title) })`;
    spec.events.push(
      { name: validate, fields, body: [`${v};`], simple: v },
      {
        name: save,
        fields,
        body: [
          `const error = checkDraft(event.title);`,
          `if (error) {`,
          `  socket.assign({ draftError: error });`,
          `  return;`,
          `}`,
          ...sink.map((s) => s.replace("TITLE", "event.title.trim()")),
          `socket.assign({ title: "", note: "", draftError: "" });`,
        ],
      },
    );
    spec.template.push(
      `<form id="draft-form" phx-change="${validate}" phx-submit="${save}">`,
      `  <input type="hidden" name="_csrf_token" value="\${meta.csrfToken}" />`,
      `  <input type="text" name="title" value="\${ctx.title}" placeholder="Title" />`,
      `  <input type="text" name="note" value="\${ctx.note}" placeholder="Note" />`,
      `  \${ctx.draftError ? html\`<p class="error">\${ctx.draftError}</p>\` : ""}`,
      `  <button type="submit">Save</button>`,
      `</form>`,
    );
    spec.shapes.push("form-draft");
  }
  if (!toBoard) spec.template.push(`<ul id="saved">\${ctx.saved.map((s, i) => html\`<li id="saved-\${i}">\${s}</li>\`)}</ul>`);
  else {
    spec.shapes.push("form-to-board");
    importFrom(spec, dataPath(spec, "board"), "addEntry", "BOARD_TOPIC");
    pubSubName(spec, r);
  }
}

/** A search over the records' async query function, directly or through sendInfo to self. */
function search(spec: ViewSpec, r: Rng) {
  importFrom(spec, dataPath(spec, "records"), "listRecords", "type Rec");
  const name = evName(spec, "search");
  const viaInfo = r.chance(0.5);
  const binding = r.pick(["phx-change", "phx-submit"]);
  spec.ctx.push(["q", "string"], ["results", "Rec[]"]);
  spec.assigns.push(["q", '""'], ["results", 'await listRecords("")']);
  if (viaInfo) {
    const run = evName(spec, "run", "search");
    spec.ctx.push(["loading", "boolean"]);
    spec.assigns.push(["loading", "false"]);
    spec.events.push({ name, fields: [["q", "string"]], body: [`socket.assign({ q: event.q, loading: true });`, `socket.sendInfo({ type: ${q(run)}, q: event.q });`] });
    spec.infos.push({ name: run, fields: [["q", "string"]], body: [`socket.assign({ results: await listRecords(info.q), loading: false });`] });
    spec.shapes.push("search-sendinfo");
  } else {
    spec.events.push({ name, fields: [["q", "string"]], body: [`socket.assign({ q: event.q, results: await listRecords(event.q) });`] });
    spec.shapes.push("search-query");
  }
  spec.template.push(
    `<form id="search-form" ${binding}="${name}">`,
    `  <input type="search" name="q" value="\${ctx.q}" placeholder="Search" autocomplete="off" />`,
    binding === "phx-submit" ? `  <button type="submit">Find</button>` : ``,
    `</form>`,
    viaInfo ? `\${ctx.loading ? html\`<p class="loading">Searching for \${ctx.q}…</p>\` : ""}` : ``,
    `<ul id="results">\${ctx.results.map((rec) => html\`<li id="rec-\${rec.id}">\${rec.name} <small>\${rec.group}</small> \${rec.qty}</li>\`)}</ul>`,
  );
}

/** A module-level array filtered by a param (from the route, or from a click). */
function groupFilter(spec: ViewSpec, r: Rng, groups: string[]) {
  const async = r.chance(0.5);
  const fn = async ? "recordsInGroup" : "recordsIn";
  importFrom(spec, dataPath(spec, "records"), fn, "groupOf", "GROUPS", "type Rec");
  const name = evName(spec, "pick", "group");
  spec.ctx.push(["group", "string"], ["groupItems", "Rec[]"]);
  const fromRoute = r.chance(0.4);
  if (fromRoute) {
    spec.routeParam = "group";
    spec.usesParams = true;
    spec.mountLines.push(`const group = groupOf(params.group);`);
    spec.shapes.push("group-route-param");
  } else {
    spec.mountLines.push(`const group = GROUPS[0]!;`);
    spec.shapes.push("group-event-param");
  }
  spec.assigns.push(["group", "group"], ["groupItems", `${async ? "await " : ""}${fn}(group)`]);
  spec.events.push({
    name,
    fields: [["group", "string"]],
    body: [`const group = groupOf(event.group);`, `socket.assign({ group, groupItems: ${async ? "await " : ""}${fn}(group) });`],
  });
  spec.template.push(
    `<nav id="groups">`,
    ...groups.map((g) => `  <button phx-click="${name}" phx-value-group="${g}" class="\${ctx.group === "${g}" ? "active" : ""}">${cap(g)}</button>`),
    `</nav>`,
    `<p id="group-total">\${ctx.groupItems.length} in \${ctx.group}, \${ctx.groupItems.reduce((sum, rec) => sum + rec.qty, 0)} units</p>`,
    `<ol id="group-items">\${ctx.groupItems.map((rec) => html\`<li id="g-\${rec.id}">\${rec.name}</li>\`)}</ol>`,
  );
  spec.shapes.push(async ? "group-async" : "group-sync");
}

/** A store declared and mutated in the view's own file; refreshed directly or by a data-less doorbell. */
function ownStore(spec: ViewSpec, r: Rng) {
  const rows = r.sample(NOTE_WORDS, r.int(1, 4)).map((text, i) => `  { id: ${i + 1}, text: ${q(text)}, done: ${r.chance(0.3)} },`);
  spec.typeLines.push(`interface Note {`, `  id: number;`, `  text: string;`, `  done: boolean;`, `}`, ``);
  spec.moduleLines.push(
    `const notes: Note[] = [`,
    ...rows,
    `];`,
    `let lastNoteId = ${rows.length};`,
    ``,
    `function currentNotes(): Note[] {`,
    `  return notes.map((n) => ({ ...n }));`,
    `}`,
    ``,
  );
  spec.ctx.push(["notes", "Note[]"]);
  spec.assigns.push(["notes", "currentNotes()"]);
  const refresh = r.weighted({ direct: 2, doorbell: 3, both: 1 });
  const refreshLines: string[] = [];
  if (refresh !== "direct") {
    const ps = pubSubName(spec, r);
    const topic = `v${spec.n}-notes`;
    const ring = evName(spec, "notes", "updated");
    spec.moduleLines.push(`const NOTES_TOPIC = ${q(topic)};`, ``);
    spec.connected.push(`await socket.subscribe(NOTES_TOPIC);`);
    refreshLines.push(`await ${ps}.broadcast(NOTES_TOPIC, { type: ${q(ring)} });`);
    spec.infos.push({ name: ring, fields: [], body: [`socket.assign({ notes: currentNotes() });`], simple: `socket.assign({ notes: currentNotes() })` });
    spec.shapes.push("store-doorbell");
  }
  if (refresh !== "doorbell") refreshLines.push(`socket.assign({ notes: currentNotes() });`);
  if (refresh === "direct") spec.shapes.push("store-direct");
  const add = evName(spec, "add", "note");
  const flip = evName(spec, "flip", "note");
  const clear = evName(spec, "clear", "done");
  const max = r.pick([0, 24, 40]);
  spec.events.push(
    {
      name: add,
      fields: [["text", "string"]],
      body: [
        `const text = event.text.trim();`,
        `if (!text) return;`,
        ...(max ? [`if (text.length > ${max}) throw new Error("a note has at most ${max} characters");`] : []),
        `notes.push({ id: ++lastNoteId, text, done: false });`,
        ...refreshLines,
      ],
    },
    {
      name: flip,
      fields: [["id", "string"]],
      body: [`const note = notes.find((n) => n.id === Number(event.id));`, `if (!note) return;`, `note.done = !note.done;`, ...refreshLines],
    },
    {
      name: clear,
      fields: [],
      body: [`for (let i = notes.length - 1; i >= 0; i--) {`, `  if (notes[i]!.done) notes.splice(i, 1);`, `}`, ...refreshLines],
    },
  );
  spec.template.push(
    `<section id="notes">`,
    `  <ul>\${ctx.notes.map((n) => html\`<li id="note-\${n.id}" class="\${n.done ? "done" : ""}">\${n.text} <button phx-click="${flip}" phx-value-id="\${n.id}">\${n.done ? "Undo" : "Done"}</button></li>\`)}</ul>`,
    `  <form id="note-form" phx-submit="${add}">`,
    `    <input type="text" name="text" value="" placeholder="New note" />`,
    `    <button type="submit">Add</button>`,
    `  </form>`,
    `  <button phx-click="${clear}">Clear done</button>`,
    `</section>`,
  );
  spec.shapes.push("own-store");
}

/** The project's board: entries from a data module, broadcasts carrying data or a doorbell. */
function board(spec: ViewSpec, r: Rng) {
  importFrom(spec, dataPath(spec, "board"), "listEntries", "voteEntry", "BOARD_TOPIC", "type Entry");
  const ps = pubSubName(spec, r);
  spec.ctx.push(["entries", "Entry[]"]);
  spec.assigns.push(["entries", "listEntries()"]);
  spec.connected.push(`await socket.subscribe(BOARD_TOPIC);`);
  const vote = evName(spec, "vote");
  const withData = r.chance(0.5);
  // the draft form (when it goes to the board) broadcasts entry_added with data: handle it either way
  spec.infos.push(
    withData
      ? { name: "entry_added", fields: [["entry", "Entry"]], body: [`socket.assign({ entries: [...socket.context.entries.filter((e) => e.id !== info.entry.id), info.entry] });`] }
      : { name: "entry_added", fields: [["entry", "Entry"]], body: [`socket.assign({ entries: listEntries() });`], simple: `socket.assign({ entries: listEntries() })` },
  );
  if (withData) {
    spec.infos.push({ name: "entry_voted", fields: [["entry", "Entry"]], body: [`socket.assign({ entries: socket.context.entries.map((e) => (e.id === info.entry.id ? info.entry : e)) });`] });
    spec.events.push({ name: vote, fields: [["id", "string"]], body: [`const entry = await voteEntry(Number(event.id));`, `if (!entry) return;`, `await ${ps}.broadcast(BOARD_TOPIC, { type: "entry_voted", entry });`] });
    spec.shapes.push("board-data");
  } else {
    spec.infos.push({ name: "board_changed", fields: [], body: [`socket.assign({ entries: listEntries() });`], simple: `socket.assign({ entries: listEntries() })` });
    spec.events.push({ name: vote, fields: [["id", "string"]], body: [`await voteEntry(Number(event.id));`, `await ${ps}.broadcast(BOARD_TOPIC, { type: "board_changed" });`] });
    spec.shapes.push("board-doorbell");
  }
  spec.template.push(
    `<section id="board">`,
    `  <ol>\${ctx.entries.map((e) => html\`<li id="entry-\${e.id}">\${e.text} (\${e.votes}) <button phx-click="${vote}" phx-value-id="\${e.id}">+1</button></li>\`)}</ol>`,
    `</section>`,
  );
}

/** sendInfo to self: a ui bump, or a loading flag and a count read from the records. */
function selfInfo(spec: ViewSpec, r: Rng) {
  if (r.chance(0.5)) {
    const later = evName(spec, "bump", "later");
    const by = r.int(1, 3);
    spec.ctx.push(["bumps", "number"]);
    spec.assigns.push(["bumps", "0"]);
    spec.events.push({ name: later, fields: [], body: [`socket.sendInfo({ type: "bumped", by: ${by} });`], simple: `socket.sendInfo({ type: "bumped", by: ${by} })` });
    spec.infos.push({ name: "bumped", fields: [["by", "number"]], body: [`socket.assign({ bumps: socket.context.bumps + info.by });`], simple: `socket.assign({ bumps: socket.context.bumps + info.by })` });
    spec.template.push(`<p id="bumps">Bumps: \${ctx.bumps} <button phx-click="${later}">Bump later</button></p>`);
    spec.shapes.push("sendinfo-ui");
  } else {
    importFrom(spec, dataPath(spec, "records"), "countRecords");
    const refresh = evName(spec, "refresh", "stats");
    spec.ctx.push(["total", "number"], ["counting", "boolean"]);
    spec.assigns.push(["total", "-1"], ["counting", "false"]);
    spec.events.push({ name: refresh, fields: [], body: [`socket.assign({ counting: true });`, `socket.sendInfo({ type: "count_records" });`] });
    spec.infos.push({ name: "count_records", fields: [], body: [`const total = await countRecords();`, `socket.assign({ total, counting: false });`] });
    spec.template.push(`<p id="stats">\${ctx.counting ? "Counting…" : ctx.total < 0 ? "Not counted yet" : \`\${ctx.total} records\`} <button phx-click="${refresh}">Count</button></p>`);
    spec.shapes.push("sendinfo-shared");
  }
}

/** setInterval polling behind socket.connected, a handleInfo for the tick, cleared in shutdown. */
function polling(spec: ViewSpec, r: Rng) {
  const ms = r.pick([1000, 2000, 5000]);
  const socketType = `LiveViewSocket<${spec.T}Context, ${spec.T}Info>`;
  spec.moduleLines.push(`const pollers = new Map<string, ReturnType<typeof setInterval>>();`, ``);
  if (r.chance(0.5)) {
    importFrom(spec, "liveviewjs", "type LiveViewSocket");
    spec.moduleLines.push(
      `function startPolling(socket: ${socketType}): void {`,
      `  stopPolling(socket.id);`,
      `  pollers.set(socket.id, setInterval(() => socket.sendInfo({ type: "poll" }), ${ms}));`,
      `}`,
      ``,
      `function stopPolling(id: string): void {`,
      `  const timer = pollers.get(id);`,
      `  if (timer) clearInterval(timer);`,
      `  pollers.delete(id);`,
      `}`,
      ``,
    );
    spec.connected.push(`startPolling(socket);`);
    spec.shutdown.push(`stopPolling(id);`);
    spec.shapes.push("polling-helpers");
  } else {
    spec.connected.push(`pollers.set(socket.id, setInterval(() => socket.sendInfo({ type: "poll" }), ${ms}));`);
    spec.shutdown.push(`const timer = pollers.get(id);`, `if (timer) clearInterval(timer);`, `pollers.delete(id);`);
    spec.shapes.push("polling-inline");
  }
  spec.ctx.push(["polls", "number"]);
  spec.assigns.push(["polls", "0"]);
  spec.infos.push({ name: "poll", fields: [], body: [`socket.assign({ polls: socket.context.polls + 1 });`], simple: `socket.assign({ polls: socket.context.polls + 1 })` });
  spec.template.push(`<p id="polls">Polled \${ctx.polls} times (every ${ms / 1000} s)</p>`);
}

// ---- handlers: one dispatcher printed in a random shape ----

const isAsync = (lines: string[]) => lines.some((l) => /\bawait\b/.test(l));
const indent = (lines: string[], by = "  ") => lines.map((l) => (l ? by + l : l));

interface Printed {
  /** The member of the createLiveView object (or class) without trailing comma. */
  member: string;
  /** Module-level functions it needs (helpers, the referenced handler). */
  module: string[];
}

function printDispatcher(spec: ViewSpec, r: Rng, kind: "event" | "info", handlers: Handler[]): Printed {
  const p = kind;
  const method = kind === "event" ? "handleEvent" : "handleInfo";
  const Union = kind === "event" ? `${spec.T}Event` : `${spec.T}Info`;
  const socketType = `LiveViewSocket<${spec.T}Context, ${spec.T}Info>`;
  const tag = (s: string) => spec.shapes.push(`${kind === "event" ? "ev" : "info"}:${s}`);
  const module: string[] = [];
  const cls = spec.style === "class";

  // expression-bodied arrow: every handler is one socket.assign/sendInfo expression
  if (!cls && handlers.every((h) => h.simple) && r.chance(0.45)) {
    tag("expression-arrow");
    const [last, ...rest] = [...handlers].reverse();
    let expr = last!.simple!;
    for (const h of rest) expr = `${p}.type === ${q(h.name)}\n      ? ${h.simple}\n      : ${expr}`;
    return { member: `${method}: (${p}, socket) =>\n    ${expr}`, module };
  }

  // helpers taking the socket
  const bodies = new Map<string, string[]>();
  for (const h of handlers) {
    if (h.body.length > 0 && r.chance(0.25)) {
      const fn = `on${cap(h.name.replace(/[-_](\w)/g, (_, c: string) => c.toUpperCase()))}${kind === "info" ? "Info" : ""}`;
      importFrom(spec, "liveviewjs", "type LiveViewSocket");
      const a = isAsync(h.body);
      module.push(
        `${a ? "async " : ""}function ${fn}(socket: ${socketType}, ${p}: Extract<${Union}, { type: ${q(h.name)} }>): ${a ? "Promise<void>" : "void"} {`,
        ...indent(h.body),
        `}`,
        ``,
      );
      bodies.set(h.name, [`${a ? "await " : ""}${fn}(socket, ${p});`]);
      tag("helper-socket");
    } else bodies.set(h.name, h.body);
  }
  if (handlers.some((h) => h.body.some((l) => /\breturn;/.test(l)))) tag("early-return");

  // the discriminant
  const disc = r.weighted({ direct: 3, destructured: 1, derived: 1 });
  const derivedName = r.pick(DERIVED_NAMES);
  const D = disc === "direct" ? `${p}.type` : disc === "destructured" ? "type" : derivedName;
  const prelude = disc === "destructured" ? [`const { type } = ${p};`] : disc === "derived" ? [`const ${derivedName} = ${p}.type;`] : [];

  let dispatch: string[];
  if (handlers.length === 1 && r.chance(0.6)) {
    tag("single-no-dispatch");
    dispatch = bodies.get(handlers[0]!.name)!;
  } else {
    if (disc !== "direct") tag(`${disc}-type`);
    dispatch = [...prelude];
    if (r.chance(0.55)) {
      tag("switch");
      const fallback = r.weighted({ none: 2, break: 1, return: 1 });
      dispatch.push(`switch (${D}) {`);
      for (const h of handlers) {
        const body = bodies.get(h.name)!;
        dispatch.push(`  case ${q(h.name)}: {`, ...indent(body, "    "), `    break;`, `  }`);
      }
      if (fallback !== "none") {
        tag("default");
        dispatch.push(`  default:`, fallback === "break" ? `    break;` : `    return;`);
      }
      dispatch.push(`}`);
    } else {
      tag("if-chain");
      const plainElse = handlers.length > 1 && r.chance(0.4);
      const finalElse = !plainElse && r.chance(0.3);
      handlers.forEach((h, i) => {
        const body = bodies.get(h.name)!;
        const last = i === handlers.length - 1;
        const head = i === 0 ? "if" : "} else if";
        if (last && plainElse) dispatch.push(`} else {`, ...indent(body));
        else dispatch.push(`${head} (${D} === ${q(h.name)}) {`, ...indent(body));
      });
      if (finalElse) {
        tag("final-else");
        dispatch.push(`} else {`, `  return;`);
      }
      if (plainElse) tag("plain-else");
      dispatch.push(`}`);
    }
  }

  // statements before and after the dispatch (ui bookkeeping)
  let lines = dispatch;
  if (kind === "event" && r.chance(0.3)) {
    tag("pre-post");
    spec.ctx.push(["handled", "number"], ["lastEvent", "string"]);
    spec.assigns.push(["handled", "0"], ["lastEvent", '""']);
    spec.template.push(`<p id="meta">\${ctx.handled} events, last: \${ctx.lastEvent || "none"}</p>`);
    lines = [`const seen = socket.context.handled + 1;`, ...lines, `socket.assign({ handled: seen, lastEvent: ${p}.type });`];
  } else if (r.chance(0.15)) {
    tag("post-only");
    const key = kind === "event" ? "eventCount" : "infoCount";
    spec.ctx.push([key, "number"]);
    spec.assigns.push([key, "0"]);
    spec.template.push(`<p id="${key}">${key}: \${ctx.${key}}</p>`);
    lines = [...lines, `socket.assign({ ${key}: socket.context.${key} + 1 });`];
  }
  if (r.chance(0.25)) {
    tag("try-catch");
    const key = kind === "event" ? "failure" : "infoFailure";
    spec.ctx.push([key, "string"]);
    spec.assigns.push([key, '""']);
    spec.template.push(`\${ctx.${key} ? html\`<p class="error" id="${key}">\${ctx.${key}}</p>\` : ""}`);
    lines = [`try {`, ...indent(lines), `} catch (error) {`, `  socket.assign({ ${key}: error instanceof Error ? error.message : String(error) });`, `}`];
  }

  const a = isAsync(lines);
  if (cls) {
    return { member: `${a ? "async " : ""}${method}(${p}: ${Union}, socket: ${socketType})${a ? ": Promise<void>" : ""} {\n${indent(lines, "    ").join("\n")}\n  }`, module };
  }
  const form = r.weighted({ arrow: 3, method: 2, reference: 2 });
  tag(form === "reference" ? "function-reference" : form === "method" ? "method" : "arrow-block");
  if (form === "reference") {
    importFrom(spec, "liveviewjs", "type LiveViewSocket");
    const fn = `on${spec.T}${kind === "event" ? "Event" : "Info"}`;
    module.push(`${a ? "async " : ""}function ${fn}(${p}: ${Union}, socket: ${socketType}): ${a ? "Promise<void>" : "void"} {`, ...indent(lines), `}`, ``);
    return { member: `${method}: ${fn}`, module };
  }
  if (form === "method") return { member: `${a ? "async " : ""}${method}(${p}, socket) {\n${indent(lines, "    ").join("\n")}\n  }`, module };
  return { member: `${method}: ${a ? "async " : ""}(${p}, socket) => {\n${indent(lines, "    ").join("\n")}\n  }`, module };
}

/**
 * Keys made at run time (a settings record whose field names are data): the state cannot be split,
 * so the whole view migrates with carried state. Sometimes the save goes to the records module.
 */
function dynamicFields(spec: ViewSpec, r: Rng) {
  const fields = r.sample(["alpha", "beta", "gamma", "delta", "sigma"], r.int(2, 3));
  const suffix = r.pick(["Pref", "Setting", "Field"]);
  spec.ctx.push(["[field: string]", "unknown"]);
  spec.moduleLines.push(`const FIELDS_${spec.n} = ${JSON.stringify(fields)};`, `const fieldKey${spec.n} = (name: string) => \`\${name}${suffix}\`;`, ``);
  spec.mountLines.push(`socket.assign(Object.fromEntries(FIELDS_${spec.n}.map((f, i) => [fieldKey${spec.n}(f), String(i)])));`);
  const set = evName(spec, "set", "field");
  spec.events.push({ name: set, fields: [["key", "string"], ["value", "string"]], body: [`socket.assign({ [fieldKey${spec.n}(event.key)]: event.value });`], simple: `socket.assign({ [fieldKey${spec.n}(event.key)]: event.value })` });
  spec.template.push(
    `<section id="fields-${spec.n}">`,
    `  \${FIELDS_${spec.n}.map((f) => html\`<form phx-change="${set}"><input type="hidden" name="key" value="\${f}" /><input type="text" name="value" value="\${String(ctx[fieldKey${spec.n}(f)] ?? "")}" /></form>\`)}`,
    `  <p id="fields-${spec.n}-all">\${FIELDS_${spec.n}.map((f) => String(ctx[fieldKey${spec.n}(f)])).join(", ")}</p>`,
    `</section>`,
  );
  spec.shapes.push("dynamic-keys");
}

// ---- one view ----

const FEATURES = ["counter", "toggle", "tabs", "draft", "search", "group", "store", "board", "selfInfo", "polling", "dynamic"] as const;
const FEATURE_WEIGHTS: Record<(typeof FEATURES)[number], number> = { counter: 3, toggle: 3, tabs: 2, draft: 3, search: 3, group: 2, store: 3, board: 2, selfInfo: 2, polling: 1.5, dynamic: 1.5 };

function pickFeatures(r: Rng): Set<string> {
  // a tenth of views are tiny: one event and nothing else (no dispatch, expression-bodied arrows)
  if (r.chance(0.1)) return new Set(["tiny"]);
  const n = r.weighted({ 1: 1, 2: 3, 3: 3, 4: 1.5 } as Record<string, number>);
  const chosen = new Set<string>();
  while (chosen.size < Number(n)) chosen.add(r.weighted(FEATURE_WEIGHTS));
  // a board invites a form that posts to it
  if (chosen.has("board") && r.chance(0.4)) chosen.add("draft");
  return chosen;
}

/** One event only: a toggle, a tab picker, or a counter that only goes up. */
function tiny(spec: ViewSpec, r: Rng) {
  const which = r.pick(["toggle", "tabs", "bump"]);
  if (which === "toggle") return toggle(spec, r, 1);
  if (which === "tabs") return tabs(spec, r);
  const key = r.pick(COUNTER_WORDS);
  const name = evName(spec, "bump");
  spec.ctx.push([key, "number"]);
  spec.assigns.push([key, "0"]);
  spec.events.push({ name, fields: [], body: [`socket.assign({ ${key}: socket.context.${key} + 1 });`], simple: `socket.assign({ ${key}: socket.context.${key} + 1 })` });
  spec.template.push(`<p><button phx-click="${name}">Bump</button> <span id="${key}">\${ctx.${key}}</span></p>`);
  spec.shapes.push("ui-one-event");
}

export function generateView(seed: number, index: number, data: ProjectData): { file: string; text: string; view: FuzzView } {
  const r = rng(mixSeed(seed, index, 0x5eed));
  const spec: ViewSpec = {
    n: index,
    T: `V${index}`,
    style: r.chance(0.15) ? "class" : "create",
    sep: r.pick(["_", "_", "-"]),
    ext: data.ext,
    imports: new Map(),
    typeLines: [],
    moduleLines: [],
    ctx: [],
    connected: [],
    mountLines: [],
    assigns: [],
    events: [],
    infos: [],
    shutdown: [],
    template: [],
    usesParams: false,
    shapes: [],
    features: pickFeatures(r),
  };
  importFrom(spec, "liveviewjs", "html");
  if (spec.style === "class") spec.shapes.push("class-view");
  // fixed order: the draft knows whether the board is there
  let k = 1;
  if (spec.features.has("tiny")) tiny(spec, r);
  for (const f of FEATURES) {
    if (!spec.features.has(f)) continue;
    if (f === "counter") {
      counter(spec, r, k++);
      if (r.chance(0.25)) counter(spec, r, k++);
    } else if (f === "toggle") {
      toggle(spec, r, k++);
      if (r.chance(0.25)) toggle(spec, r, k++);
    } else if (f === "tabs") tabs(spec, r);
    else if (f === "board") board(spec, r);
    else if (f === "draft") draft(spec, r);
    else if (f === "search") search(spec, r);
    else if (f === "group") groupFilter(spec, r, data.groups);
    else if (f === "store") ownStore(spec, r);
    else if (f === "selfInfo") selfInfo(spec, r);
    else if (f === "polling") polling(spec, r);
    else if (f === "dynamic") dynamicFields(spec, r);
  }
  const events = r.chance(0.5) ? spec.events : r.sample(spec.events, spec.events.length);
  const printedEvent = spec.events.length ? printDispatcher(spec, r, "event", events) : undefined;
  const printedInfo = spec.infos.length ? printDispatcher(spec, r, "info", spec.infos) : undefined;
  const text = printView(spec, r, printedEvent, printedInfo);
  const exportName = spec.style === "class" ? `V${index}View` : `v${index}View`;
  return {
    file: `src/views/v${index}.ts`,
    text,
    view: { index, file: `src/views/v${index}.ts`, exportName, route: `/v${index}${spec.routeParam ? `/:${spec.routeParam}` : ""}`, shapes: spec.shapes },
  };
}

function printImports(spec: ViewSpec): string[] {
  const order = [...spec.imports.keys()].sort((a, b) => (a.startsWith(".") ? 1 : 0) - (b.startsWith(".") ? 1 : 0) || (a < b ? -1 : 1));
  return order.map((from) => {
    const names = [...spec.imports.get(from)!].sort((a, b) => a.replace(/^type /, "").localeCompare(b.replace(/^type /, "")));
    const allTypes = names.every((n) => n.startsWith("type "));
    return allTypes ? `import type { ${names.map((n) => n.slice(5)).join(", ")} } from ${q(from)};` : `import { ${names.join(", ")} } from ${q(from)};`;
  });
}

function printView(spec: ViewSpec, r: Rng, ev: Printed | undefined, info: Printed | undefined): string {
  const T = spec.T;
  const cls = spec.style === "class";
  if (cls) importFrom(spec, "liveviewjs", "BaseLiveView", "type LiveViewSocket", "type LiveViewMeta", ...(spec.usesParams ? ["type LiveViewMountParams", "type SessionData"] : []));
  else importFrom(spec, "liveviewjs", "createLiveView");
  const hasInfos = spec.infos.length > 0;
  const union = (handlers: Handler[]) =>
    (handlers.length ? handlers : [{ name: "noop", fields: [], body: [] }]).map((e, i, all) => `  | { type: ${q(e.name)}${e.fields.map(([f, t]) => `; ${f}: ${t}`).join("")} }${i === all.length - 1 ? ";" : ""}`);
  const eventType = union(spec.events);
  const infoType = union(spec.infos);

  const mountBody: string[] = [];
  if (spec.connected.length) mountBody.push(`if (socket.connected) {`, ...indent(spec.connected), `}`);
  mountBody.push(...spec.mountLines);
  mountBody.push(`socket.assign({`, ...spec.assigns.map(([k, v]) => `  ${k}: ${v},`), `});`);
  const mountAsync = isAsync(mountBody);
  const socketType = `LiveViewSocket<${T}Context, ${T}Info>`;

  const members: string[] = [];
  if (cls) {
    const params = spec.usesParams ? `, _session: Partial<SessionData>, params: LiveViewMountParams` : "";
    members.push(`${mountAsync ? "async " : ""}mount(socket: ${socketType}${params})${mountAsync ? ": Promise<void>" : ""} {\n${indent(mountBody, "    ").join("\n")}\n  }`);
  } else {
    const params = spec.usesParams ? "socket, _session, params" : "socket";
    members.push(
      r.chance(0.5)
        ? `mount: ${mountAsync ? "async " : ""}(${params}) => {\n${indent(mountBody, "    ").join("\n")}\n  }`
        : `${mountAsync ? "async " : ""}mount(${params}) {\n${indent(mountBody, "    ").join("\n")}\n  }`,
    );
  }
  if (ev) members.push(ev.member);
  if (info) members.push(info.member);
  if (spec.shutdown.length) members.push(cls ? `shutdown(id: string): void {\n${indent(spec.shutdown, "    ").join("\n")}\n  }` : `shutdown: (id) => {\n${indent(spec.shutdown, "    ").join("\n")}\n  }`);
  const tpl = [`<div id="v${spec.n}">`, `  <h1>View ${spec.n}</h1>`, ...indent(spec.template.filter((l) => l !== "")), `</div>`];
  const tplText = indent(tpl, "      ").join("\n");
  members.push(
    cls
      ? `render(ctx: ${T}Context, meta: LiveViewMeta<${T}Event>) {\n    return html\`\n${tplText}\n    \`;\n  }`
      : r.chance(0.5)
        ? `render: (ctx, meta) => html\`\n${tplText}\n  \``
        : `render(ctx, meta) {\n    return html\`\n${tplText}\n    \`;\n  }`,
  );

  const lines = [
    `// Generated by bench/fuzz/generate.ts (view ${spec.n}): ${spec.shapes.join(", ")}`,
    ...printImports(spec),
    ``,
    ...spec.typeLines,
    `interface ${T}Context {`,
    ...spec.ctx.map(([k, t]) => `  ${k}: ${t};`),
    `}`,
    ``,
    `type ${T}Event =`,
    ...eventType,
    `type ${T}Info =`,
    ...infoType,
    ``,
    ...spec.moduleLines,
    ...(ev?.module ?? []),
    ...(info?.module ?? []),
  ];
  if (cls) {
    lines.push(`export class V${spec.n}View extends BaseLiveView<${T}Context, ${T}Event, ${T}Info> {`, members.map((m) => `  ${m}`).join("\n\n"), `}`, ``);
  } else {
    lines.push(`export const v${spec.n}View = createLiveView<${T}Context, ${T}Event, ${T}Info>({`, members.map((m) => `  ${m},`).join("\n\n"), `});`, ``);
  }
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}

// ---------------------------------------------------------------------------------------------
// Projects

/**
 * A project of `count` views numbered from `firstView` (global indices, so a view is the same
 * whatever project it lands in, given the project's import style).
 */
export function generateProject(seed: number, project: number, firstView: number, count: number): FuzzProject {
  const r = rng(mixSeed(seed, project, 0x9e37));
  const data: ProjectData = { ext: r.pick(["", ".ts"]), groups: r.sample(GROUPS, r.int(2, 4)) };
  const files: Record<string, string> = {};
  files["package.json"] = `${JSON.stringify({ type: "module" }, null, 2)}\n`;
  files["src/data/records.ts"] = recordsModule(r, data);
  files["src/data/board.ts"] = boardModule(r, r.chance(0.4));
  const views: FuzzView[] = [];
  for (let i = 0; i < count; i++) {
    const { file, text, view } = generateView(seed, firstView + i, data);
    files[file] = text;
    views.push(view);
  }
  const routerName = r.pick(["router", "router", "routes"]);
  files["src/router.ts"] = [
    `// Generated by bench/fuzz/generate.ts: every view of the project at a path of its own.`,
    `import type { LiveViewRouter } from "liveviewjs";`,
    ...views.map((v) => `import { ${v.exportName} } from "./views/v${v.index}${data.ext}";`),
    ``,
    `export const ${routerName}: LiveViewRouter = {`,
    ...views.map((v) => `  ${q(v.route)}: ${/^[A-Z]/.test(v.exportName) ? `new ${v.exportName}()` : v.exportName},`),
    `};`,
    ``,
  ].join("\n");
  // the app's server: LiveViewJS's middlewares with the board's pubsub (apply wires the migrated routes
  // and the pubsub bridge into it; verify serves the migrated side the same way)
  files["src/server.ts"] = [
    `// Generated by bench/fuzz/generate.ts: the app's server. LiveViewJS's HTTP and WebSocket middlewares;`,
    `// the board's pubsub is the server's, so what views broadcast reaches every subscribed view.`,
    `import { createServer, type Server } from "node:http";`,
    `import express from "express";`,
    `import session from "express-session";`,
    `import { WebSocketServer } from "ws";`,
    `import { NodeExpressLiveViewServer, NodeJwtSerDe } from "@liveviewjs/express";`,
    `import { html, safe, type LiveTitleOptions, type LiveViewTemplate } from "liveviewjs";`,
    `import { pubSub } from "./data/board${data.ext}";`,
    `import { ${routerName} } from "./router${data.ext}";`,
    ``,
    `function pageTemplate(title: LiveTitleOptions, csrfToken: string, content: LiveViewTemplate): LiveViewTemplate {`,
    `  return html\`<!DOCTYPE html>`,
    `<html lang="en">`,
    `  <head>`,
    `    <meta charset="utf-8" />`,
    `    <meta name="csrf-token" content="\${csrfToken}" />`,
    `    <title>\${title.title}</title>`,
    `  </head>`,
    `  <body>`,
    `    <main>\${safe(content)}</main>`,
    `  </body>`,
    `</html>\`;`,
    `}`,
    ``,
    `export function createAppServer(secret: string = process.env.SESSION_SECRET ?? "fuzz-dev-secret"): Server {`,
    `  const liveServer = new NodeExpressLiveViewServer(${routerName}, pageTemplate, { title: "Fuzz ${seed}/${project}" }, { serDe: new NodeJwtSerDe(secret), pubSub });`,
    `  const app = express();`,
    `  app.use(session({ secret, resave: false, saveUninitialized: true }));`,
    `  app.use(liveServer.httpMiddleware());`,
    `  const server = createServer(app);`,
    `  void liveServer.wsMiddleware()(new WebSocketServer({ server, path: "/live/websocket" }));`,
    `  return server;`,
    `}`,
    ``,
  ].join("\n");
  return { name: `s${seed}-p${project}`, seed, project, views, files };
}

/** The tsconfig of a project written at `dir`: liveviewjs's types through `paths` (see the example app's). */
export function tsconfigFor(dir: string): string {
  const rel = (target: string) => relative(dir, join(REPO_ROOT, target)).split(sep).join("/");
  return `${JSON.stringify(
    {
      compilerOptions: {
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "bundler",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        strict: true,
        noEmit: true,
        allowJs: true,
        checkJs: false,
        allowImportingTsExtensions: true,
        esModuleInterop: true,
        skipLibCheck: true,
        isolatedModules: true,
        types: ["node"],
        paths: {
          liveviewjs: [rel("node_modules/liveviewjs/dist/liveview.d.ts")],
          "@liveviewjs/express": [rel("node_modules/@liveviewjs/express/dist/liveviewjs-express.d.ts")],
        },
      },
      include: ["src"],
    },
    null,
    2,
  )}\n`;
}

export function writeProject(project: FuzzProject, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(project.files)) {
    const path = join(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  writeFileSync(join(dir, "tsconfig.json"), tsconfigFor(dir));
}

// node --import tsx bench/fuzz/generate.ts --seed 1 --views 10 [--project 0] [--first 0] --out tmp/fuzz-gen
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1]! : fallback;
  };
  const seed = Number(arg("seed", "1"));
  const views = Number(arg("views", "10"));
  const project = Number(arg("project", "0"));
  const first = Number(arg("first", String(project * views)));
  const out = resolve(arg("out", join(REPO_ROOT, "tmp", "fuzz-gen")));
  const generated = generateProject(seed, project, first, views);
  writeProject(generated, out);
  for (const v of generated.views) console.log(`${v.file}  ${v.route}  ${v.shapes.join(" ")}`);
  console.log(`wrote ${out}`);
}
