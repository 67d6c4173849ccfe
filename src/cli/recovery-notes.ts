// What apply and revert cleaned up after a killed run, for stderr: one line per file, so a user sees
// exactly which files the tool removed or put back.

import type { Colors } from "picocolors/types";
import type { Recovery } from "../apply/apply-project.ts";

export function staleTempLines(removed: readonly string[], colors: Colors): string {
  return removed.map((file) => `${colors.yellow("recovered:")} removed ${file} (temp file of a run that was killed)\n`).join("");
}

export function recoveryLines(recovery: Recovery | undefined, colors: Colors): string {
  if (!recovery) return "";
  let text = staleTempLines(recovery.temps.removed, colors);
  for (const { file, pid } of recovery.temps.kept) text += `${colors.yellow("warning:")} ${file} is a temp file of process ${pid}, which is still running: left alone\n`;
  const resumed = recovery.resumed;
  if (resumed) {
    text += `${colors.yellow("recovered:")} resuming the apply that was interrupted (process ${resumed.pid})\n`;
    for (const change of resumed.kept) text += `  kept     ${change.file} (written by it)\n`;
    for (const file of resumed.undone) text += `  put back ${file} (its view was half-written)\n`;
  }
  return text;
}
