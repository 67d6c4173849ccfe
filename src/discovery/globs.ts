// --include / --exclude patterns. They use the .gitignore dialect (via `ignore`) so that one syntax
// is documented everywhere: `src/views/**`, `*.test.ts`, `legacy/` all mean what they mean in git.

import ignore, { type Ignore } from "ignore";

export interface PathFilter {
  /** True when the file (POSIX relative path) passes --include and --exclude. */
  acceptsFile(path: string): boolean;
  /** True when a whole directory (POSIX relative path, no trailing slash) is excluded. */
  excludesDir(path: string): boolean;
}

export function createPathFilter(include: readonly string[] = [], exclude: readonly string[] = []): PathFilter {
  const included: Ignore | null = include.length > 0 ? ignore().add([...include]) : null;
  const excluded: Ignore = ignore().add([...exclude]);
  return {
    acceptsFile: (path) => !excluded.ignores(path) && (included === null || included.ignores(path)),
    excludesDir: (path) => excluded.ignores(`${path}/`),
  };
}
