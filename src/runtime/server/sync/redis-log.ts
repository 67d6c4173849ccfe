// A sync log on Redis Streams, shared by several server processes. Appends are XADD with
// MAXLEN ~ (bounded retention); live delivery uses ONE blocking connection per process (XREAD BLOCK
// over every followed topic), fanned out in memory to all subscribers, never one per client.
// Offsets are "<epoch>:<stream id>". The epoch is a random key stored next to the streams: a Redis
// that restarts without its data loses it with the streams, gets a new one, and every client resuming
// from an offset of the old epoch gets a reset instead of silently missing what was lost.

import { randomBytes } from "node:crypto";
import type { RedisClientType } from "redis";
import type { SyncDelivery, SyncEntry, SyncLog, SyncReadResult } from "./log.ts";
import { compareStreamIds, isStreamId } from "./stream-ids.ts";

export interface RedisSyncLogOptions {
  /** redis://host:port */
  url: string;
  /** Key prefix of the topic streams (default "lvm:sync:"). */
  prefix?: string;
  /** Approximate entries kept per topic (default 10,000). */
  maxLen?: number;
  /** Longest XREAD BLOCK in ms; the reader is woken early when topics change (default 5,000). */
  blockMs?: number;
  /** Connection errors (Redis down, reconnecting); the log keeps retrying. Default: ignored. */
  onError?(error: unknown): void;
}

const EMPTY_HEAD = "0-0";
/** Memo values: a claim while the command runs, then its answer (a prefix no answer starts with). */
const RUNNING = "running";
const ANSWER = "answer:";
const CATCH_UP_BATCH = 500;

interface Subscriber {
  closed: boolean;
  buffering: boolean;
  buffer: SyncDelivery[];
  last: Map<string, string>;
  emit(delivery: SyncDelivery): void;
}

interface Feed {
  subscribers: Set<Subscriber>;
  /** Last id the reader has seen; undefined until the topic's head is known. */
  cursor?: string;
  starting?: Promise<void>;
}

type Raw = string | number | null | Raw[];

