// Child-process entry for one app under test: `node --expose-gc --import tsx bench/wire/serve.ts
// <original|migrated|sample> [migratedDir]`. Starts the app on a free port and puts a small HTTP front
// in front of it that gzips every compressible response the app sent uncompressed (the original
// serves nothing compressed; the runtime gzips its JS but not its HTML), so both sides are compared
// minified + gzip. The front also answers GET /__bench/mem: a forced GC, then process.memoryUsage().
// Prints one JSON line: { front, app } ports. Memory clients talk to `app` directly.
import { createServer, request, Agent, type IncomingMessage, type ServerResponse } from "node:http";
import { createConnection } from "node:net";
import { createGzip } from "node:zlib";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = resolve(fileURLToPath(new URL("../../", import.meta.url)));
const kind = process.argv[2];
const migratedDir = process.argv[3] ?? join(repo, "tmp", "bench-wire-app");

async function startApp(): Promise<number> {
  if (kind === "original" || kind === "migrated") {
    const dir = kind === "original" ? join(repo, "fixtures", "example-app") : migratedDir;
    const { startServer } = (await import(pathToFileURL(join(dir, "src", "server.ts")).href)) as {
      startServer(port: number): Promise<{ url: string }>;
    };
    const running = await startServer(0);
    return Number(new URL(running.url).port);
  }
  if (kind === "sample") {
    const { createSampleHandler } = (await import(pathToFileURL(join(repo, "fixtures", "runtime-sample", "app.ts")).href)) as typeof import("../../fixtures/runtime-sample/app.ts");
    const handler = createSampleHandler({ secret: "bench-wire-secret-0123456789abcdef" });
    await handler.ready();
    const server = createServer(handler);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    return (server.address() as { port: number }).port;
  }
  throw new Error(`unknown app kind ${kind}`);
}

const COMPRESSIBLE = /^(text\/(html|css|javascript|plain)|application\/(javascript|json)|image\/svg)/;

function memory() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage();
}

const appPort = await startApp();
const agent = new Agent({ keepAlive: true });

const front = createServer((req: IncomingMessage, res: ServerResponse) => {
  if (req.url === "/__bench/mem") {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(memory()));
    return;
  }
  const upstream = request(
    { host: "127.0.0.1", port: appPort, method: req.method, path: req.url, headers: req.headers, agent },
    (up) => {
      const type = String(up.headers["content-type"] ?? "");
      const accepts = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      const compress = accepts && !up.headers["content-encoding"] && COMPRESSIBLE.test(type) && req.method !== "HEAD" && up.statusCode !== 204 && up.statusCode !== 304;
      const headers = { ...up.headers };
      if (compress) {
        delete headers["content-length"];
        headers["content-encoding"] = "gzip";
        headers["vary"] = "Accept-Encoding";
      }
      res.writeHead(up.statusCode ?? 502, headers);
      if (compress) up.pipe(createGzip()).pipe(res);
      else up.pipe(res);
    },
  );
  upstream.on("error", () => res.destroy());
  req.pipe(upstream);
});

// WebSocket upgrades pass through untouched (as served: `ws` without permessage-deflate).
front.on("upgrade", (req: IncomingMessage, socket, head: Buffer) => {
  const up = createConnection({ host: "127.0.0.1", port: appPort }, () => {
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    up.write(lines.join("\r\n") + "\r\n\r\n");
    if (head.length) up.write(head);
    up.pipe(socket);
    socket.pipe(up);
  });
  up.setNoDelay(true);
  up.on("error", () => socket.destroy());
  socket.on("error", () => up.destroy());
  socket.on("close", () => up.destroy());
  up.on("close", () => socket.destroy());
});

await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
process.stdout.write(JSON.stringify({ front: (front.address() as { port: number }).port, app: appPort }) + "\n");
process.on("SIGTERM", () => process.exit(0));
