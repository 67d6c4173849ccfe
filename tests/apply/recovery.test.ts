// Issue 17: apply recovers from a kill. A killed apply leaves temp files and a journal run still in
// progress; the next apply (or revert) cleans up and goes on without --allow-dirty. A run that changes
// nothing leaves .migrate/ as it is, and .migrate/ stays out of `git status`.

import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyProject } from "../../src/apply/apply-project.ts";
import { PAUSED_LINE } from "../../src/apply/atomic-write.ts";
import { readJournal, revertJournal, writeJournal } from "../../src/apply/journal.ts";
import { removeStaleTemps } from "../../src/apply/stale-temps.ts";
import { BIN, REPO_ROOT, runCli } from "../cli/run-cli.ts";
import { CASES_DIR, PACKAGE_ROOT, planOf, readCase, readTree, removeScratch, scratchRepo, writePlanFile } from "./cases.ts";

const fast = ["--no-type-check", "--no-bundle-check"];
const DOORBELL = join(PACKAGE_ROOT, "fixtures", "apply-real", "doorbell-chat");
const scratch: string[] = [];
afterAll(() => scratch.forEach(removeScratch));

function repo(name: string, from = join(CASES_DIR, name, "input")): string {
  const root = scratchRepo(from, `recovery-${name}`);
  scratch.push(root);
  return root;
}

const inputTree = (name: string) => readTree(join(CASES_DIR, name, "input"));
const expectedTree = (name: string) => readTree(join(CASES_DIR, name, "expected"));
const tempFiles = (root: string) => [...readTree(root).keys()].filter((file) => /\.lvm-\d+-\d+\.tmp$/.test(file));

/** The pid of a process that has ended (and been reaped). */
function deadPid(): number {
  return spawnSync("true").pid!;
}

function gitStatus(root: string): string[] {
  return execFileSync("git", ["status", "--porcelain", "--untracked-files=all"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
}

function commitAll(root: string): void {
  execFileSync("git", ["add", "-A"], { cwd: root });
  execFileSync("git", ["-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qm", "migrated"], { cwd: root });
}

/** Runs `migrate apply` in a child process that stops after `renames` renames, then SIGKILLs it: a real kill at a known point. */
async function killedApply(args: string[], renames: number): Promise<number> {
  const child = spawn(process.execPath, [BIN, "apply", ...args, ...fast], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NO_COLOR: "1", LVM_APPLY_PAUSE_AFTER_RENAMES: String(renames) },
  });
  let stderr = "";
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(PAUSED_LINE)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`apply ended (exit ${code}) before pausing:\n${stderr}`)));
  });
  child.kill("SIGKILL");
  await exited;
  return child.pid!;
}

