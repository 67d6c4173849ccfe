// A progress bar on stderr for runs that take more than a second: quick runs print nothing, and
// nothing is drawn when stderr is not a terminal (CI logs, pipes) or with --no-progress.

import cliProgress from "cli-progress";
import type { AnalyzeProgress } from "../pipeline/analyze.ts";
import type { CliIo } from "./io.ts";

export interface ProgressDisplay {
  update(progress: AnalyzeProgress): void;
  stop(): void;
}

const SHOW_AFTER_MS = 1000;
const PHASE_LABEL: Record<AnalyzeProgress["phase"], string> = {
  discover: "finding files",
  read: "reading     ",
  analyze: "analyzing   ",
  merge: "merging     ",
  done: "done        ",
};

export function createProgressDisplay(io: CliIo, enabled: boolean, now: () => number = Date.now): ProgressDisplay {
  if (!enabled || io.stderr.isTTY !== true) return { update() {}, stop() {} };
  const startedAt = now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(progress) {
      if (!bar) {
        if (now() - startedAt < SHOW_AFTER_MS || progress.phase === "done") return;
        bar = new cliProgress.SingleBar(
          {
            stream: io.stderr as NodeJS.WritableStream,
            format: "{phase} {bar} {value}/{total} files | {eta_formatted} left",
            hideCursor: true,
            clearOnComplete: true,
            barsize: 30,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(Math.max(progress.total, 1), progress.done, { phase: PHASE_LABEL[progress.phase] });
        return;
      }
      if (progress.phase === "merge" || progress.phase === "done") {
        // One step over all files: show a full bar with the phase name, not "0/1 files".
        bar.update(bar.getTotal(), { phase: PHASE_LABEL[progress.phase] });
        return;
      }
      if (progress.total > 0) bar.setTotal(progress.total);
      bar.update(progress.done, { phase: PHASE_LABEL[progress.phase] });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
