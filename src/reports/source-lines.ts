// Evidence is shown with its code line, read from the sources when the report is made (the plan
// holds locations, not code). Each file is read once; a file that vanished shows no line, not an error.

import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Returns the text of `line` (1-based) of a root-relative file, or undefined when it cannot be read. */
export type SourceLineReader = (file: string, line: number) => string | undefined;

const MAX_LINE_CHARS = 240;

export function createSourceLineReader(root: string): SourceLineReader {
  const cache = new Map<string, string[] | null>();
  return (file, line) => {
    let lines = cache.get(file);
    if (lines === undefined) {
      try {
        lines = readFileSync(join(root, file), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
      } catch {
        lines = null;
      }
      cache.set(file, lines);
    }
    const text = lines?.[line - 1];
    if (text === undefined) return undefined;
    return text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}…` : text;
  };
}

/** Splits "file:line" (file may itself contain ":"). */
export function parseLocation(at: string): { file: string; line: number } | undefined {
  const colon = at.lastIndexOf(":");
  if (colon <= 0) return undefined;
  const line = Number(at.slice(colon + 1));
  if (!Number.isInteger(line) || line < 1) return undefined;
  return { file: at.slice(0, colon), line };
}
