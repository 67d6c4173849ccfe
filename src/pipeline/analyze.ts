// `analyze` end to end, as data in and data out: discover → read (bad-input checks) → analyzeFile per
// file (in-process or on a worker pool) → mergeFacts → buildPlan. `analyzeShard` stops before the
// cross-file phase and returns a part for `migrate merge` (src/plan/merge.ts). Nothing here prints; the CLI turns progress events and the plan into
// terminal output.

import { resolve } from "node:path";
import { analyzeFile, type AnalyzeOptions, type FileFacts, type SourceInput } from "../analyzers/index.ts";
import { discoverFiles, readSourceFile, type DiscoverOptions, type DiscoveredFile, type Discovery, type ReadOptions, type ReadOutcome } from "../discovery/index.ts";
import { buildPart, planFromFacts, type CollectedFacts, type PlanPart } from "../plan/merge.ts";
import type { Plan } from "../plan/types.ts";
import { DEFAULT_TIMEOUT_MS, defaultWorkerCount, runPool } from "./pool.ts";
import { selectShard, type ShardSpec } from "./shard.ts";

export interface AnalyzeProgress {
  phase: "discover" | "read" | "analyze" | "merge" | "done";
  done: number;
  total: number;
}

export interface AnalyzeProjectOptions extends DiscoverOptions, ReadOptions {
  onProgress?: (progress: AnalyzeProgress) => void;
  /** Hash of the config in force (issue 7); null when there is none. */
  configHash?: string | null;
  /** Passed through to mergeFacts (issue 7): { file, config } from src/config. */
  overrides?: { file: string; config: { minConfidence?: "high" | "medium" | "low" } };
  /** Files already discovered (the CLI checks for an empty project first); discovered here when absent. */
  discovery?: Discovery;
  /** Worker threads for the per-file phase; default from defaultWorkerCount (1 = in this thread). */
  workers?: number;
  /** With worker threads: a file still being analyzed after this long is reported as TIMEOUT. */
  fileTimeoutMs?: number;
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
  const collected = await collectFacts(absoluteRoot, options);
  report({ phase: "merge", done: 0, total: 1 });
  // The same assembly `migrate merge` uses, so merged shard parts equal this plan byte for byte.
  const plan = planFromFacts(collected, { root: absoluteRoot, overrides: options.overrides, configHash: options.configHash ?? null });
  report({ phase: "done", done: 1, total: 1 });
  return { plan, facts: collected.facts };
}

/** Shard K/N of a CI matrix: every file's record, and facts for the files this shard owns only. */
export async function analyzeShard(root: string, shard: ShardSpec, options: AnalyzeProjectOptions = {}): Promise<PlanPart> {
  const collected = await collectFacts(resolve(root), options, shard);
  options.onProgress?.({ phase: "done", done: 1, total: 1 });
  return buildPart(collected, shard, { root: resolve(root), configHash: options.configHash ?? null });
}

async function collectFacts(absoluteRoot: string, options: AnalyzeProjectOptions, shard?: ShardSpec): Promise<CollectedFacts> {
  const report = options.onProgress ?? (() => {});
  report({ phase: "discover", done: 0, total: 0 });
  const discovery = options.discovery ?? (await discoverFiles(absoluteRoot, options));

  // Every shard reads (and hashes) every file: the tree hash covers the whole tree, and ownership is
  // decided from all files' sizes.
  const reads = await readAll(discovery.files, options, (done) => report({ phase: "read", done, total: discovery.files.length }));
  const files = reads.map((read) => read.record);
  let inputs = reads.flatMap((read) => (read.input ? [read.input] : []));
  if (shard) {
    const owned = new Set(selectShard(files, shard.index, shard.count).map((file) => file.path));
    inputs = inputs.filter((input) => owned.has(input.path));
  }

  const facts = await analyzeFiles(inputs, { root: absoluteRoot }, (done, total) => report({ phase: "analyze", done, total }), {
    workers: options.workers,
    timeoutMs: options.fileTimeoutMs,
  });
  return { files, facts, inputErrors: [...discovery.errors, ...reads.flatMap((read) => (read.error ? [read.error] : []))] };
}

/** The pool's task: analyzeOneFile, loaded by each worker thread from this module. */
const ANALYZE_TASK_MODULE = import.meta.url;

/**
 * The per-file loop: in this thread, or on worker threads (src/pipeline/pool.ts) for larger runs. A
 * file whose analysis throws becomes an ANALYZER_ERROR on that file, one that runs past the time
 * limit a TIMEOUT (worker mode only), never a crashed or hung run. Facts come back in input order.
 * Input nested too deep is TOO_DEEP by a counted limit (src/analyzers/depth.ts), not by the thread's
 * stack (worker threads have another size): both modes give the same facts.
 */
export async function analyzeFiles(
  inputs: readonly SourceInput[],
  options: AnalyzeOptions,
  onProgress?: (done: number, total: number) => void,
  parallel: { workers?: number; timeoutMs?: number } = {},
): Promise<FileFacts[]> {
  const workers = parallel.workers ?? defaultWorkerCount(inputs.length);
  if (workers <= 1) {
    const facts: FileFacts[] = [];
    for (const input of inputs) {
      facts.push(analyzeOneFile(input, options));
      onProgress?.(facts.length, inputs.length);
    }
    return facts;
  }
  const timeoutMs = parallel.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let done = 0;
  const outcomes = await runPool<SourceInput, FileFacts>(
    inputs,
    { module: ANALYZE_TASK_MODULE, exportName: "analyzeOneFile", options },
    { workers, timeoutMs, onSettled: () => onProgress?.(++done, inputs.length) },
  );
  return outcomes.map((outcome, index) => {
    if (outcome.ok) return outcome.value;
    const path = inputs[index].path;
    if (outcome.code === "TIMEOUT") {
      return failedFacts(path, options, "TIMEOUT", `analysis took longer than ${timeoutMs / 1000} s; the file was skipped (raise --file-timeout)`);
    }
    return failedFacts(path, options, "ANALYZER_ERROR", `the analyzer failed on this file: ${outcome.message}`);
  });
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
