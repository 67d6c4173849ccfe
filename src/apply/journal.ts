// The journal lets `migrate revert` restore what apply changed: for every file written, the hash of
// the original and of the new bytes, and a backup copy of the original (content-addressed).
// A run is marked in progress while apply renames files: a run still marked so was killed, and the
// next apply resumes it (recovery.ts) or revert undoes it.

import { readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic, writeFileIfChanged } from "./atomic-write.ts";
import { encode, readText } from "./file-text.ts";
import { sha256 } from "./hash.ts";
import { ensureMigrateDir, MIGRATE_DIR } from "./migrate-dir.ts";
import { processRunningSince, removeStaleTemps } from "./stale-temps.ts";

export const JOURNAL_DIR = MIGRATE_DIR;
export const JOURNAL_FILE = ".migrate/journal.json";
const BACKUP_DIR = ".migrate/backup";

export interface JournalEntry {
  /** POSIX path relative to the root. */
  file: string;
  /** sha256 of the original bytes; null when apply created the file. */
  before: string | null;
  after: string;
  /** Root-relative path of the original's copy; null for a created file. */
  backup: string | null;
  view: string;
}

/**
 * Where a view stands after the latest apply that touched it: what `migrate analyze` reads to show
 * progress (the plan's migration.status). Absent for views no apply has touched yet ("pending").
 */
export interface ViewStatusRecord {
  status: "migrated" | "blocked";
  /** Root-relative path of the generated component (migrated views). */
  component?: string;
  /** Root-relative path of the generated commands module, when the view has server work. */
  commands?: string;
  /** Markers left in the view's file (blocked views): code and "file:line". */
  markers: { code: string; at: string; message: string }[];
}

export interface JournalRun {
  entries: JournalEntry[];
  /** Set while apply is renaming files into place; still set after the run means it was killed. */
  inProgress?: { pid: number; startedAt: string };
}

export interface Journal {
  version: 1;
  /** One run per apply, oldest first; revert undoes them newest first. */
  runs: JournalRun[];
  /** View id → its migration status after the latest apply (revert clears the views it restores). */
  views?: Record<string, ViewStatusRecord>;
}

export async function readJournal(root: string): Promise<Journal> {
  try {
    const parsed = JSON.parse(await readFile(join(root, JOURNAL_FILE), "utf8")) as Journal;
    if (parsed.version === 1 && Array.isArray(parsed.runs)) return parsed;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return { version: 1, runs: [] };
}

/** Writes the journal unless it already holds these bytes; an empty journal is not created. */
export async function writeJournal(root: string, journal: Journal): Promise<void> {
  const empty = journal.runs.length === 0 && Object.keys(journal.views ?? {}).length === 0;
  if (empty && (await readText(join(root, JOURNAL_FILE))) === null) return;
  await ensureMigrateDir(root);
  await writeFileIfChanged(join(root, JOURNAL_FILE), `${JSON.stringify(journal, null, 2)}\n`);
}

/** Saves the original's bytes before it is replaced (idempotent: the name is its hash). */
export async function backupOriginal(root: string, text: string): Promise<string> {
  const bytes = encode(text);
  const rel = `${BACKUP_DIR}/${sha256(bytes)}`;
  await ensureMigrateDir(root);
  // atomic: a kill must not leave a truncated copy under the name of the whole
  const current = await readFile(join(root, rel)).catch(() => null);
  if (current === null || !current.equals(bytes)) await writeFileAtomic(join(root, rel), bytes);
  return rel;
}

export interface RevertResult {
  restored: string[];
  removed: string[];
  /** Files changed by hand since apply: left alone, reported. */
  conflicts: { file: string; message: string }[];
  /** Temp files a killed run left (root-relative), removed before reverting. */
  staleTemps: string[];
  /** An apply still running on this folder (its pid): nothing was reverted. */
  running?: number;
}

/** Restores every file of every run (newest first); files edited since apply are left and reported unless `force`. */
export async function revertJournal(root: string, options: { force?: boolean } = {}): Promise<RevertResult> {
  const staleTemps = (await removeStaleTemps(root)).removed;
  const journal = await readJournal(root);
  const result: RevertResult = { restored: [], removed: [], conflicts: [], staleTemps };
  // an apply that is still writing: undoing under it would mix both
  const last = journal.runs.at(-1)?.inProgress;
  if (last && processRunningSince(last.pid, Date.parse(last.startedAt))) return { ...result, running: last.pid };
  const kept: Journal["runs"] = [];
  for (const run of [...journal.runs].reverse()) {
    const left: JournalEntry[] = [];
    for (const entry of [...run.entries].reverse()) {
      const current = await readText(join(root, entry.file));
      const currentHash = current === null ? null : sha256(encode(current));
      // still the original: that write never happened (the journal is written before the files;
      // a killed run names files it never reached)
      if (currentHash === entry.before) continue;
      if (currentHash !== entry.after && !options.force) {
        result.conflicts.push({ file: entry.file, message: current === null ? "deleted since apply" : "changed since apply; rerun with --force to overwrite" });
        left.push(entry);
        continue;
      }
      if (entry.backup === null) {
        if (current !== null) await unlink(join(root, entry.file));
        result.removed.push(entry.file);
      } else {
        await writeFileAtomic(join(root, entry.file), await readFile(join(root, entry.backup)));
        result.restored.push(entry.file);
      }
    }
    // what is left is files edited since: no longer a run in progress
    if (left.length > 0) kept.unshift({ entries: left.reverse() });
  }
  // a view keeps its status only while some file of it is still as apply wrote it
  const stillApplied = new Set(kept.flatMap((r) => r.entries.map((e) => e.file)));
  const views = Object.fromEntries(Object.entries(journal.views ?? {}).filter(([id, record]) => [id.split("#")[0]!, record.component, record.commands].some((f) => f !== undefined && stillApplied.has(f))));
  await writeJournal(root, { version: 1, runs: kept, ...(Object.keys(views).length > 0 ? { views } : {}) });
  result.restored.sort();
  result.removed.sort();
  return result;
}
