// Generates a synthetic LiveViewJS codebase of N views for the analyze benchmark and the shard tests.
// Deterministic: the same --n and --seed give the same bytes on every machine (sharding tests rely on it).
//
//   node --import tsx bench/generate-corpus.ts --n 1000 --out bench/.corpus/1000 [--seed 1]
//
// The mix follows what a real app holds: many small ui views (counters, toggles, tabs), forms with zod
// changesets, lists fed by in-memory data modules with pubsub, dashboards on timers, views that read
// the session, class-based and plain .js views, live components, and data modules that many views import
// (directly or through barrels). Views are 50–300 lines, skewed toward the small end.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** mulberry32: small, fast, and the same everywhere. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const ENTITIES = ["volunteer", "order", "ticket", "product", "invoice", "customer", "project", "task", "note", "event",
  "shipment", "booking", "review", "article", "member", "device", "alert", "report", "campaign", "lead"];
const FIELDS: Record<string, [string, string][]> = {
  // field name → zod type
  a: [["name", "z.string().min(2).max(100)"], ["email", "z.string().email()"], ["phone", "z.string().regex(/^\\d{3}-\\d{3}-\\d{4}$/)"]],
  b: [["title", "z.string().min(3)"], ["description", "z.string().max(500)"], ["priority", 'z.enum(["low", "medium", "high"])']],
  c: [["label", "z.string().min(1)"], ["amount", "z.coerce.number().positive()"], ["currency", 'z.enum(["EUR", "USD"])']],
};
const WORDS = ["overview", "details", "history", "settings", "activity", "billing", "team", "files", "notes", "audit"];

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const camel = (s: string) => s.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

interface Entity {
  name: string; // "volunteer3"
  type: string; // "Volunteer3"
  plural: string; // "volunteer3s"
  fields: [string, string][];
  group: number; // barrel group
}

interface Component {
  name: string;
  file: string;
  stateful: boolean;
}

/** The parts of a view; `emitView` turns them into source in one of three styles. */
interface ViewSpec {
  file: string;
  name: string;
  style: "create" | "class" | "js";
  imports: Map<string, Set<string>>;
  aliasCreate: boolean;
  moduleLines: string[];
  context: [string, string][];
  mount: string[];
  assigns: [string, string][];
  handleParams: string[];
  /** `shape` replaces the string fields in the Events type (form events carry the schema's input type). */
  events: { name: string; fields: string[]; body: string[]; shape?: string }[];
  infos: { name: string; fields: string[]; body: string[] }[];
  shutdown: string[];
  template: string[];
  asyncRender: boolean;
}

function importFrom(spec: ViewSpec, from: string, ...names: string[]) {
  const set = spec.imports.get(from) ?? new Set<string>();
  for (const name of names) set.add(name);
  spec.imports.set(from, set);
}

/** Import specifier from a view at src/views/<area>/x.ts to a src/ path, in the style of the file. */
function fromView(spec: ViewSpec, target: string): string {
  return `../../${target}${spec.style === "js" ? ".js" : ""}`;
}

// ---- recipes: each adds one concern (keys, events, infos, template) to a view ----

function counter(spec: ViewSpec, r: Rng) {
  const key = r.pick(["count", "clicks", "quantity", "level", "votes"]);
  spec.context.push([key, "number"], ["step", "number"]);
  spec.assigns.push([key, String(r.int(0, 10))], ["step", String(r.pick([1, 1, 2, 5]))]);
  spec.events.push(
    { name: "increment", fields: [], body: [`socket.assign({ ${key}: socket.context.${key} + socket.context.step });`] },
    { name: "decrement", fields: [], body: [`socket.assign({ ${key}: Math.max(0, socket.context.${key} - socket.context.step) });`] },
    { name: "set_step", fields: ["step"], body: [`socket.assign({ step: Number(event.step) || 1 });`] },
    { name: "reset", fields: [], body: [`socket.assign({ ${key}: 0 });`] },
  );
  spec.template.push(
    `<section class="counter">`,
    `  <h2>${cap(key)}: <span id="${key}">\${ctx.${key}}</span></h2>`,
    `  <button phx-click="decrement">-</button>`,
    `  <button phx-click="increment">+</button>`,
    `  <button phx-click="reset" phx-disable-with="...">Reset</button>`,
    `  <form phx-change="set_step"><input type="number" name="step" value="\${ctx.step}" /></form>`,
    `</section>`,
  );
}

