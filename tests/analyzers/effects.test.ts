// Effect analysis across the project's own modules, and what it makes of the keys views write.
import { describe, expect, it } from "vitest";
import { analyzeSources, keyClass, placement, view } from "./helpers.ts";

/** A view whose `value` key is written in mount from `expr`, and whose `go` event runs `stmt`. */
const viewWith = (imports: string, expr: string, stmt = "") => `import { createLiveView, html } from "liveviewjs";
${imports}
export const v = createLiveView({
  mount: async (socket, session, params) => { socket.assign({ value: ${expr}, open: false }); },
  handleEvent: async (event, socket) => {
    switch (event.type) {
      case "go": ${stmt} socket.assign({ open: true }); break;
    }
  },
  render: (ctx) => html\`<button phx-click="go">\${ctx.value}</button>\`,
});`;

describe("effects", () => {
  it("module-level mutable state makes data shared", () => {
    const { merged } = analyzeSources({
      "data.ts": `const rows: string[] = [];\nexport function add(t: string) { rows.push(t); }\nexport function list() { return rows; }`,
      "view.ts": viewWith(`import { list, add } from "./data";`, "list()", "add(event.text);"),
    });
    expect(keyClass(merged, "view.ts#v", "value")).toBe("shared");
    expect(keyClass(merged, "view.ts#v", "open")).toBe("ui");
    expect(placement(merged, "view.ts#v", "go")).toBe("split");
    const add = merged.functions.find((f) => f.id === "data.ts#add")!;
    expect(add.effects).toContain("module-state-write");
  });

  it("a const array that nothing mutates is not state", () => {
    const { merged } = analyzeSources({
      "data.ts": `const SIZES = [10, 20];\nexport function sizes() { return SIZES.filter((s) => s > 5); }`,
      "view.ts": viewWith(`import { sizes } from "./data";`, "sizes()"),
    });
    expect(keyClass(merged, "view.ts#v", "value")).toBe("ui");
  });

  it("follows a call two modules away and keeps the chain", () => {
    const { merged } = analyzeSources({
      "repo.ts": `const rows = new Map<number, string>();\nclass NoteRepo {\n  list() { return [...rows.values()]; }\n  add(n: string) { rows.set(rows.size, n); }\n}\nexport const noteRepo = new NoteRepo();`,
      "notes.ts": `import { noteRepo } from "./repo.ts";\nexport const notes = {\n  list() { return noteRepo.list(); },\n};`,
      "view.ts": viewWith(`import { notes } from "./notes.ts";`, "notes.list()"),
    });
    const key = view(merged, "view.ts#v").state.find((k) => k.key === "value")!;
    expect(key.class).toBe("shared");
    expect(key.reasons[0]!.code).toBe("EFFECTFUL_CALL");
    expect(key.reasons[0]!.message).toContain("notes.ts#notes.list → repo.ts#NoteRepo.list → reads module state rows (Map)");
    const fn = merged.functions.find((f) => f.id === "notes.ts#notes.list")!;
    expect(fn.via).toEqual([{ effect: "module-state-read", chain: ["notes.ts#notes.list", "repo.ts#NoteRepo.list", "reads module state rows (Map)"], at: "repo.ts:3" }]);
  });

  it("a zod schema and a pure formatter are client-safe", () => {
    const { merged } = analyzeSources({
      "schema.ts": `import { z } from "zod";\nexport const Schema = z.object({ name: z.string().min(2) }).strict();\nexport function format(s: string) { return s.trim().toUpperCase(); }\nexport function isValid(s: unknown) { return Schema.safeParse(s).success; }`,
      "view.ts": viewWith(`import { format, isValid } from "./schema";`, `format(String(params.name)) + (isValid(params) ? "!" : "")`),
    });
    expect(keyClass(merged, "view.ts#v", "value")).toBe("ui");
    expect(view(merged, "view.ts#v").state.find((k) => k.key === "value")!.confidence).toBe("high");
    for (const f of merged.functions.filter((f) => f.id.startsWith("schema.ts"))) expect(f.effects, f.id).toEqual([]);
  });

  it("an in-memory store with a broadcast is server state, through a barrel", () => {
    const { merged } = analyzeSources({
      "data/pubsub.ts": `import { SingleProcessPubSub } from "liveviewjs";\nexport const pubSub = new SingleProcessPubSub();`,
      "data/store.ts": `import { pubSub } from "./pubsub";\nlet items: string[] = [];\nexport function save(x: string) { items = [...items, x]; pubSub.broadcast("items", { type: "changed" }); }\nexport const count = () => items.length;`,
      "data/index.ts": `export * from "./store";`,
      "view.ts": viewWith(`import { save, count } from "./data";`, "count()", "save(event.x);"),
    });
    expect(keyClass(merged, "view.ts#v", "value")).toBe("shared");
    const save = merged.functions.find((f) => f.id === "data/store.ts#save")!;
    expect(save.effects).toEqual(expect.arrayContaining(["module-state-write", "pubsub"]));
  });

  it("await, process.env, timers, fs and fetch", () => {
    const { merged } = analyzeSources({
      "io.ts": `import { readFileSync } from "node:fs";
import * as fsp from "fs/promises";
export async function load() { return await Promise.resolve(1); }
export function secret() { return process.env.API_KEY ?? ""; }
export function poll(cb: () => void) { return setInterval(cb, 1000); }
export function readConfig() { return readFileSync("x.json", "utf8"); }
export async function readAsync() { return fsp.readFile("x"); }
export async function remote() { const r = await fetch("http://x"); return r.json(); }`,
      "view.ts": viewWith(`import { load, secret, readConfig, remote, readAsync } from "./io";`, "[load(), secret(), readConfig(), remote(), readAsync()]"),
    });
    const fx = Object.fromEntries(merged.functions.map((f) => [f.id, f.effects]));
    expect(fx["io.ts#load"]).toContain("await");
    expect(fx["io.ts#secret"]).toContain("env");
    expect(fx["io.ts#readConfig"]).toContain("node-builtin");
    expect(fx["io.ts#readAsync"]).toContain("node-builtin");
    expect(fx["io.ts#remote"]).toEqual(expect.arrayContaining(["await", "io"]));
    const { facts } = analyzeSources({ "t.ts": `export function poll(cb: () => void) { return setInterval(cb, 1000); }` });
    expect(facts[0]!.module.functions[0]!.effects.map((e) => e.kind)).toEqual(["timer"]);
    expect(keyClass(merged, "view.ts#v", "value")).toBe("shared");
  });

  it("process.env and the session written straight into a key", () => {
    const { merged } = analyzeSources({ "view.ts": viewWith("", "process.env.TITLE ?? session.user") });
    const key = view(merged, "view.ts#v").state.find((k) => k.key === "value")!;
    expect(key.class).toBe("shared");
    expect(key.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(["SESSION", "ENV"]));
  });

  it("Math.random and Date.now are noted, not server effects", () => {
    const { merged } = analyzeSources({
      "rand.ts": `export function roll() { return Math.floor(Math.random() * 6) + Date.now() * 0; }`,
      "view.ts": viewWith(`import { roll } from "./rand";`, "roll()"),
    });
    expect(keyClass(merged, "view.ts#v", "value")).toBe("ui");
    expect(merged.functions.find((f) => f.id === "rand.ts#roll")!.effects).toEqual(["nondeterministic"]);
  });

  it("a call the analysis cannot follow gives low confidence and the server, never a silent guess; unknown alone is no marker", () => {
    const { merged } = analyzeSources({ "view.ts": viewWith(`import { mystery } from "some-unknown-package";`, "mystery()") });
    const key = view(merged, "view.ts#v").state.find((k) => k.key === "value")!;
    expect(key.confidence).toBe("low");
    expect(key.reasons[0]!.code).toBe("UNKNOWN_CALLEE");
    expect(key.class).toBe("shared");
    // DESIGN.md "When unsure, the server": the call runs where the original ran it; nothing to mark
    expect(view(merged, "view.ts#v").markers.map((m) => m.code)).not.toContain("UNKNOWN_EFFECT");
    expect(view(merged, "view.ts#v").serverBindings?.map((b) => b.name)).toContain("mystery");
  });

  it("database packages are I/O; CommonJS data modules resolve", () => {
    const { merged } = analyzeSources({
      "db.cjs": `const { Pool } = require("pg");\nconst pool = new Pool();\nasync function all() { return pool.query("select 1"); }\nmodule.exports = { all };`,
      "view.js": viewWith(`import db from "./db.cjs";`, "db.all()"),
    });
    expect(merged.functions.find((f) => f.id === "db.cjs#all")!.effects).toContain("io");
    expect(keyClass(merged, "view.js#v", "value")).toBe("shared");
  });

  it("instance state of a class used as a singleton is module state", () => {
    const { merged } = analyzeSources({
      "store.ts": `export class Store {\n  private items: string[] = [];\n  add(x: string) { this.items.push(x); }\n  all() { return this.items; }\n}\nexport const store = new Store();`,
      "view.ts": viewWith(`import { store } from "./store";`, "store.all()", "store.add(event.x);"),
    });
    expect(keyClass(merged, "view.ts#v", "value")).toBe("shared");
    expect(placement(merged, "view.ts#v", "go")).toBe("split");
  });
});

