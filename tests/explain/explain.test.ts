// `migrate explain`: a key whose class comes from a call two modules away (view → service → repo
// with a module-level Map) shows the whole chain and the deciding rule; unknown names list the valid ones.
import { describe, expect, it } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "../cli/run-cli.ts";
import type { Explanation } from "../../src/explain/explain.ts";
import { parseExplainTarget } from "../../src/explain/target.ts";

const FIXTURE = fileURLToPath(new URL("../../fixtures/override-cases/", import.meta.url));

describe("migrate explain", () => {
  it("prints the chain of calls across modules behind a shared key (root found from package.json)", async () => {
    const run = await runCli(["explain", "src/views/notes.ts:notesLiveView:notes"], { cwd: FIXTURE });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("notes: shared (confidence high)");
    expect(run.stdout).toContain("decided by EFFECTFUL_CALL at src/views/notes.ts:6");
    expect(run.stdout).toContain("rule: The value comes from a function that does I/O");
    expect(run.stdout).toContain("mount at src/views/notes.ts:6: listNotes()");
    expect(run.stdout).toContain("listNotes() → src/services/notes.ts#listNotes → src/repo/note-repo.ts#NoteRepo.list → reads module state rows (Map) → shared");
    // One key asked for: the others are not shown.
    expect(run.stdout).not.toContain("open:");
  }, 30_000);

  it("in a plain folder (no package.json, config or .git: a Deno app) works from the current directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lvm-explain-plain-"));
    try {
      mkdirSync(join(dir, "src"));
      cpSync(fileURLToPath(new URL("../../fixtures/example-app/src/views/counter.ts", import.meta.url)), join(dir, "src", "counter.ts"));
      const run = await runCli(["explain", "src/counter.ts:counterLiveView:count"], { cwd: dir });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^src\/counter\.ts#counterLiveView \(view, pending\)/);
      expect(run.stdout).toContain("count: ui (confidence high)");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it("--json carries the same evidence, and every key of the view when no key is given", async () => {
    const run = await runCli(["explain", "src/views/notes.ts:notesLiveView", "--json", "--root", "."], { cwd: FIXTURE });
    expect(run.code).toBe(0);
    const explanation = JSON.parse(run.stdout) as Explanation;
    const keys = explanation.views[0]!.keys;
    expect(keys.map((k) => `${k.key}:${k.class}`)).toEqual(["draft:ui", "notes:shared", "open:ui"]);
    const notes = keys.find((k) => k.key === "notes")!;
    expect(notes.decidedBy.code).toBe("EFFECTFUL_CALL");
    const call = notes.writes[0]!.calls[0]!;
    expect(call).toMatchObject({ callee: "listNotes", target: "src/services/notes.ts#listNotes" });
    expect(call.chains[0]!.steps).toEqual(["listNotes()", "src/services/notes.ts#listNotes", "src/repo/note-repo.ts#NoteRepo.list", "reads module state rows (Map)"]);
    expect(call.chains[0]!.effect).toBe("module-state-read");
  }, 30_000);

  it("shows an override and its warning", async () => {
    const { mkdtempSync, cpSync, writeFileSync, rmSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "lvm-explain-"));
    try {
      cpSync(FIXTURE, dir, { recursive: true });
      writeFileSync(join(dir, "migrate.config.json"), JSON.stringify({ views: { notesLiveView: { keys: { notes: "ui" } } } }));
      const run = await runCli(["explain", join(dir, "src/views/notes.ts:notesLiveView:notes")]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("notes: ui");
      expect(run.stdout).toContain("decided by USER_OVERRIDE");
      expect(run.stdout).toContain("override (config) from migrate.config.json:views.notesLiveView.keys.notes; the analysis alone said shared");
      expect(run.stdout).toMatch(/WARNING: forced ui, but the analysis found shared/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it("unknown file, view and key: exit 64 with the valid names", async () => {
    const noFile = await runCli(["explain", "src/views/nope.ts"], { cwd: FIXTURE });
    expect(noFile.code).toBe(64);
    expect(noFile.stderr).toContain("no such file: src/views/nope.ts");
    const noViews = await runCli(["explain", "src/services/notes.ts"], { cwd: FIXTURE });
    expect(noViews.code).toBe(64);
    expect(noViews.stderr).toContain("src/services/notes.ts defines no live view; files with views: src/views/clock.ts, src/views/counter.ts, src/views/notes.ts");
    const noView = await runCli(["explain", "src/views/notes.ts:notes"], { cwd: FIXTURE });
    expect(noView.code).toBe(64);
    expect(noView.stderr).toContain('src/views/notes.ts has no view "notes"; views: notesLiveView');
    const noKey = await runCli(["explain", "src/views/notes.ts:notesLiveView:note"], { cwd: FIXTURE });
    expect(noKey.code).toBe(64);
    expect(noKey.stderr).toContain('src/views/notes.ts#notesLiveView has no key "note"; keys: draft, notes, open');
  }, 60_000);

  it("parses targets", () => {
    expect(parseExplainTarget("a/b.ts")).toEqual({ file: "a/b.ts" });
    expect(parseExplainTarget("a/b.ts:v:k")).toEqual({ file: "a/b.ts", view: "v", key: "k" });
    expect(() => parseExplainTarget("a:b:c:d")).toThrow(/expected/);
  });
});
