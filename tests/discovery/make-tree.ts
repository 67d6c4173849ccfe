// Builds a throwaway project folder for a test: files (text or bytes) and symlinks.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface Tree {
  root: string;
  remove(): void;
}

export function makeTree(files: Record<string, string | Uint8Array>, links: Record<string, string> = {}): Tree {
  const root = mkdtempSync(join(tmpdir(), "migrate-test-"));
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    if (path.endsWith("/")) {
      mkdirSync(abs, { recursive: true });
      continue;
    }
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
