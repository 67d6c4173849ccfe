// Commands check the kind of each event field against the view's own event type (issue 17: a
// command without a schema answered 500 to `{"text": 5}`): a wrong kind is a 422 with a message and
// the command does not run; what a browser sends for the declared type passes.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ts } from "ts-morph";
import { eventSchemaFields } from "../../src/codemods/event-schema.ts";
import { runCommand } from "../../src/runtime/server/commands.ts";
import { applyCase, removeScratch } from "../apply/cases.ts";

const parse = (text: string) => ts.createSourceFile("v.ts", text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

describe("event schema from the view's event type", () => {
  const sf = parse(`
type Events =
  | { type: "add"; text: string; count?: number; tags: string[]; done: boolean | null }
  | ({ type: "change"; _target: string } & Record<string, string>)
  | { type: "a" | "b"; sort: "asc" | "desc"; extra: { nested: true } };
interface Save { type: "save"; id: string }
`);

  it("reads the fields of the event's union member; every field may be absent, each has its kind", () => {
    expect(eventSchemaFields(sf, "Events", "add")).toEqual([
      `"text": z.string().optional()`,
      `"count": z.union([z.number(), z.string()]).optional()`,
      `"tags": z.array(z.string()).optional()`,
      `"done": z.union([z.boolean(), z.string()]).nullable().optional()`,
    ]);
    // the literal part of an intersection; the record part passes through
    expect(eventSchemaFields(sf, "Events", "change")).toEqual([`"_target": z.string().optional()`]);
    // a member for several types; literal unions accept any string, as LiveViewJS did; objects are unchecked
    expect(eventSchemaFields(sf, "Events", "b")).toEqual([`"sort": z.string().optional()`, `"extra": z.unknown().optional()`]);
    expect(eventSchemaFields(sf, "Save", "save")).toEqual([`"id": z.string().optional()`]);
  });

  it("gives none when the type cannot be read here (imported, generic, no such event)", () => {
    expect(eventSchemaFields(sf, "Imported", "add")).toBeUndefined();
    expect(eventSchemaFields(sf, undefined, "add")).toBeUndefined();
    expect(eventSchemaFields(sf, "Events", "missing")).toBeUndefined();
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