describe("apply after a kill", () => {
  it("a view killed half-written is put back and redone: tree, patch and revert are as after an uninterrupted run", async () => {
    // doorbell-chat's view file gets `export` on the store its commands import. Renames in path order:
    // chat.commands.ts, chat.component.ts, chat.ts. A rerun that kept the component without the
    // view's edit would take the view as migrated and never add the export.
    const reference = repo("doorbell-chat", DOORBELL);
    expect((await runCli(["apply", reference, ...fast])).code).toBe(0);
    const root = repo("doorbell-chat", DOORBELL);
    const pid = await killedApply([root], 2);
    // the kill state: two files of the view renamed, the third still a temp file, the journal in progress
    expect(existsSync(join(root, "src/views/chat.component.ts"))).toBe(true);
    expect(readFileSync(join(root, "src/views/chat.ts"))).toEqual(readFileSync(join(DOORBELL, "src/views/chat.ts")));
    const stray = tempFiles(root);
    expect(stray).toEqual([expect.stringMatching(new RegExp(`^src/views/\\.chat\\.ts\\.lvm-${pid}-\\d+\\.tmp$`))]);
    expect((await readJournal(root)).runs.at(-1)?.inProgress?.pid).toBe(pid);

    const resumed = await runCli(["apply", root, ...fast]);
    expect(resumed.stderr).not.toMatch(/uncommitted changes/);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`recovered: removed ${stray[0]}`);
    expect(resumed.stderr).toContain(`interrupted (process ${pid})`);
    expect(resumed.stderr).toContain("put back src/views/chat.component.ts");
    expect(readTree(root)).toEqual(readTree(reference));
    expect((await readJournal(root)).runs.every((run) => run.inProgress === undefined)).toBe(true);

    // the patch takes the original to the same tree, as an uninterrupted run's does
    const copy = repo("doorbell-chat-patch", DOORBELL);
    execFileSync("git", ["apply", "--whitespace=nowarn", join(root, ".migrate/migration.patch")], { cwd: copy });
    expect(readTree(copy)).toEqual(readTree(reference));

    expect((await runCli(["revert", root])).code).toBe(0);
    expect(readTree(root)).toEqual(readTree(DOORBELL));
  });

  it("views the killed run finished are kept, and the patch of the resumed run covers them too", async () => {
    const root = repo("shared-roster");
    const planFile = writePlanFile(root, "shared-roster");
    const pid = await killedApply([root, "--plan", planFile], 2);
    const resumed = await runCli(["apply", root, "--plan", planFile, ...fast]);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`interrupted (process ${pid})`);
    expect(resumed.stderr).toContain("kept     src/views/roster.commands.ts");
    expect(resumed.stderr).toContain("kept     src/views/roster.component.ts");
    expect(resumed.stdout).toContain("1 file(s) written");
    expect(readTree(root)).toEqual(expectedTree("shared-roster"));
    const patch = readFileSync(join(root, ".migrate/migration.patch"), "utf8");
    expect(patch.match(/^diff --git a\/\S+/gm)).toEqual([
      "diff --git a/src/views/roster.commands.ts",
      "diff --git a/src/views/roster.component.ts",
      "diff --git a/src/views/routes.migrated.ts",
    ]);
    // both runs are in the journal: revert undoes both
    await revertJournal(root);
    expect(readTree(root)).toEqual(inputTree("shared-roster"));
  });

  it("revert undoes a killed run and removes its temp files, without --force", async () => {
    const root = repo("shared-roster");
    const planFile = writePlanFile(root, "shared-roster");
    await killedApply([root, "--plan", planFile], 1);
    const stray = tempFiles(root);
    expect(stray).toHaveLength(1);
    const reverted = await runCli(["revert", root]);
    expect(reverted.code).toBe(0);
    expect(reverted.stderr).toContain(`recovered: removed ${stray[0]}`);
    expect(readTree(root)).toEqual(inputTree("shared-roster"));
    expect(gitStatus(root)).toEqual([]);
  });

  it("a root inside a repository: the interrupted run's files, named from the root, are not the user's changes", async () => {
    // the case under app/ of the repository; simulate a kill of crlf-bom after two renames
    // (routes.migrated.ts, toggle.component.ts; uploader.ts not yet)
    mkdirSync(join(PACKAGE_ROOT, "tmp"), { recursive: true });
    const holder = mkdtempSync(join(PACKAGE_ROOT, "tmp", "recovery-holder-"));
    mkdirSync(join(holder, "app"));
    cpSync(join(CASES_DIR, "crlf-bom", "input"), join(holder, "app"), { recursive: true });
    const top = scratchRepo(holder, "recovery-subfolder");
    scratch.push(top, holder);
    const root = join(top, "app");
    const plan = planOf(readCase("crlf-bom"));
    expect((await applyProject({ root, plan, typeCheck: false, bundleCheck: false })).problem).toBeUndefined();
    const journal = await readJournal(root);
    const run = journal.runs.at(-1)!;
    const uploader = run.entries.find((e) => e.file === "src/views/uploader.ts")!;
    writeFileSync(join(root, `src/views/.uploader.ts.lvm-${deadPid()}-7.tmp`), readFileSync(join(root, uploader.file)));
    writeFileSync(join(root, uploader.file), readFileSync(join(root, uploader.backup!)));
    run.inProgress = { pid: deadPid(), startedAt: new Date().toISOString() };
    await writeJournal(root, { version: 1, runs: journal.runs });

    const refusedBefore = gitStatus(top).filter((line) => !line.includes(".lvm-"));
    expect(refusedBefore).toEqual(["?? app/src/views/routes.migrated.ts", "?? app/src/views/toggle.component.ts"]);
    const resumed = await applyProject({ root, plan, typeCheck: false, bundleCheck: false });
    expect(resumed.problem).toBeUndefined();
    expect(resumed.recovery?.temps.removed).toEqual([expect.stringMatching(/^src\/views\/\.uploader\.ts\.lvm-\d+-7\.tmp$/)]);
    expect(resumed.recovery?.resumed?.kept.map((c) => c.file)).toEqual(["src/views/routes.migrated.ts", "src/views/toggle.component.ts"]);
    expect(resumed.written).toEqual(["src/views/uploader.ts"]);
    expect(readTree(root)).toEqual(expectedTree("crlf-bom"));
  });

  it("a file changed by hand since the kill still counts as the user's change", async () => {
    const root = repo("client-counter");
    const plan = planOf(readCase("client-counter"));
    await applyProject({ root, plan, typeCheck: false, bundleCheck: false });
    const journal = await readJournal(root);
    journal.runs.at(-1)!.inProgress = { pid: deadPid(), startedAt: new Date().toISOString() };
    await writeJournal(root, journal);
    writeFileSync(join(root, "src/views/counter.component.ts"), "// rewritten by hand\n");
    const refused = await applyProject({ root, plan, typeCheck: false, bundleCheck: false });
    expect(refused.problem?.code).toBe("DIRTY_TREE");
    expect(refused.problem?.files).toEqual(["src/views/counter.component.ts"]);
    expect(readFileSync(join(root, "src/views/counter.component.ts"), "utf8")).toBe("// rewritten by hand\n");
  });

  it("an apply whose journal run belongs to a running process is not resumed: apply and revert refuse", async () => {
    const root = repo("client-counter");
    const plan = planOf(readCase("client-counter"));
    await applyProject({ root, plan, typeCheck: false, bundleCheck: false });
    commitAll(root);
    const journal = await readJournal(root);
    // this test's own process is running, and was already when the run "started"
    journal.runs.at(-1)!.inProgress = { pid: process.pid, startedAt: new Date().toISOString() };
    await writeJournal(root, journal);
    const tree = readTree(root);
    const applied = await applyProject({ root, plan, typeCheck: false, bundleCheck: false });
    expect(applied.problem?.code).toBe("APPLY_RUNNING");
    const reverted = await runCli(["revert", root]);
    expect(reverted.code).toBe(1);
    expect(reverted.stderr).toContain(`an apply (process ${process.pid}) is still writing`);
    expect(readTree(root)).toEqual(tree);
  });
});

