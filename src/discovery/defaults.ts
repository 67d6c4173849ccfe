// What discovery looks at when the user says nothing: the source extensions a LiveViewJS app is
// written in, the folders that never hold its own sources, and the size past which a file is
// generated output rather than code a person wrote.

/** Directory names skipped at any depth (build output, dependencies, VCS data, our own reports). */
export const DEFAULT_EXCLUDES: readonly string[] = ["node_modules", "dist", "build", "coverage", ".git", ".migrate"];

export const SOURCE_EXTENSIONS: readonly string[] = [".ts", ".tsx", ".js", ".mjs", ".cjs"];

/** Files past this size are reported as TOO_LARGE instead of parsed (minified bundles, generated code). */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

// Declaration files describe types only: no views, no state.
const DECLARATION_FILE = /\.d\.(ts|mts|cts)$/;

export function isSourceFileName(name: string): boolean {
  if (DECLARATION_FILE.test(name)) return false;
  return SOURCE_EXTENSIONS.some((extension) => name.endsWith(extension));
}
