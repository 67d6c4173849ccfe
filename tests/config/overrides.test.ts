// Every override form changes the outcome, through the CLI: config key class, event placement,
// serverOnly, clientSafe, ignore, and an inline annotation; a contradictory override warns.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.ts";
import type { Plan } from "../../src/plan/types.ts";

const FIXTURE = new URL("../../fixtures/override-cases/", import.meta.url).pathname;
const dirs: string[] = [];

function project(config?: unknown, edit?: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "lvm-override-"));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, "migrate.config.json"), typeof config === "string" ? config : JSON.stringify(config, null, 2));
  edit?.(dir);
  return dir;
}

async function analyze(dir: string): Promise<{ code: number; plan: Plan; stderr: string }> {
  const run = await runCli(["analyze", dir, "--json", "--no-report", "--no-progress"]);
  return { code: run.code, plan: run.code === 64 ? (undefined as never) : (JSON.parse(run.stdout) as Plan), stderr: run.stderr };
}

const view = (plan: Plan, name: string) => plan.views.find((v) => v.name === name)!;
const key = (plan: Plan, name: string, k: string) => view(plan, name).state.find((s) => s.key === k)!;
const event = (plan: Plan, name: string, e: string) => view(plan, name).events.find((x) => x.name === e)!;

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("config overrides", () => {
  it("analyzes the fixture as expected without a config", async () => {
    const { plan } = await analyze(project());
    expect(plan.configHash).toBeNull();
    expect(key(plan, "notesLiveView", "notes").class).toBe("shared");
    expect(key(plan, "notesLiveView", "open").class).toBe("ui");
    expect(event(plan, "notesLiveView", "toggle").placement).toBe("client");
    expect(key(plan, "clockLiveView", "now").class).toBe("shared");
    expect(key(plan, "counterLiveView", "count").class).toBe("ui");
    expect(view(plan, "counterLiveView").migration.status).toBe("pending");
  }, 30_000);

  it("forces a key's class (by view name), re-places the events that write it, and records it in the plan", async () => {
    const { code, plan } = await analyze(project({ views: { notesLiveView: { keys: { open: "shared" } } } }));
    expect(code).toBe(0);
    const open = key(plan, "notesLiveView", "open");
    expect(open.class).toBe("shared");
    expect(open.reasons[0]!.code).toBe("USER_OVERRIDE");
    expect(open.override).toMatchObject({ from: "migrate.config.json:views.notesLiveView.keys.open", kind: "config", analyzed: "ui" });
    expect(open.override!.warning).toBeUndefined(); // stricter than the analysis: no contradiction
    // toggle wrote only ui key open; now it writes a shared key and has no ui part: a server command.
    expect(event(plan, "notesLiveView", "toggle").placement).toBe("server");
    expect(plan.configHash).toMatch(/^[0-9a-f]{64}$/);
  }, 30_000);

  it("applies a contradictory override (ui on a key read from the store) and warns with the evidence", async () => {
    const { plan } = await analyze(project({ views: { "src/views/notes.ts#notesLiveView": { keys: { notes: "ui" } } } }));
    const notes = key(plan, "notesLiveView", "notes");
    expect(notes.class).toBe("ui");
    expect(notes.override!.analyzed).toBe("shared");
    expect(notes.override!.warning).toMatch(/forced ui, but the analysis found shared/);
    expect(notes.override!.warning).toMatch(/NoteRepo\.list/);
  }, 30_000);

  it("forces an event placement", async () => {
    const { plan } = await analyze(project({ views: { counterLiveView: { events: { increment: "server" } } } }));
    const inc = event(plan, "counterLiveView", "increment");
    expect(inc.placement).toBe("server");
    expect(inc.override).toEqual({ from: "migrate.config.json:views.counterLiveView.events.increment", kind: "config", analyzed: "client" });
    expect(inc.reasons[0]!.code).toBe("USER_OVERRIDE");
  }, 30_000);

  it("ignores a view", async () => {
    const { plan } = await analyze(project({ views: { counterLiveView: { ignore: true } } }));
    expect(view(plan, "counterLiveView").migration).toEqual({ status: "ignored", reason: "ignored by migrate.config.json:views.counterLiveView.ignore" });
    expect(plan.summary.progress.ignored).toBe(1);
  }, 30_000);

  it("clientSafe makes a module's functions pure; serverOnly makes them server I/O", async () => {
    const safe = await analyze(project({ clientSafe: ["src/services/clock-source.ts"] }));
    expect(key(safe.plan, "clockLiveView", "now").class).toBe("ui");
    const server = await analyze(
      project({ serverOnly: ["src/views/helpers/**"] }, (dir) => {
        // A helper with no effects of its own: ui by default, shared once its folder is serverOnly.
        mkdirSync(join(dir, "src/views/helpers"), { recursive: true });
        writeFileSync(join(dir, "src/views/helpers/label.ts"), "export function label(n: number) {\n  return `#${n}`;\n}\n");
        const counter = join(dir, "src/views/counter.ts");
        writeFileSync(counter, readFileSync(counter, "utf8").replace('import { createLiveView, html } from "liveviewjs";', 'import { createLiveView, html } from "liveviewjs";\nimport { label } from "./helpers/label.ts";').replace("socket.assign({ count: 0 });", "socket.assign({ count: 0, title: label(1) });"));
      }),
    );
    const title = key(server.plan, "counterLiveView", "title");
    expect(title.class).toBe("shared");
    expect(JSON.stringify(title.reasons)).toMatch(/serverOnly/);
  }, 30_000);

  it("serverOnly and clientSafe also take package names (and override the built-in package lists)", async () => {
    const withImports = (dir: string) => {
      const counter = join(dir, "src/views/counter.ts");
      writeFileSync(
        counter,
        readFileSync(counter, "utf8")
          .replace('import { createLiveView, html } from "liveviewjs";', 'import { createLiveView, html } from "liveviewjs";\nimport slugify from "slugify";\nimport leftPad from "left-pad";')
          .replace("socket.assign({ count: 0 });", 'socket.assign({ count: 0, slug: slugify("a b"), padded: leftPad("1", 3) });'),
      );
    };
    // Without a config: slugify is a known pure package (ui), left-pad is unknown (shared, low confidence).
    const before = await analyze(project(undefined, withImports));
    expect(key(before.plan, "counterLiveView", "slug").class).toBe("ui");
    expect(key(before.plan, "counterLiveView", "padded").class).toBe("shared");
    const after = await analyze(project({ serverOnly: ["slugify"], clientSafe: ["left-pad"] }, withImports));
    expect(key(after.plan, "counterLiveView", "slug").class).toBe("shared");
    expect(key(after.plan, "counterLiveView", "padded").class).toBe("ui");
  }, 30_000);

  it("an inline annotation through the CLI", async () => {
    const { plan } = await analyze(
      project(undefined, (dir) => {
        const counter = join(dir, "src/views/counter.ts");
        writeFileSync(counter, readFileSync(counter, "utf8").replace("    socket.assign({ count: 0 });", "    // @migrate shared\n    socket.assign({ count: 0 });"));
      }),
    );
    const count = key(plan, "counterLiveView", "count");
    expect(count.class).toBe("shared");
    expect(count.override!.kind).toBe("annotation");
  }, 30_000);

  it("lists overrides and contradicted ones in the terminal summary", async () => {
    const run = await runCli(["analyze", project({ views: { notesLiveView: { keys: { notes: "ui" } } } }), "--no-report"]);
    expect(run.stdout).toContain("Overrides 1 key · 0 events · 1 contradicted by evidence");
    expect(run.stdout).toContain("src/views/notes.ts#notesLiveView notes: ui (config migrate.config.json:views.notesLiveView.keys.notes; analysis said shared)");
    expect(run.stdout).toMatch(/warning: src\/views\/notes\.ts#notesLiveView notes: forced ui, but the analysis found shared/);
  }, 30_000);

  it("warns (does not fail) on view and key names the analysis did not find", async () => {
    const { code, plan } = await analyze(project({ views: { nope: { keys: { a: "ui" } }, counterLiveView: { keys: { cont: "ui" } } } }));
    expect(code).toBe(0);
    const codes = plan.errors.filter((e) => e.file === "migrate.config.json").map((e) => `${e.code} ${e.message}`);
    expect(codes).toContain("CONFIG_UNKNOWN_VIEW views.nope: no view with this id or name was found");
    expect(codes.join("\n")).toMatch(/CONFIG_UNKNOWN_KEY views\.counterLiveView\.keys\.cont: .*keys: count/);
  }, 30_000);
});
