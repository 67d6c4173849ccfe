// The server the runtime-server benchmark measures, run as its own process (so the load generator
// does not share its event loop). Env: PORT, REDIS_URL (optional). Prints `listening <port>`.
// GET /__bench/memory answers the process's memory after a full GC (run with --expose-gc).
import { createServer } from "node:http";
import { z } from "zod";
import { counter } from "../fixtures/runtime-sample/counter.component.ts";
import { createRedisSyncLog, createRequestHandler, defineCommands } from "../src/runtime/server/index.ts";

const sync = process.env.REDIS_URL ? createRedisSyncLog({ url: process.env.REDIS_URL }) : undefined;
const commands = defineCommands({
  ping: () => ({ pong: true }),
  validated: { params: z.object({ name: z.string().min(2), count: z.number().int().min(0) }), handler: (params: { name: string; count: number }) => ({ hello: params.name }) },
  publish: async (params: Record<string, unknown>, ctx) => {
    await ctx.publish("bench", { n: params.n ?? 0 });
    return null;
  },
});
const handler = createRequestHandler({
  secret: "bench-secret-0123456789abcdef",
  sync,
  heartbeatMs: 15_000,
  routes: [{ path: "/", component: { ...counter, sync: { bench: "inc" } }, commands, clientModule: new URL("../fixtures/runtime-sample/counter.component.ts", import.meta.url) }],
  onError: () => {},
});
await handler.ready();
const server = createServer((req, res) => {
  if (req.url === "/__bench/memory") {
    (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    res.writeHead(200, { "content-type": "application/json" });
    return void res.end(JSON.stringify({ ...memory, streams: handler.syncStreams }));
  }
  handler(req, res);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : ""}`);
});
process.on("SIGTERM", async () => {
  await handler.close();
  await sync?.close();
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