describe("fixtures/analyzer-cases/basic", () => {
  it("a view through a re-export module, a store behind a barrel, a client-safe schema module", async () => {
    const { analyzeDir, fixturesDir } = await import("./helpers.ts");
    const { merged } = analyzeDir(`${fixturesDir}/analyzer-cases/basic`);
    const id = "src/views/notes.ts#default";
    expect(merged.views.map((v) => v.id)).toEqual(["src/views/counter.ts#counterLiveView", id]);
    const classes = Object.fromEntries(view(merged, id).state.map((k) => [k.key, k.class]));
    expect(classes).toEqual({ changeset: "form", items: "shared", open: "ui", page: "ui", user: "shared" });
    const events = Object.fromEntries(view(merged, id).events.map((e) => [e.name, e.placement]));
    expect(events).toEqual({ save: "split", toggle: "client", validate: "client" });
    expect(view(merged, id).infos).toEqual([expect.objectContaining({ name: "*", origin: 'subscribe:"notes"', writes: ["items"] })]);
    expect(merged.functions.find((f) => f.id === "src/data/format.ts#formatNote")!.effects).toEqual([]);
    expect(merged.functions.find((f) => f.id === "src/data/notes.ts#NoteRepo.add")!.effects).toEqual(["module-state-read", "module-state-write", "pubsub"]);
  });
});

