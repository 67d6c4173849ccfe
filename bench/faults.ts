// Fault script (issue 17): messages published by commands while Redis or a server dies, counted at a
// subscriber on another "process" (its own Redis log). A publisher retries every failed call under
// the same call id, so the server runs it once. Prints, per scenario: published / received /
// duplicated / lost, and lost-without-reset (a message neither received nor covered by a reset the
// subscriber got after it was published: that is silent loss, the number that must be 0).
//
//   node --import tsx bench/faults.ts [--messages 200]
//
// Scenarios: Redis killed and restarted without persistence; with persistence (appendonly, fsync
// always); the publisher's server killed (its HTTP server closed mid-run, the retries go to the other).

import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { defineCommands } from "../src/runtime/contract.ts";
import { createRedisSyncLog, createRequestHandler } from "../src/runtime/server/index.ts";
import type { SyncLog } from "../src/runtime/server/index.ts";
import { createNotesCommands } from "../tests/runtime/server/app/notes.commands.ts";
import { notes } from "../tests/runtime/server/app/notes.component.ts";
import { freePort } from "../tests/runtime/server/helpers.ts";

const SECRET = "faults-secret-0123456789abcdef";
const args = process.argv.slice(2);
const MESSAGES = Number(args[args.indexOf("--messages") + 1] ?? 0) || 200;

interface Redis {
  url: string;
  port: number;
  child: ChildProcess;
}

async function startRedis(port: number, dir?: string): Promise<Redis> {
  const persistence = dir ? ["--dir", dir, "--appendonly", "yes", "--appendfsync", "always", "--save", ""] : ["--save", "", "--appendonly", "no"];
  const child = spawn("/usr/bin/redis-server", ["--port", String(port), "--bind", "127.0.0.1", ...persistence], { stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c) => ((out += c), out.includes("Ready to accept connections") && resolve()));
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
  });
  return { url: `redis://127.0.0.1:${port}`, port, child };
}

async function kill(redis: Redis): Promise<void> {
  if (redis.child.exitCode !== null) return;
  redis.child.kill("SIGKILL");
  await once(redis.child, "exit");
}

/** A server process of the app: its own Redis log, the one command that publishes. */
async function startServer(redisUrl: string, prefix: string) {
  const log = createRedisSyncLog({ url: redisUrl, prefix, onError: () => {} });
  const commands = defineCommands({
    ...createNotesCommands().commands,
    post: { params: z.object({ n: z.number() }), handler: async (params: { n: number }, ctx) => (await ctx.publish("feed", { n: params.n }), { n: params.n }) },
  });
  const handler = createRequestHandler({ secret: SECRET, sync: log, routes: [{ path: "/notes/:id", component: notes, commands, clientModule: new URL("../tests/runtime/server/app/notes.component.ts", import.meta.url) }], onError: () => {} });
  const http: Server = createServer(handler).listen(0, "127.0.0.1");
  await once(http, "listening");
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    async stop() {
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
      await handler.close();
      await log.close();
    },
  };
}

