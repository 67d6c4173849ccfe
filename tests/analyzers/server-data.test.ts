// Server data that nothing writes (DESIGN.md "Server state never leaves the server"): rows read through
// query functions, data made at load, pubsub objects in the view's own file. Each is decided once, in
// the analysis (plan.serverBindings and the key's class), and a third-party call alone is no marker.
import { describe, expect, it } from "vitest";
import { analyzeSources, keyClass, view } from "./helpers.ts";

const customers = `
export type Customer = { id: number; name: string; email: string };
const customers: Customer[] = [
  { id: 1, name: "Ada Brooks", email: "ada@example.test" },
  { id: 2, name: "Ben Ortiz", email: "ben@example.test" },
];
export function listCustomers(q: string): Customer[] {
  return customers.filter((c) => c.name.toLowerCase().includes(q.toLowerCase()));
}
export function customerById(id: number): Customer | undefined {
  return customers.find((c) => c.id === id);
}
`;

const sizes = `
export const SIZES = [{ value: "s", label: "Small" }, { value: "m", label: "Medium" }];
export const UNITS: Record<string, string> = { kg: "kilograms", g: "grams" };
export function unitName(u: string): string { return UNITS[u] ?? u; }
`;

const view1 = `
import { createLiveView, html } from "liveviewjs";
import { listCustomers } from "../data/customers";
import { SIZES, unitName } from "../data/sizes";
export const customersView = createLiveView<{ q: string; rows: { name: string }[]; size: string; unit: string }, { type: "search"; q: string } | { type: "size"; value: string }>({
  mount: (socket) => socket.assign({ q: "", rows: listCustomers(""), size: "s", unit: unitName("kg") }),
  handleEvent: (event, socket) => {
    if (event.type === "search") socket.assign({ q: event.q, rows: listCustomers(event.q) });
    if (event.type === "size") socket.assign({ size: event.value });
  },
  render: ({ q, rows, size, unit }) => html\`<form phx-change="search"><input name="q" value="\${q}"/></form>\${SIZES.map((s) => html\`<button phx-click="size" phx-value-value="\${s.value}">\${s.label}\${s.value === size ? "*" : ""}</button>\`)}\${unit}<ul>\${rows.map((r) => html\`<li>\${r.name}</li>\`)}</ul>\`,
});
`;

const seededView = `
import { createLiveView, html, SingleProcessPubSub } from "liveviewjs";
import { charge } from "payments-sdk";
const readings = Array.from({ length: 5 }, (_, i) => ({ at: i, value: Math.round(Math.random() * 100) }));
const pubSub = new SingleProcessPubSub();
export const seeded = createLiveView<{ values: number[]; paid: boolean }, { type: "pay" }>({
  mount: (socket) => socket.assign({ values: readings.map((r) => r.value), paid: false }),
  handleEvent: async (event, socket) => {
    await charge(100);
    await pubSub.broadcast("paid", { type: "paid" });
    socket.assign({ paid: true });
  },
  render: ({ values, paid }) => html\`<p>\${values.join(",")}</p><button phx-click="pay">\${paid ? "paid" : "pay"}</button>\`,
});
`;

describe("server data", () => {
  it("rows read through exported query functions are a table: the key is shared, the query a server binding; small lookup tables are not", () => {
    const { merged } = analyzeSources({ "src/data/customers.ts": customers, "src/data/sizes.ts": sizes, "src/views/customers.ts": view1 });
    const id = "src/views/customers.ts#customersView";
    expect(keyClass(merged, id, "rows")).toBe("shared");
    // written from the query and from a form param: still the server's data
    const rows = view(merged, id).state.find((k) => k.key === "rows")!;
    expect(rows.reasons[0]!.code).toBe("EFFECTFUL_CALL");
    expect(keyClass(merged, id, "q")).not.toBe("shared");
    expect(keyClass(merged, id, "size")).toBe("ui");
    expect(keyClass(merged, id, "unit")).toBe("ui");
    const bindings = new Map((view(merged, id).serverBindings ?? []).map((b) => [b.name, b.why]));
    expect(bindings.get("listCustomers")).toMatch(/data table customers/);
    expect(bindings.has("SIZES")).toBe(false);
    expect(bindings.has("unitName")).toBe(false);
  });

  it("data made at load, a pubsub built in the view's file and a package not known to be pure are server bindings; the unknown call is no marker", () => {
    const { merged } = analyzeSources({ "src/views/seeded.ts": seededView });
    const v = view(merged, "src/views/seeded.ts#seeded");
    const bindings = new Map((v.serverBindings ?? []).map((b) => [b.name, b.why]));
    expect(bindings.get("readings")).toMatch(/Math\.random/);
    expect(bindings.get("pubSub")).toMatch(/SingleProcessPubSub/);
    expect(bindings.get("charge")).toMatch(/payments-sdk/);
    expect(keyClass(merged, "src/views/seeded.ts#seeded", "values")).toBe("shared");
    // server work plus a ui key written (paid): split, never client
    expect(v.events.find((e) => e.name === "pay")!.placement).toBe("split");
    expect(v.markers.map((m) => m.code)).not.toContain("UNKNOWN_EFFECT");
  });
});

