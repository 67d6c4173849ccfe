// .gitignore files at any depth, applied the way git does: patterns are relative to the folder the
// file sits in, and a deeper file can re-include (`!pattern`) what a shallower one ignored.

import ignore, { type Ignore } from "ignore";

export interface IgnoreLevel {
  /** POSIX path of the folder holding the .gitignore, relative to the root ("" for the root). */
  dir: string;
  rules: Ignore;
}

export function parseGitignore(dir: string, text: string): IgnoreLevel {
  return { dir, rules: ignore().add(text) };
}

/**
 * Is `path` (POSIX, relative to the root; directories end with "/") ignored by the stack of
 * .gitignore files above it (ordered root first)? The deepest file that has an opinion wins.
 */
export function isGitignored(levels: readonly IgnoreLevel[], path: string): boolean {
  let ignored = false;
  for (const level of levels) {
    const prefix = level.dir === "" ? "" : `${level.dir}/`;
    if (!path.startsWith(prefix)) continue;
    const relative = path.slice(prefix.length);
    if (relative === "" || relative === "/") continue;
    const verdict = level.rules.test(relative);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}
