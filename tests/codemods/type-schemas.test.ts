// Commands check the kind of each event field against the view's own event type (issue 17: a
// command without a schema answered 500 to `{"text": 5}`): a wrong kind is a 422 with a message and
// the command does not run; what a browser sends for the declared type passes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createTypeSchemas } from "../../src/codemods/type-schemas.ts";
import { runCommand } from "../../src/runtime/server/commands.ts";
import { applyCase, PACKAGE_ROOT, removeScratch, scratchRepo } from "../apply/cases.ts";
import { applyProject } from "../../src/apply/apply-project.ts";
import { analyzeProject } from "../../src/pipeline/analyze.ts";

/** A scratch project: files by relative path; the view is the statement starting with `export const view`. */
function project(files: Record<string, string>, tsconfig: object = { compilerOptions: { strict: true } }) {
  const root = mkdtempSync(join(tmpdir(), "lvm-type-schemas-"));
  writeFileSync(join(root, "tsconfig.json"), JSON.stringify(tsconfig));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(root, file, ".."), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  const text = files["view.ts"]!;
  const anchor = text.indexOf("export const view");
  const schemas = createTypeSchemas(root);
  return {
    root,
    event: (name: string, kind?: "event" | "info") => schemas.event("view.ts", text, anchor, name, kind),
    state: (...keys: string[]) => Object.fromEntries(schemas.state("view.ts", text, anchor, keys)),
  };
}

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

describe("event schema from the view's event type", () => {
  const p = project({
    "view.ts": `
import type { Saved } from "./types.ts";
type Events =
  | { type: "add"; text: string; count?: number; tags: string[]; done: boolean | null }
  | ({ type: "change"; _target: string } & Record<string, string>)
  | { type: "a" | "b"; sort: "asc" | "desc"; extra: { nested: true } }
  | ({ type: "save" } & Partial<Saved>);
type Infos = { type: "found"; hits: number };
declare function createLiveView<C, E, I = never>(parts: object): unknown;
export const view = createLiveView<{ n: number }, Events, Infos>({});
`,
    "types.ts": `export interface Saved { id: string; shift: "am" | "pm" }
`,
  });
  roots.push(p.root);

  it("reads the fields of the event's union member; every field may be absent, each has its kind", () => {
    expect(p.event("add")).toEqual([
      `"text": z.string().optional()`,
      `"count": z.union([z.number(), z.string(), z.null()]).optional()`,
      `"tags": z.array(z.string()).optional()`,
      `"done": z.union([z.boolean(), z.string()]).nullable().optional()`,
    ]);
    // the literal part of an intersection; the record part passes through
    expect(p.event("change")).toEqual([`"_target": z.string().optional()`]);
    // a member for several types; literal unions accept any string, as LiveViewJS did; objects are unchecked
    expect(p.event("b")).toEqual([`"sort": z.string().optional()`, `"extra": z.unknown().optional()`]);
    // a type from another module, through Partial<…>: the checker reads it
    expect(p.event("save")).toEqual([`"id": z.string().optional()`, `"shift": z.string().optional()`]);
    // messages read the third type argument (and their declared fields are there: below)
    expect(p.event("found", "info")).toEqual([`"hits": z.union([z.number(), z.string(), z.null()])`]);
  });

  it("gives none when the type cannot be read (no type arguments, no such event)", () => {
    expect(p.event("missing")).toBeUndefined();
    const untyped = project({ "view.ts": `declare function createLiveView(parts: object): unknown;
export const view = createLiveView({ handleEvent(event: any) {} });
` });
    roots.push(untyped.root);
    expect(untyped.event("add")).toBeUndefined();
    expect(untyped.state("a")).toEqual({ a: "z.unknown()" });
  });
});

describe("state schema from the view's context type", () => {
  const files = {
    "view.ts": `
import type { Volunteer } from "./types.ts";
type Shift = Volunteer["shift"];
interface Ctx {
  choice: Shift | null;
  id: string;
  open: boolean;
  note?: string;
  when: Date;
  picked: { id: string; qty: number }[];
  meta: Record<string, string>;
  free: any;
  onPick: () => void;
}
declare function createLiveComponent<C, E>(parts: object): unknown;
export const view = createLiveComponent<Ctx, { type: "x" }>({});
`,
    "types.ts": `export interface Volunteer { id: string; shift: "morning" | "evening" }
`,
  };

  it("checks each key the command reads against its declared type: literals exactly, objects field by field", () => {
    const p = project(files);
    roots.push(p.root);
    expect(p.state("choice", "id", "open", "note", "when", "picked", "meta", "free", "onPick", "absent")).toEqual({
      choice: `z.enum(["morning", "evening"]).nullable()`,
      id: "z.string()",
      open: "z.union([z.boolean(), z.string()])",
      note: "z.string().optional()",
      when: "z.date()",
      picked: `z.array(z.object({ "id": z.string(), "qty": z.union([z.number(), z.string(), z.null()]) }).passthrough())`,
      meta: "z.record(z.string(), z.string())",
      free: "z.unknown()",
      onPick: "z.unknown()",
      absent: "z.unknown()",
    });
  });

  it("lets any key be null in a project without strictNullChecks", () => {
    const p = project(files, { compilerOptions: {} });
    roots.push(p.root);
    expect(p.state("id", "choice")).toEqual({ id: "z.string().nullish()", choice: `z.enum(["morning", "evening"]).nullish()` });
  });
});

