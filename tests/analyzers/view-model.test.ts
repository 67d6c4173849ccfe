// The view model: events, writes and reads, infos, template facts, spans for codemods.
import { describe, expect, it } from "vitest";
import { analyzeSources, keyClass, placement, view } from "./helpers.ts";

const slice = (text: string, span: { start: number; end: number } | undefined) => (span ? text.slice(span.start, span.end) : undefined);

describe("events", () => {
  it("an early return ends a branch: the code after it is every other event's; `type === x || invalid` sends x there always", () => {
    const src = `import { createLiveView, html } from "liveviewjs";
import { save } from "./store.ts";
const DEFAULTS = { density: "comfortable", accent: "blue" };
function row(n: number) {
  return html\`<button phx-click="pick" phx-value-n="\${n}">\${n}</button>\`;
}
export const v = createLiveView({
  mount: (socket) => socket.assign({ ...DEFAULTS, draft: "", last: "", picked: 0 }),
  handleEvent: async (event, socket) => {
    const draft = String(event.draft ?? "");
    if (event.type === "pick") {
      socket.assign({ picked: Number(event.n), last: event.type });
      return;
    }
    if (event.type === "validate" || draft.length < 3) {
      socket.assign({ draft });
      return;
    }
    await save(draft);
    socket.assign({ draft: "" });
  },
  render: (c) => html\`\${[1, 2].map(row)}<form phx-change="validate" phx-submit="save"><input name="draft" value="\${c.draft}"></form>\${c.density}\${c.accent}\${c.last}\${c.picked}\`,
});`;
    const store = `export async function save(text: string) { await fetch("/save", { method: "POST", body: text }); }`;
    const { merged } = analyzeSources({ "v.ts": src, "store.ts": store });
    const v = view(merged, "v.ts#v");
    // "pick" is bound in a render helper (row) and only writes ui keys; "save" reaches the store after the early returns
    expect(v.events.map((e) => [e.name, e.placement])).toEqual([["pick", "client"], ["save", "split"], ["validate", "client"]]);
    expect(v.events.find((e) => e.name === "pick")!.writes).toEqual(["last", "picked"]);
    expect(v.events.find((e) => e.name === "validate")!.writes).toEqual(["draft"]);
    // event.type is the event's name, not a param the page sent; DEFAULTS's keys are read from the source
    expect(keyClass(merged, "v.ts#v", "last")).toBe("ui");
    expect(keyClass(merged, "v.ts#v", "density")).toBe("ui");
    expect(keyClass(merged, "v.ts#v", "draft")).toBe("form");
    expect(v.migration.status).not.toBe("blocked");
  });

  it("a dispatch written as an expression: a conditional chain (its last arm is every other type) or `type === x && …`", () => {
    const src = `import { createLiveView, html } from "liveviewjs";
const timers = new Map<string, ReturnType<typeof setInterval>>();
export const v = createLiveView({
  mount: (socket) => {
    if (socket.connected) timers.set(socket.id, setInterval(() => socket.sendInfo({ type: "poll" }), 5000));
    socket.assign({ bumps: 0, polls: 0, tab: "a" });
  },
  handleEvent: (event, socket) =>
    event.type === "tab" ? socket.assign({ tab: event.tab }) : socket.sendInfo({ type: "bumped", by: 1 }),
  handleInfo: (info, socket) =>
    info.type === "bumped" ? socket.assign({ bumps: socket.context.bumps + info.by }) : socket.assign({ polls: socket.context.polls + 1 }),
  render: (c) => html\`<button phx-click="tab" phx-value-tab="b">\${c.tab}</button><button phx-click="bump">\${c.bumps} \${c.polls}</button>\`,
});
export const w = createLiveView({
  mount: (socket) => socket.assign({ open: false }),
  handleEvent: (event, socket) => {
    event.type === "toggle" && socket.assign({ open: !socket.context.open });
  },
  render: (c) => html\`<button phx-click="toggle">\${c.open}</button>\`,
});`;
    const { merged } = analyzeSources({ "v.ts": src });
    const v = view(merged, "v.ts#v");
    const infos = Object.fromEntries((v.infos ?? []).map((i) => [i.name, i.writes]));
    expect(infos).toEqual({ bumped: ["bumps"], poll: ["polls"] });
    // a per-tab counter bumped by a message the view sends itself: the tab's own, not the server's
    expect(keyClass(merged, "v.ts#v", "bumps")).toBe("ui");
    expect(keyClass(merged, "v.ts#v", "polls")).toBe("ui");
    expect(v.events.find((e) => e.name === "tab")!.writes).toEqual(["tab"]);
    expect(v.events.find((e) => e.name === "bump")!.writes).toEqual([]);
    const w = view(merged, "v.ts#w");
    expect(w.events.map((e) => [e.name, e.writes])).toEqual([["toggle", ["open"]]]);
  });

  it("switch on event.type, with fall-through cases and common code, and spans of each case", () => {
    const src = `import { createLiveView, html } from "liveviewjs";
export const v = createLiveView({
  mount: (socket) => socket.assign({ n: 0, last: "" }),
  handleEvent: (event, socket) => {
    switch (event.type) {
      case "inc":
      case "up":
        socket.assign({ n: socket.context.n + 1 });
        break;
      case "reset":
        socket.assign({ n: 0 });
        break;
    }
    socket.assign({ last: event.type });
  },
  render: ({ n }) => html\`<button phx-click="inc">\${n}</button><button phx-click="reset">r</button>\`,
});`;
    const { merged } = analyzeSources({ "v.ts": src });
    const v = view(merged, "v.ts#v");
    expect(v.events.map((e) => e.name)).toEqual(["inc", "reset", "up"]);
    const inc = v.events.find((e) => e.name === "inc")!;
    expect(inc.writes).toEqual(["last", "n"]);
    expect(inc.reads).toEqual(["n"]);
    expect(inc.bindings).toEqual(["phx-click"]);
    expect(slice(src, inc.span)).toMatch(/^case "up":\s+socket.assign\(\{ n: socket.context.n \+ 1 \}\);\s+break;$/);
    expect(slice(src, v.handlers.render)).toMatch(/^\(\{ n \}\) => html`/);
    const lastWrite = v.state.find((k) => k.key === "last")!.writes.find((w) => w.handler === "handleEvent:reset")!;
    expect(slice(src, lastWrite.span)).toBe("last: event.type");
    expect(v.template.reads).toEqual(["n"]);
  });

  it("if/else chains on a destructured type, and a class method handleEvent", () => {
    const src = `import { BaseLiveView, html } from "liveviewjs";
export class Tabs extends BaseLiveView {
  mount(socket) { socket.assign({ tab: "a", open: false }); }
  handleEvent({ type, ...params }, socket) {
    if (type === "pick") {
      socket.assign({ tab: params.tab });
    } else if (type === "toggle" || type === "flip") {
      socket.assign({ open: !socket.context.open });
    }
  }
  render(ctx) { return html\`<a phx-click="pick" phx-value-tab="b">\${ctx.tab}</a>\`; }
}`;
    const { merged } = analyzeSources({ "t.js": src });
    const v = view(merged, "t.js#Tabs");
    expect(v.api).toBe("class");
    expect(v.events.map((e) => `${e.name}:${e.placement}`)).toEqual(["flip:client", "pick:client", "toggle:client"]);
    expect(slice(src, v.events.find((e) => e.name === "pick")!.span)).toBe("{\n      socket.assign({ tab: params.tab });\n    }");
    expect(v.state.find((k) => k.key === "tab")!.writes.map((w) => w.sources)).toEqual([["literal"], ["event-param"]]);
  });

  it("a handler without a dispatch takes its event names from the template", () => {
    const { merged } = analyzeSources({
      "s.ts": `import { createLiveView, html } from "liveviewjs";
export const s = createLiveView({
  mount: (socket) => socket.assign({ q: "" }),
  handleEvent: (event, socket) => { socket.assign({ q: event.q }); },
  render: (c) => html\`<form phx-change="typed"><input name="q" value="\${c.q}" /></form>\`,
});`,
    });
    const v = view(merged, "s.ts#s");
    expect(v.events.map((e) => e.name)).toEqual(["typed"]);
    expect(keyClass(merged, "s.ts#s", "q")).toBe("form");
    // the text input is in the form itself, nothing can disable it: every change sends it
    expect(v.template.forms).toEqual([{ changeEvent: "typed", fields: ["q"], sent: ["q"], at: "s.ts:5" }]);
    expect(v.events[0]!.sent).toEqual(["q"]);
  });

  it("helper functions that receive the socket are followed; sendInfo to self carries the server part", () => {
    const { merged } = analyzeSources({
      "data.ts": `const all: string[] = [];\nexport async function search(q: string) { all.push(q); return all; }`,
      "v.ts": `import { createLiveView, html } from "liveviewjs";
import { search } from "./data";
function startLoading(socket, q) { socket.assign({ loading: true, query: q }); }
export const v = createLiveView({
  mount: (socket) => socket.assign({ loading: false, query: "", results: [] }),
  handleEvent: (event, socket) => {
    if (event.type === "search") { startLoading(socket, event.query); socket.sendInfo({ type: "run" }); }
  },
  handleInfo: async (info, socket) => {
    if (info.type === "run") socket.assign({ results: await search(socket.context.query), loading: false });
  },
  render: (c) => html\`<form phx-submit="search"><input name="query" /></form>\`,
});`,
    });
    expect(keyClass(merged, "v.ts#v", "loading")).toBe("ui");
    expect(keyClass(merged, "v.ts#v", "query")).toBe("form");
    expect(keyClass(merged, "v.ts#v", "results")).toBe("shared");
    expect(placement(merged, "v.ts#v", "search")).toBe("split");
    expect(view(merged, "v.ts#v").infos).toEqual([expect.objectContaining({ name: "run", origin: "sendInfo", writes: ["loading", "results"] })]);
  });

  it("infos from pubsub and from a server timer", () => {
    const { merged } = analyzeSources({
      "v.ts": `import { createLiveView, html } from "liveviewjs";
export const v = createLiveView({
  mount: (socket) => {
    if (socket.connected) { socket.subscribe("news"); setInterval(() => socket.sendInfo({ type: "tick" }), 1000); }
    socket.assign({ news: [], now: 0, at: 0 });
  },
  handleInfo: (info, socket) => {
    switch (info.type) {
      case "tick": socket.assign({ now: socket.context.now + 1, at: Date.now() }); break;
      case "posted": socket.assign({ news: info.items }); break;
    }
  },
  render: (c) => html\`\${c.now}\`,
});`,
    });
    const v = view(merged, "v.ts#v");
    expect(v.infos.map((i) => `${i.name}:${i.origin}`)).toEqual(['posted:subscribe:"news"', "tick:setInterval"]);
    // a count of the ticks is the tab's own (the polling moves to the browser); what the timer computes is the server's
    expect(keyClass(merged, "v.ts#v", "now")).toBe("ui");
    expect(keyClass(merged, "v.ts#v", "at")).toBe("shared");
    expect(keyClass(merged, "v.ts#v", "news")).toBe("shared");
  });
});

describe("assigns", () => {
  it("tempAssign, shorthand, spreads of literal objects and of socket.context", () => {
    const { merged } = analyzeSources({
      "v.ts": `import { createLiveView, html } from "liveviewjs";
export const v = createLiveView({
  mount: (socket) => {
    const title = "x";
    const base = { a: 1, b: 2 };
    socket.assign({ ...socket.context, ...base, title });
    socket.tempAssign({ flash: [] });
  },
  render: (c) => html\`\${c.a}\`,
});`,
    });
    const v = view(merged, "v.ts#v");
    expect(v.state.map((k) => k.key)).toEqual(["a", "b", "flash", "title"]);
    expect(v.state.find((k) => k.key === "flash")!.temporary).toBe(true);
    expect(v.markers).toEqual([]);
  });

  it("a variable object assigned whole is read through", () => {
    const { merged } = analyzeSources({
      "v.ts": `import { createLiveView, html } from "liveviewjs";
export const v = createLiveView({
  mount: (socket) => { const init = { n: 0 }; socket.assign(init); },
  render: (c) => html\`\${c.n}\`,
});`,
    });
    expect(view(merged, "v.ts#v").state.map((k) => `${k.key}:${k.class}`)).toEqual(["n:ui"]);
  });

  it.each([
    ["a computed key", "socket.assign({ [event.field]: event.value })"],
    ["a call result", "socket.assign(buildState(event))"],
    ["a spread of the event", "socket.assign({ ...event })"],
  ])("dynamic keys (%s): FileError DYNAMIC_KEYS, low confidence, the view migrates with carried state (no marker)", (_label, stmt) => {
    const { merged, facts } = analyzeSources({
      "v.ts": `import { createLiveView, html } from "liveviewjs";
function buildState(e) { return { ...e }; }
export const v = createLiveView({
  mount: (socket) => socket.assign({ open: false }),
  handleEvent: (event, socket) => { ${stmt}; },
  render: (c) => html\`<input phx-change="set" />\${c.title}\`,
});`,
    });
    expect(facts[0]!.errors.map((e) => e.code)).toEqual(["DYNAMIC_KEYS"]);
    expect(facts[0]!.errors[0]!.file).toBe("v.ts");
    const v = view(merged, "v.ts#v");
    // the state cannot be split: the whole view runs on the server, the browser carries its state sealed
    expect(v.markers.map((m) => m.code)).toEqual([]);
    expect(v.migration).toMatchObject({ status: "pending", strategy: "carried" });
    expect(v.migration.reason).toMatch(/^DYNAMIC_KEYS at v\.ts:5/);
    const title = v.state.find((k) => k.key === "title")!;
    expect(title.confidence).toBe("low");
    expect(title.reasons[0]!.code).toBe("DYNAMIC_KEYS");
    expect(v.events.find((e) => e.name === "set")!.confidence).toBe("low");
  });
});

describe("template facts", () => {
  it("bindings, helpers, form_for fields, components and their files", () => {
    const { merged } = analyzeSources({
      "card.ts": `import { createLiveComponent, html } from "liveviewjs";\nexport const Card = createLiveComponent({ render: (c, meta) => html\`<b phx-click="hit" phx-target="\${meta.myself}">\${c.label}</b>\` });`,
      "v.ts": `import { createLiveView, html, form_for, text_input, error_tag, submit, newChangesetFactory, JS } from "liveviewjs";
import { z } from "zod";
import { Card } from "./card";
const cs = newChangesetFactory(z.object({ name: z.string() }));
export const v = createLiveView({
  mount: (socket) => socket.assign({ changeset: cs({}, {}) }),
  handleEvent: (event, socket) => {
    if (event.type === "validate") socket.assign({ changeset: cs({}, event, "validate") });
  },
  render: async (ctx, meta) => html\`
    \${form_for("#", meta.csrfToken, { phx_change: "validate", phx_submit: "save" })}
      \${text_input(ctx.changeset, "name")} \${error_tag(ctx.changeset, "name")} \${submit("Save")}
    </form>
    <div phx-window-keydown="key" phx-key="Escape" phx-click="\${"literal"}" phx-hook="\${ctx.hook}"></div>
    <button phx-click=\${new JS().toggle({ to: "#x" })}>t</button>
    \${await meta.live_component(Card, { id: 1, label: "a" })}
  \`,
});`,
    });
    const v = view(merged, "v.ts#v");
    expect(v.template.helpers).toEqual(["JS", "error_tag", "form_for", "live_component", "submit", "text_input"]);
    expect(v.template.forms).toEqual([{ event: "save", changeEvent: "validate", fields: ["name"], at: "v.ts:11" }]);
    expect(v.template.components).toEqual([{ name: "Card", file: "card.ts", at: "v.ts:16" }]);
    const b = v.template.bindings.map((x) => `${x.attr}=${x.value}${x.dynamic ? " (dynamic)" : ""}`);
    expect(b).toEqual(expect.arrayContaining(["phx-window-keydown=key", "phx-key=Escape", "phx-click=literal", "phx-hook=${ctx.hook} (dynamic)", "phx-change=validate", "phx-submit=save"]));
    expect(keyClass(merged, "v.ts#v", "changeset")).toBe("form");
    expect(view(merged, "card.ts#Card").kind).toBe("component");
    // a key the component reads but never assigns is a prop: ui (the parent passes it)
    expect(keyClass(merged, "card.ts#Card", "label")).toBe("ui");
    expect(view(merged, "card.ts#Card").state.find((k) => k.key === "label")!.reasons[0]!.code).toBe("COMPONENT_PROP");
  });

  it("live components rendered by a module-level helper the render calls (a row renderer given meta)", () => {
    const { merged } = analyzeSources({
      "badge.ts": `import { createLiveComponent, html } from "liveviewjs";\nexport const Badge = createLiveComponent({ render: (c) => html\`<i>\${c.label}</i>\` });`,
      "list.ts": `import { createLiveView, html } from "liveviewjs";
import { Badge } from "./badge";
async function row(label, meta) {
  return html\`<li>\${await meta.live_component(Badge, { label })}</li>\`;
}
export const list = createLiveView({
  mount: (socket) => socket.assign({ labels: ["a"] }),
  render: async (ctx, meta) => html\`<ul>\${await Promise.all(ctx.labels.map((l) => row(l, meta)))}</ul>\`,
});`,
    });
    expect(view(merged, "list.ts#list").template.components).toEqual([{ name: "Badge", file: "badge.ts", at: "list.ts:4" }]);
  });
});

describe("changesets reached through project modules", () => {
  it("a changeset factory imported from a schema module that got newChangesetFactory through a re-export", () => {
    const { merged } = analyzeSources({
      "lib/lv.ts": `export { newChangesetFactory, createLiveView as view, html } from "liveviewjs";`,
      "schema.ts": `import { z } from "zod";\nimport { newChangesetFactory } from "./lib/lv";\nexport const personChangeset = newChangesetFactory(z.object({ name: z.string() }));`,
      "v.ts": `import { view, html } from "./lib/lv";
import { personChangeset } from "./schema";
export const v = view({
  mount: (socket) => socket.assign({ cs: personChangeset({}, {}) }),
  handleEvent: (event, socket) => { if (event.type === "validate") socket.assign({ cs: personChangeset({}, event, "validate") }); },
  render: (c) => html\`<form phx-change="validate"><input name="name" /></form>\`,
});`,
    });
    const cs = view(merged, "v.ts#v").state.find((k) => k.key === "cs")!;
    expect(cs.class).toBe("form");
    expect(cs.reasons[0]!.code).toBe("CHANGESET");
    expect(placement(merged, "v.ts#v", "validate")).toBe("client");
  });
});

describe("class views", () => {
  it("this.helper(socket) is followed for writes and its effects count", () => {
    const { merged } = analyzeSources({
      "store.ts": `const rows: string[] = [];\nexport function add(x: string) { rows.push(x); }\nexport function all() { return rows; }`,
      "v.ts": `import { BaseLiveView, html } from "liveviewjs";
import { add, all } from "./store";
export class ListView extends BaseLiveView {
  mount(socket) { this.reload(socket); socket.assign({ open: false }); }
  handleEvent(event, socket) {
    if (event.type === "add") { this.save(event.text); this.reload(socket); }
    if (event.type === "toggle") socket.assign({ open: !socket.context.open });
  }
  save(text) { add(text); }
  reload(socket) { socket.assign({ rows: all() }); }
  render(ctx) { return html\`\${ctx.rows.length}\`; }
}`,
    });
    expect(keyClass(merged, "v.ts#ListView", "rows")).toBe("shared");
    expect(placement(merged, "v.ts#ListView", "add")).toBe("server");
    expect(placement(merged, "v.ts#ListView", "toggle")).toBe("client");
  });
});

describe("infos sent as bare strings", () => {
  it("switch (info) on a string info", () => {
    const { merged } = analyzeSources({
      "v.ts": `import { createLiveView, html } from "liveviewjs";
export const v = createLiveView({
  mount: (socket) => socket.assign({ n: 0 }),
  handleEvent: (event, socket) => { socket.sendInfo("bump"); },
  handleInfo: (info, socket) => { switch (info) { case "bump": socket.assign({ n: socket.context.n + 1 }); } },
  render: (c) => html\`<button phx-click="go">\${c.n}</button>\`,
});`,
    });
    const v = view(merged, "v.ts#v");
    expect(v.infos.map((i) => `${i.name}:${i.origin}`)).toEqual(["bump:sendInfo"]);
    expect(keyClass(merged, "v.ts#v", "n")).toBe("ui");
    expect(placement(merged, "v.ts#v", "go")).toBe("client");
  });
});
