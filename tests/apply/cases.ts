// Runs a golden case of fixtures/apply-cases: copies input/ to a scratch git repo under tmp/ (inside
// the package, so generated `@liveview-migrate/runtime` imports resolve as they would in the repo),
// applies the case's hand-written plan, and reads the resulting tree.

import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { FunctionEffects } from "../../src/plan/types.ts";
import { applyProject, type ApplyOptions, type ApplyResult } from "../../src/apply/apply-project.ts";
import { sha256 } from "../../src/apply/hash.ts";
import { handPlan, type HandView } from "./hand-plans.ts";

export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CASES_DIR = join(PACKAGE_ROOT, "fixtures", "apply-cases");
const SCRATCH = join(PACKAGE_ROOT, "tmp", "apply-tests");

export interface CaseSpec {
  about: string;
  views: HandView[];
  functions?: FunctionEffects[];
}

export function readCase(name: string): CaseSpec {
  return JSON.parse(readFileSync(join(CASES_DIR, name, "case.json"), "utf8")) as CaseSpec;
}

export function planOf(spec: CaseSpec) {
  return { views: spec.views.map(handPlan), functions: spec.functions ?? [] };
}

let scratchCounter = 0;

/** A fresh copy of a case's input (or any folder) as a committed git repo. */
export function scratchRepo(from: string, label: string, git = true): string {
  // outside git: a folder no repository contains (the package's tmp/ is inside this repo)
  const dir = git ? join(SCRATCH, `${label}-${process.pid}-${++scratchCounter}`) : join(tmpdir(), `lvm-apply-${label}-${process.pid}-${++scratchCounter}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(from, dir, { recursive: true });
  if (git) {
    const run = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
    run("init", "-q", ".");
    run("add", "-A");
    run("-c", "user.email=t@example.invalid", "-c", "user.name=test", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "input");
  }
  return dir;
}

/** A plan file (beside the scratch copy) for `--plan`: the case's hand plan with the files' hashes, as `analyze --out` writes them. */
export function writePlanFile(root: string, name: string): string {
  const plan = planOf(readCase(name));
  const files = [...new Set(plan.views.map((v) => v.file))].map((path) => ({ path, hash: sha256(readFileSync(join(root, path))), size: 0, status: "ok", views: [] }));
  const planFile = `${root}-plan.json`;
  writeFileSync(planFile, JSON.stringify({ ...plan, files }));
  return planFile;
}

export async function applyCase(name: string, options: Partial<ApplyOptions> = {}): Promise<{ root: string; result: ApplyResult }> {
  const root = options.root ?? scratchRepo(join(CASES_DIR, name, "input"), name);
  const result = await applyProject({ root, plan: planOf(readCase(name)), ...options });
  return { root, result };
}

/** Every file under dir (POSIX relative path → bytes), minus .git and the tool's .migrate folder. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current).sort()) {
      if (entry === ".git" || entry === ".migrate" || entry === "node_modules") continue;
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path).split("\\").join("/"), readFileSync(path));
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-plan.json`, { force: true });
}