describe("stale temp files", () => {
  it("only the tool's temp files of processes that are gone (or whose pid was reused) are removed", async () => {
    const root = repo("client-counter");
    const dead = `src/views/.counter.ts.lvm-${deadPid()}-1.tmp`;
    const live = `src/views/.counter.ts.lvm-${process.pid}-2.tmp`;
    // this process's pid, on a file older than this process: written by an earlier process that had the pid
    const reused = `.migrate/.journal.json.lvm-${process.pid}-3.tmp`;
    const notOurs = ["src/views/.counter.ts.lvm-x-1.tmp", "src/views/counter.ts.lvm-1-1.tmp", `src/views/.counter.ts.lvm-${deadPid()}-1.tmp.bak`, "notes.tmp"];
    mkdirSync(join(root, ".migrate"));
    for (const file of [dead, live, reused, ...notOurs]) writeFileSync(join(root, file), "partial");
    utimesSync(join(root, reused), new Date("2001-01-01"), new Date("2001-01-01"));

    const result = await removeStaleTemps(root);
    expect(result.removed).toEqual([reused, dead].sort());
    expect(result.kept).toEqual([{ file: live, pid: process.pid }]);
    for (const file of [live, ...notOurs]) expect(existsSync(join(root, file)), file).toBe(true);
    for (const file of [dead, reused]) expect(existsSync(join(root, file)), file).toBe(false);
  });

  it("apply removes a killed run's temp file before the dirty check and says so on stderr", async () => {
    const root = repo("client-counter");
    const planFile = writePlanFile(root, "client-counter");
    const stray = `src/views/.counter.ts.lvm-${deadPid()}-4.tmp`;
    writeFileSync(join(root, stray), "half a file");
    expect(gitStatus(root)).toEqual([`?? ${stray}`]);
    const applied = await runCli(["apply", root, "--plan", planFile, ...fast]);
    expect(applied.code).toBe(0);
    expect(applied.stderr).toContain(`recovered: removed ${stray}`);
    expect(readTree(root)).toEqual(expectedTree("client-counter"));
  });

  it("a temp file of a running process is left, and the tree is still dirty", async () => {
    const root = repo("client-counter");
    const planFile = writePlanFile(root, "client-counter");
    const live = `src/views/.counter.ts.lvm-${process.pid}-5.tmp`;
    writeFileSync(join(root, live), "being written");
    const applied = await runCli(["apply", root, "--plan", planFile, ...fast]);
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain(`${live} is a temp file of process ${process.pid}, which is still running`);
    expect(applied.stderr).toMatch(/uncommitted changes/);
    expect(existsSync(join(root, live))).toBe(true);
  });
});