function tabs(spec: ViewSpec, r: Rng) {
  const tabs = [...new Set([r.pick(WORDS), r.pick(WORDS), r.pick(WORDS), "overview"])];
  spec.context.push(["activeTab", "string"], ["modalOpen", "boolean"]);
  spec.assigns.push(["activeTab", JSON.stringify(tabs[0])], ["modalOpen", "false"]);
  spec.events.push(
    { name: "select_tab", fields: ["tab"], body: [`socket.assign({ activeTab: event.tab });`] },
    { name: "open_modal", fields: [], body: [`socket.assign({ modalOpen: true });`] },
    { name: "close_modal", fields: [], body: [`socket.assign({ modalOpen: false });`] },
  );
  importFrom(spec, "liveviewjs", "JS");
  spec.template.push(
    `<nav class="tabs" phx-window-keydown="close_modal" phx-key="Escape">`,
    ...tabs.map((t) => `  <a href="#" phx-click="select_tab" phx-value-tab="${t}" class="\${ctx.activeTab === "${t}" ? "active" : ""}">${cap(t)}</a>`),
    `</nav>`,
    `<button phx-click="\${new JS().toggle({ to: "#help-panel" })}">Help</button>`,
    `<div id="help-panel" class="hidden">Keyboard: Escape closes dialogs.</div>`,
    `\${ctx.modalOpen ? html\`<div class="modal"><p>Are you sure?</p><button phx-click="close_modal">Close</button></div>\` : ""}`,
  );
}

function accordion(spec: ViewSpec, r: Rng, n: number) {
  const key = `${camel(r.pick(WORDS))}Open${n}`;
  spec.context.push([key, "boolean"]);
  spec.assigns.push([key, r.chance(0.5) ? "true" : "false"]);
  spec.events.push({ name: `toggle_${key.toLowerCase()}`, fields: [], body: [`socket.assign({ ${key}: !socket.context.${key} });`] });
  const lines = r.int(2, 6);
  spec.template.push(
    `<div class="panel">`,
    `  <h3 phx-click="toggle_${key.toLowerCase()}">Section ${n} \${ctx.${key} ? "▾" : "▸"}</h3>`,
    `  \${ctx.${key} ? html\``,
    ...Array.from({ length: lines }, (_, i) => `    <p class="line-${i}">Panel ${n} line ${i}: ${r.pick(WORDS)} ${r.pick(WORDS)}.</p>`),
    `  \` : ""}`,
    `</div>`,
  );
}

function form(spec: ViewSpec, r: Rng, entity: Entity) {
  importFrom(spec, "liveviewjs", "newChangesetFactory", "form_for", "text_input", "error_tag", "submit");
  if (spec.style !== "js") importFrom(spec, "liveviewjs", "type LiveViewChangeset");
  importFrom(spec, fromView(spec, `schemas/${entity.name}`), `${entity.type}Schema`);
  const viaBarrel = r.chance(0.4);
  importFrom(spec, fromView(spec, viaBarrel ? `data/group-${entity.group}/index` : `data/${entity.name}`), `create${entity.type}`);
  spec.moduleLines.push(
    spec.style === "js"
      ? `const changeset = newChangesetFactory(${entity.type}Schema);`
      : `const changeset = newChangesetFactory<${entity.type}Input>(${entity.type}Schema);`,
  );
  if (spec.style !== "js") importFrom(spec, fromView(spec, `schemas/${entity.name}`), `type ${entity.type}Input`);
  spec.context.push(["changeset", `LiveViewChangeset<${entity.type}Input>`]);
  spec.assigns.push(["changeset", "changeset({}, {})"]);
  const fields = entity.fields.map(([f]) => f);
  spec.events.push(
    { name: "validate", fields, shape: `Partial<${entity.type}Input>`, body: [`socket.assign({ changeset: changeset({}, event, "validate") });`] },
    {
      name: "save",
      fields,
      shape: `Partial<${entity.type}Input>`,
      body: [
        `const result = changeset({}, event, "save");`,
        `if (!result.valid) {`,
        `  socket.assign({ changeset: result });`,
        `  break;`,
        `}`,
        `create${entity.type}(result.data${spec.style === "js" ? "" : ` as ${entity.type}Input`});`,
        `socket.putFlash("info", "${cap(entity.name)} saved");`,
        `socket.assign({ changeset: changeset({}, {}) });`,
      ],
    },
  );
  spec.template.push(
    `\${form_for("#", meta.csrfToken, { phx_change: "validate", phx_submit: "save", id: "${entity.name}-form" })}`,
    ...entity.fields.flatMap(([f]) => [
      `  <div class="field">`,
      `    <label for="${f}">${cap(f)}</label>`,
      `    \${text_input(ctx.changeset, "${f}", { placeholder: "${f}", autocomplete: "off", phx_debounce: 300 })}`,
      `    \${error_tag(ctx.changeset, "${f}")}`,
      `  </div>`,
    ]),
    `  \${submit("Save", { phx_disable_with: "Saving..." })}`,
    `</form>`,
  );
}

