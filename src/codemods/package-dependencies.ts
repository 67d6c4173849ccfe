// The packages migrated code brings into a project: the runtime, and zod for the commands' input
// schemas (the runtime carries no schema library). Apply lists each in the project's package.json
// when it is not there yet, so `npm install` (or a deploy's `npm ci`) installs what the code imports;
// a project that already lists one keeps its own range.

import { readFileSync } from "node:fs";
import { posix } from "node:path";
import { ts } from "ts-morph";
import { packageName } from "../analyzers/effects.ts";
import { toolVersion } from "../plan/build.ts";

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] as const;

/** The packages the code imports (static, dynamic and type imports alike). */
export function importedPackages(code: string): Set<string> {
  const packages = new Set<string>();
  for (const file of ts.preProcessFile(code, true, true).importedFiles) {
    if (!file.fileName.startsWith(".") && !file.fileName.startsWith("/")) packages.add(packageName(file.fileName));
  }
  return packages;
}

/** The version range apply writes for a package the migrated code introduces: the runtime of this
 * tool's version; zod in the range the tool itself is built and tested with. */
export function introducedRange(name: string): string {
  if (name === "@liveview-migrate/runtime") return `^${toolVersion()}`;
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { dependencies: Record<string, string> };
  return manifest.dependencies[name]!;
}

/**
 * The package.json text with `missing` added to `dependencies`, its indentation and line ends kept;
 * null when every package is already listed in some dependency field.
 */
export function withDependencies(packageJson: string, missing: ReadonlyMap<string, string>): string | null {
  const manifest = JSON.parse(packageJson) as Record<string, unknown>;
  const listed = (name: string) => DEPENDENCY_FIELDS.some((field) => typeof manifest[field] === "object" && manifest[field] !== null && name in (manifest[field] as object));
  const toAdd = [...missing].filter(([name]) => !listed(name));
  if (toAdd.length === 0) return null;
  const current = Object.entries((manifest.dependencies as Record<string, string> | undefined) ?? {});
  const byName = ([a]: [string, string], [b]: [string, string]) => (a < b ? -1 : a > b ? 1 : 0);
  // in name order when they were (as npm writes them), else after the project's own
  const sorted = current.every((entry, i) => i === 0 || byName(current[i - 1]!, entry) <= 0);
  const entries = [...current, ...toAdd];
  manifest.dependencies = Object.fromEntries(sorted ? entries.sort(byName) : entries);
  const indent = /^[ \t]+/m.exec(packageJson)?.[0] ?? "  ";
  const eol = packageJson.includes("\r\n") ? "\r\n" : "\n";
  return JSON.stringify(manifest, null, indent).replace(/\n/g, eol) + (/\r?\n$/.test(packageJson) ? eol : "");
}

/** The packages migrated code may bring that a project does not have yet. */
const INTRODUCED = ["@liveview-migrate/runtime", "zod"];

/**
 * The package.json edits a set of file changes (whole texts) needs: each changed file's introduced
 * imports go to the nearest package.json at or above it inside the project. When there is none, or it
 * does not parse, a warning names what to add instead.
 */
export async function dependencyChanges(changes: readonly { file: string; after: string }[], read: (file: string) => Promise<string | null>): Promise<{ changes: { file: string; before: string; after: string }[]; warnings: string[] }> {
  const wanted = new Map<string, Map<string, string>>();
  const unlisted = new Map<string, string>();
  const warnings: string[] = [];
  const nearest = new Map<string, string | null>();
  const manifestFor = async (file: string): Promise<string | null> => {
    const dir = posix.dirname(file);
    if (!nearest.has(dir)) {
      const here = dir === "." ? "package.json" : `${dir}/package.json`;
      nearest.set(dir, (await read(here)) !== null ? here : dir === "." ? null : await manifestFor(dir));
    }
    return nearest.get(dir)!;
  };
  for (const change of changes) {
    if (change.file.endsWith(".json")) continue;
    const introduced = [...importedPackages(change.after)].filter((name) => INTRODUCED.includes(name));
    if (introduced.length === 0) continue;
    const manifest = await manifestFor(change.file);
    const names = manifest === null ? undefined : wanted.get(manifest) ?? wanted.set(manifest, new Map()).get(manifest)!;
    for (const name of introduced) (names ?? unlisted).set(name, introducedRange(name));
  }
  if (unlisted.size > 0) warnings.push(`no package.json holds the migrated files: add ${[...unlisted].map(([name, range]) => `${name}@${range}`).join(" and ")} to the app's dependencies`);
  const edits = [];
  for (const [file, names] of wanted) {
    const before = (await read(file))!;
    try {
      const after = withDependencies(before, names);
      if (after !== null) edits.push({ file, before, after });
    } catch (error) {
      warnings.push(`${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}): add ${[...names.keys()].join(" and ")} to its dependencies by hand`);
    }
  }
  return { changes: edits, warnings };
}