async function session(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/notes/1`);
  const html = await response.text();
  const csrf = /"csrfToken":"([^"]+)"/.exec(html)![1]!;
  return { cookie: response.headers.get("set-cookie")!.split(";")[0]!, "x-csrf-token": csrf, "content-type": "application/json" };
}

/** Posts message n under one call id until some server answers 200 (the same id on every retry). */
async function publish(urls: () => string[], auth: Record<string, string>, n: number): Promise<void> {
  const id = `call-${n}-${Math.random().toString(36).slice(2)}`;
  for (let attempt = 0; attempt < 400; attempt++) {
    const url = urls()[attempt % urls().length]!;
    try {
      const response = await fetch(`${url}/_lvm/command/notes/post`, { method: "POST", headers: auth, body: JSON.stringify({ params: { n }, id }) });
      if (response.status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`message ${n} was never accepted`);
}

interface Tally {
  scenario: string;
  published: number;
  received: number;
  duplicated: number;
  lost: number;
  lostWithoutReset: number;
  resets: number;
}

async function scenario(name: string, fault: (at: { redis: Redis; restart: () => Promise<void>; killServer: () => Promise<void> }) => Promise<void>, persistent: boolean): Promise<Tally> {
  const dir = persistent ? mkdtempSync(join(tmpdir(), "lvm-faults-")) : undefined;
  const port = await freePort();
  let redis = await startRedis(port, dir);
  const prefix = `faults-${name.replace(/\W/g, "")}:`;
  const servers = [await startServer(redis.url, prefix), await startServer(redis.url, prefix)];
  let live = servers.map((s) => s.url);
  const auth = await session(live[0]!);
  // the subscriber: another process's log, following the topic from its head
  const subscriberLog: SyncLog = createRedisSyncLog({ url: redis.url, prefix, onError: () => {} });
  const received = new Map<number, number>();
  /** Each reset's offset: the head the subscriber reloads to (everything up to it is covered). */
  const resets: string[] = [];
  const published = new Set<number>();
  const stop = subscriberLog.subscribe(["feed"], {}, (d) => {
    if (d.kind === "entry") received.set(Number(d.message.n), (received.get(Number(d.message.n)) ?? 0) + 1);
    else if (d.kind === "reset") resets.push(d.offset);
  });
  await new Promise((r) => setTimeout(r, 300));
  const faultAt = Math.floor(MESSAGES / 3);
  for (let n = 1; n <= MESSAGES; n++) {
    if (n === faultAt) {
      await fault({
        redis,
        restart: async () => {
          await kill(redis);
          await new Promise((r) => setTimeout(r, 300));
          redis = await startRedis(port, dir);
        },
        killServer: async () => {
          await servers[0]!.stop();
          live = [servers[1]!.url];
        },
      });
    }
    await publish(() => live, auth, n);
    published.add(n);
  }
  await new Promise((r) => setTimeout(r, 1500));
  stop();
  // where each message is in the log now (the epoch of the last reset, or the only one)
  const epochStart = `${(resets.at(-1) ?? (await subscriberLog.head("feed"))).split(":")[0]}:0-0`;
  const kept = await subscriberLog.read("feed", epochStart, 1_000_000);
  const offsetOf = new Map(Array.isArray(kept) ? kept.map((e) => [Number(e.message.n), e.offset.split(":")[1]!] as const) : []);
  await subscriberLog.close();
  for (const s of servers) await s.stop().catch(() => {});
  await kill(redis);
  if (dir) rmSync(dir, { recursive: true, force: true });
  const missing = [...published].filter((n) => !received.has(n));
  // A reset covers what the log had up to its head (the subscriber reloads it) and what was lost with
  // an old epoch. A missing message is silent loss when no reset came, or when it is in the log after
  // the last reset's head (it should have been delivered).
  const resetHead = resets.at(-1)?.split(":")[1];
  const afterReset = (n: number) => {
    const id = offsetOf.get(n);
    if (id === undefined || resetHead === undefined) return false;
    const [a, b] = [id, resetHead].map((x) => x.split("-").map(BigInt));
    return a![0]! > b![0]! || (a![0] === b![0] && a![1]! > b![1]!);
  };
  return {
    scenario: name,
    published: published.size,
    received: received.size,
    duplicated: [...received.values()].filter((count) => count > 1).length,
    lost: missing.length,
    lostWithoutReset: missing.filter((n) => resets.length === 0 || afterReset(n)).length,
    resets: resets.length,
  };
}

const rows: Tally[] = [];
rows.push(await scenario("redis killed, no persistence", ({ restart }) => restart(), false));
rows.push(await scenario("redis killed, appendonly fsync always", ({ restart }) => restart(), true));
rows.push(await scenario("publisher's server killed", ({ killServer }) => killServer(), false));
console.log(`faults: ${MESSAGES} messages per scenario, a retrying publisher (one call id per message), a subscriber on another process`);
console.log("| scenario | published | received | duplicated | lost | lost without reset | resets |");
console.log("|---|---|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.scenario} | ${r.published} | ${r.received} | ${r.duplicated} | ${r.lost} | ${r.lostWithoutReset} | ${r.resets} |`);
const bad = rows.some((r) => r.duplicated > 0 || r.lostWithoutReset > 0);
process.exitCode = bad ? 1 : 0;