function liveList(spec: ViewSpec, r: Rng, entity: Entity) {
  const viaBarrel = r.chance(0.4);
  const from = fromView(spec, viaBarrel ? `data/group-${entity.group}/index` : `data/${entity.name}`);
  importFrom(spec, from, `list${cap(entity.plural)}`, `delete${entity.type}`);
  if (spec.style !== "js") importFrom(spec, fromView(spec, `schemas/${entity.name}`), `type ${entity.type}`);
  spec.context.push(["items", `${entity.type}[]`], ["filter", "string"], ["selectedId", "string | null"]);
  spec.assigns.push(["items", `list${cap(entity.plural)}()`], ["filter", '""'], ["selectedId", "null"]);
  spec.mount.push(`if (socket.connected) {`, `  socket.subscribe("${entity.plural}");`, `}`);
  spec.infos.push({ name: `${entity.name}_changed`, fields: [], body: [`socket.assign({ items: list${cap(entity.plural)}() });`] });
  spec.events.push(
    { name: "filter", fields: ["q"], body: [`socket.assign({ filter: event.q.trim().toLowerCase() });`] },
    { name: "select", fields: ["id"], body: [`socket.assign({ selectedId: event.id });`] },
    { name: "delete", fields: ["id"], body: [`delete${entity.type}(event.id);`, `socket.assign({ items: list${cap(entity.plural)}(), selectedId: null });`] },
  );
  const field = entity.fields[0][0];
  spec.template.push(
    `<form phx-change="filter"><input name="q" value="\${ctx.filter}" phx-debounce="200" /></form>`,
    `<ul id="${entity.plural}">`,
    `  \${ctx.items`,
    `    .filter((item) => item.${field}.toLowerCase().includes(ctx.filter))`,
    `    .map((item) => html\`<li id="\${item.id}" class="\${item.id === ctx.selectedId ? "selected" : ""}">`,
    `      <a href="#" phx-click="select" phx-value-id="\${item.id}">\${item.${field}}</a>`,
    `      <button phx-click="delete" phx-value-id="\${item.id}" data-confirm="Delete?">Delete</button>`,
    `    </li>\`)}`,
    `</ul>`,
  );
}

function dashboard(spec: ViewSpec, r: Rng, entity: Entity) {
  importFrom(spec, fromView(spec, `data/${entity.name}`), `${entity.name}Stats`);
  importFrom(spec, fromView(spec, "lib/format"), "formatNumber");
  const ms = r.pick([1000, 2000, 5000, 10000]);
  spec.moduleLines.push(
    spec.style === "js" ? `const timers = new Map();` : `const timers = new Map<string, ReturnType<typeof setInterval>>();`,
  );
  spec.context.push(["stats", `ReturnType<typeof ${entity.name}Stats>`], ["paused", "boolean"], ["updatedAt", "string"]);
  spec.assigns.push(["stats", `${entity.name}Stats()`], ["paused", "false"], ["updatedAt", "new Date().toISOString()"]);
  spec.mount.push(
    `if (socket.connected) {`,
    `  timers.set(socket.id, setInterval(() => socket.sendInfo({ type: "tick" }), ${ms}));`,
    `}`,
  );
  spec.infos.push({
    name: "tick",
    fields: [],
    body: [`if (!socket.context.paused) {`, `  socket.assign({ stats: ${entity.name}Stats(), updatedAt: new Date().toISOString() });`, `}`],
  });
  spec.events.push({ name: "toggle_pause", fields: [], body: [`socket.assign({ paused: !socket.context.paused });`] });
  spec.shutdown.push(`clearInterval(timers.get(id));`, `timers.delete(id);`);
  spec.template.push(
    `<section class="stats">`,
    `  <div class="stat"><span>Total</span><b>\${formatNumber(ctx.stats.total)}</b></div>`,
    `  <div class="stat"><span>Open</span><b>\${formatNumber(ctx.stats.open)}</b></div>`,
    `  <div class="stat"><span>Updated</span><time>\${ctx.updatedAt}</time></div>`,
    `  <button phx-click="toggle_pause">\${ctx.paused ? "Resume" : "Pause"}</button>`,
    `</section>`,
  );
}

function search(spec: ViewSpec, r: Rng, entity: Entity) {
  importFrom(spec, fromView(spec, `data/${entity.name}`), `search${cap(entity.plural)}`);
  if (spec.style !== "js") importFrom(spec, fromView(spec, `schemas/${entity.name}`), `type ${entity.type}`);
  spec.context.push(["query", "string"], ["loading", "boolean"], ["results", `${entity.type}[]`]);
  spec.assigns.push(["query", '""'], ["loading", "false"], ["results", "[]"]);
  spec.events.push({
    name: "search",
    fields: ["query"],
    body: [`socket.assign({ query: event.query, loading: true });`, `socket.sendInfo({ type: "run_search", query: event.query });`],
  });
  spec.infos.push({
    name: "run_search",
    fields: ["query"],
    body: [`const results = await search${cap(entity.plural)}(info.query);`, `socket.assign({ results, loading: false });`],
  });
  spec.template.push(
    `<form phx-change="search" phx-submit="search">`,
    `  <input type="search" name="query" value="\${ctx.query}" phx-debounce="${r.pick([200, 300, 500])}" autocomplete="off" />`,
    `</form>`,
    `\${ctx.loading ? html\`<p class="loading">Searching…</p>\` : ""}`,
    `<ol>\${ctx.results.map((r) => html\`<li>\${r.${entity.fields[0][0]}}</li>\`)}</ol>`,
  );
}

