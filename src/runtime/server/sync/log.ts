// The sync log: topics backed by an append-only log with offsets. Clients resume from the last
// offset they saw, so a reconnect, a deploy or a crashed process loses nothing.

/** One message in a topic. `offset` is opaque outside the log that produced it. */
export interface SyncEntry {
  topic: string;
  offset: string;
  message: Record<string, unknown>;
}

/** What a subscriber receives: entries in offset order, or a reset when its offset is older than the
 *  log keeps (or unknown to it); after a reset, entries continue after `offset` (the topic's head). */
export type SyncDelivery =
  | ({ kind: "entry" } & SyncEntry)
  | { kind: "reset"; topic: string; offset: string }
  /** The log failed (e.g. Redis unreachable); the subscription is over, the client should reconnect. */
  | { kind: "error"; message: string };

export type SyncReadResult = SyncEntry[] | { reset: true; head: string };

export interface SyncLog {
  /** Appends a message; resolves to its offset. */
  append(topic: string, message: Record<string, unknown>): Promise<string>;
  /** Entries strictly after `afterOffset`, at most `limit`; `{ reset }` when entries after it were dropped. */
  read(topic: string, afterOffset: string, limit: number): Promise<SyncReadResult>;
  /** Offset of the topic's last entry (a topic never written has a valid "empty" head). */
  head(topic: string): Promise<string>;
  /**
   * Delivers every entry after `fromOffsets[topic]`, then live ones, in order, each exactly once.
   * A topic missing from `fromOffsets` starts at its head. Returns an unsubscribe function.
   */
  subscribe(topics: readonly string[], fromOffsets: Readonly<Record<string, string>>, onDelivery: (delivery: SyncDelivery) => void): () => void;
  close(): Promise<void>;
  /** Where command answers are remembered by call id (exactly-once); in the log's store, so every process sees them. */
  memo?: CommandMemo;
}

/**
 * Answers of recent command calls by id. A call id is claimed before the command runs: the first
 * claim runs it, a repeat gets the stored answer (or waits while the first still runs).
 */
export interface CommandMemo {
  /** "new": this caller runs the command; "running": another does; "done": its stored answer. */
  claim(key: string, ttlMs: number): Promise<{ kind: "new" } | { kind: "running" } | { kind: "done"; answer: string }>;
  settle(key: string, answer: string, ttlMs: number): Promise<void>;
}

/** The in-process memo (the memory log's, and the fallback for a log that has none). */
export function createMemoryMemo(limit = 10_000): CommandMemo {
  const entries = new Map<string, { answer?: string; expires: number }>();
  const sweep = (now: number) => {
    for (const [key, entry] of entries) if (entry.expires <= now || entries.size > limit) entries.delete(key);
  };
  return {
    async claim(key, ttlMs) {
      const now = Date.now();
      const entry = entries.get(key);
      if (entry && entry.expires > now) return entry.answer === undefined ? { kind: "running" } : { kind: "done", answer: entry.answer };
      if (entries.size >= limit) sweep(now);
      entries.set(key, { expires: now + ttlMs });
      return { kind: "new" };
    },
    async settle(key, answer, ttlMs) {
      entries.set(key, { answer, expires: Date.now() + ttlMs });
    },
  };
}