describe("a generated command with the schema", () => {
  const scratch: string[] = [];
  afterAll(() => scratch.forEach(removeScratch));

  it("answers 422 to a field of the wrong kind, and runs with what a browser sends", async () => {
    const { root, result } = await applyCase("split-event");
    scratch.push(root);
    expect(result.problem).toBeUndefined();
    const commands = (await import(pathToFileURL(join(root, "src/views/notes.commands.ts")).href)).default;
    const ctx = { session: { id: "s" }, publish: async () => {} };
    const run = (params: unknown) => runCommand(commands.add, params, ctx, { timeoutMs: 5_000, onError: (e) => { throw e; } });
    for (const bad of [{ text: 5 }, { text: {} }, { text: ["a"] }]) {
      const outcome = await run(bad);
      expect(outcome).toMatchObject({ ok: false, error: { status: 422, code: "INVALID_PARAMS" } });
      expect((outcome as { error: { message: string } }).error.message).toMatch(/^text: /);
    }
    const good = await run({ type: "add", text: "  milk " });
    expect(good.ok).toBe(true);
    expect((good as { result: { notes: { text: string }[] } }).result.notes.map((n) => n.text)).toContain("milk");
  }, 60_000);
});

describe("required fields", () => {
  const p = project({
    "view.ts": `
type Events = { type: "post"; text: string; tag: string; done: boolean };
type Infos = { type: "found"; query: string; page?: number; note: string | undefined };
declare function createLiveView<C, E, I = never>(parts: object): unknown;
export const view = createLiveView<{ n: number }, Events, Infos>({});
`,
  });
  roots.push(p.root);
  const schemas = createTypeSchemas(p.root);
  const text = `
type Events = { type: "post"; text: string; tag: string; done: boolean };
type Infos = { type: "found"; query: string; page?: number; note: string | undefined };
declare function createLiveView<C, E, I = never>(parts: object): unknown;
export const view = createLiveView<{ n: number }, Events, Infos>({});
`;
  const anchor = text.indexOf("export const view");

  it("an event's fields its forms always send are required; the others may be absent", () => {
    expect(schemas.event("view.ts", text, anchor, "post", "event", ["text"])).toEqual([
      `"text": z.string()`,
      `"tag": z.string().optional()`,
      `"done": z.union([z.boolean(), z.string()]).optional()`,
    ]);
  });

  it("a message's declared fields are required (the view's own code built it), optional ones stay optional", () => {
    expect(schemas.event("view.ts", text, anchor, "found", "info")).toEqual([
      `"query": z.string()`,
      `"page": z.union([z.number(), z.string(), z.null()]).optional()`,
      `"note": z.string().optional()`,
    ]);
  });
});

describe("a plain-JS view's command", () => {
  it("takes text in every field when only the template's plain bindings send its event: an object is a 422", async () => {
    const root = scratchRepo(join(PACKAGE_ROOT, "fixtures", "real-world", "plainjs"), "plainjs-text");
    roots.push(root);
    const { plan } = await analyzeProject(root, {});
    expect(plan.views.find((v) => v.id === "src/views/inbox.js#inboxView")!.events.find((e) => e.name === "archive")!.textOnly).toBe(true);
    const result = await applyProject({ root, plan, typeCheck: false, bundleCheck: false });
    expect(result.problem).toBeUndefined();
    const commands = (await import(pathToFileURL(join(root, "src/views/inbox.commands.js")).href)).default;
    const ctx = { session: { id: "s" }, publish: async () => {} };
    const run = (params: unknown) => runCommand(commands.archive, params, ctx, { timeoutMs: 5_000, onError: (e) => { throw e; } });
    expect(await run({ type: "archive", id: { $ne: 1 } })).toMatchObject({ ok: false, error: { status: 422, code: "INVALID_PARAMS" } });
    expect(await run({ type: "archive", id: ["1"] })).toMatchObject({ ok: false, error: { status: 422 } });
    expect((await run({ type: "archive", id: "1" })).ok).toBe(true);
  }, 120_000);
});