function paginate(spec: ViewSpec, r: Rng, entity: Entity) {
  importFrom(spec, "liveviewjs", "live_patch");
  importFrom(spec, fromView(spec, `data/${entity.name}`), `page${cap(entity.plural)}`);
  if (spec.style !== "js") importFrom(spec, fromView(spec, `schemas/${entity.name}`), `type ${entity.type}`);
  const path = `/${entity.plural}`;
  spec.context.push(["page", "number"], ["sort", "string"], ["rows", `${entity.type}[]`]);
  spec.assigns.push(["page", "1"], ["sort", JSON.stringify(entity.fields[0][0])], ["rows", "[]"]);
  spec.handleParams.push(
    `const page = Math.max(1, Number(url.searchParams.get("page") ?? 1));`,
    `const sort = url.searchParams.get("sort") ?? "${entity.fields[0][0]}";`,
    `socket.assign({ page, sort, rows: page${cap(entity.plural)}(page, ${r.pick([10, 20, 25])}, sort) });`,
  );
  spec.events.push({
    name: "change_sort",
    fields: ["sort"],
    body: [`socket.pushPatch("${path}", new URLSearchParams({ page: "1", sort: event.sort }));`],
  });
  spec.template.push(
    `<table>`,
    `  <thead><tr>${entity.fields.map(([f]) => `<th phx-click="change_sort" phx-value-sort="${f}">${cap(f)}</th>`).join("")}</tr></thead>`,
    `  <tbody>\${ctx.rows.map((row) => html\`<tr>${entity.fields.map(([f]) => `<td>\${row.${f}}</td>`).join("")}</tr>\`)}</tbody>`,
    `</table>`,
    `\${live_patch("Previous", { to: { path: "${path}", params: { page: String(ctx.page - 1), sort: ctx.sort } } })}`,
    `\${live_patch("Next", { to: { path: "${path}", params: { page: String(ctx.page + 1), sort: ctx.sort } } })}`,
  );
}

function sessionBound(spec: ViewSpec, r: Rng, entity: Entity) {
  importFrom(spec, fromView(spec, "lib/auth"), "currentUser", "canEdit");
  importFrom(spec, fromView(spec, `data/${entity.name}`), `list${cap(entity.plural)}For`, `archive${entity.type}`);
  if (spec.style !== "js") importFrom(spec, fromView(spec, "lib/auth"), "type User");
  if (spec.style !== "js") importFrom(spec, fromView(spec, `schemas/${entity.name}`), `type ${entity.type}`);
  spec.context.push(["user", "User | null"], ["canEdit", "boolean"], ["mine", `${entity.type}[]`]);
  spec.mount.unshift(`const user = currentUser(session);`);
  spec.assigns.push(["user", "user"], ["canEdit", "canEdit(user)"], ["mine", `user ? list${cap(entity.plural)}For(user.id) : []`]);
  spec.events.push({
    name: "archive",
    fields: ["id"],
    body: [
      `if (!canEdit(socket.context.user)) {`,
      `  socket.putFlash("error", "You are not allowed to archive this");`,
      `  break;`,
      `}`,
      `archive${entity.type}(event.id);`,
      `socket.assign({ mine: list${cap(entity.plural)}For(socket.context.user${spec.style === "js" ? "" : "!"}.id) });`,
    ],
  });
  spec.template.push(
    `<p>Signed in as \${ctx.user ? ctx.user.name : "guest"}</p>`,
    `<ul>\${ctx.mine.map((item) => html\`<li>\${item.id} \${ctx.canEdit ? html\`<button phx-click="archive" phx-value-id="\${item.id}">Archive</button>\` : ""}</li>\`)}</ul>`,
  );
}

function withComponents(spec: ViewSpec, r: Rng, components: Component[]) {
  const used = [...new Set([r.pick(components), r.pick(components)])];
  spec.asyncRender = true;
  for (const c of used) {
    importFrom(spec, fromView(spec, `components/${c.file}`), c.name);
    spec.template.push(
      c.stateful
        ? `\${await meta.live_component(${c.name}, { id: "${c.file}-${r.int(1, 99)}", title: "${cap(r.pick(WORDS))}" })}`
        : `\${await meta.live_component(${c.name}, { label: "${cap(r.pick(WORDS))}" })}`,
    );
  }
}

