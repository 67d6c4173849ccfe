// End to end: the real executable in a subprocess (tsx loader, process.exitCode, real streams).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { validatePlan } from "../../src/plan/schema.ts";
import { makeTree, type Tree } from "../discovery/make-tree.ts";
import { REPO_ROOT, spawnCli } from "./run-cli.ts";
import { BROKEN_SOURCE, COUNTER_VIEW } from "./sources.ts";

let tree: Tree | undefined;
afterEach(() => tree?.remove());

const ANSI = /\x1b\[/;

describe("bin/migrate.js", () => {
  it("--version and a usage error (exit 64, message on stderr, no colours in a pipe)", () => {
    const version = spawnCli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).version);

    const missing = spawnCli(["analyze", "no/such/dir"]);
    expect(missing.code).toBe(64);
    expect(missing.stderr).toBe("error: directory not found: no/such/dir\n");
    expect(missing.stdout).toBe("");
  });

  it("analyze --json: exit 1 when a file fails, a valid plan on stdout, nothing else", () => {
    tree = makeTree({ "src/views/counter.ts": COUNTER_VIEW, "src/broken.ts": BROKEN_SOURCE });
    const run = spawnCli(["analyze", tree.root, "--json", "--no-report"], { env: { FORCE_COLOR: "1" } });
    expect(run.code).toBe(1);
    const result = validatePlan(JSON.parse(run.stdout));
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(run.stderr).not.toMatch(ANSI);
  });

  it("npm start's command on the example app prints the summary and where the HTML report is", () => {
    const app = join(REPO_ROOT, "fixtures/example-app");
    if (!existsSync(app)) return;
    tree = makeTree({ "keep/": "" });
    const reportPath = join(tree.root, "report.html");
    const run = spawnCli(["analyze", "fixtures/example-app", "--report", reportPath], { env: { NO_COLOR: "1" } });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Files \d+ {3}Views \d+/m);
    expect(run.stdout).toContain(`HTML report: ${reportPath}\n`);
    expect(run.stdout).not.toMatch(ANSI);
    const html = readFileSync(reportPath, "utf8");
    // Source lines shown as evidence may mention URLs as text; nothing may be loaded from one.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/|url\((https?:)?\/\//);
  });
});