describe("topics through a name", () => {
  it("socket.subscribe(TOPIC): the string TOPIC holds, in the view's file or the module it is imported from, is in the plan", () => {
    const { merged } = analyzeSources({
      "src/data/board.ts": `export const BOARD_TOPIC = "board";`,
      "src/views/b.ts": `import { createLiveView, html } from "liveviewjs";\nimport { BOARD_TOPIC } from "../data/board";\nconst LOCAL = "loc";\nexport const b = createLiveView({ mount: async (socket) => { if (socket.connected) { await socket.subscribe(BOARD_TOPIC); await socket.subscribe(LOCAL); } socket.assign({ n: 0 }); }, render: (c) => html\`\${c.n}\` });`,
    });
    expect(view(merged, "src/views/b.ts#b").topicConstants).toEqual([{ name: "BOARD_TOPIC", value: "board" }, { name: "LOCAL", value: "loc" }]);
  });
});

describe("a mount that writes server state", () => {
  it("is in the plan (LiveViewJS runs mount twice a page; the migrated page runs it again on connect); a mount that only reads is not", () => {
    const { merged } = analyzeSources({
      "data/gateway.ts": `let packets = 1200;\nexport function status() { packets += 17; return { packets }; }\nexport function peek() { return { packets }; }\n`,
      "views/a.ts": `import { createLiveView, html } from "liveviewjs";\nimport { status } from "../data/gateway.ts";\nexport const a = createLiveView({\n  mount: (socket) => socket.assign({ s: status() }),\n  render: (c) => html\`\${c.s.packets}\`,\n});\n`,
      "views/b.ts": `import { createLiveView, html } from "liveviewjs";\nimport { peek } from "../data/gateway.ts";\nexport const b = createLiveView({\n  mount: (socket) => socket.assign({ s: peek() }),\n  render: (c) => html\`\${c.s.packets}\`,\n});\n`,
    });
    expect(view(merged, "views/a.ts#a").mountWrites).toMatch(/^status → .*packets.*\(views\/a\.ts:4\)$/);
    expect(view(merged, "views/b.ts#b").mountWrites).toBeUndefined();
  });
});

describe("a container changed in place by another module", () => {
  it("is the declaring module's state: a key read from it is shared, wherever the write is", () => {
    const { merged } = analyzeSources({
      "data/list.ts": `export const items: string[] = [];\nexport const COLORS = ["teal", "amber"];\n`,
      "data/admin.ts": `import { items } from "./list.ts";\nexport function addItem(x: string) { items.push(x); }\n`,
      "v.ts": `import { createLiveView, html } from "liveviewjs";\nimport { items, COLORS } from "./data/list.ts";\nexport const v = createLiveView({ mount: (s) => s.assign({ list: items.slice(), colors: COLORS.slice() }), render: (c) => html\`\${c.list.length}\${c.colors}\` });\n`,
    });
    expect(keyClass(merged, "v.ts#v", "list")).toBe("shared");
    expect(view(merged, "v.ts#v").state.find((k) => k.key === "list")!.reasons[0]!.message).toContain("reads module state items (object) in data/list.ts");
    // a constant nothing changes stays the tab's
    expect(keyClass(merged, "v.ts#v", "colors")).toBe("ui");
  });
});

describe("a memoising cache", () => {
  it("is no state: an unexported Map only read and filled under one key by one function; the same Map read elsewhere is state", () => {
    const view = (fmt: string) =>
      analyzeSources({
        "fmt.ts": fmt,
        "v.ts": `import { createLiveView, html } from "liveviewjs";\nimport { money } from "./fmt.ts";\nexport const v = createLiveView({ mount: (s) => s.assign({ price: money(3) }), handleEvent: (e, s) => s.assign({ price: money(Number(e.n)) }), render: (c) => html\`<button phx-click="p" phx-value-n="4">\${c.price}</button>\` });\n`,
      }).merged;
    const memo = `const cache = new Map<number, string>();\nexport function money(n: number): string {\n  let s = cache.get(n);\n  if (!s) { s = "$" + n.toFixed(2); cache.set(n, s); }\n  return s;\n}\n`;
    expect(keyClass(view(memo), "v.ts#v", "price")).toBe("ui");
    // the same Map also counted elsewhere: what it holds is observable
    const observed = memo + `export function cached(): number { return cache.size; }\n`;
    expect(keyClass(view(observed), "v.ts#v", "price")).toBe("shared");
    // keyed by something else than the argument: not a memo of the function
    const byTime = `const cache = new Map<number, string>();\nexport function money(n: number): string {\n  cache.set(Date.now(), String(n));\n  return String(n);\n}\n`;
    expect(keyClass(view(byTime), "v.ts#v", "price")).toBe("shared");
  });
});

describe("a message the view sends itself that is also broadcast on a topic it follows", () => {
  it("carries anyone's data: the key written from it is shared; a self-sent type nobody broadcasts stays the tab's", () => {
    const viewWith = (broadcastType: string) =>
      analyzeSources({
        "v.ts": `import { createLiveView, html, SingleProcessPubSub } from "liveviewjs";\nconst ps = new SingleProcessPubSub();\nexport const v = createLiveView({\n  mount: async (s) => { if (s.connected) await s.subscribe("t"); s.assign({ n: 0 }); },\n  handleEvent: (e, s) => { s.sendInfo({ type: "bump", by: 1 }); },\n  handleInfo: (i, s) => { if (i.type === "bump") s.assign({ n: i.by }); },\n  render: (c) => html\`<button phx-click="go">\${c.n}</button>\`,\n});\nexport async function remote() { await ps.broadcast("t", { type: "${broadcastType}", by: 5 }); }\n`,
      }).merged;
    const both = viewWith("bump");
    expect(keyClass(both, "v.ts#v", "n")).toBe("shared");
    expect(view(both, "v.ts#v").state[0]!.reasons[0]!.code).toBe("INFO_FROM_PUBSUB");
    expect(keyClass(viewWith("other"), "v.ts#v", "n")).toBe("ui");
  });
});
