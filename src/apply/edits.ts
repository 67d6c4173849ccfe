// Every change apply makes is a text edit over a file's original text or a new file (DESIGN.md:
// "plan → edits"). Edits are applied in one pass over the original, like MagicString: bytes outside
// the edited ranges stay identical.

/** Replace [start, end) of `file` (offsets into the text as read, BOM included) with `text`. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  text: string;
}

/** A file apply creates (POSIX path relative to the root). `text` uses "\n"; the writer adopts the line ending. */
export interface NewFile {
  file: string;
  text: string;
}

/** One file's before and after, as decoded text. `before` is null for a file apply creates. */
export interface FileChange {
  file: string;
  before: string | null;
  after: string;
}

/** Overlapping edits are a bug in a codemod, never a user error: fail loudly. */
export class OverlappingEditsError extends Error {
  constructor(file: string, a: TextEdit, b: TextEdit) {
    super(`overlapping edits in ${file}: [${a.start}, ${a.end}) and [${b.start}, ${b.end})`);
    this.name = "OverlappingEditsError";
  }
}

/**
 * Applies a file's edits in one pass. Inserted text adopts the file's line ending (CRLF stays CRLF).
 * Two insertions at the same offset keep their given order; a range may not overlap another.
 */
export function applyEdits(original: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return original;
  const file = edits[0]!.file;
  const eol = detectEol(original);
  const sorted = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)
    .map(({ edit }) => edit);
  let out = "";
  let cursor = 0;
  let previous: TextEdit | undefined;
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end < edit.start || edit.end > original.length) {
      throw new RangeError(`edit [${edit.start}, ${edit.end}) is outside ${file} (length ${original.length})`);
    }
    if (previous && edit.start < previous.end) throw new OverlappingEditsError(file, previous, edit);
    out += original.slice(cursor, edit.start) + withEol(edit.text, eol);
    cursor = edit.end;
    previous = edit;
  }
  return out + original.slice(cursor);
}

export type Eol = "\n" | "\r\n";

/** The file's dominant line ending (LF when it has none). */
export function detectEol(text: string): Eol {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  return crlf > lf ? "\r\n" : "\n";
}

/** Converts "\n" in generated text to the target line ending (existing "\r\n" left alone). */
export function withEol(text: string, eol: Eol): string {
  return eol === "\n" ? text : text.replace(/\r?\n/g, "\r\n");
}

export const BOM = "\uFEFF";

export function hasBom(text: string): boolean {
  return text.startsWith(BOM);
}

/** Groups edits by file (sorted by path) for one pass per file. */
export function groupByFile(edits: readonly TextEdit[]): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of [...edits].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const list = byFile.get(edit.file) ?? [];
    list.push(edit);
    byFile.set(edit.file, list);
  }
  return byFile;
}
