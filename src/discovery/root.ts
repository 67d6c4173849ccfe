// The analyzed folder itself: a missing, non-folder or empty root is a usage mistake (exit 64), told
// plainly, before any work starts.

import { readdir, stat } from "node:fs/promises";

export interface RootProblem {
  code: "ROOT_MISSING" | "ROOT_NOT_DIRECTORY" | "ROOT_UNREADABLE" | "ROOT_EMPTY" | "NO_SOURCE_FILES";
  message: string;
}

export async function checkRoot(root: string, shownAs: string = root): Promise<RootProblem | null> {
  let info;
  try {
    info = await stat(root);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { code: "ROOT_MISSING", message: `directory not found: ${shownAs}` };
    return { code: "ROOT_UNREADABLE", message: `cannot open ${shownAs}: ${(error as Error).message}` };
  }
  if (!info.isDirectory()) return { code: "ROOT_NOT_DIRECTORY", message: `not a directory: ${shownAs} (give the folder that holds your live views)` };
  try {
    const entries = await readdir(root);
    if (entries.length === 0) return { code: "ROOT_EMPTY", message: `directory is empty: ${shownAs}` };
  } catch (error) {
    return { code: "ROOT_UNREADABLE", message: `cannot list ${shownAs}: ${(error as Error).message}` };
  }
  return null;
}

export function noSourceFilesProblem(shownAs: string, filtered: boolean): RootProblem {
  const why = filtered ? " (after --include / --exclude, .gitignore and the default excludes)" : " (after .gitignore and the default excludes)";
  return { code: "NO_SOURCE_FILES", message: `no .ts, .tsx, .js, .mjs or .cjs files found in ${shownAs}${why}` };
}
