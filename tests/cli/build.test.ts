// `migrate build` on the sources: the browser bundles of a migrated app's views (not of its child
// components, which are in their parents' bundles) into build/client with a manifest; nothing to
// build is exit 1 with what to do.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, spawnCli } from "./run-cli.ts";

// inside the checkout (tmp/ is ignored), so the components' @liveview-migrate/runtime imports resolve
const copy = join(REPO_ROOT, "tmp", `cli-build-${process.pid}`);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe("migrate build", () => {
  it("bundles each migrated view (child components inside their parent's bundle) and writes the manifest", () => {
    mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
    cpSync(join(REPO_ROOT, "fixtures/apply-cases/live-components/expected"), copy, { recursive: true });
    const run = spawnCli(["build", copy]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^built 1 view into .*build\/client: \d+ files, \d+ bytes\n$/);
    const manifest = JSON.parse(readFileSync(join(copy, "build/client/manifest.json"), "utf8")) as { format: number; entries: Record<string, { file: string; imports: string[] }>; files: string[] };
    expect(manifest.format).toBe(1);
    expect(Object.keys(manifest.entries)).toEqual(["team"]);
    for (const file of manifest.files) expect(existsSync(join(copy, "build/client", file)), file).toBe(true);
    const team = [manifest.entries.team!.file, ...manifest.entries.team!.imports].map((f) => readFileSync(join(copy, "build/client", f), "utf8")).join("\n");
    expect(team).toContain("role-picker"); // the child component's markup is in the parent's bundle
  });

  it("a folder with no migrated view: exit 1, run apply first", () => {
    const run = spawnCli(["build", join(REPO_ROOT, "fixtures/apply-cases/live-components/input")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no migrated views .*run `migrate apply` first/);
  });
});
