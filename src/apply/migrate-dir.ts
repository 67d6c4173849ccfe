// The tool's own folder, `<root>/.migrate`: journal.json and backup/ (what `migrate revert` and a
// resumed apply read), apply's migration.patch and apply-report.html, analyze's report.html.
// It carries a .gitignore that ignores all of it, so its outputs never show in `git status`:
// - journal.json and backup/ describe this work tree's runs: revert and the dirty check read them from
//   disk, so ignoring them changes neither, and a clone elsewhere must not undo runs it never had
//   (the backups are copies of sources, which git already keeps in its history);
// - the patch and the reports are made again by every run that changes files.
// The file is written only when missing: a user who wants to track some of it edits it, and it stays.

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export const MIGRATE_DIR = ".migrate";

export const MIGRATE_GITIGNORE = [
  "# Written by liveview-migrate. journal.json and backup/ are this work tree's undo state for",
  "# `migrate revert`; the patch and the reports are made again by each run. None belongs in git.",
  "*",
  "",
].join("\n");

/** Creates `<root>/.migrate` with its .gitignore (left alone when it exists). */
export async function ensureMigrateDir(root: string): Promise<void> {
  await mkdir(join(root, MIGRATE_DIR), { recursive: true });
  await writeFile(join(root, MIGRATE_DIR, ".gitignore"), MIGRATE_GITIGNORE, { flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
}
