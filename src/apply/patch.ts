// migration.patch: every change of one apply as a unified diff that `git apply` (run at the analyzed
// root, default -p1) accepts. Built from the same FileChange list the writer commits.

import { structuredPatch } from "diff";
import type { FileChange } from "./edits.ts";

/** One file's diff with git headers ("diff --git", "new file mode" for created files). */
export function filePatch(change: FileChange): string {
  const isNew = change.before === null;
  const patch = structuredPatch(`a/${change.file}`, `b/${change.file}`, change.before ?? "", change.after, undefined, undefined, { context: 3 });
  if (patch.hunks.length === 0) return "";
  const lines = [`diff --git a/${change.file} b/${change.file}`];
  if (isNew) lines.push("new file mode 100644");
  lines.push(isNew ? "--- /dev/null" : `--- a/${change.file}`, `+++ b/${change.file}`);
  for (const hunk of patch.hunks) {
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    lines.push(`@@ -${range(oldStart, hunk.oldLines)} +${range(newStart, hunk.newLines)} @@`);
    lines.push(...hunk.lines);
  }
  return `${lines.join("\n")}\n`;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

export function unifiedPatch(changes: readonly FileChange[]): string {
  return [...changes]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(filePatch)
    .join("");
}
