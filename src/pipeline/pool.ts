// A pool of worker threads with a dynamic work queue: items go out in small chunks to whichever worker
// is free, so one slow file never holds up a whole slice. Each item has a time limit; a worker that
// exceeds it is terminated and replaced, and the item is reported as TIMEOUT instead of hanging the run.
// Results come back as plain data, in input order. With one worker everything runs in this thread.

import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { POOL_WORKER_MARK, describeError, loadTask } from "./worker.ts";

/** The function each worker runs: `module[exportName](item, options)`; item, options and result must be cloneable. */
export interface PoolTask {
  /** Module URL (file:// URL of a .ts or .js file). */
  module: string;
  exportName: string;
  options?: unknown;
}

export type PoolFailureCode = "TIMEOUT" | "TASK_ERROR" | "WORKER_EXIT";

export type PoolOutcome<O> =
  | { ok: true; value: O }
  | { ok: false; code: PoolFailureCode; message: string };

export interface PoolOptions<O> {
  /** Number of worker threads; 1 runs in this thread (no time limit can interrupt synchronous work then). */
  workers: number;
  /** Per-item time limit in milliseconds (worker mode only). Default: 30 s. */
  timeoutMs?: number;
  /** Items per message; default grows with the input so message overhead stays small. */
  chunkSize?: number;
  /** Called once per item as soon as it is settled (for progress bars). */
  onSettled?: (index: number, outcome: PoolOutcome<O>) => void;
}

// Messages between pool and worker (worker.ts).
export type WorkerRequest = { items: { index: number; item: unknown }[] };
export type WorkerReply =
  | { type: "ready" }
  | { type: "init-error"; message: string }
  | { type: "result"; index: number; ok: true; value: unknown }
  | { type: "result"; index: number; ok: false; message: string };

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Threads cost a fixed ~4–5 s of CPU (each worker loads the TypeScript compiler and warms its JIT
 * again; results are copied back), against ~4–7 ms of CPU per file. On the shared 2-core machine of
 * bench/results-analyze.md (2026-11-24, load ~2), 2 workers lost at 1,000 views (8.2 s vs 6.8 s) and
 * won at 10,000 (32.6 s vs 38.0 s): threads by default only from 5,000 files; `--workers N` decides.
 */
export const MIN_FILES_FOR_WORKERS = 5000;
export const MAX_DEFAULT_WORKERS = 2;

export function defaultWorkerCount(files: number, cores = availableParallelism()): number {
  if (files < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(MAX_DEFAULT_WORKERS, cores));
}

/** Runs `task` over every item; never rejects for a failing item, only for a task that cannot load at all. */
export async function runPool<I, O>(items: readonly I[], task: PoolTask, options: PoolOptions<O>): Promise<PoolOutcome<O>[]> {
  const workers = Math.max(1, Math.floor(options.workers));
  if (workers === 1 || items.length <= 1) return runInProcess(items, task, options);
  return runInWorkers(items, task, { ...options, workers: Math.min(workers, items.length) });
}

async function runInProcess<I, O>(items: readonly I[], task: PoolTask, options: PoolOptions<O>): Promise<PoolOutcome<O>[]> {
  const run = await loadTask(task);
  const results: PoolOutcome<O>[] = [];
  for (let index = 0; index < items.length; index++) {
    let outcome: PoolOutcome<O>;
    try {
      outcome = { ok: true, value: (await run(items[index], task.options)) as O };
    } catch (error) {
      outcome = { ok: false, code: "TASK_ERROR", message: describeError(error) };
    }
    results.push(outcome);
    options.onSettled?.(index, outcome);
  }
  return results;
}

/** Running from src/*.ts (a checkout, tests) rather than the compiled dist/*.js. */
const FROM_SOURCES = import.meta.url.endsWith(".ts");

// Each worker registers tsx itself when it runs the sources (loader hooks of the parent thread do not
// reach workers on Node 20), then loads the worker module, which speaks the protocol above.
const BOOTSTRAP = [
  `import { workerData } from "node:worker_threads";`,
  `if (workerData.tsxApi) (await import(workerData.tsxApi)).register();`,
  `await import(workerData.entry);`,
].join("\n");
const BOOTSTRAP_URL = new URL(`data:text/javascript,${encodeURIComponent(BOOTSTRAP)}`);

