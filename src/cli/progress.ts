// A progress bar on stderr for runs that take more than a second: quick runs print nothing, and
// nothing is drawn when stderr is not a terminal (CI logs, pipes), with --no-progress or --quiet.

import cliProgress from "cli-progress";
import type { AnalyzeProgress } from "../pipeline/analyze.ts";
import type { CliIo } from "./io.ts";

/** A step of a long run: analyze's phases over files, apply's and verify's over views. */
export interface ProgressEvent {
  phase: string;
  done: number;
  total: number;
}

export interface ProgressDisplay {
  update(progress: ProgressEvent): void;
  stop(): void;
}

const SHOW_AFTER_MS = 1000;
const PHASE_LABEL: Record<AnalyzeProgress["phase"] | "migrate" | "check" | "verify", string> = {
  discover: "finding files",
  read: "reading     ",
  analyze: "analyzing   ",
  merge: "merging     ",
  done: "done        ",
  migrate: "migrating   ",
  check: "checking    ",
  verify: "verifying   ",
};
const label = (phase: string) => PHASE_LABEL[phase as keyof typeof PHASE_LABEL] ?? phase;

export function createProgressDisplay(io: CliIo, enabled: boolean, now: () => number = Date.now, unit: "files" | "views" = "files"): ProgressDisplay {
  if (!enabled || io.stderr.isTTY !== true || io.verbosity === "quiet") return { update() {}, stop() {} };
  const startedAt = now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(progress) {
      if (!bar) {
        if (now() - startedAt < SHOW_AFTER_MS || progress.phase === "done") return;
        bar = new cliProgress.SingleBar(
          {
            stream: io.stderr as NodeJS.WritableStream,
            format: `{phase} {bar} {value}/{total} ${unit} | {eta_formatted} left`,
            hideCursor: true,
            clearOnComplete: true,
            barsize: 30,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(Math.max(progress.total, 1), progress.done, { phase: label(progress.phase) });
        return;
      }
      if (progress.phase === "merge" || progress.phase === "done" || progress.phase === "check") {
        // One step over all files: show a full bar with the phase name, not "0/1 files".
        bar.update(bar.getTotal(), { phase: label(progress.phase) });
        return;
      }
      if (progress.total > 0) bar.setTotal(progress.total);
      bar.update(progress.done, { phase: label(progress.phase) });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
