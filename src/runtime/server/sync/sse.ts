// GET {base}/sync?topics=a,b — Server-Sent Events over the sync log. Each event's id is the JSON of
// the offsets of ALL topics of the stream, so the browser's automatic Last-Event-ID on reconnect
// resumes every topic exactly where it stopped: nothing lost, nothing applied twice.

import type { IncomingMessage, ServerResponse } from "node:http";
import { SYNC_PROTOCOL, type SyncMessageData, type SyncOffsets, type SyncResetData } from "../../contract.ts";
import { parseJson } from "../body.ts";
import { httpError, sendError } from "../responses.ts";
import type { Session } from "../session.ts";
import type { SyncDelivery, SyncLog } from "./log.ts";

export interface SyncEndpointOptions {
  log: SyncLog;
  /** Comment line sent to every stream this often, so proxies keep it open (default 15 s). */
  heartbeatMs?: number;
  /** May this session follow this topic? */
  allowTopic(topic: string, session: Session): boolean;
  /** A client this far behind (bytes queued) is disconnected; it resumes from its Last-Event-ID. */
  maxBufferedBytes?: number;
}

export interface SyncEndpoint {
  handle(req: IncomingMessage, res: ServerResponse, url: URL, session: Session): Promise<void>;
  /** Number of open streams. */
  readonly size: number;
  /** Ends every stream (clients reconnect elsewhere) and stops the heartbeat. */
  close(): void;
}

const MAX_TOPICS = 32;
const MAX_TOPIC_LENGTH = 200;
const RETRY_MS = 1000;

export function createSyncEndpoint(options: SyncEndpointOptions): SyncEndpoint {
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const streams = new Set<ServerResponse>();
  // One timer for all streams: a timer per connection costs memory at thousands of subscribers.
  const heartbeat = setInterval(() => {
    for (const res of streams) write(res, ": hb\n\n");
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  function write(res: ServerResponse, chunk: string): void {
    if (res.destroyed || res.writableEnded) return; // a write after end would emit an unhandled 'error'
    res.write(chunk);
    if (res.writableLength > maxBuffered) res.destroy();
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, session: Session): Promise<void> {
    const topics = [...new Set((url.searchParams.get(SYNC_PROTOCOL.topicsParam) ?? "").split(",").map((t) => t.trim()).filter(Boolean))];
    if (topics.length === 0) return sendError(res, httpError(400, "BAD_REQUEST", "Query parameter `topics` is required"));
    if (topics.length > MAX_TOPICS || topics.some((t) => t.length > MAX_TOPIC_LENGTH)) {
      return sendError(res, httpError(400, "BAD_REQUEST", `At most ${MAX_TOPICS} topics of ${MAX_TOPIC_LENGTH} characters`));
    }
    const denied = topics.find((topic) => !options.allowTopic(topic, session));
    if (denied !== undefined) return sendError(res, httpError(404, "UNKNOWN_TOPIC", `Unknown topic: ${denied}`));

    const lastEventId = req.headers["last-event-id"];
    const resumeFrom = typeof lastEventId === "string" && lastEventId !== "" ? lastEventId : url.searchParams.get(SYNC_PROTOCOL.offsetsParam);
    const given = resumeFrom ? parseOffsets(resumeFrom) : {};
    if (given === undefined) return sendError(res, httpError(400, "BAD_REQUEST", "Offsets must be a JSON object of strings"));

    // Topics without an offset start at their head now: the id sent below makes reconnects exact.
    const offsets: SyncOffsets = Object.create(null);
    try {
      for (const topic of topics) offsets[topic] = given[topic] ?? (await options.log.head(topic));
    } catch {
      return sendError(res, httpError(503, "SYNC_UNAVAILABLE", "The sync log is unavailable"), { "retry-after": "1" });
    }
    if (req.destroyed) return;

    // Listen for the disconnect before subscribing, and check after: a client gone in between leaks nothing.
    let unsubscribe = () => {};
    res.on("close", () => {
      streams.delete(res);
      unsubscribe();
    });
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    const current: SyncOffsets = Object.assign(Object.create(null), offsets);
    write(res, `retry: ${RETRY_MS}\n` + event(SYNC_PROTOCOL.readyEvent, current, { offsets: current }));
    streams.add(res);

    unsubscribe = options.log.subscribe(topics, offsets, (delivery: SyncDelivery) => {
      if (delivery.kind === "error") return void (res.writableEnded || res.end());
      current[delivery.topic] = delivery.offset;
      if (delivery.kind === "entry") {
        const data: SyncMessageData = { topic: delivery.topic, offset: delivery.offset, message: delivery.message };
        write(res, event(SYNC_PROTOCOL.messageEvent, current, data));
      } else {
        const data: SyncResetData = { topic: delivery.topic, offset: delivery.offset };
        write(res, event(SYNC_PROTOCOL.resetEvent, current, data));
      }
    });
    if (res.destroyed) {
      streams.delete(res);
      unsubscribe();
    }
  }

  return {
    handle,
    get size() {
      return streams.size;
    },
    close() {
      clearInterval(heartbeat);
      for (const res of streams) res.end();
      streams.clear();
    },
  };
}

function event(name: string, offsets: SyncOffsets, data: unknown): string {
  // JSON.stringify escapes CR/LF, so neither the id nor the data can break the SSE framing.
  return `event: ${name}\nid: ${JSON.stringify(offsets)}\ndata: ${JSON.stringify(data)}\n\n`;
}

function parseOffsets(text: string): SyncOffsets | undefined {
  const parsed = parseJson(text);
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== "object" || Array.isArray(parsed.value)) return undefined;
  const offsets: SyncOffsets = Object.create(null);
  for (const [topic, offset] of Object.entries(parsed.value)) {
    if (typeof offset !== "string") return undefined;
    offsets[topic] = offset;
  }
  return offsets;
}
