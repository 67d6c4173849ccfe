// Apply refuses a dirty work tree (uncommitted changes would mix with the migration) unless the user
// says --allow-dirty. Not a git repository: proceed, with a warning.

import { execFile } from "node:child_process";

export type TreeState = { kind: "clean" } | { kind: "dirty"; files: string[] } | { kind: "not-a-repo" };

function git(root: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile("git", args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => resolve(error ? null : stdout));
  });
}

/** Changed and untracked files under root, as root-relative paths (each untracked file, not its folder). */
export async function gitTreeState(root: string): Promise<TreeState> {
  // status prints paths from the repository's top; root may be a folder inside it
  const prefix = (await git(root, ["rev-parse", "--show-prefix"]))?.trim();
  if (prefix === undefined) return { kind: "not-a-repo" };
  // -z: paths unquoted; -uall: files one by one, so a file apply wrote can be told from the user's
  const status = await git(root, ["status", "--porcelain", "-z", "--untracked-files=all", "--", "."]);
  if (status === null) return { kind: "not-a-repo" };
  const records = status.split("\0");
  const files: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (record.length < 4) continue;
    files.push(record.slice(3));
    // a rename or copy is followed by its source path
    if (record[0] === "R" || record[0] === "C") i++;
  }
  const own = (file: string) => /(^|\/)\.migrate(\/|$)/.test(file) || /(^|\/)migration\.patch$/.test(file);
  const relative = files
    .map((file) => (file.startsWith(prefix) ? file.slice(prefix.length) : file))
    // the tool's own outputs (journal, reports, patch) do not make the tree dirty, even where .migrate is tracked
    .filter((file) => !own(file));
  return relative.length === 0 ? { kind: "clean" } : { kind: "dirty", files: relative };
}
