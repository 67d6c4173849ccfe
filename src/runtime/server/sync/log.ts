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
}
