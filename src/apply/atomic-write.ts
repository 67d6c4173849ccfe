// Writes that never leave a half-written file: temp file in the same folder + fsync + rename. A view's
// files are committed all-or-nothing: every new text is staged first, then renamed into place; when
// a rename fails, the files already replaced are put back from the originals kept in memory.

import { mkdir, open, readFile, rename, rm, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { encode } from "./file-text.ts";

let tempCounter = 0;

function tempPathFor(path: string): string {
  tempCounter += 1;
  return join(dirname(path), `.${path.split("/").pop()}.lvm-${process.pid}-${tempCounter}.tmp`);
}

/** The names tempPathFor makes: `.<file>.lvm-<pid>-<n>.tmp`. */
const TEMP_NAME = /^\..+\.lvm-(\d+)-\d+\.tmp$/;

/** The pid of the process that wrote this temp file, or null when the name is not one of ours. */
export function tempFileOwner(name: string): number | null {
  const match = TEMP_NAME.exec(name);
  return match ? Number(match[1]) : null;
}

async function writeSynced(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, "w");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Atomic single-file write: readers see the old bytes or the new ones, never a mix. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    await writeSynced(temp, typeof data === "string" ? encode(data) : data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** writeFileAtomic, unless the file already holds these bytes (a run that changes nothing rewrites nothing). */
export async function writeFileIfChanged(path: string, data: string | Uint8Array): Promise<boolean> {
  const bytes = typeof data === "string" ? encode(data) : data;
  const current = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (current !== null && Buffer.compare(current, bytes) === 0) return false;
  await writeFileAtomic(path, bytes);
  return true;
}

export interface StagedWrite {
  /** Absolute path. */
  path: string;
  /** Original text, null when the file is new. */
  before: string | null;
  after: string;
}

/**
 * Test-only failure injection: throw before the (n+1)-th rename of the whole run. Set through the
 * option or LVM_APPLY_FAIL_AFTER_RENAMES (for tests that run the CLI in a child process).
 * `pauseAfterRenames` (LVM_APPLY_PAUSE_AFTER_RENAMES) instead stops there for good, after saying so
 * on stderr, so a test can SIGKILL the process at a known point (no rollback runs, as in a real kill).
 */
export interface FailureInjection {
  failAfterRenames?: number;
  pauseAfterRenames?: number;
}

export class InjectedFailure extends Error {
  constructor() {
    super("injected failure (test hook)");
    this.name = "InjectedFailure";
  }
}

export function injectionFromEnv(env: Record<string, string | undefined>): FailureInjection {
  const count = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined);
  const fail = count(env.LVM_APPLY_FAIL_AFTER_RENAMES);
  const pause = count(env.LVM_APPLY_PAUSE_AFTER_RENAMES);
  return { ...(fail !== undefined ? { failAfterRenames: fail } : {}), ...(pause !== undefined ? { pauseAfterRenames: pause } : {}) };
}

export const PAUSED_LINE = "LVM_APPLY_PAUSE_AFTER_RENAMES: paused";

/** Never returns: the test that asked for the pause kills the process. */
async function pauseForKill(renames: number): Promise<never> {
  process.stderr.write(`${PAUSED_LINE} after ${renames} rename(s), pid ${process.pid}\n`);
  // an interval keeps the event loop (and so the process) alive
  return new Promise<never>(() => setInterval(() => undefined, 60_000));
}

/** Counts renames across views so a test can fail in the middle of the second view. */
export interface RenameCounter {
  renames: number;
}

/** Stage every file, then rename them into place; on any failure restore every file of the group. */
export async function commitAllOrNothing(writes: readonly StagedWrite[], injection: FailureInjection = {}, counter: RenameCounter = { renames: 0 }): Promise<void> {
  const staged: { write: StagedWrite; temp: string }[] = [];
  const done: StagedWrite[] = [];
  try {
    for (const write of writes) {
      await mkdir(dirname(write.path), { recursive: true });
      const temp = tempPathFor(write.path);
      staged.push({ write, temp });
      await writeSynced(temp, encode(write.after));
    }
    for (const { write, temp } of staged) {
      if (injection.failAfterRenames !== undefined && counter.renames >= injection.failAfterRenames) throw new InjectedFailure();
      if (injection.pauseAfterRenames !== undefined && counter.renames >= injection.pauseAfterRenames) await pauseForKill(counter.renames);
      await rename(temp, write.path);
      counter.renames += 1;
      done.push(write);
    }
  } catch (error) {
    for (const { temp } of staged) await rm(temp, { force: true });
    for (const write of done.reverse()) {
      if (write.before === null) await unlink(write.path).catch(() => undefined);
      else await writeFileAtomic(write.path, write.before);
    }
    throw error;
  }
}
