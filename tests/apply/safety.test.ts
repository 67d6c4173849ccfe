// Safety of apply: dirty-tree refusal, --plan refusing changed files, all-or-nothing writes under an
// injected failure, revert, and a patch that `git apply` accepts.

import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyProject } from "../../src/apply/apply-project.ts";
import { decode, encode } from "../../src/apply/file-text.ts";
import { sha256 } from "../../src/apply/hash.ts";
import { readJournal, revertJournal } from "../../src/apply/journal.ts";
import { CASES_DIR, planOf, readCase, readTree, removeScratch, scratchRepo } from "./cases.ts";

const fast = { typeCheck: false, bundleCheck: false } as const;
const scratch: string[] = [];
afterAll(() => scratch.forEach(removeScratch));

function repo(name: string, git = true): string {
  const dir = scratchRepo(join(CASES_DIR, name, "input"), name, git);
  scratch.push(dir);
  return dir;
}

const expectedTree = (name: string) => readTree(join(CASES_DIR, name, "expected"));
const inputTree = (name: string) => readTree(join(CASES_DIR, name, "input"));

describe("apply safety", () => {
  it("refuses a dirty work tree and writes nothing; --allow-dirty proceeds", async () => {
    const root = repo("client-counter");
    appendFileSync(join(root, "src/views/counter.ts"), "// local edit\n");
    const before = readTree(root);
    const refused = await applyProject({ root, plan: planOf(readCase("client-counter")), ...fast });
    expect(refused.problem?.code).toBe("DIRTY_TREE");
    expect(refused.problem?.files).toEqual(["src/views/counter.ts"]);
    expect(readTree(root)).toEqual(before);
    expect(existsSync(join(root, ".migrate"))).toBe(false);
    const allowed = await applyProject({ root, plan: planOf(readCase("client-counter")), allowDirty: true, ...fast });
    expect(allowed.problem).toBeUndefined();
    // the component, and the routes file listing it (the case has no router)
    expect(allowed.written).toEqual(["src/views/counter.component.ts", "src/views/routes.migrated.ts"]);
  });

  it("proceeds outside git with a warning", async () => {
    const root = repo("client-counter", false);
    const result = await applyProject({ root, plan: planOf(readCase("client-counter")), ...fast });
    expect(result.problem).toBeUndefined();
    expect(result.warnings.join("\n")).toMatch(/not a git repository/);
  });

  it("--plan refuses a file whose bytes changed since the plan was made", async () => {
    const root = repo("client-counter");
    const files = [{ path: "src/views/counter.ts", hash: sha256(readFileSync(join(root, "src/views/counter.ts"))), size: 0, status: "ok" as const, views: [] }];
    const plan = { ...planOf(readCase("client-counter")), files };
    // unchanged: accepted (dry run, nothing written)
    expect((await applyProject({ root, plan, fromPlanFile: true, dryRun: true, ...fast })).problem).toBeUndefined();
    writeFileSync(join(root, "src/views/counter.ts"), readFileSync(join(root, "src/views/counter.ts"), "utf8").replace("9999", "999"));
    execFileSync("git", ["-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qam", "edit"], { cwd: root });
    const refused = await applyProject({ root, plan, fromPlanFile: true, ...fast });
    expect(refused.problem?.code).toBe("CHANGED_SINCE_PLAN");
    expect(refused.problem?.files).toEqual(["src/views/counter.ts"]);
    expect(existsSync(join(root, "src/views/counter.component.ts"))).toBe(false);
  });

  it("a failure in the middle of a view's files leaves every file as it was", async () => {
    const root = repo("shared-roster");
    // component and commands are one unit: fail after the first of its two renames
    const result = await applyProject({ root, plan: planOf(readCase("shared-roster")), injection: { failAfterRenames: 1 }, ...fast });
    expect(result.problem?.code).toBe("WRITE_FAILED");
    expect(readTree(root)).toEqual(inputTree("shared-roster"));
    expect((await readJournal(root)).runs.flatMap((r) => r.entries)).toEqual([]);
  });

  it("a failure between views leaves each file old or new, and the journal names exactly the new ones", async () => {
    const root = repo("crlf-bom");
    const result = await applyProject({ root, plan: planOf(readCase("crlf-bom")), injection: { failAfterRenames: 1 }, ...fast });
    expect(result.problem?.code).toBe("WRITE_FAILED");
    const actual = readTree(root);
    const before = inputTree("crlf-bom");
    const after = expectedTree("crlf-bom");
    const newOnes: string[] = [];
    for (const file of new Set([...before.keys(), ...after.keys()])) {
      const bytes = actual.get(file);
      const isOld = bytes === undefined ? !before.has(file) : before.get(file)?.equals(bytes) === true;
      const isNew = bytes === undefined ? !after.has(file) : after.get(file)?.equals(bytes) === true;
      expect(isOld || isNew, file).toBe(true);
      if (!isOld) newOnes.push(file);
    }
    // files are renamed into place in path order: the routes file (no router in the case) came first
    expect(newOnes).toEqual(["src/views/routes.migrated.ts"]);
    expect((await readJournal(root)).runs.flatMap((r) => r.entries.map((e) => e.file))).toEqual(newOnes);
    // no temp files left behind
    expect([...actual.keys()].filter((f) => f.includes(".lvm-"))).toEqual([]);
  });

  it("revert restores what apply changed and removes what it created", async () => {
    const root = repo("crlf-bom");
    await applyProject({ root, plan: planOf(readCase("crlf-bom")), ...fast });
    expect(readTree(root)).toEqual(expectedTree("crlf-bom"));
    const reverted = await revertJournal(root);
    expect(reverted).toEqual({ restored: ["src/views/uploader.ts"], removed: ["src/views/routes.migrated.ts", "src/views/toggle.component.ts"], conflicts: [], staleTemps: [] });
    expect(readTree(root)).toEqual(inputTree("crlf-bom"));
  });

  it("revert leaves a file edited since apply and reports it", async () => {
    const root = repo("impossible");
    await applyProject({ root, plan: planOf(readCase("impossible")), ...fast });
    appendFileSync(join(root, "src/views/ticker.ts"), "// edited by hand\n");
    const reverted = await revertJournal(root);
    expect(reverted.conflicts.map((c) => c.file)).toEqual(["src/views/ticker.ts"]);
    expect(decode(readFileSync(join(root, "src/views/ticker.ts")))).toMatch(/edited by hand/);
    expect((await revertJournal(root, { force: true })).restored).toEqual(["src/views/ticker.ts"]);
    expect(readTree(root)).toEqual(inputTree("impossible"));
  });

  it.each(["shared-roster", "crlf-bom", "impossible"])("the patch of %s is accepted by git apply and gives the expected tree", async (name) => {
    const root = repo(name);
    const result = await applyProject({ root, plan: planOf(readCase(name)), dryRun: true, ...fast });
    expect(readTree(root)).toEqual(inputTree(name));
    writeFileSync(join(root, "..", `${name}-${process.pid}.patch`), encode(result.patch));
    const patchFile = join(root, "..", `${name}-${process.pid}.patch`);
    execFileSync("git", ["apply", "--check", "--whitespace=nowarn", patchFile], { cwd: root });
    execFileSync("git", ["apply", "--whitespace=nowarn", patchFile], { cwd: root });
    expect(readTree(root)).toEqual(expectedTree(name));
  });
});
