// Temp files a killed run left behind. atomic-write stages every file as `.<file>.lvm-<pid>-<n>.tmp`
// next to its target; a SIGKILL skips the cleanup, and the strays then make the work tree dirty.
// The next apply or revert removes them before it looks at the tree: only names of that pattern, and
// only when the process that wrote one is gone (or its pid now belongs to a later process).

import { readFileSync } from "node:fs";
import { lstat, unlink } from "node:fs/promises";
import { basename, join } from "node:path";
import fg from "fast-glob";
import { tempFileOwner } from "./atomic-write.ts";

export interface StaleTempsResult {
  /** Root-relative paths removed. */
  removed: string[];
  /** Temp files of a process that is still running: left alone. */
  kept: { file: string; pid: number }[];
}

export async function removeStaleTemps(root: string): Promise<StaleTempsResult> {
  const result: StaleTempsResult = { removed: [], kept: [] };
  const candidates = await fg(["**/.*.lvm-*.tmp"], { cwd: root, dot: true, onlyFiles: true, followSymbolicLinks: false, ignore: ["**/node_modules/**", "**/.git/**"] });
  for (const file of candidates.sort()) {
    const pid = tempFileOwner(basename(file));
    if (pid === null) continue;
    const stats = await lstat(join(root, file)).catch(() => null);
    if (!stats?.isFile()) continue;
    if (processRunningSince(pid, stats.mtimeMs)) {
      result.kept.push({ file, pid });
      continue;
    }
    await unlink(join(root, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    result.removed.push(file);
  }
  return result;
}

/** A process's start may be read up to this late (/proc's boot time has whole seconds). */
const START_SLACK_MS = 2_000;

/**
 * Whether `pid` is a running process that already ran at `since` (ms since the epoch), i.e. the one
 * that wrote a file then. A pid the system gave to a later process does not count. When the start
 * time cannot be read (no /proc), a running pid counts: a file of a live writer is never removed.
 */
export function processRunningSince(pid: number, since: number): boolean {
  // 0 and negatives address process groups, not a process
  if (!Number.isSafeInteger(pid) || pid < 1) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const started = processStartMs(pid);
  return started === undefined || Number.isNaN(since) || started <= since + START_SLACK_MS;
}

/** Linux: field 22 of /proc/<pid>/stat (clock ticks after boot) plus the boot time in /proc/stat. */
function processStartMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // the command name (field 2) may hold spaces and parentheses: fields resume after the last ")"
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[19]);
    const bootTime = /^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"));
    if (!bootTime || !Number.isFinite(ticks)) return undefined;
    // USER_HZ, what /proc counts in, is 100 on Linux
    return Number(bootTime[1]) * 1000 + ticks * 10;
  } catch {
    return undefined;
  }
}
