// A bad config is rejected with the file and the path of the problem (exit 64); .ts configs load.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.ts";
import { runCli } from "../cli/run-cli.ts";

const dirs: string[] = [];
function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "lvm-config-"));
  dirs.push(dir);
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src/counter.ts"), 'import { createLiveView, html } from "liveviewjs";\nexport const counter = createLiveView({ mount: (s) => { s.assign({ count: 0 }); }, render: (c) => html`${c.count}` });\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("config validation", () => {
  it("rejects a bad class value with file and path, exit 64", async () => {
    const dir = dirWith({ "migrate.config.json": JSON.stringify({ views: { counter: { keys: { count: "client" } } } }) });
    const run = await runCli(["analyze", dir, "--no-report"]);
    expect(run.code).toBe(64);
    expect(run.stderr).toContain('migrate.config.json: views.counter.keys.count: expected "ui" | "form" | "shared", got "client"');
    expect(run.stdout).toBe("");
  });

  it("rejects unknown fields, at the top and inside a view", async () => {
    const outcome = await loadConfig(dirWith({ "migrate.config.json": JSON.stringify({ exlude: ["x"], views: { counter: { key: {} } }, minConfidence: "sure" }) }));
    expect(outcome.ok).toBe(false);
    const messages = outcome.ok ? [] : outcome.problem.messages;
    expect(messages).toContain('migrate.config.json: unknown field "exlude"');
    expect(messages).toContain('migrate.config.json: unknown field "views.counter.key"');
    expect(messages).toContain('migrate.config.json: minConfidence: expected "high" | "medium" | "low", got "sure"');
  });

  it("rejects bad JSON and a wrong type", async () => {
    const bad = await runCli(["analyze", dirWith({ "migrate.config.json": '{ "include": ["src/**"], }' }), "--no-report"]);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/migrate\.config\.json: not valid JSON: /);
    const wrong = await loadConfig(dirWith({ "migrate.config.json": JSON.stringify({ serverOnly: "redis" }) }));
    expect(wrong.ok ? [] : wrong.problem.messages).toEqual(["migrate.config.json: serverOnly: expected array, got string"]);
  });

  it("loads migrate.config.ts (default export) and .js (config export); the hash follows the content", async () => {
    const ts = await loadConfig(dirWith({ "migrate.config.ts": 'const c: { minConfidence: "high" | "medium" | "low" } = { minConfidence: "medium" };\nexport default c;\n' }));
    expect(ts).toMatchObject({ ok: true, config: { file: "migrate.config.ts", config: { minConfidence: "medium" } } });
    const js = await loadConfig(dirWith({ "migrate.config.js": 'export const config = { minConfidence: "medium" };\n' }));
    expect(js).toMatchObject({ ok: true, config: { file: "migrate.config.js", config: { minConfidence: "medium" } } });
    if (ts.ok && js.ok) expect(ts.config!.hash).toBe(js.config!.hash);
    const other = await loadConfig(dirWith({ "migrate.config.json": '{ "minConfidence": "low" }' }));
    if (ts.ok && other.ok) expect(other.config!.hash).not.toBe(ts.config!.hash);
  });

  it("include / exclude from the config narrow what is analyzed", async () => {
    const dir = dirWith({ "migrate.config.json": JSON.stringify({ exclude: ["src/counter.ts"] }), "other.ts": "export const x = 1;\n" });
    const run = await runCli(["analyze", dir, "--json", "--no-report"]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(["other.ts"]);
  });
});