export function createRedisSyncLog(options: RedisSyncLogOptions): SyncLog & { ready: Promise<void> } {
  const prefix = options.prefix ?? "lvm:sync:";
  const maxLen = String(Math.max(1, options.maxLen ?? 10_000));
  const blockMs = String(Math.max(1, options.blockMs ?? 5_000));
  const onError = options.onError ?? (() => {});
  // `redis` is imported on first use: processes on the in-memory log never pay for loading it.
  let command!: RedisClientType;
  let blocking!: RedisClientType;

  const feeds = new Map<string, Feed>();
  let closed = false;
  let blockingId = "";
  let dirty = false;
  let inFlight = false;
  let wakeIdle: (() => void) | undefined;

  const ready = (async () => {
    const { createClient } = await import("redis");
    command = createClient({ url: options.url, disableClientInfo: true }) as RedisClientType;
    blocking = command.duplicate();
    command.on("error", onError);
    blocking.on("error", onError);
    // The blocking connection's id changes when it reconnects; CLIENT UNBLOCK needs the current one.
    blocking.on("ready", () => {
      blocking.sendCommand<number>(["CLIENT", "ID"]).then((id) => (blockingId = String(id)), onError);
    });
    await Promise.all([command.connect(), blocking.connect()]);
    blockingId = String(await blocking.sendCommand<number>(["CLIENT", "ID"]));
  })();
  ready.catch(onError);

  const keyOf = (topic: string) => prefix + topic;
  // (topics whose name starts with "~" are reserved)
  const memoKey = (key: string) => `${prefix}~memo:${key}`;
  const epochKey = `${prefix}~epoch`;

  /** The log's current epoch, made when missing (first use, or a Redis that lost its data). */
  async function epoch(): Promise<string> {
    const known = await command.sendCommand<string | null>(["GET", epochKey]);
    if (known !== null) return known;
    await command.sendCommand(["SET", epochKey, randomBytes(9).toString("base64url"), "NX"]);
    return String(await command.sendCommand<string | null>(["GET", epochKey]));
  }

  async function streamInfo(topic: string): Promise<Map<string, Raw> | undefined> {
    try {
      const reply = await command.sendCommand<Raw[]>(["XINFO", "STREAM", keyOf(topic)]);
      const info = new Map<string, Raw>();
      for (let i = 0; i + 1 < reply.length; i += 2) info.set(String(reply[i]), reply[i + 1]);
      return info;
    } catch (error) {
      if (String((error as Error)?.message).includes("no such key")) return undefined;
      throw error;
    }
  }

  /** The id of the topic's last entry (EMPTY_HEAD for a topic never written). */
  async function headId(topic: string): Promise<string> {
    await ready;
    const info = await streamInfo(topic);
    return info ? String(info.get("last-generated-id")) : EMPTY_HEAD;
  }

  async function head(topic: string): Promise<string> {
    await ready;
    const current = await epoch();
    return label(current, await headId(topic));
  }

  /** An entry with its raw stream id as offset (the reader's cursor); `label` makes it a client offset. */
  function toEntry(topic: string, raw: Raw): SyncEntry {
    const [id, fields] = raw as [string, Raw[]];
    let message: Record<string, unknown> = {};
    for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === "m") message = JSON.parse(String(fields[i + 1]));
    return { topic, offset: id, message };
  }

  async function read(topic: string, afterOffset: string, limit: number): Promise<SyncReadResult> {
    await ready;
    const before = await epoch();
    const info = await streamInfo(topic);
    const last = info ? String(info.get("last-generated-id")) : EMPTY_HEAD;
    const after = parseOffset(afterOffset);
    if (!after || after.epoch !== before || compareStreamIds(after.id, last) > 0) return { reset: true, head: label(before, last) };
    if (!info) return [];
    // Entries were trimmed (added > kept) and the offset is before the oldest kept one: something
    // after it may be gone. (At exactly the last trimmed entry this resets needlessly, never wrongly.)
    const first = info.get("first-entry") as Raw[] | null;
    const trimmed = Number(info.get("entries-added")) > Number(info.get("length"));
    if (trimmed && first && compareStreamIds(after.id, String(first[0])) < 0) return { reset: true, head: label(before, last) };
    const reply = await command.sendCommand<Raw[]>(["XRANGE", keyOf(topic), `(${after.id}`, "+", "COUNT", String(Math.max(1, limit))]);
    // the data lost under our feet (a restart between the reads): what was read may not be all
    const now = await epoch();
    if (now !== before) return { reset: true, head: label(now, await headId(topic)) };
    return reply.map((raw) => {
      const entry = toEntry(topic, raw);
      return { ...entry, offset: label(before, entry.offset) };
    });
  }

  function wake(): void {
    dirty = true;
    if (wakeIdle) {
      const resolve = wakeIdle;
      wakeIdle = undefined;
      resolve();
      return;
    }
    if (inFlight) void unblockReader();
  }

  // CLIENT UNBLOCK answers 0 while the XREAD is sent but not yet blocking: retry briefly.
  async function unblockReader(): Promise<void> {
    for (let attempt = 0; attempt < 50 && dirty && inFlight && !closed; attempt++) {
      try {
        if ((await command.sendCommand<number>(["CLIENT", "UNBLOCK", blockingId])) === 1) return;
      } catch (error) {
        onError(error);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async function readerLoop(): Promise<void> {
    await ready.catch(() => {});
    let readerEpoch: string | undefined;
    while (!closed) {
      dirty = false;
      const active = [...feeds].filter(([, feed]) => feed.cursor !== undefined);
      if (active.length === 0) {
        await new Promise<void>((resolve) => (wakeIdle = resolve));
        continue;
      }
      let reply: Raw[] | null;
      let current: string;
      try {
        current = await epoch();
        // Redis lost its data (a restart without persistence): every follower resets, the reader starts over at the heads
        if (readerEpoch !== undefined && current !== readerEpoch) {
          for (const [topic, feed] of active) {
            feed.cursor = await headId(topic);
            for (const subscriber of feed.subscribers) {
              try {
                subscriber.emit({ kind: "reset", topic, offset: label(current, feed.cursor) });
              } catch (error) {
                onError(error);
              }
            }
          }
        }
        readerEpoch = current;
      } catch (error) {
        if (closed) return;
        onError(error);
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      inFlight = true;
      try {
        reply = await blocking.sendCommand<Raw[] | null>([
          "XREAD", "COUNT", String(CATCH_UP_BATCH), "BLOCK", blockMs, "STREAMS",
          ...active.map(([topic]) => keyOf(topic)),
          ...active.map(([, feed]) => feed.cursor as string),
        ]);
      } catch (error) {
        inFlight = false;
        if (closed) return;
        onError(error);
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      inFlight = false;
      for (const [key, entries] of (reply ?? []) as Array<[string, Raw[]]>) {
        const topic = String(key).slice(prefix.length);
        const feed = feeds.get(topic);
        if (!feed || feed.cursor === undefined) continue;
        for (const raw of entries) {
          const entry = toEntry(topic, raw);
          if (compareStreamIds(entry.offset, feed.cursor) <= 0) continue;
          feed.cursor = entry.offset;
          for (const subscriber of feed.subscribers) {
            try {
              subscriber.emit({ kind: "entry", ...entry, offset: label(current, entry.offset) });
            } catch (error) {
              onError(error); // one failing subscriber must not stop the shared reader
            }
          }
        }
      }
    }
  }
  readerLoop().catch(onError);

  /** Makes the reader follow a topic from its current head (idempotent per feed). */
  function startFeed(feed: Feed, topic: string): Promise<void> {
    feed.starting ??= headId(topic).then(
      (id) => {
        feed.cursor = id;
        wake();
      },
      (error) => {
        feed.starting = undefined; // the next subscriber tries again
        throw error;
      },
    );
    return feed.starting;
  }

  function subscribe(topics: readonly string[], fromOffsets: Readonly<Record<string, string>>, onDelivery: (delivery: SyncDelivery) => void): () => void {
    const names = [...new Set(topics)];
    // Drops what this subscriber already has (live entries that catch-up also read).
    const accept = (delivery: SyncDelivery) => {
      if (subscriber.closed) return;
      if (delivery.kind !== "error") {
        const last = parseOffset(subscriber.last.get(delivery.topic) ?? "");
        const offset = parseOffset(delivery.offset);
        if (delivery.kind === "entry" && last && offset && last.epoch === offset.epoch && compareStreamIds(offset.id, last.id) <= 0) return;
        subscriber.last.set(delivery.topic, delivery.offset);
      }
      onDelivery(delivery);
    };
    const subscriber: Subscriber = {
      closed: false,
      buffering: true,
      buffer: [],
      last: new Map(),
      emit(delivery) {
        if (subscriber.buffering) subscriber.buffer.push(delivery);
        else accept(delivery);
      },
    };
    const joined: Feed[] = [];
    for (const topic of names) {
      let feed = feeds.get(topic);
      if (!feed) feeds.set(topic, (feed = { subscribers: new Set() }));
      feed.subscribers.add(subscriber);
      joined.push(feed);
    }

    // Registered first (live entries buffer), then catch up from the offsets, then flush the buffer:
    // whatever arrives meanwhile is either read in catch-up or buffered, and duplicates are dropped.
    (async () => {
      await ready;
      await Promise.all(names.map((topic, i) => startFeed(joined[i], topic)));
      for (const topic of names) {
        let after = fromOffsets[topic] ?? (await head(topic));
        if (!subscriber.last.has(topic) && parseOffset(after)) subscriber.last.set(topic, after);
        for (let round = 0; !subscriber.closed; round++) {
          const result = await read(topic, after, CATCH_UP_BATCH);
          if (!Array.isArray(result)) {
            if (round > 3) throw new Error(`topic ${topic} is trimmed faster than it can be read`);
            accept({ kind: "reset", topic, offset: result.head });
            after = result.head;
            continue;
          }
          for (const entry of result) accept({ kind: "entry", ...entry });
          if (result.length < CATCH_UP_BATCH) break;
          after = result[result.length - 1].offset;
        }
      }
      subscriber.buffering = false;
      const buffered = subscriber.buffer;
      subscriber.buffer = [];
      for (const delivery of buffered) accept(delivery);
    })().catch((error) => {
      onError(error);
      accept({ kind: "error", message: "sync log unavailable" });
    });

    return () => {
      subscriber.closed = true;
      subscriber.buffer = [];
      for (const topic of names) {
        const feed = feeds.get(topic);
        if (!feed) continue;
        feed.subscribers.delete(subscriber);
        if (feed.subscribers.size === 0) feeds.delete(topic);
      }
    };
  }

  return {
    ready,
    async append(topic, message) {
      await ready;
      // labelled with the epoch before the write: if the data is lost after it, a client holding this offset resets
      const current = await epoch();
      return label(current, String(await command.sendCommand(["XADD", keyOf(topic), "MAXLEN", "~", maxLen, "*", "m", JSON.stringify(message)])));
    },
    read,
    head,
    subscribe,
    // answers by call id, next to the topics: a retry that lands on another process finds the first answer
    memo: {
      async claim(key, ttlMs) {
        await ready;
        const claimed = await command.sendCommand(["SET", memoKey(key), RUNNING, "NX", "PX", String(ttlMs)]);
        if (claimed === "OK") return { kind: "new" };
        const value = await command.sendCommand<string | null>(["GET", memoKey(key)]);
        if (value === null) return this.claim(key, ttlMs);
        return value === RUNNING ? { kind: "running" } : { kind: "done", answer: value.slice(ANSWER.length) };
      },
      async settle(key, answer, ttlMs) {
        await ready;
        await command.sendCommand(["SET", memoKey(key), ANSWER + answer, "PX", String(ttlMs)]);
      },
    },
    async close() {
      if (closed) return;
      closed = true;
      wakeIdle?.();
      await ready.catch(() => {});
      await Promise.allSettled([command?.disconnect(), blocking?.disconnect()]);
    },
  };
}

const label = (epoch: string, id: string) => `${epoch}:${id}`;

/** An offset of this log: its epoch and stream id, or undefined (garbage, another log's format). */
function parseOffset(offset: string): { epoch: string; id: string } | undefined {
  const colon = offset.lastIndexOf(":");
  if (colon <= 0) return undefined;
  const id = offset.slice(colon + 1);
  return isStreamId(id) ? { epoch: offset.slice(0, colon), id } : undefined;
}
