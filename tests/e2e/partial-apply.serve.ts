// Child-process entry for tests/e2e/partial-apply.test.ts: `node --import tsx partial-apply.serve.ts <appDir>`
// starts the (partially migrated) copy's own server on a free port in a fresh module graph and prints
// one JSON line `{ "url": ... }`; it stops when the parent kills it.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// liveviewjs 0.8.1 throws from a WebSocket send callback when the browser has gone (its
// maybeHandleError reads `this.#config` of undefined): that would kill the copy's server between two
// tests whenever a page closes mid-send. Logged, and the server goes on.
process.on("uncaughtException", (error) => console.error("uncaught in the copy's server (kept serving):", error));

const dir = process.argv[2];
if (!dir) throw new Error("usage: partial-apply.serve.ts <appDir>");
const { startServer } = (await import(pathToFileURL(join(dir, "src", "server.ts")).href)) as {
  startServer(port: number): Promise<{ url: string }>;
};
const running = await startServer(0);
process.stdout.write(`${JSON.stringify({ url: running.url })}\n`);
