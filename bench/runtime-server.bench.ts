// Server runtime benchmark: commands per second on loopback under load (autocannon), and memory
// per connected SSE subscriber at 1,000 subscribers (a protocol-level client), on the in-memory
// sync log and, when redis-server is installed, on the Redis Streams log. Prints a markdown table.
//
//   node --import tsx bench/runtime-server.bench.ts [--duration 10] [--connections 50] [--subscribers 1000]

import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { once } from "node:events";
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from "node:net";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ""), process.argv[i + 1]);
const duration = Number(args.get("duration") ?? 10);
const connections = Number(args.get("connections") ?? 50);
const subscriberCount = Number(args.get("subscribers") ?? 1000);
const app = fileURLToPath(new URL("./runtime-server-app.ts", import.meta.url));
const repo = fileURLToPath(new URL("..", import.meta.url));

async function freePort(): Promise<number> {
  const server = createNetServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startApp(env: Record<string, string>): Promise<{ url: string; port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", app], { cwd: repo, env: { ...process.env, ...env, PORT: "0" }, stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`bench app exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, port, child };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
  await once(child, "exit");
  clearTimeout(timer);
}

async function session(url: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${url}/`);
  const html = await response.text();
  return { cookie: response.headers.get("set-cookie")!.split(";")[0], csrf: /"csrfToken":"([^"]+)"/.exec(html)![1] };
}

async function memory(url: string): Promise<{ rss: number; heapUsed: number; external: number; arrayBuffers: number; streams: number }> {
  return (await fetch(`${url}/__bench/memory`)).json();
}

async function loadCommand(url: string, auth: { cookie: string; csrf: string }, command: string, params: unknown, seconds = duration) {
  const result = await autocannon({
    url: `${url}/_lvm/command/counter/${command}`,
    method: "POST",
    connections,
    duration: seconds,
    headers: { "content-type": "application/json", cookie: auth.cookie, "x-csrf-token": auth.csrf },
    body: JSON.stringify({ params }),
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

/** Opens n SSE streams with raw sockets (what an EventSource holds), resolving once each got its `ready` event. */
async function openSubscribers(port: number, cookie: string, n: number): Promise<{ sockets: Socket[]; received: () => number }> {
  const sockets: Socket[] = [];
  let messages = 0;
  const batch = 100;
  for (let start = 0; start < n; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, n - start) }, () =>
        new Promise<void>((resolve, reject) => {
          const socket = connect(port, "127.0.0.1");
          let buffer = "";
          let ready = false;
          socket.setEncoding("utf8");
          socket.on("data", (chunk: string) => {
            buffer += chunk;
            if (!ready && buffer.includes("event: ready")) {
              ready = true;
              buffer = "";
              resolve();
            } else if (ready) {
              messages += buffer.split("event: message").length - 1;
              buffer = "";
            }
          });
          socket.on("error", reject);
          socket.write(`GET /_lvm/sync?topics=bench HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: ${cookie}\r\n\r\n`);
          sockets.push(socket);
        }),
      ),
    );
  }
  return { sockets, received: () => messages };
}

async function measureSubscribers(url: string, port: number, auth: { cookie: string; csrf: string }) {
  await new Promise((r) => setTimeout(r, 300));
  const before = await memory(url);
  const subscribers = await openSubscribers(port, auth.cookie, subscriberCount);
  await new Promise((r) => setTimeout(r, 500));
  const after = await memory(url);
  // Fan-out: one publish reaches every subscriber.
  const started = performance.now();
  await fetch(`${url}/_lvm/command/counter/publish`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: auth.cookie, "x-csrf-token": auth.csrf },
    body: JSON.stringify({ params: { n: 1 } }),
  });
  while (subscribers.received() < subscriberCount) await new Promise((r) => setTimeout(r, 1));
  const fanoutMs = performance.now() - started;
  for (const socket of subscribers.sockets) socket.destroy();
  // Wait for the server to see every stream close (cleanup), so the next phase starts clean.
  for (let i = 0; i < 500 && (await memory(url)).streams > 0; i++) await new Promise((r) => setTimeout(r, 10));
  const perSubscriber = (key: "rss" | "heapUsed") => (after[key] - before[key]) / subscriberCount / 1024;
  return { streams: after.streams, rssKb: perSubscriber("rss"), heapKb: perSubscriber("heapUsed"), fanoutMs };
}

async function startRedis(): Promise<{ url: string; child: ChildProcess } | undefined> {
  if (!existsSync("/usr/bin/redis-server")) return undefined;
  const port = await freePort();
  const child = spawn("/usr/bin/redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "ignore"] });
  await new Promise<void>((resolve) => child.stdout!.on("data", (chunk) => String(chunk).includes("Ready to accept") && resolve()));
  return { url: `redis://127.0.0.1:${port}`, child };
}

const rows: string[] = [];
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const redis = await startRedis();
const logs: Array<[string, Record<string, string>]> = [["in-memory", {}], ...(redis ? ([["redis", { REDIS_URL: redis.url }]] as Array<[string, Record<string, string>]>) : [])];
const subscriberRows: string[] = [];
try {
  for (const [name, env] of logs) {
    const server = await startApp(env);
    try {
      const auth = await session(server.url);
      // Subscribers first, in a fresh process: the load test's garbage would blur the memory figures.
      const s = await measureSubscribers(server.url, server.port, auth);
      subscriberRows.push(`| ${name} | ${s.streams} | ${fmt(s.rssKb, 1)} | ${fmt(s.heapKb, 1)} | ${fmt(s.fanoutMs, 1)} |`);
      await loadCommand(server.url, auth, "ping", {}, 1); // warm-up (JIT), not reported
      const cases: Array<[string, string, unknown]> = [
        ["ping (no params)", "ping", {}],
        ["zod-validated params", "validated", { name: "Ada", count: 3 }],
        ["publish to sync log", "publish", { n: 1 }],
      ];
      for (const [label, command, params] of cases) {
        if (name !== "in-memory" && command !== "publish") continue; // the log only matters for publish
        const r = await loadCommand(server.url, auth, command, params);
        rows.push(`| ${label} | ${name} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx + r.errors} |`);
      }
    } finally {
      await stop(server.child);
    }
  }
} finally {
  if (redis) await stop(redis.child);
}

console.log(`\n### Server runtime (Node ${process.version}, ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}; ${connections} connections, ${duration} s each, loopback)\n`);
console.log("| command | sync log | req/s | p50 ms | p99 ms | errors |\n|---|---|---:|---:|---:|---:|");
console.log(rows.join("\n"));
console.log(`\n| sync log | SSE subscribers | RSS per subscriber (KB) | heap per subscriber (KB) | one publish → all ${subscriberCount} received (ms) |\n|---|---:|---:|---:|---:|`);
console.log(subscriberRows.join("\n"));
