// Markers go on their own line above the construct, indented like it, so the code stays as it was.
// A marker already there (from an earlier apply) is not added again: a second apply changes nothing.

import type { TextEdit } from "../apply/edits.ts";
import { markerComment } from "../apply/markers.ts";

export interface MarkerRow {
  file: string;
  /** 1-based line of the construct in the original file. */
  line: number;
  code: string;
  message: string;
}

export function markerEdits(file: string, text: string, blockers: { code: string; message: string; pos: number }[]): { edits: TextEdit[]; rows: MarkerRow[] } {
  const edits: TextEdit[] = [];
  const rows: MarkerRow[] = [];
  const seen = new Set<string>();
  const sorted = [...blockers].sort((a, b) => a.pos - b.pos || (a.code < b.code ? -1 : 1));
  for (const blocker of sorted) {
    const lineStart = text.lastIndexOf("\n", blocker.pos - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const comment = markerComment(blocker.code, blocker.message);
    const line = text.slice(0, lineStart).split("\n").length;
    rows.push({ file, line, code: blocker.code, message: blocker.message });
    if (seen.has(`${lineStart}:${comment}`)) continue;
    seen.add(`${lineStart}:${comment}`);
    if (alreadyAbove(text, lineStart, comment)) continue;
    // Prefix "\uFEFF"-aware: a BOM at offset 0 stays first.
    const at = lineStart === 0 && text.startsWith("\uFEFF") ? 1 : lineStart;
    edits.push({ file, start: at, end: at, text: `${indent}${comment}\n` });
  }
  return { edits, rows };
}

/** Is `comment` among the marker lines directly above lineStart? */
function alreadyAbove(text: string, lineStart: number, comment: string): boolean {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, "").trim();
    if (!line.startsWith("// @migrate-todo(")) return false;
    if (line === comment) return true;
    end = start - 1;
  }
  return false;
}
