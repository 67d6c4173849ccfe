// Where a module specifier may point, in TypeScript's resolution order. analyzeFile lists candidates
// (it sees one file only); mergeFacts picks the first candidate that exists among the analyzed files.

import { posix } from "node:path";

const SOURCE_EXTS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const JS_TO_TS: Record<string, string[]> = {
  ".js": [".ts", ".tsx", ".js", ".jsx"],
  ".jsx": [".tsx", ".jsx"],
  ".mjs": [".mts", ".mjs"],
  ".cjs": [".cts", ".cjs"],
};

export function isRelativeSpecifier(spec: string): boolean {
  return spec === "." || spec === ".." || spec.startsWith("./") || spec.startsWith("../") || spec.startsWith("/");
}

/** Root-relative candidates for `spec` imported from `fromFile` (both POSIX, root-relative). */
export function candidatesFor(fromFile: string, spec: string): string[] {
  if (!isRelativeSpecifier(spec)) return [];
  const base = spec.startsWith("/") ? posix.normalize(spec.slice(1)) : posix.normalize(posix.join(posix.dirname(fromFile), spec));
  return candidatesForBase(base);
}

/** Candidates for an already root-relative base path (also used for tsconfig `paths`). */
export function candidatesForBase(base: string): string[] {
  const ext = posix.extname(base);
  const out: string[] = [];
  if (JS_TO_TS[ext]) {
    const stem = base.slice(0, -ext.length);
    for (const e of JS_TO_TS[ext]!) out.push(stem + e);
  } else if (SOURCE_EXTS.includes(ext)) {
    out.push(base);
  } else {
    for (const e of SOURCE_EXTS) out.push(base + e);
    for (const e of SOURCE_EXTS) out.push(`${base}/index${e}`);
  }
  return out;
}