describe(".migrate/", () => {
  /** Every file under .migrate with its bytes and modification time. */
  function snapshot(root: string): Map<string, { bytes: Buffer; mtime: number }> {
    const files = new Map<string, { bytes: Buffer; mtime: number }>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else files.set(path.slice(root.length + 1), { bytes: readFileSync(path), mtime: statSync(path).mtimeMs });
      }
    };
    walk(join(root, ".migrate"));
    return files;
  }

  it("a second apply that changes nothing rewrites nothing in .migrate and keeps the patch", async () => {
    const root = repo("crlf-bom");
    const planFile = writePlanFile(root, "crlf-bom");
    // crlf-bom leaves one marker: exit 2
    expect((await runCli(["apply", root, "--plan", planFile, ...fast])).code).toBe(2);
    commitAll(root);
    const before = snapshot(root);
    expect(before.get(".migrate/migration.patch")?.bytes.length).toBeGreaterThan(0);
    const again = await runCli(["apply", root, "--plan", planFile, ...fast]);
    expect(again.code).toBe(2);
    expect(again.stdout).toContain("0 file(s) written");
    expect(again.stdout).toContain("No file changed: the patch and the report were not rewritten.");
    expect(snapshot(root)).toEqual(before);
  });

  it("carries a .gitignore: after apply, git status shows the migrated sources and nothing of .migrate", async () => {
    const root = repo("client-counter");
    const planFile = writePlanFile(root, "client-counter");
    expect((await runCli(["apply", root, "--plan", planFile, ...fast])).code).toBe(0);
    for (const file of ["journal.json", "migration.patch", "apply-report.html"]) expect(existsSync(join(root, ".migrate", file)), file).toBe(true);
    expect(gitStatus(root)).toEqual(["?? src/views/counter.component.ts", "?? src/views/routes.migrated.ts"]);
  });

  it("analyze's default report creates .migrate with the same .gitignore", async () => {
    const root = repo("client-counter");
    expect((await runCli(["analyze", root])).code).toBe(0);
    expect(existsSync(join(root, ".migrate/report.html"))).toBe(true);
    expect(gitStatus(root)).toEqual([]);
  });

  it("revert on a folder apply never ran on creates no journal", async () => {
    const root = repo("client-counter");
    const reverted = await runCli(["revert", root]);
    expect(reverted.stdout).toBe("Nothing to revert.\n");
    expect(existsSync(join(root, ".migrate"))).toBe(false);
  });
});
