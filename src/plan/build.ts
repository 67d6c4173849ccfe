// Assembling the plan from the phases' results: every array sorted by a stable key, the tree hash,
// the summary, and each file's status. The same inputs give the same plan, byte for byte, on any
// machine and in any discovery order (sharded runs are merged and compared against unsharded ones).

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { FileError, FileRecord, FunctionEffects, Plan, PlanSummary, ViewPlan } from "./types.ts";
import { PLAN_SCHEMA_VERSION } from "./types.ts";

export interface MergedResult {
  views: ViewPlan[];
  functions: FunctionEffects[];
  errors: FileError[];
}

export interface BuildPlanInput {
  /** One record per discovered file (failed ones included). */
  files: FileRecord[];
  merged: MergedResult;
  configHash: string | null;
  version: string;
  shard?: { index: number; count: number };
}

/**
 * Error codes that mean a file could not be analyzed, at all or in part (exit code 1; TOO_DEEP leaves
 * out only the views holding the too-deep part, and says which). Other codes (DYNAMIC_KEYS,
 * ...) describe a file that was analyzed with a gap: they are reported and counted, and the file's
 * views carry markers, but the file itself did not fail.
 */
export const FILE_FAILURE_CODES: ReadonlySet<string> = new Set([
  "PARSE_ERROR",
  "NOT_UTF8",
  "BINARY",
  "TOO_LARGE",
  "SYMLINK_LOOP",
  "UNREADABLE",
  "TIMEOUT",
  "TOO_DEEP",
  "ANALYZER_ERROR",
]);

export function isFileFailure(error: FileError): boolean {
  return FILE_FAILURE_CODES.has(error.code);
}

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** "file:line" compared by file, then line as a number. */
export function compareLocation(a: string, b: string): number {
  const split = (loc: string) => {
    const colon = loc.lastIndexOf(":");
    const line = Number(loc.slice(colon + 1));
    return colon === -1 || !Number.isFinite(line) ? [loc, 0] as const : [loc.slice(0, colon), line] as const;
  };
  const [fileA, lineA] = split(a);
  const [fileB, lineB] = split(b);
  return compareText(fileA, fileB) || lineA - lineB || compareText(a, b);
}

export function buildPlan(input: BuildPlanInput): Plan {
  const views = input.merged.views.map(sortView).sort((a, b) => compareText(a.id, b.id));
  const errors = dedupeErrors(input.merged.errors);
  const failed = new Set(errors.filter(isFileFailure).map((error) => error.file));
  const viewsByFile = new Map<string, string[]>();
  for (const view of views) viewsByFile.set(view.file, [...(viewsByFile.get(view.file) ?? []), view.id]);

  const files = input.files
    .map((file): FileRecord => ({
      ...file,
      status: file.status === "ok" && failed.has(file.path) ? "error" : file.status,
      views: [...(viewsByFile.get(file.path) ?? [])].sort(compareText),
    }))
    .sort((a, b) => compareText(a.path, b.path));

  const functions = input.merged.functions
    .map((fn) => ({
      ...fn,
      effects: [...fn.effects].sort(compareText),
      via: [...fn.via].sort((a, b) => compareText(a.effect, b.effect) || compareLocation(a.at, b.at) || compareText(a.chain.join(">"), b.chain.join(">"))),
    }))
    .sort((a, b) => compareText(a.id, b.id));

  const plan: Plan = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    tool: { name: "liveview-migrate", version: input.version },
    treeHash: computeTreeHash(files),
    configHash: input.configHash,
    ...(input.shard ? { shard: input.shard } : {}),
    files,
    views,
    functions,
    errors,
    summary: summarize(files, views, errors),
  };
  return plan;
}

/** sha256 over "path\0hash\n" for every file, in path order. */
export function computeTreeHash(files: readonly Pick<FileRecord, "path" | "hash">[]): string {
  const hash = createHash("sha256");
  for (const file of [...files].sort((a, b) => compareText(a.path, b.path))) hash.update(`${file.path}\0${file.hash}\n`);
  return hash.digest("hex");
}

export function summarize(files: readonly FileRecord[], views: readonly ViewPlan[], errors: readonly FileError[]): PlanSummary {
  const summary: PlanSummary = {
    files: files.length,
    views: 0,
    components: 0,
    keys: { ui: 0, form: 0, shared: 0 },
    events: { client: 0, server: 0, split: 0 },
    markers: 0,
    errors: errors.length,
    progress: { pending: 0, migrated: 0, blocked: 0, ignored: 0 },
  };
  for (const view of views) {
    if (view.kind === "component") summary.components++;
    else summary.views++;
    for (const key of view.state) summary.keys[key.class]++;
    for (const event of view.events) summary.events[event.placement]++;
    summary.markers += view.markers.length;
    summary.progress[view.migration.status]++;
  }
  return summary;
}

function sortView(view: ViewPlan): ViewPlan {
  return {
    ...view,
    // Reasons keep the analyzer's order (strongest first): only it knows the ranks.
    state: view.state
      .map((key) => ({
        ...key,
        writes: [...key.writes].sort((a, b) => compareLocation(a.at, b.at) || compareText(a.handler, b.handler)),
        reads: [...key.reads].sort((a, b) => compareLocation(a.at, b.at) || compareText(a.in, b.in)),
      }))
      .sort((a, b) => compareText(a.key, b.key)),
    events: view.events
      .map((event) => ({
        ...event,
        reads: [...event.reads].sort(compareText),
        writes: [...event.writes].sort(compareText),
        bindings: [...event.bindings].sort(compareText),
      }))
      .sort((a, b) => compareText(a.name, b.name)),
    infos: view.infos.map((info) => ({ ...info, writes: [...info.writes].sort(compareText) })).sort((a, b) => compareText(a.name, b.name)),
    markers: [...view.markers].sort((a, b) => compareLocation(a.at, b.at) || compareText(a.code, b.code)),
  };
}

function dedupeErrors(errors: readonly FileError[]): FileError[] {
  const seen = new Set<string>();
  const out: FileError[] = [];
  for (const error of errors) {
    const id = `${error.file}\0${error.code}\0${error.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ file: error.file, code: error.code, message: error.message });
  }
  return out.sort((a, b) => compareText(a.file, b.file) || compareText(a.code, b.code) || compareText(a.message, b.message));
}

let cachedVersion: string | undefined;
/** The package's version (package.json), recorded in every plan: parts from different versions never merge. */
export function toolVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  return cachedVersion;
}
