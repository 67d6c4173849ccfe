// Apply refuses a dirty work tree (uncommitted changes would mix with the migration) unless the user
// says --allow-dirty. Not a git repository: proceed, with a warning.

import { execFile } from "node:child_process";

export type TreeState = { kind: "clean" } | { kind: "dirty"; files: string[] } | { kind: "not-a-repo" };

export function gitTreeState(root: string): Promise<TreeState> {
  return new Promise((resolve) => {
    execFile("git", ["status", "--porcelain", "--", "."], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      if (error) return resolve({ kind: "not-a-repo" });
      const files = stdout
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => line.slice(3))
        // the tool's own outputs (journal, reports, patch) do not make the tree dirty
        .filter((file) => !/(^|\/)\.migrate(\/|$)/.test(file) && !/(^|\/)migration\.patch$/.test(file));
      resolve(files.length === 0 ? { kind: "clean" } : { kind: "dirty", files });
    });
  });
}
