// `migrate analyze` through main() in this process (fast), with the real analyzer.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { validatePlan } from "../../src/plan/schema.ts";
import type { Plan } from "../../src/plan/types.ts";
import { makeTree, type Tree } from "../discovery/make-tree.ts";
import { runCli } from "./run-cli.ts";
import { BROKEN_SOURCE, COUNTER_VIEW, DYNAMIC_KEYS_VIEW } from "./sources.ts";
import { readReport } from "../reports/read-report.ts";

let tree: Tree | undefined;
afterEach(() => tree?.remove());

const ANSI = /\x1b\[/;

function badInputProject(): Tree {
  return makeTree(
    {
      "src/views/counter.ts": COUNTER_VIEW,
      "src/views/filters.ts": DYNAMIC_KEYS_VIEW,
      "src/broken.ts": BROKEN_SOURCE,
      "src/blob.js": new Uint8Array([0x2f, 0x2f, 0x00, 0xff, 0x10]),
      "src/legacy.js": Buffer.from("// caf\xe9\nexport const x = 1;\n", "latin1"),
      "src/generated/bundle.js": `export const data = ${JSON.stringify("x".repeat(4000))};\n`,
    },
    { "src/loop": "..", "src/gone.ts": "missing.ts" },
  );
}

describe("migrate analyze", () => {
  it("prints the summary and where the report is, writes the report, exit 0 on a clean project", async () => {
    tree = makeTree({ "src/views/counter.ts": COUNTER_VIEW });
    const run = await runCli(["analyze", "."], { cwd: tree.root });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^View\s+kind\s+ui/);
    expect(run.stdout).toMatch(/src\/views\/counter\.ts#counterLiveView\s+view/);
    expect(run.stdout).toContain("HTML report: .migrate/report.html\n");
    const html = readFileSync(join(tree.root, ".migrate/report.html"), "utf8");
    const { data, details } = readReport(html);
    expect(data.views.map((v) => v.id)).toEqual(["src/views/counter.ts#counterLiveView"]);
    // Evidence lines come from the source file.
    expect(Object.values(details[0]!.lines)).toContain("socket.assign({ count: socket.context.count + 1 });");
  });

  it("reports every bad input with file and code, counts them, keeps going, exit 1", async () => {
    tree = badInputProject();
    const run = await runCli(["analyze", ".", "--json", "--no-report", "--max-file-size", "2k"], { cwd: tree.root });
    expect(run.code).toBe(1);
    const plan = JSON.parse(run.stdout) as Plan;
    const codes = plan.errors.map((error) => `${error.file} ${error.code}`);
    expect(codes).toEqual([
      "src/blob.js BINARY",
      "src/broken.ts PARSE_ERROR",
      "src/generated/bundle.js TOO_LARGE",
      "src/gone.ts UNREADABLE",
      "src/legacy.js NOT_UTF8",
      "src/loop SYMLINK_LOOP",
      "src/views/filters.ts DYNAMIC_KEYS",
    ]);
    expect(plan.summary.errors).toBe(plan.errors.length);
    // The good file was still analyzed.
    expect(plan.views.map((view) => view.id)).toContain("src/views/counter.ts#counterLiveView");
    const status = Object.fromEntries(plan.files.map((file) => [file.path, file.status]));
    expect(status).toEqual({
      "src/blob.js": "error",
      "src/broken.ts": "error",
      "src/generated/bundle.js": "error",
      "src/legacy.js": "error",
      "src/views/counter.ts": "ok",
      // Dynamic keys: analyzed, with a marker; reported but not a failed file.
      "src/views/filters.ts": "ok",
    });
  });

  it("exit 0 when the only problem is a view with dynamic keys (analyzed, marked, counted)", async () => {
    tree = makeTree({ "src/views/filters.ts": DYNAMIC_KEYS_VIEW });
    const run = await runCli(["analyze", ".", "--no-report"], { cwd: tree.root });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Errors \(1\)\n {2}src\/views\/filters\.ts {2}DYNAMIC_KEYS/);
  });

  it("--json output validates against the plan schema and holds the issue's required shape", async () => {
    tree = makeTree({ "src/views/counter.ts": COUNTER_VIEW, "src/broken.ts": BROKEN_SOURCE });
    const run = await runCli(["analyze", ".", "--json", "--no-report"], { cwd: tree.root });
    const result = validatePlan(JSON.parse(run.stdout));
    expect(result.ok ? [] : result.issues).toEqual([]);
    const plan = JSON.parse(run.stdout);
    expect(plan.schemaVersion).toBe(1);
    const view = plan.views.find((v: { name: string }) => v.name === "counterLiveView");
    expect(view).toMatchObject({ file: "src/views/counter.ts", name: "counterLiveView", kind: "view" });
    for (const key of view.state) {
      expect(key).toMatchObject({ key: expect.any(String), class: expect.stringMatching(/^(ui|form|shared)$/), confidence: expect.stringMatching(/^(high|medium|low)$/) });
      for (const reason of key.reasons) expect(reason).toMatchObject({ code: expect.any(String), message: expect.any(String), at: expect.stringMatching(/^src\/views\/counter\.ts:\d+$/) });
    }
    expect(view.events.map((event: { name: string }) => event.name)).toEqual(["decrement", "increment"]);
    for (const event of view.events) expect(["client", "server", "split"]).toContain(event.placement);
    expect(plan.errors).toEqual([{ file: "src/broken.ts", code: "PARSE_ERROR", message: expect.any(String) }]);
  });

  it("--json on the example app validates against the schema (every field the analyzer emits is documented)", async () => {
    const app = new URL("../../fixtures/example-app", import.meta.url).pathname;
    if (!existsSync(app)) return;
    const run = await runCli(["analyze", app, "--json", "--no-report"]);
    expect(run.code).toBe(0);
    const result = validatePlan(JSON.parse(run.stdout));
    expect(result.ok ? [] : result.issues.slice(0, 10)).toEqual([]);
  });

  it("--out writes the same document --json prints; --report writes where asked", async () => {
    tree = makeTree({ "app/src/views/counter.ts": COUNTER_VIEW });
    const run = await runCli(["analyze", "app", "--json", "--out", "out/plan.json", "--report", "out/r.html"], { cwd: tree.root });
    expect(run.code).toBe(0);
    expect(readFileSync(join(tree.root, "out/plan.json"), "utf8")).toBe(run.stdout);
    expect(run.stderr).toBe("Plan: out/plan.json\nHTML report: out/r.html\n");
    // links open the file at the line in an editor (absolute path), wherever the report is written
    const { data } = readReport(readFileSync(join(tree.root, "out/r.html"), "utf8"));
    expect(data.links[data.files.indexOf("src/views/counter.ts")]).toBe(`vscode://file${tree.root}/app/src/views/counter.ts:{line}`);
    // --editor-link wins over the default (and over the config's report.editorLink)
    writeFileSync(join(tree.root, "app/migrate.config.json"), JSON.stringify({ report: { editorLink: "idea://open?file={file}&line={line}" } }));
    await runCli(["analyze", "app", "--report", "out/config.html"], { cwd: tree.root });
    await runCli(["analyze", "app", "--report", "out/flag.html", "--editor-link", "file://{file}#L{line}"], { cwd: tree.root });
    const link = (name: string) => readReport(readFileSync(join(tree!.root, "out", name), "utf8")).data.links[0];
    expect(link("config.html")).toBe(`idea://open?file=${tree.root}/app/src/views/counter.ts&line={line}`);
    expect(link("flag.html")).toBe(`file://${tree.root}/app/src/views/counter.ts#L{line}`);
  });

  it("plan paths are relative to <dir>, whatever the working directory", async () => {
    tree = makeTree({ "app/src/views/counter.ts": COUNTER_VIEW });
    const fromInside = await runCli(["analyze", ".", "--json", "--no-report"], { cwd: join(tree.root, "app") });
    const fromOutside = await runCli(["analyze", join(tree.root, "app"), "--json", "--no-report"], { cwd: "/" });
    expect(fromInside.stdout).toBe(fromOutside.stdout);
    expect(JSON.parse(fromInside.stdout).files.map((file: { path: string }) => file.path)).toEqual(["src/views/counter.ts"]);
  });

  it("honours --include and --exclude", async () => {
    tree = makeTree({ "src/views/counter.ts": COUNTER_VIEW, "src/views/filters.ts": DYNAMIC_KEYS_VIEW, "src/broken.ts": BROKEN_SOURCE });
    const run = await runCli(["analyze", ".", "--json", "--no-report", "--include", "src/views/**", "--exclude", "filters.ts"], { cwd: tree.root });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).files.map((file: { path: string }) => file.path)).toEqual(["src/views/counter.ts"]);
  });

  it("no ANSI codes when not a TTY or with NO_COLOR; colours on a TTY", async () => {
    tree = makeTree({ "src/views/counter.ts": COUNTER_VIEW, "src/broken.ts": BROKEN_SOURCE });
    const notTty = await runCli(["analyze", ".", "--no-report"], { cwd: tree.root, tty: false });
    const noColor = await runCli(["analyze", ".", "--no-report"], { cwd: tree.root, tty: true, env: { NO_COLOR: "1" } });
    const usage = await runCli(["analyze", "missing"], { cwd: tree.root, tty: true, env: { NO_COLOR: "1" } });
    for (const run of [notTty, noColor, usage]) {
      expect(run.stdout).not.toMatch(ANSI);
      expect(run.stderr).not.toMatch(ANSI);
    }
    const tty = await runCli(["analyze", ".", "--no-report", "--no-progress"], { cwd: tree.root, tty: true });
    expect(tty.stdout).toMatch(ANSI);
    expect(tty.stdout.replace(/\x1b\[[0-9;]*m/g, "")).toBe(notTty.stdout);
  });
});
