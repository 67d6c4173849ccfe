// The `liveview-migrate/*` names generated code imports, mapped to this package's own files (from
// its package.json `exports`): the checks must not depend on the analyzed project having the
// package installed, so a project anywhere on disk is checked the same.

import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

let cached: Map<string, string> | undefined;

/** Specifier (e.g. `liveview-migrate/runtime`) → absolute file of this checkout. */
export function runtimePackageFiles(): Map<string, string> {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { name: string; exports?: Record<string, string | Record<string, string>> };
  cached = new Map();
  for (const [key, target] of Object.entries(pkg.exports ?? {})) {
    const file = typeof target === "string" ? target : (target.types ?? target.import ?? target.default);
    if (file) cached.set(key === "." ? pkg.name : `${pkg.name}/${key.replace(/^\.\//, "")}`, join(PACKAGE_ROOT, file));
  }
  return cached;
}