function staticBlock(spec: ViewSpec, r: Rng) {
  const rows = r.int(3, 10);
  spec.template.push(
    `<section class="help">`,
    `  <h3>${cap(r.pick(WORDS))} and ${r.pick(WORDS)}</h3>`,
    ...Array.from({ length: rows }, (_, i) => `  <p>Step ${i + 1}: open ${r.pick(WORDS)}, then check the ${r.pick(WORDS)} list.</p>`),
    `</section>`,
  );
}

// ---- emitting ----

function eventUnion(spec: ViewSpec, items: { name: string; fields: string[]; shape?: string }[]): string {
  if (items.length === 0) return " never";
  return items
    .map((e) =>
      e.shape
        ? `  | ({ type: "${e.name}" } & ${e.shape})`
        : `  | { type: "${e.name}"${e.fields.map((f) => `; ${f}: string`).join("")} }`,
    )
    .join("\n");
}

function emitImports(spec: ViewSpec, createName: string): string[] {
  const lines: string[] = [];
  const lv = new Set(spec.imports.get("liveviewjs") ?? []);
  lv.add("html");
  if (spec.style === "class") lv.add("BaseLiveView").add("type LiveViewSocket").add("type LiveViewMeta").add("type SessionData").add("type LiveViewMountParams");
  const names = [...lv].sort();
  if (spec.style !== "class") {
    names.unshift(spec.aliasCreate ? `createLiveView as ${createName}` : "createLiveView");
  }
  lines.push(`import { ${names.join(", ")} } from "liveviewjs";`);
  for (const [from, set] of [...spec.imports].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (from === "liveviewjs") continue;
    const values = [...set].filter((n) => !n.startsWith("type ")).sort();
    const types = [...set].filter((n) => n.startsWith("type ")).map((n) => n.slice(5)).sort();
    if (spec.style === "js") {
      if (values.length) lines.push(`import { ${values.join(", ")} } from "${from}";`);
      continue;
    }
    const parts = [...values, ...types.map((t) => `type ${t}`)];
    if (parts.length) lines.push(`import { ${parts.join(", ")} } from "${from}";`);
  }
  return lines;
}

function indent(lines: string[], by: string): string[] {
  return lines.map((l) => (l ? by + l : l));
}

function switchBlock(subject: string, items: { name: string; body: string[] }[], depth: string): string[] {
  return [
    `${depth}switch (${subject}.type) {`,
    ...items.flatMap((e) => [`${depth}  case "${e.name}": {`, ...indent(e.body, `${depth}    `), `${depth}    break;`, `${depth}  }`]),
    `${depth}}`,
  ];
}

function emitView(spec: ViewSpec): string {
  const createName = spec.aliasCreate ? "defineView" : "createLiveView";
  const out: string[] = [`// ${spec.name}: generated for the analyze benchmark.`];
  out.push(...emitImports(spec, createName), "");
  const typed = spec.style !== "js";
  if (typed) {
    out.push(`type Context = {`, ...spec.context.map(([k, t]) => `  ${k}: ${t};`), `};`, "");
    out.push(`type Events =${spec.events.length ? "\n" : ""}${eventUnion(spec, spec.events)};`, "");
    out.push(`type Infos =${spec.infos.length ? "\n" : ""}${eventUnion(spec, spec.infos)};`, "");
  }
  if (spec.moduleLines.length) out.push(...spec.moduleLines, "");
  const assign = [`socket.assign({`, ...spec.assigns.map(([k, v]) => `  ${k}: ${v},`), `});`];
  const hasAwait = spec.infos.some((i) => i.body.some((l) => l.includes("await ")));
  const render = [...indent(spec.template, "    ")];

  if (spec.style === "class") {
    const S = "LiveViewSocket<Context, Infos>";
    out.push(`export class ${spec.name} extends BaseLiveView<Context, Events, Infos> {`);
    out.push(`  mount(socket: ${S}, session: Partial<SessionData>, params: LiveViewMountParams) {`);
    out.push(...indent([...spec.mount, ...assign], "    "), `  }`, "");
    if (spec.handleParams.length) out.push(`  handleParams(url: URL, socket: ${S}) {`, ...indent(spec.handleParams, "    "), `  }`, "");
    out.push(`  handleEvent(event: Events, socket: ${S}) {`, ...switchBlock("event", spec.events, "    "), `  }`, "");
    if (spec.infos.length) {
      out.push(`  ${hasAwait ? "async " : ""}handleInfo(info: Infos, socket: ${S}) {`, ...switchBlock("info", spec.infos, "    "), `  }`, "");
    }
    if (spec.shutdown.length) out.push(`  shutdown(id: string) {`, ...indent(spec.shutdown, "    "), `  }`, "");
    out.push(`  ${spec.asyncRender ? "async " : ""}render(ctx: Context, meta: LiveViewMeta<Events>) {`, "    return html`", ...render, "    `;", "  }", "}");
    return out.join("\n") + "\n";
  }

  const generics = typed ? "<Context, Events, Infos>" : "";
  const exported = spec.style === "js" && spec.name === "default" ? "export default " : `export const ${spec.name} = `;
  out.push(`${exported}${createName}${generics}({`);
  out.push(`  mount: (socket, session, params) => {`, ...indent([...spec.mount, ...assign], "    "), `  },`);
  if (spec.handleParams.length) out.push(`  handleParams: (url, socket) => {`, ...indent(spec.handleParams, "    "), `  },`);
  out.push(`  handleEvent: (event, socket) => {`, ...switchBlock("event", spec.events, "    "), `  },`);
  if (spec.infos.length) {
    out.push(`  handleInfo: ${hasAwait ? "async " : ""}(info, socket) => {`, ...switchBlock("info", spec.infos, "    "), `  },`);
  }
  if (spec.shutdown.length) out.push(`  shutdown: (id) => {`, ...indent(spec.shutdown, "    "), `  },`);
  out.push(`  render: ${spec.asyncRender ? "async " : ""}(ctx, meta) => html\``, ...render, "  `,", "});");
  return out.join("\n") + "\n";
}

