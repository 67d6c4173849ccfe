// The worker-thread side of the pool (src/pipeline/pool.ts). It loads one task function, then runs the
// chunks of items the pool sends, one item at a time, and answers each with a plain-data result.
// Nothing outlives an item here: the task's compiler objects become garbage as soon as it returns.

import { parentPort, workerData } from "node:worker_threads";
import type { PoolTask, WorkerReply, WorkerRequest } from "./pool.ts";

type TaskFunction = (item: unknown, options: unknown) => unknown;

/** Imports the task module and returns its function; shared with the pool's in-process mode. */
export async function loadTask(task: PoolTask): Promise<TaskFunction> {
  const module = (await import(task.module)) as Record<string, unknown>;
  const fn = module[task.exportName];
  if (typeof fn !== "function") throw new Error(`${task.module} has no exported function ${task.exportName}`);
  return fn as TaskFunction;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Set in workerData by the pool, so importing this file anywhere else (even inside another worker) does nothing. */
export const POOL_WORKER_MARK = "liveview-migrate:pool-worker";

async function serve(): Promise<void> {
  const port = parentPort;
  const data = workerData as { mark?: string; task: PoolTask } | null;
  if (!port || data?.mark !== POOL_WORKER_MARK) return;
  const task = data.task;
  const send = (reply: WorkerReply) => port.postMessage(reply);
  let run: TaskFunction;
  try {
    run = await loadTask(task);
  } catch (error) {
    send({ type: "init-error", message: describeError(error) });
    return;
  }
  port.on("message", async (request: WorkerRequest) => {
    for (const { index, item } of request.items) {
      try {
        const value = await run(item, task.options);
        send({ type: "result", index, ok: true, value });
      } catch (error) {
        send({ type: "result", index, ok: false, message: describeError(error) });
      }
    }
  });
  send({ type: "ready" });
}

// Not awaited: the task module may import the pool, which imports this file; a top-level await here
// would make that import wait on itself.
void serve();