describe("pubsub from the adaptor packages", () => {
  it("RedisPubSub from @liveviewjs/express broadcasts", () => {
    const { merged } = analyzeSources({
      "bus.ts": `import { RedisPubSub } from "@liveviewjs/express";\nexport const bus = new RedisPubSub({ url: "redis://x" });\nexport function announce(t: string) { bus.broadcast("news", { type: "posted", t }); }`,
      "view.ts": viewWith(`import { announce } from "./bus";`, "1", "announce(event.t);"),
    });
    expect(merged.functions.find((f) => f.id === "bus.ts#announce")!.effects).toEqual(["pubsub"]);
    expect(placement(merged, "view.ts#v", "go")).toBe("split");
  });
});

describe("uploads", () => {
  it("consuming uploaded files is server work even when the callback is pure (the files are server temp files)", () => {
    const { merged } = analyzeSources({
      "view.ts": viewWith("", "1", `const names = await socket.consumeUploadedEntries("docs", async (_meta, entry) => entry.name); socket.assign({ value: names.join() });`),
    });
    expect(placement(merged, "view.ts#v", "go")).toBe("split");
    expect(view(merged, "view.ts#v").events[0]!.reasons.map((r) => r.message)).toContain("socket.consumeUploadedEntries: the uploaded files are on the server");
  });

  it("cancelUpload alone stays in the browser", () => {
    const { merged } = analyzeSources({ "view.ts": viewWith("", "1", `socket.cancelUpload("docs", event.ref);`) });
    expect(placement(merged, "view.ts#v", "go")).toBe("client");
  });
});
