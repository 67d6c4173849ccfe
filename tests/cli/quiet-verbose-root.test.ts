// Issue 16: --quiet and --verbose on every command, and every command that takes a folder finds the
// project from the current folder when none is given (config, package.json, .git, else the folder).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { CliIo } from "../../src/cli/io.ts";

const FIXTURE = resolve(import.meta.dirname, "../../fixtures/example-app");
mkdirSync(resolve(import.meta.dirname, "../../tmp"), { recursive: true });
const scratch = mkdtempSync(join(resolve(import.meta.dirname, "../../tmp"), "cli-quiet-"));
const plainDirs: string[] = [];
afterAll(() => [scratch, ...plainDirs].forEach((d) => rmSync(d, { recursive: true, force: true })));

async function run(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "migrate", ...args], (setExitCode) => ({
    stdout: { write: (t: string) => ((stdout += t), true) },
    stderr: { write: (t: string) => ((stderr += t), true) },
    env: { NO_COLOR: "1" },
    cwd,
    setExitCode,
  }) as CliIo);
  return { code, stdout, stderr };
}

describe("--quiet and --verbose", () => {
  it("quiet prints nothing on success and keeps what was asked for; verbose adds apply's notes", async () => {
    const app = join(scratch, "app");
    cpSync(FIXTURE, app, { recursive: true });
    const quiet = await run(scratch, "analyze", "app", "--quiet", "--no-report");
    expect(quiet).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const json = await run(scratch, "-q", "analyze", "app", "--json", "--no-report");
    expect(JSON.parse(json.stdout).views.length).toBeGreaterThan(10);

    const applied = await run(scratch, "apply", "app", "--allow-dirty", "--no-report", "--verbose", "--only", "activityFeedView");
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/migrated\s+src\/views\/activityFeed\.ts#activityFeedView/);
    // the notes say where each part went
    expect(applied.stdout).toMatch(/^\s{11}shared key entries: loaded by command load_entries$/m);
    expect(applied.stdout).toMatch(/^\s{11}split event post: /m);
    const normal = await run(scratch, "revert", "app");
    expect(normal.stdout).toContain("restored");
    const again = await run(scratch, "apply", "app", "--allow-dirty", "--no-report", "-q", "--only", "activityFeedView");
    expect(again).toMatchObject({ code: 0, stdout: "" });
  }, 180_000);

  it("both at once is a usage error", async () => {
    const both = await run(scratch, "check", ".", "--quiet", "--verbose");
    expect(both.code).toBe(64);
    expect(both.stderr).toContain("--quiet and --verbose cannot be used together");
  });
});

describe("the folder a command works on when none is given", () => {
  it("is the project the current folder is in; in a plain folder, the current folder", async () => {
    const project = join(scratch, "project");
    mkdirSync(join(project, "src", "views", "deep"), { recursive: true });
    writeFileSync(join(project, "package.json"), "{}");
    cpSync(join(FIXTURE, "src", "views", "counter.ts"), join(project, "src", "views", "counter.ts"));
    // run from a folder inside the project: the plan's paths are the project's
    const inside = await run(join(project, "src", "views", "deep"), "analyze", "--json", "--no-report");
    expect(inside.code).toBe(0);
    expect(JSON.parse(inside.stdout).views.map((v: { id: string }) => v.id)).toEqual(["src/views/counter.ts#counterLiveView"]);

    // outside this repository (tmp/ is inside it: its package.json would be the project)
    const plain = mkdtempSync(join(tmpdir(), "lvm-plain-"));
    plainDirs.push(plain);
    cpSync(join(FIXTURE, "src", "views", "counter.ts"), join(plain, "counter.ts"));
    const here = await run(plain, "analyze", "--json", "--no-report");
    expect(JSON.parse(here.stdout).views.map((v: { id: string }) => v.id)).toEqual(["counter.ts#counterLiveView"]);
    // check, from the same folder: nothing applied there yet
    const check = await run(plain, "check");
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("nothing to check in .:");
  }, 120_000);
});
