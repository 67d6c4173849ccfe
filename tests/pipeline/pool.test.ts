import { describe, expect, it } from "vitest";
import { runPool, type PoolOutcome } from "../../src/pipeline/pool.ts";
import type { FakeItem } from "./fixtures/fake-task.ts";

const task = { module: new URL("./fixtures/fake-task.ts", import.meta.url).href, exportName: "fakeTask", options: { factor: 10 } };
type Out = { value: number; thread: number };

const values = (outcomes: PoolOutcome<Out>[]) => outcomes.map((o) => (o.ok ? o.value.value : o.code));

describe("runPool", () => {
  it("returns results in input order while items finish out of order on two workers", async () => {
    // Early items sleep longest, so they finish last; the result order must not care. About 4 s of work
    // in all: the second worker is up long before the first could finish it alone (a loaded machine
    // takes a second or more to start a worker; with milliseconds of work, one worker did it all).
    const items: FakeItem[] = Array.from({ length: 40 }, (_, i) => ({ value: i, behave: "sleep", ms: ((40 - i) % 7) * 25 + 25 }));
    const settled: number[] = [];
    const outcomes = await runPool<FakeItem, Out>(items, task, { workers: 2, chunkSize: 3, onSettled: (i) => settled.push(i) });
    expect(values(outcomes)).toEqual(items.map((item) => item.value * 10));
    expect(new Set(outcomes.map((o) => (o.ok ? o.value.thread : -1))).size).toBe(2); // both workers did work
    expect([...settled].sort((a, b) => a - b)).toEqual(items.map((_, i) => i)); // each item reported once
  });

  it("runs in this thread with one worker and gives the same results", async () => {
    const items: FakeItem[] = [{ value: 1 }, { value: 2, behave: "throw" }, { value: 3 }];
    const outcomes = await runPool<FakeItem, Out>(items, task, { workers: 1 });
    expect(values(outcomes)).toEqual([10, "TASK_ERROR", 30]);
    expect(outcomes.every((o) => !o.ok || o.value.thread === 0)).toBe(true); // thread 0 is the main thread
  });

  it("reports an item that runs past the time limit as TIMEOUT, replaces the worker and finishes the rest", async () => {
    const items: FakeItem[] = [
      { value: 1 }, { value: 2, behave: "hang" }, { value: 3 }, { value: 4 }, { value: 5 }, { value: 6 }, { value: 7 },
    ];
    const outcomes = await runPool<FakeItem, Out>(items, task, { workers: 2, timeoutMs: 400, chunkSize: 3 });
    expect(values(outcomes)).toEqual([10, "TIMEOUT", 30, 40, 50, 60, 70]);
    const timeout = outcomes[1];
    expect(!timeout.ok && timeout.message).toMatch(/400 ms/);
    // The hanging worker was terminated: the items after it in its chunk ran on a replacement thread.
    const threads = outcomes.map((o) => (o.ok ? o.value.thread : undefined));
    expect(threads[2]).not.toBe(threads[0]);
  });

  it("passes a task's error message through and keeps going", async () => {
    const items: FakeItem[] = [{ value: 1 }, { value: 2, behave: "throw" }, { value: 3 }, { value: 4 }];
    const outcomes = await runPool<FakeItem, Out>(items, task, { workers: 2, chunkSize: 1 });
    expect(values(outcomes)).toEqual([10, "TASK_ERROR", 30, 40]);
    expect(outcomes[1]).toMatchObject({ ok: false, message: "item 2 is broken" });
  });

  it("reports an item whose worker dies as WORKER_EXIT and finishes the rest on a new worker", async () => {
    const items: FakeItem[] = [{ value: 1 }, { value: 2, behave: "exit" }, { value: 3 }, { value: 4 }, { value: 5 }];
    const outcomes = await runPool<FakeItem, Out>(items, task, { workers: 2, chunkSize: 2 });
    expect(values(outcomes)).toEqual([10, "WORKER_EXIT", 30, 40, 50]);
    expect(outcomes[1]).toMatchObject({ ok: false, message: expect.stringContaining("code 3") });
  });

  it("rejects when the task cannot be loaded at all", async () => {
    const broken = { ...task, exportName: "noSuchTask" };
    await expect(runPool([{ value: 1 }, { value: 2 }], broken, { workers: 2 })).rejects.toThrow(/noSuchTask/);
    await expect(runPool([{ value: 1 }], broken, { workers: 1 })).rejects.toThrow(/noSuchTask/);
  });

  it("handles an empty input", async () => {
    expect(await runPool([], task, { workers: 4 })).toEqual([]);
  });
});
