// Resuming an apply that was killed. Its journal run is still marked in progress and names every file
// it meant to write, each with the hash before and after: so each file is known to be as it was
// ("not written"), as the run wrote it ("written"), or changed since by someone else. A view's files
// (one unit) are renamed one by one, so a kill can leave one unit half-written; it is put back as it
// was, which is what the killed run's own rollback would have done. Fully written units stay: the
// next apply sees those views as migrated and goes on with the rest.

import { readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-write.ts";
import type { FileChange } from "./edits.ts";
import { encode, readText } from "./file-text.ts";
import { sha256 } from "./hash.ts";
import { writeJournal, type Journal, type JournalEntry, type JournalRun } from "./journal.ts";
import { processRunningSince } from "./stale-temps.ts";

type FileState = "written" | "not-written" | "changed";

export interface InterruptedRun {
  pid: number;
  startedAt: string;
  /** Still running: not interrupted, another apply is at work on this folder. */
  running: boolean;
  /** Files the run wrote and nobody changed since: its output, not the user's changes. */
  written: string[];
  /** Files neither as they were nor as the run would write them: left alone. */
  changed: string[];
  /** Units (view files, or "(server wiring)") of which only some files were written. */
  halfWritten: string[];
  run: JournalRun;
  states: Map<JournalEntry, FileState>;
}

/** The journal's last run when it is still marked in progress, with the state of each of its files. */
export async function findInterruptedRun(root: string, journal: Journal): Promise<InterruptedRun | undefined> {
  const run = journal.runs.at(-1);
  if (!run?.inProgress) return undefined;
  const { pid, startedAt } = run.inProgress;
  const states = new Map<JournalEntry, FileState>();
  for (const entry of run.entries) {
    const text = await readText(join(root, entry.file));
    const hash = text === null ? null : sha256(encode(text));
    states.set(entry, hash === entry.after ? "written" : hash === entry.before ? "not-written" : "changed");
  }
  const units = new Map<string, FileState[]>();
  for (const entry of run.entries) units.set(entry.view, [...(units.get(entry.view) ?? []), states.get(entry)!]);
  const halfWritten = [...units].filter(([, s]) => s.includes("written") && s.includes("not-written") && !s.includes("changed")).map(([unit]) => unit);
  return {
    pid,
    startedAt,
    running: processRunningSince(pid, Date.parse(startedAt)),
    written: run.entries.filter((e) => states.get(e) === "written").map((e) => e.file),
    changed: run.entries.filter((e) => states.get(e) === "changed").map((e) => e.file),
    halfWritten,
    run,
    states,
  };
}

export interface ResumedRun {
  pid: number;
  /** Files the interrupted run wrote that stay, with the original and the current text (for the patch). */
  kept: FileChange[];
  /** Files of half-written units put back as they were (or removed, when the run created them). */
  undone: string[];
}

/**
 * Ends an interrupted run: half-written units are put back, entries of files it never wrote are
 * dropped, and the run is no longer in progress. Files changed since the kill are left as they are,
 * with their entries (revert reports them).
 */
export async function finishInterruptedRun(root: string, journal: Journal, found: InterruptedRun): Promise<ResumedRun> {
  const half = new Set(found.halfWritten);
  const result: ResumedRun = { pid: found.pid, kept: [], undone: [] };
  const entries: JournalEntry[] = [];
  for (const entry of found.run.entries) {
    const state = found.states.get(entry)!;
    if (state === "not-written") continue;
    if (state === "written" && half.has(entry.view)) {
      if (entry.backup === null) await unlink(join(root, entry.file));
      else await writeFileAtomic(join(root, entry.file), await readFile(join(root, entry.backup)));
      result.undone.push(entry.file);
      continue;
    }
    entries.push(entry);
    if (state === "written") {
      const before = entry.backup === null ? null : await readText(join(root, entry.backup));
      result.kept.push({ file: entry.file, before, after: (await readText(join(root, entry.file)))! });
    }
  }
  if (entries.length > 0) journal.runs[journal.runs.length - 1] = { entries };
  else journal.runs.pop();
  await writeJournal(root, journal);
  return result;
}
