// Issue 17: commands trust nothing from the browser. The whole example app migrated and served by its
// own server; every command of every migrated component is sent each of its inputs with the wrong kind
// of value (a browser-state key, an event field, a load command's params) while the others are valid:
// each is a 422 naming that field, and no page that shows server data changes. The shift picker's
// attack from the issue (`choice` an HTML string or an object) is refused and the roster keeps serving.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodTypeAny } from "zod";
import { firstPaint, postCommand } from "../runtime/server/helpers.ts";
import { migratedCopy, startCopyServer, type CopyServer } from "./migrated-copy.ts";

interface Command {
  component: string;
  name: string;
  file: string;
  definition: ((...args: unknown[]) => unknown) | { params?: ZodTypeAny; handler: (...args: unknown[]) => unknown };
}

let copy: string;
let server: CopyServer;
let auth: Record<string, string>;
const commands: Command[] = [];

beforeAll(async () => {
  copy = migratedCopy("tamper", []).copy;
  server = await startCopyServer(copy);
  const paint = await firstPaint(`${server.url}/volunteers`);
  auth = { cookie: paint.cookie, "x-csrf-token": paint.csrfToken };
  for (const file of commandFiles(join(copy, "src"))) {
    const componentText = readFileSync(file.replace(/\.commands\.ts$/, ".component.ts"), "utf8");
    const component = /\bname: "([^"]+)"/.exec(componentText)?.[1];
    if (!component) throw new Error(`no component name next to ${file}`);
    const module = (await import(pathToFileURL(file).href)) as { default: Record<string, Command["definition"]> };
    for (const [name, definition] of Object.entries(module.default)) commands.push({ component, name, file: relative(copy, file), definition });
  }
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

function commandFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? commandFiles(join(dir, e.name)) : e.name.endsWith(".commands.ts") ? [join(dir, e.name)] : []));
}

/** The pages that show server data, read twice: those that render the same both times are compared after the attack. */
const PAGES = ["/volunteers", "/volunteers/1", "/volunteers/2", "/volunteers/3", "/volunteers/4", "/pantry", "/activity", "/photos", "/preferences", "/account", "/signup", "/search", "/inventory", "/delivery-area"];
async function pages(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const path of PAGES) {
    const response = await fetch(`${server.url}${path}`, { headers: { cookie: auth.cookie! } });
    // each response has its own CSP nonce: the rest must not change
    out.set(path, `${response.status} ${(await response.text()).replace(/ nonce="[^"]*"/g, "")}`);
  }
  return out;
}

/** A value the schema accepts (the other inputs of a tampered call), or undefined for a field left out. */
function valid(schema: ZodTypeAny): unknown {
  const def = schema._def as { typeName: string; [k: string]: any };
  switch (def.typeName) {
    case "ZodString":
      return def.checks?.some((c: { kind: string }) => c.kind === "url") ? "http://localhost/volunteers" : "1";
    case "ZodNumber":
      return 1;
    case "ZodBoolean":
      return false;
    case "ZodLiteral":
      return def.value;
    case "ZodEnum":
      return def.values[0];
    case "ZodUnion":
      return valid(def.options[0]);
    case "ZodNullable":
      return null;
    case "ZodOptional":
      return undefined;
    case "ZodObject":
      return Object.fromEntries(Object.entries(def.shape() as Record<string, ZodTypeAny>).map(([k, v]) => [k, valid(v)]));
    case "ZodRecord":
      return {};
    case "ZodArray":
      return [];
    default:
      return "x";
  }
}

/** Input paths to tamper with: each field, and each field of an object field (`__state.choice`). */
function fields(schema: ZodTypeAny, path: string[] = []): { path: string[]; schema: ZodTypeAny }[] {
  const def = schema._def as { typeName: string; shape?: () => Record<string, ZodTypeAny>; innerType?: ZodTypeAny };
  if (def.typeName === "ZodOptional" || def.typeName === "ZodNullable") return fields(def.innerType!, path);
  if (def.typeName !== "ZodObject") return [{ path, schema }];
  const own = Object.entries(def.shape!()).flatMap(([k, v]) => fields(v, [...path, k]));
  return path.length === 0 ? own : [{ path, schema }, ...own];
}

/** A value of the wrong kind for the field: text where a structure belongs, a structure anywhere else. */
function wrongKind(schema: ZodTypeAny): unknown {
  let def = schema._def as { typeName: string; innerType?: ZodTypeAny };
  while (def.typeName === "ZodOptional" || def.typeName === "ZodNullable") def = def.innerType!._def;
  return ["ZodObject", "ZodRecord", "ZodArray"].includes(def.typeName) ? "<img src=x onerror=alert(1)>" : { $tampered: [1] };
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
  return copy;
}