// ---- support modules ----

function schemaModule(e: Entity): string {
  return [
    `// Validation for ${e.plural}: pure, safe to run in the browser.`,
    `import { z } from "zod";`,
    ``,
    `export const ${e.type}Schema = z.object({`,
    ...e.fields.map(([f, t]) => `  ${f}: ${t},`),
    `});`,
    ``,
    `export type ${e.type}Input = z.infer<typeof ${e.type}Schema>;`,
    `export type ${e.type} = ${e.type}Input & { id: string; ownerId: string; archived: boolean };`,
    ``,
  ].join("\n");
}

function dataModule(e: Entity): string {
  const P = cap(e.plural);
  const first = e.fields[0][0];
  return [
    `// In-memory store for ${e.plural}; changes are broadcast so every open view refreshes.`,
    `import { randomUUID } from "node:crypto";`,
    `import { pubSub } from "../pubsub";`,
    `import type { ${e.type}, ${e.type}Input } from "../schemas/${e.name}";`,
    ``,
    `const ${e.plural}: ${e.type}[] = [];`,
    ``,
    `export function list${P}(): ${e.type}[] {`,
    `  return ${e.plural}.filter((item) => !item.archived);`,
    `}`,
    ``,
    `export function list${P}For(ownerId: string): ${e.type}[] {`,
    `  return ${e.plural}.filter((item) => item.ownerId === ownerId && !item.archived);`,
    `}`,
    ``,
    `export function page${P}(page: number, size: number, sort: string): ${e.type}[] {`,
    `  const sorted = [...list${P}()].sort((a, b) => String(a[sort as keyof ${e.type}]).localeCompare(String(b[sort as keyof ${e.type}])));`,
    `  return sorted.slice((page - 1) * size, page * size);`,
    `}`,
    ``,
    `export async function search${P}(query: string): Promise<${e.type}[]> {`,
    `  await new Promise((resolve) => setTimeout(resolve, 50));`,
    `  return list${P}().filter((item) => item.${first}.toLowerCase().includes(query.toLowerCase()));`,
    `}`,
    ``,
    `export function create${e.type}(input: ${e.type}Input, ownerId = "system"): ${e.type} {`,
    `  const item = { ...input, id: randomUUID(), ownerId, archived: false };`,
    `  ${e.plural}.push(item);`,
    `  pubSub.broadcast("${e.plural}", { type: "${e.name}_changed" });`,
    `  return item;`,
    `}`,
    ``,
    `export function delete${e.type}(id: string): void {`,
    `  const index = ${e.plural}.findIndex((item) => item.id === id);`,
    `  if (index >= 0) ${e.plural}.splice(index, 1);`,
    `  pubSub.broadcast("${e.plural}", { type: "${e.name}_changed" });`,
    `}`,
    ``,
    `export function archive${e.type}(id: string): void {`,
    `  const item = ${e.plural}.find((candidate) => candidate.id === id);`,
    `  if (item) item.archived = true;`,
    `  pubSub.broadcast("${e.plural}", { type: "${e.name}_changed" });`,
    `}`,
    ``,
    `export function ${e.name}Stats() {`,
    `  return { total: ${e.plural}.length, open: ${e.plural}.filter((item) => !item.archived).length };`,
    `}`,
    ``,
  ].join("\n");
}

