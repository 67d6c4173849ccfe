// Writes that never leave a half-written file: temp file in the same folder + fsync + rename. A view's
// files are committed all-or-nothing: every new text is staged first, then renamed into place; when
// a rename fails, the files already replaced are put back from the originals kept in memory.

import { mkdir, open, rename, rm, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { encode } from "./file-text.ts";

let tempCounter = 0;

function tempPathFor(path: string): string {
  tempCounter += 1;
  return join(dirname(path), `.${path.split("/").pop()}.lvm-${process.pid}-${tempCounter}.tmp`);
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
 */
export interface FailureInjection {
  failAfterRenames?: number;
}

export class InjectedFailure extends Error {
  constructor() {
    super("injected failure (test hook)");
    this.name = "InjectedFailure";
  }
}

export function injectionFromEnv(env: Record<string, string | undefined>): FailureInjection {
  const value = env.LVM_APPLY_FAIL_AFTER_RENAMES;
  return value !== undefined && /^\d+$/.test(value) ? { failAfterRenames: Number(value) } : {};
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
