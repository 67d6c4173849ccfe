// Where the runtime that generated code imports lives for the tool's own checks (apply's type and
// bundle checks, verify's bundles): this package's copy of it, src/runtime/*.ts when the tool runs from
// its sources, dist/runtime/*.js (+ .d.ts) when it runs from the build. The checks must not depend on
// the analyzed project having the runtime installed, so a project anywhere on disk is checked the same.

import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FEATURE_MODULES } from "../../runtime/client/features.ts";

/** Running from src/*.ts (a checkout, the tests) rather than the compiled dist/*.js. */
const FROM_SOURCES = import.meta.url.endsWith(".ts");
/** src/ or dist/ */
const TOOL_DIR = fileURLToPath(new URL("../../", import.meta.url));

/** The runtime's import names (what generated code imports) → module under runtime/. */
export const RUNTIME_MODULES: Readonly<Record<string, string>> = {
  "@liveview-migrate/runtime": "client/index",
  // uploads, sync, loaders, children, js: the optional features a page entry passes to mount
  ...Object.fromEntries(Object.entries(FEATURE_MODULES).map(([feature, { file }]) => [`@liveview-migrate/runtime/${feature}`, `client/${file}`])),
  "@liveview-migrate/runtime/server": "server/index",
  "@liveview-migrate/runtime/template": "template/index",
};

/** A module of this tool's copy of the runtime: `server/session` → …/runtime/server/session.ts (or .js). */
export function runtimeFile(module: string, kind: "code" | "types" = "code"): string {
  return join(TOOL_DIR, "runtime", module + (FROM_SOURCES ? ".ts" : kind === "types" ? ".d.ts" : ".js"));
}

/** The tool's own entry (`liveview-migrate`: defineConfig), for a config file that imports it. */
export function toolEntry(kind: "code" | "types" = "code"): string {
  return join(TOOL_DIR, FROM_SOURCES ? "index.ts" : kind === "types" ? "index.d.ts" : "index.js");
}

const cached = new Map<string, Map<string, string>>();

/** Specifier (e.g. `@liveview-migrate/runtime`) → absolute file of this tool's copy. */
export function runtimePackageFiles(kind: "code" | "types" = "code"): Map<string, string> {
  let map = cached.get(kind);
  if (!map) {
    map = new Map(Object.entries(RUNTIME_MODULES).map(([name, module]) => [name, runtimeFile(module, kind)]));
    cached.set(kind, map);
  }
  return map;
}
