// `analyze` end to end, as data in and data out: discover → read (bad-input checks) → analyzeFile per
// file → mergeFacts → buildPlan. Nothing here prints; the CLI turns progress events and the plan into
// terminal output.

import { resolve } from "node:path";
import { analyzeFile, mergeFacts, type AnalyzeOptions, type FileFacts, type SourceInput } from "../analyzers/index.ts";
import { discoverFiles, readSourceFile, type DiscoverOptions, type DiscoveredFile, type Discovery, type ReadOptions, type ReadOutcome } from "../discovery/index.ts";
import { buildPlan, toolVersion } from "../plan/build.ts";
import type { FileError, Plan } from "../plan/types.ts";

export interface AnalyzeProgress {
  phase: "discover" | "read" | "analyze" | "merge" | "done";
  done: number;
  total: number;
}

export interface AnalyzeProjectOptions extends DiscoverOptions, ReadOptions {
  onProgress?: (progress: AnalyzeProgress) => void;
  /** Hash of the config in force (issue 7); null when there is none. */
  configHash?: string | null;
  /** Passed through to mergeFacts (issue 7). */
  overrides?: unknown;
  /** Files already discovered (the CLI checks for an empty project first); discovered here when absent. */
  discovery?: Discovery;
}

export interface AnalyzeProjectResult {
  plan: Plan;
  facts: FileFacts[];
}

/** Files read at once: enough to hide disk latency, few enough to keep file handles and memory low. */
const READ_CONCURRENCY = 32;

export async function analyzeProject(root: string, options: AnalyzeProjectOptions = {}): Promise<AnalyzeProjectResult> {
  const absoluteRoot = resolve(root);
  const report = options.onProgress ?? (() => {});
  report({ phase: "discover", done: 0, total: 0 });
  const discovery = options.discovery ?? (await discoverFiles(absoluteRoot, options));

  const reads = await readAll(discovery.files, options, (done) => report({ phase: "read", done, total: discovery.files.length }));
  const inputs = reads.flatMap((read) => (read.input ? [read.input] : []));

  const facts = analyzeFiles(inputs, { root: absoluteRoot }, (done, total) => report({ phase: "analyze", done, total }));

  report({ phase: "merge", done: 0, total: 1 });
  const merged = mergeFacts(facts, { root: absoluteRoot, overrides: options.overrides });
  const errors: FileError[] = [
    ...discovery.errors,
    ...reads.flatMap((read) => (read.error ? [read.error] : [])),
    ...facts.flatMap((fileFacts) => fileFacts.errors),
    ...merged.errors,
  ];
  const plan = buildPlan({
    files: reads.map((read) => read.record),
    merged: { ...merged, errors },
    configHash: options.configHash ?? null,
    version: toolVersion(),
  });
  report({ phase: "done", done: 1, total: 1 });
  return { plan, facts };
}

/**
 * The per-file loop, kept apart so it can be swapped for a worker pool (issue 8). A file whose
 * analysis throws becomes an ANALYZER_ERROR error on that file, never a crashed run.
 */
export function analyzeFiles(inputs: readonly SourceInput[], options: AnalyzeOptions, onProgress?: (done: number, total: number) => void): FileFacts[] {
  const facts: FileFacts[] = [];
  for (const input of inputs) {
    facts.push(analyzeOneFile(input, options));
    onProgress?.(facts.length, inputs.length);
  }
  return facts;
}

export function analyzeOneFile(input: SourceInput, options: AnalyzeOptions): FileFacts {
  try {
    return analyzeFile(input, options);
  } catch (error) {
    return failedFacts(input.path, options, "ANALYZER_ERROR", `the analyzer failed on this file: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Facts for a file the analyzer could not look at: those of an empty module (so mergeFacts sees the
 * usual shape, whatever fields it grows), with one error.
 */
export function failedFacts(path: string, options: AnalyzeOptions, code: string, message: string): FileFacts {
  return { ...analyzeFile({ path, text: "" }, options), errors: [{ file: path, code, message }] };
}

async function readAll(files: readonly DiscoveredFile[], options: ReadOptions, onRead: (done: number) => void): Promise<ReadOutcome[]> {
  const outcomes = new Array<ReadOutcome>(files.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      outcomes[index] = await readSourceFile(files[index], options);
      onRead(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return outcomes;
}
