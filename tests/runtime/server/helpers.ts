// Test helpers: a handler on a real loopback HTTP server, a cookie-holding client, and a
// redis-server started on a free port (stopped by the test).

import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import type { RequestHandler } from "../../../src/runtime/server/index.ts";

export const SECRET = "test-secret-0123456789abcdef";

export async function listen(handler: RequestHandler | ((req: any, res: any) => void)): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export async function freePort(): Promise<number> {
  const server = createNetServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A first paint: the session cookie and the state script's payload. */
export async function firstPaint(url: string, cookie?: string): Promise<{ cookie: string; csrfToken: string; payload: any; html: string; response: Response }> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  const html = await response.text();
  const setCookie = response.headers.get("set-cookie");
  const match = /<script type="application\/json" data-lvm-state="[^"]*">(.*?)<\/script>/s.exec(html);
  const payload = match ? JSON.parse(match[1]) : undefined;
  return { cookie: setCookie ? setCookie.split(";")[0] : (cookie ?? ""), csrfToken: payload?.csrfToken, payload, html, response };
}

export async function postCommand(
  base: string,
  path: string,
  body: string | object,
  headers: Record<string, string>,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}/_lvm/command/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: response.status, body: parsed };
}

export interface RedisServer {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  return startRedisOn(await freePort());
}

export async function startRedisOn(port: number): Promise<RedisServer> {
  const child = spawn("/usr/bin/redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes("Ready to accept connections")) resolve();
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}

export function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

export interface SampleServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** SIGKILL: no cleanup at all, like a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const sampleServer = new URL("../../../fixtures/runtime-sample/server.ts", import.meta.url).pathname;
const repoRoot = new URL("../../../", import.meta.url).pathname;

/** Starts fixtures/runtime-sample as a child process (on `port`, or a free one). */
export async function startSample(env: { port?: number; redisUrl?: string; dataFile?: string; secret?: string } = {}): Promise<SampleServer> {
  const child = spawn(process.execPath, ["--import", "tsx", sampleServer], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(env.port ?? 0),
      SECRET: env.secret ?? SECRET,
      ...(env.redisUrl ? { REDIS_URL: env.redisUrl } : {}),
      ...(env.dataFile ? { DATA_FILE: env.dataFile } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk;
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
    child.once("exit", (code) => reject(new Error(`sample server exited (${code}): ${output}`)));
  });
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    async kill() {
      if (exited()) return;
      child.kill("SIGKILL");
      await once(child, "exit");
    },
    async stop() {
      if (exited()) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await once(child, "exit");
      clearTimeout(timer);
    },
  };
}