function componentModule(c: Component, r: Rng): string {
  if (!c.stateful) {
    return [
      `// A stateless badge: renders its props.`,
      `import { createLiveComponent, html } from "liveviewjs";`,
      ``,
      `export const ${c.name} = createLiveComponent<{ label: string }>({`,
      `  render: (ctx) => html\`<span class="badge badge-${r.pick(["info", "warn", "ok"])}">\${ctx.label}</span>\`,`,
      `});`,
      ``,
    ].join("\n");
  }
  return [
    `// A collapsible card that keeps its own open/closed state.`,
    `import { createLiveComponent, html } from "liveviewjs";`,
    ``,
    `type CardContext = { title: string; open: boolean; views: number };`,
    `type CardEvents = { type: "toggle" } | { type: "seen" };`,
    ``,
    `export const ${c.name} = createLiveComponent<CardContext, CardEvents>({`,
    `  mount: (socket) => {`,
    `    socket.assign({ open: false, views: 0 });`,
    `  },`,
    `  update: (socket) => {`,
    `    if (!socket.context.title) socket.assign({ title: "Untitled" });`,
    `  },`,
    `  handleEvent: (event, socket) => {`,
    `    if (event.type === "toggle") socket.assign({ open: !socket.context.open });`,
    `    if (event.type === "seen") socket.assign({ views: socket.context.views + 1 });`,
    `  },`,
    `  render: (ctx, meta) => html\``,
    `    <div class="card">`,
    `      <h4 phx-click="toggle" phx-target="\${meta.myself}">\${ctx.title}</h4>`,
    `      \${ctx.open ? html\`<div phx-click="seen" phx-target="\${meta.myself}">Seen \${ctx.views} times</div>\` : ""}`,
    `    </div>`,
    `  \`,`,
    `});`,
    ``,
  ].join("\n");
}

const FORMAT_MODULE = `// Pure formatting helpers shared by many views; no I/O, safe in the browser.
export function formatNumber(value: number): string {
  return new Intl.NumberFormat("en-US").format(value);
}

export function pluralize(count: number, word: string): string {
  return count === 1 ? \`1 \${word}\` : \`\${count} \${word}s\`;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
`;

const AUTH_MODULE = `// Who is signed in, from the session; server only.
export type User = { id: string; name: string; role: "admin" | "member" };

export function currentUser(session: Partial<Record<string, unknown>>): User | null {
  const user = session.currentUser as User | undefined;
  return user ?? null;
}

export function canEdit(user: User | null): boolean {
  return user?.role === "admin" || process.env.ALLOW_ALL_EDITS === "1";
}
`;

// moduleResolution "node": liveviewjs 0.8.1's exports map has no types condition (DESIGN.md).
const TSCONFIG = `${JSON.stringify(
  { compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "node", strict: true, allowJs: true, skipLibCheck: true, noEmit: true }, include: ["src"] },
  null,
  2,
)}\n`;

const PUBSUB_MODULE = `// One pubsub for the whole app.
import { SingleProcessPubSub } from "liveviewjs";

export const pubSub = new SingleProcessPubSub();
`;

export interface CorpusSummary {
  views: number;
  files: number;
  bytes: number;
  lines: number;
}

