// The embedded default sync log: one process, bounded retention per topic. Offsets carry a random
// epoch, so a client that saw offsets of a previous process (a restart) gets a reset, never a silent gap.

import { randomBytes } from "node:crypto";
import { createMemoryMemo, type SyncDelivery, type SyncEntry, type SyncLog, type SyncReadResult } from "./log.ts";

export interface MemorySyncLogOptions {
  /** Entries kept per topic (default 1000); older offsets get a reset. */
  retention?: number;
}

interface Topic {
  entries: SyncEntry[]; // oldest first; entries[i] has sequence firstSeq + i
  firstSeq: number;
  lastSeq: number;
  listeners: Set<(delivery: SyncDelivery) => void>;
}

export function createMemorySyncLog(options: MemorySyncLogOptions = {}): SyncLog {
  const retention = Math.max(1, options.retention ?? 1000);
  const epoch = randomBytes(6).toString("base64url");
  const topics = new Map<string, Topic>();
  let closed = false;

  const offsetOf = (seq: number) => `${epoch}.${seq}`;
  const topicOf = (name: string): Topic => {
    let topic = topics.get(name);
    if (!topic) topics.set(name, (topic = { entries: [], firstSeq: 1, lastSeq: 0, listeners: new Set() }));
    return topic;
  };
  /** The sequence number of an offset of this log, or undefined (another epoch, garbage, the future). */
  const seqOf = (topic: Topic, offset: string): number | undefined => {
    const dot = offset.lastIndexOf(".");
    if (dot < 0 || offset.slice(0, dot) !== epoch) return undefined;
    const seq = Number(offset.slice(dot + 1));
    return Number.isSafeInteger(seq) && seq >= 0 && seq <= topic.lastSeq ? seq : undefined;
  };
  const readSync = (name: string, afterOffset: string, limit: number): SyncReadResult => {
    const topic = topicOf(name);
    const seq = seqOf(topic, afterOffset);
    if (seq === undefined || seq < topic.firstSeq - 1) return { reset: true, head: offsetOf(topic.lastSeq) };
    const start = seq + 1 - topic.firstSeq;
    return topic.entries.slice(start, start + Math.max(0, limit));
  };

  return {
    async append(name, message) {
      if (closed) throw new Error("sync log closed");
      const topic = topicOf(name);
      const entry: SyncEntry = { topic: name, offset: offsetOf(++topic.lastSeq), message };
      topic.entries.push(entry);
      if (topic.entries.length > retention) {
        topic.entries.splice(0, topic.entries.length - retention);
        topic.firstSeq = topic.lastSeq - topic.entries.length + 1;
      }
      // One failing subscriber must not fail the publisher's command.
      for (const listener of topic.listeners) {
        try {
          listener({ kind: "entry", ...entry });
        } catch {}
      }
      return entry.offset;
    },
    async read(name, afterOffset, limit) {
      return readSync(name, afterOffset, limit);
    },
    async head(name) {
      return offsetOf(topicOf(name).lastSeq);
    },
    subscribe(names, fromOffsets, onDelivery) {
      // Catch-up and registration happen in one synchronous step: no append can slip between them.
      const registered: Array<[Topic, (delivery: SyncDelivery) => void]> = [];
      for (const name of new Set(names)) {
        const topic = topicOf(name);
        const from = fromOffsets[name];
        if (from !== undefined) {
          const result = readSync(name, from, Number.MAX_SAFE_INTEGER);
          if (Array.isArray(result)) for (const entry of result) onDelivery({ kind: "entry", ...entry });
          else onDelivery({ kind: "reset", topic: name, offset: result.head });
        }
        const listener = (delivery: SyncDelivery) => onDelivery(delivery);
        topic.listeners.add(listener);
        registered.push([topic, listener]);
      }
      return () => {
        for (const [topic, listener] of registered) topic.listeners.delete(listener);
      };
    },
    async close() {
      closed = true;
      for (const topic of topics.values()) topic.listeners.clear();
    },
    memo: createMemoryMemo(),
  };
}