describe("the migrated example app under tampered command input", () => {
  it("has a params schema on every command that reads its input, and types every browser-state key", () => {
    expect(commands.length).toBeGreaterThan(20);
    for (const command of commands) {
      if (typeof command.definition === "function") {
        // a command without a schema must not read what the browser sent
        expect(`${command.file} ${command.name}: ${/^[^(]*\(\s*([\w$]*)/.exec(command.definition.toString())?.[1]}`).toMatch(/: _\w*$/);
        continue;
      }
      expect(command.definition.params, `${command.file} ${command.name}`).toBeDefined();
      for (const field of fields(command.definition.params!)) {
        if (field.path[0] === "__state") expect(`${command.file} ${command.name} ${field.path.join(".")}: ${field.schema._def.typeName}`).not.toMatch(/ZodUnknown$/);
      }
    }
  });

  it("answers 422 naming the field to each input of the wrong kind, and changes nothing", async () => {
    const before = await pages();
    const again = await pages();
    const stable = [...before.keys()].filter((path) => before.get(path) === again.get(path) && before.get(path)!.startsWith("200 "));
    expect(stable).toEqual(expect.arrayContaining(["/volunteers", "/volunteers/1", "/volunteers/2", "/pantry", "/photos"]));

    let sent = 0;
    for (const command of commands) {
      if (typeof command.definition === "function" || !command.definition.params) continue;
      const schema = command.definition.params;
      const base = valid(schema) as Record<string, unknown>;
      expect(schema.safeParse(base).success, `${command.file} ${command.name}: the valid base`).toBe(true);
      for (const field of fields(schema)) {
        if ((field.schema._def as { typeName: string }).typeName === "ZodUnknown") continue;
        const body = setPath(base, field.path, wrongKind(field.schema));
        const answer = await postCommand(server.url, `${command.component}/${command.name}`, { params: body, url: `${server.url}/volunteers/1` }, auth);
        const where = `${command.component}/${command.name} ${field.path.join(".")}`;
        expect(answer.status, where).toBe(422);
        expect(answer.body.error.code, where).toBe("INVALID_PARAMS");
        expect(answer.body.error.message, where).toContain(`${field.path.join(".")}: `);
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(25);

    const after = await pages();
    for (const path of stable) expect(after.get(path), path).toBe(before.get(path));
  }, 120_000);

  it("answers every command sent with no input at all without a crash (a field its form always sends is required)", async () => {
    const statuses = new Map<string, number>();
    for (const command of commands) {
      const answer = await postCommand(server.url, `${command.component}/${command.name}`, { params: {}, url: `${server.url}/volunteers/1` }, auth);
      statuses.set(`${command.component}/${command.name}`, answer.status);
    }
    expect([...statuses].filter(([, status]) => status >= 500)).toEqual([]);
    // the feed's post form always sends its text, the search message always has its query: refused, not run
    expect(statuses.get("activityFeed/post")).toBe(422);
    expect(statuses.get("productSearch/run-search")).toBe(422);
  }, 60_000);

  it("refuses the shift picker's tampered choice (issue 17), and the roster keeps answering", async () => {
    const page = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie: auth.cookie! } }).then(async (r) => (await r.text()).replace(/ nonce="[^"]*"/g, ""));
    const before = await page("/volunteers/2");
    for (const choice of ["<img src=x onerror=alert(1)>", { a: 1 }, "night"]) {
      const answer = await postCommand(server.url, "shiftPicker/confirm", { params: { __state: { volunteerId: "2", choice } } }, auth);
      expect(answer.status).toBe(422);
      expect(answer.body.error.message).toMatch(/^__state\.choice: /);
    }
    const roster = await fetch(`${server.url}/volunteers`, { headers: { cookie: auth.cookie! } });
    expect(roster.status).toBe(200);
    expect(await page("/volunteers/2")).toBe(before);
    // a shift the view declares is what the original accepted for whichever volunteer the URL named
    const ok = await postCommand(server.url, "shiftPicker/confirm", { params: { __state: { volunteerId: "2", choice: "evening" } } }, auth);
    expect(ok.status).toBe(200);
    expect(await page("/volunteers/2")).toContain("Current shift: evening");
  }, 60_000);
});