/** Writes the corpus into `out` (emptied first). */
export function generateCorpus(n: number, out: string, seed = 1): CorpusSummary {
  const r = rng(seed);
  rmSync(out, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  let lines = 0;
  const write = (path: string, text: string) => {
    const full = join(out, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    files++;
    bytes += Buffer.byteLength(text);
    lines += text.split("\n").length - 1;
  };

  const entityCount = Math.max(4, Math.round(n / 40));
  const entities: Entity[] = Array.from({ length: entityCount }, (_, i) => {
    const base = ENTITIES[i % ENTITIES.length];
    const name = `${base}${Math.floor(i / ENTITIES.length) || ""}`;
    return {
      name,
      type: cap(name),
      plural: `${name}s`,
      fields: FIELDS[["a", "b", "c"][i % 3]],
      group: Math.floor(i / 20),
    };
  });
  const components: Component[] = Array.from({ length: Math.max(2, Math.round(n / 25)) }, (_, i) => ({
    name: `${i % 3 === 2 ? "Badge" : "Card"}${i}Component`,
    file: `${i % 3 === 2 ? "badge" : "card"}-${i}`,
    stateful: i % 3 !== 2,
  }));

  write("package.json", `${JSON.stringify({ name: `bench-corpus-${n}`, private: true, type: "module" }, null, 2)}\n`);
  write("tsconfig.json", TSCONFIG);
  write("src/pubsub.ts", PUBSUB_MODULE);
  write("src/lib/format.ts", FORMAT_MODULE);
  write("src/lib/auth.ts", AUTH_MODULE);
  for (const e of entities) {
    write(`src/schemas/${e.name}.ts`, schemaModule(e));
    write(`src/data/${e.name}.ts`, dataModule(e));
  }
  for (let g = 0; g * 20 < entities.length; g++) {
    const members = entities.filter((e) => e.group === g);
    write(`src/data/group-${g}/index.ts`, members.map((e) => `export * from "../${e.name}";`).join("\n") + "\n");
  }
  for (const c of components) write(`src/components/${c.file}.ts`, componentModule(c, r));

  type Kind = "counter" | "tabs" | "form" | "list" | "dashboard" | "search" | "paginate" | "session" | "components";
  const kinds: [Kind, number][] = [
    ["counter", 14], ["tabs", 14], ["form", 16], ["list", 14], ["dashboard", 8], ["search", 10], ["paginate", 10], ["session", 8], ["components", 6],
  ];
  const totalWeight = kinds.reduce((s, [, w]) => s + w, 0);
  const pickKind = (): Kind => {
    let x = r.next() * totalWeight;
    for (const [k, w] of kinds) if ((x -= w) < 0) return k;
    return "counter";
  };

  const routes = new Map<number, { name: string; file: string; isDefault: boolean }[]>();
  for (let i = 0; i < n; i++) {
    const area = Math.floor(i / 100);
    const kind = pickKind();
    const styleRoll = r.next();
    const style: ViewSpec["style"] = styleRoll < 0.1 ? "class" : styleRoll < 0.22 ? "js" : "create";
    const isDefault = style === "js" && r.chance(0.3);
    const base = `${kind}-${i}`;
    const name = isDefault ? "default" : style === "class" ? `${cap(camel(base))}View` : `${camel(base)}LiveView`;
    const spec: ViewSpec = {
      file: `src/views/area-${area}/${base}.${style === "js" ? "js" : "ts"}`,
      name,
      style,
      imports: new Map(),
      aliasCreate: style !== "class" && r.chance(0.05),
      moduleLines: [],
      context: [],
      mount: [],
      assigns: [],
      handleParams: [],
      events: [],
      infos: [],
      shutdown: [],
      template: [],
      asyncRender: false,
    };
    const entity = r.pick(entities);
    spec.template.push(`<h1>${cap(kind)} ${i}</h1>`);
    switch (kind) {
      case "counter": counter(spec, r); break;
      case "tabs": tabs(spec, r); break;
      case "form": form(spec, r, entity); break;
      case "list": liveList(spec, r, entity); break;
      case "dashboard": dashboard(spec, r, entity); break;
      case "search": search(spec, r, entity); break;
      case "paginate": paginate(spec, r, entity); break;
      case "session": sessionBound(spec, r, entity); break;
      case "components": withComponents(spec, r, components); counter(spec, r); break;
    }
    if (kind !== "tabs" && r.chance(0.35)) tabs(spec, r);
    if (kind !== "components" && r.chance(0.15)) withComponents(spec, r, components);
    // Grow toward a target size (50–300 lines, most between 60 and 150) with the bits real views accumulate.
    const target = 50 + Math.floor(r.next() ** 2 * 250);
    let text = emitView(spec);
    for (let extra = 1; text.split("\n").length < target && extra < 40; extra++) {
      if (r.chance(0.5)) accordion(spec, r, extra);
      else staticBlock(spec, r);
      text = emitView(spec);
    }
    write(spec.file, text);
    const list = routes.get(area) ?? [];
    list.push({ name, file: `${base}.${style === "js" ? "js" : "ts"}`, isDefault });
    routes.set(area, list);
  }

  // One router per area, importing its views: the way real apps wire them up.
  for (const [area, views] of routes) {
    const body = [
      `// Routes for area ${area}.`,
      ...views.map((v, j) =>
        v.isDefault
          ? `import view${j} from "../views/area-${area}/${v.file}";`
          : `import { ${v.name} } from "../views/area-${area}/${v.file.replace(/\.ts$/, "")}";`,
      ),
      ``,
      `export const area${area}Routes = {`,
      ...views.map((v, j) => `  "/area-${area}/${v.file.replace(/\.(ts|js)$/, "")}": ${v.isDefault ? `view${j}` : v.name},`),
      `};`,
      ``,
    ];
    write(`src/routes/area-${area}.ts`, body.join("\n"));
  }
  return { views: n, files, bytes, lines };
}

function parseArgs(argv: string[]): { n: number; out: string; seed: number } {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const n = Number(get("--n") ?? 1000);
  const seed = Number(get("--seed") ?? 1);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) {
    throw new Error("usage: generate-corpus.ts --n <views> --out <dir> [--seed <int>]");
  }
  return { n, seed, out: resolve(get("--out") ?? `bench/.corpus/${n}`) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { n, out, seed } = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const summary = generateCorpus(n, out, seed);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${summary.views} views, ${summary.files} files, ${summary.lines} lines, ${(summary.bytes / 1e6).toFixed(1)} MB → ${out} (${seconds} s)`);
}
