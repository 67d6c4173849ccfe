// A protocol-level SSE client for tests and benchmarks: parses events like a browser's EventSource
// and can reconnect with Last-Event-ID, so tests see exactly what a client would apply.

import { request, type Agent, type IncomingMessage } from "node:http";

export interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

export interface SseConnection {
  status: number;
  headers: IncomingMessage["headers"];
  events: SseEvent[];
  /** Comment lines received (heartbeats). */
  comments: string[];
  lastEventId?: string;
  /** Resolves when the stream ends (server closed it or it was killed). */
  ended: Promise<void>;
  /** Resolves once `predicate` holds for the events so far (checked on every event). */
  until(predicate: (events: SseEvent[]) => boolean): Promise<void>;
  close(): void;
}

export function openSse(url: string, headers: Record<string, string> = {}, agent?: Agent): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: "text/event-stream", ...headers }, agent }, (res) => {
      const waiters: Array<{ predicate: (events: SseEvent[]) => boolean; resolve: () => void }> = [];
      let endResolve!: () => void;
      const connection: SseConnection = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        comments: [],
        ended: new Promise<void>((r) => (endResolve = r)),
        until(predicate) {
          if (predicate(connection.events)) return Promise.resolve();
          return new Promise((r) => waiters.push({ predicate, resolve: r }));
        },
        close() {
          req.destroy();
        },
      };
      let buffer = "";
      let current: { event?: string; id?: string; data: string[] } = { data: [] };
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let newline: number;
        while ((newline = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, newline).replace(/\r$/, "");
          buffer = buffer.slice(newline + 1);
          if (line === "") {
            if (current.id !== undefined) connection.lastEventId = current.id;
            if (current.data.length) connection.events.push({ event: current.event ?? "message", id: current.id, data: current.data.join("\n") });
            current = { data: [] };
            for (const waiter of [...waiters]) {
              if (waiter.predicate(connection.events)) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.resolve();
              }
            }
          } else if (line.startsWith(":")) connection.comments.push(line.slice(1).trim());
          else {
            const colon = line.indexOf(":");
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
            if (field === "event") current.event = value;
            else if (field === "id") current.id = value;
            else if (field === "data") current.data.push(value);
          }
        }
      });
      const end = () => endResolve();
      res.on("end", end);
      res.on("close", end);
      res.on("error", end);
      resolve(connection);
    });
    req.on("error", reject);
    req.end();
  });
}

/** The `message` events' parsed data. */
export function messages(connection: SseConnection): Array<{ topic: string; offset: string; message: Record<string, unknown> }> {
  return connection.events.filter((e) => e.event === "message").map((e) => JSON.parse(e.data));
}
