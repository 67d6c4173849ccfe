// The behaviour every SyncLog must have, run against the in-memory log and the Redis Streams log.
import { describe, expect, it } from "vitest";
import type { SyncDelivery, SyncLog } from "../../../src/runtime/server/index.ts";
import { waitFor } from "./helpers.ts";

export function describeSyncLog(name: string, makeLog: (options: { retention?: number }) => Promise<SyncLog>, trimTo: { retention: number; appends: number }) {
  describe(`${name}: SyncLog contract`, () => {
    it("appends in order and reads strictly after an offset, up to a limit", async () => {
      const log = await makeLog({});
      try {
        const start = await log.head("t");
        const offsets: string[] = [];
        for (let i = 1; i <= 5; i++) offsets.push(await log.append("t", { i }));
        expect(new Set(offsets).size).toBe(5);
        expect(await log.head("t")).toBe(offsets[4]);
        const all = await log.read("t", start, 100);
        expect(Array.isArray(all) && all.map((e) => e.message.i)).toEqual([1, 2, 3, 4, 5]);
        const tail = await log.read("t", offsets[1], 2);
        expect(Array.isArray(tail) && tail.map((e) => [e.offset, e.message.i])).toEqual([[offsets[2], 3], [offsets[3], 4]]);
        expect(await log.read("t", offsets[4], 10)).toEqual([]);
        expect(await log.read("other", await log.head("other"), 10)).toEqual([]);
      } finally {
        await log.close();
      }
    });

    it("answers an unknown or future offset with a reset to the head", async () => {
      const log = await makeLog({});
      try {
        const last = await log.append("t", { i: 1 });
        for (const bad of ["garbage", "999999999999999-0", "x.99", ""]) {
          expect(await log.read("t", bad, 10)).toEqual({ reset: true, head: last });
        }
      } finally {
        await log.close();
      }
    });

    it("answers an offset older than the retention with a reset", async () => {
      const log = await makeLog({ retention: trimTo.retention });
      try {
        const start = await log.head("t");
        const first = await log.append("t", { i: 0 });
        for (let i = 1; i < trimTo.appends; i++) await log.append("t", { i });
        const head = await log.head("t");
        expect(await log.read("t", start, 10)).toEqual({ reset: true, head });
        expect(await log.read("t", first, 10)).toEqual({ reset: true, head });
        const deliveries: SyncDelivery[] = [];
        const unsubscribe = log.subscribe(["t"], { t: first }, (d) => deliveries.push(d));
        await waitFor(() => deliveries.length > 0, "a reset delivery");
        expect(deliveries[0]).toEqual({ kind: "reset", topic: "t", offset: head });
        await log.append("t", { i: "after reset" });
        await waitFor(() => deliveries.length > 1, "the next entry");
        expect(deliveries[1]).toMatchObject({ kind: "entry", topic: "t", message: { i: "after reset" } });
        unsubscribe();
      } finally {
        await log.close();
      }
    });

    it("subscribe delivers the backlog then live entries, each exactly once, while appends race with it", async () => {
      const log = await makeLog({});
      try {
        const start = await log.head("t");
        for (let i = 0; i < 50; i++) await log.append("t", { i });
        const got: number[] = [];
        const otherTopic: number[] = [];
        const writer = (async () => {
          for (let i = 50; i < 150; i++) {
            await log.append("t", { i });
            if (i % 7 === 0) await log.append("u", { i });
            if (i % 10 === 0) await new Promise((r) => setImmediate(r));
          }
        })();
        const unsubscribe = log.subscribe(["t", "u"], { t: start, u: await log.head("u") }, (d) => {
          if (d.kind !== "entry") throw new Error(`unexpected ${d.kind}`);
          (d.topic === "t" ? got : otherTopic).push(d.message.i as number);
        });
        await writer;
        await waitFor(() => got.length >= 150, "all 150 entries");
        await new Promise((r) => setTimeout(r, 50)); // a duplicate would arrive now
        expect(got).toEqual(Array.from({ length: 150 }, (_, i) => i));
        expect(otherTopic.every((i, k) => k === 0 || i > otherTopic[k - 1])).toBe(true);
        unsubscribe();
        await log.append("t", { i: "after unsubscribe" });
        await new Promise((r) => setTimeout(r, 50));
        expect(got.length).toBe(150);
      } finally {
        await log.close();
      }
    });

    it("a topic missing from the offsets starts at its head", async () => {
      const log = await makeLog({});
      try {
        await log.append("t", { i: "old" });
        const got: unknown[] = [];
        const unsubscribe = log.subscribe(["t"], {}, (d) => d.kind === "entry" && got.push(d.message.i));
        await new Promise((r) => setTimeout(r, 100));
        await log.append("t", { i: "new" });
        await waitFor(() => got.length > 0, "the new entry");
        expect(got).toEqual(["new"]);
        unsubscribe();
      } finally {
        await log.close();
      }
    });
  });
}