/** The parent's loader flags would register tsx a second time in the worker; the bootstrap does it once. */
function workerExecArgv(): string[] {
  const kept: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--import" || arg === "--loader" || arg === "--experimental-loader" || arg === "--require" || arg === "-r") {
      i++;
      continue;
    }
    if (/^--(import|loader|experimental-loader|require)=/.test(arg)) continue;
    kept.push(arg);
  }
  return kept;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Indices sent and not yet answered, in the order the worker runs them. */
  pending: number[];
  timer?: NodeJS.Timeout;
  /** Set once the pool has given up on this worker (timeout, crash, or shutdown). */
  retired: boolean;
}

function runInWorkers<I, O>(items: readonly I[], task: PoolTask, options: PoolOptions<O>): Promise<PoolOutcome<O>[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const chunkSize = options.chunkSize ?? Math.max(1, Math.min(16, Math.floor(items.length / (options.workers * 16))));
  const results = new Array<PoolOutcome<O> | undefined>(items.length);
  const queue: number[] = items.map((_, index) => index);
  const slots = new Set<Slot>();
  let settledCount = 0;
  const workerData = {
    mark: POOL_WORKER_MARK,
    task,
    // the sources need tsx's loader in each worker; the build (dist/*.js) runs on plain Node
    tsxApi: FROM_SOURCES ? import.meta.resolve("tsx/esm/api") : undefined,
    entry: new URL(FROM_SOURCES ? "./worker.ts" : "./worker.js", import.meta.url).href,
  };

  return new Promise((resolve, reject) => {
    let finished = false;

    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      for (const slot of slots) retire(slot);
      if (error) reject(error);
      else resolve(results as PoolOutcome<O>[]);
    };

    const settle = (index: number, outcome: PoolOutcome<O>) => {
      if (results[index]) return;
      results[index] = outcome;
      settledCount++;
      options.onSettled?.(index, outcome);
      if (settledCount === items.length) finish();
    };

    const retire = (slot: Slot) => {
      slot.retired = true;
      clearTimeout(slot.timer);
      slots.delete(slot);
      void slot.worker.terminate();
    };

    const armTimer = (slot: Slot) => {
      clearTimeout(slot.timer);
      if (slot.pending.length === 0) return;
      slot.timer = setTimeout(() => {
        const [stuck, ...rest] = slot.pending;
        retire(slot);
        settle(stuck, { ok: false, code: "TIMEOUT", message: `still running after ${timeoutMs} ms; the worker was replaced` });
        replace(rest);
      }, timeoutMs);
    };

    // A worker was lost with work in hand: its unstarted items go back to the front of the queue.
    const replace = (unstarted: number[]) => {
      queue.unshift(...unstarted);
      if (!finished && queue.length > 0) spawn();
    };

    const dispatch = (slot: Slot) => {
      if (finished || slot.retired || !slot.ready || slot.pending.length > 0) return;
      // Nothing left to hand out: this worker is done; the run ends when the last item settles.
      if (queue.length === 0) return retire(slot);
      const indices = queue.splice(0, chunkSize);
      slot.pending = indices;
      slot.worker.postMessage({ items: indices.map((index) => ({ index, item: items[index] })) } satisfies WorkerRequest);
      armTimer(slot);
    };

    const spawn = () => {
      const worker = new Worker(BOOTSTRAP_URL, { workerData, execArgv: workerExecArgv() });
      const slot: Slot = { worker, ready: false, pending: [], retired: false };
      slots.add(slot);
      worker.on("message", (reply: WorkerReply) => {
        if (slot.retired) return;
        if (reply.type === "ready") {
          slot.ready = true;
          dispatch(slot);
        } else if (reply.type === "init-error") {
          finish(new Error(`worker could not load ${task.module}#${task.exportName}: ${reply.message}`));
        } else {
          slot.pending = slot.pending.filter((index) => index !== reply.index);
          settle(
            reply.index,
            reply.ok ? { ok: true, value: reply.value as O } : { ok: false, code: "TASK_ERROR", message: reply.message },
          );
          if (slot.pending.length > 0) armTimer(slot);
          else {
            clearTimeout(slot.timer);
            dispatch(slot);
          }
        }
      });
      const lost = (message: string) => {
        if (slot.retired || finished) return;
        if (!slot.ready) return finish(new Error(`worker failed to start: ${message}`));
        const [current, ...rest] = slot.pending;
        retire(slot);
        if (current !== undefined) settle(current, { ok: false, code: "WORKER_EXIT", message });
        replace(rest);
      };
      worker.on("error", (error) => lost(`worker crashed: ${describeError(error)}`));
      worker.on("exit", (code) => lost(`worker exited with code ${code}`));
    };

    if (items.length === 0) return finish();
    for (let i = 0; i < options.workers; i++) spawn();
  });
}
