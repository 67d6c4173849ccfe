// A TCP proxy on loopback that holds every chunk for `delayMs` in each direction (50 ms each way →
// 100 ms RTT). CDP network emulation delays HTTP but not WebSocket frames in this Chromium, so both
// apps get their round-trip time from here instead, for HTTP, SSE and WebSocket alike.
import { createConnection, createServer, type Server, type Socket } from "node:net";

export interface DelayProxy {
  port: number;
  close(): Promise<void>;
}

/** Forwards `from` to `to`, each chunk (and the end) `delayMs` later, in order. */
function pipeDelayed(from: Socket, to: Socket, delayMs: number): void {
  const queue: { at: number; chunk: Buffer | null }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const now = Date.now();
    while (queue.length && queue[0]!.at <= now) {
      const { chunk } = queue.shift()!;
      if (to.destroyed) return;
      if (chunk === null) to.end();
      else to.write(chunk);
    }
    if (queue.length) timer = setTimeout(flush, Math.max(0, queue[0]!.at - Date.now()));
  };
  const push = (chunk: Buffer | null) => {
    queue.push({ at: Date.now() + delayMs, chunk });
    timer ??= setTimeout(flush, delayMs);
  };
  from.on("data", (chunk: Buffer) => push(chunk));
  from.on("end", () => push(null));
}

export async function startDelayProxy(targetPort: number, delayMs = 50): Promise<DelayProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    client.setNoDelay(true);
    const upstream = createConnection({ host: "127.0.0.1", port: targetPort });
    upstream.setNoDelay(true);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    pipeDelayed(client, upstream, delayMs);
    pipeDelayed(upstream, client, delayMs);
    // a reset on one side ends the other, after the same delay
    client.on("close", () => setTimeout(() => upstream.destroy(), delayMs));
    upstream.on("close", () => setTimeout(() => client.destroy(), delayMs));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
