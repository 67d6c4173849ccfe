// The Redis Streams sync log against a real redis-server: the SyncLog contract, one blocking
// connection per process, two server processes sharing one Redis, and a server SIGKILLed during a
// stream and restarted while messages are published: the client gets exactly the missed ones.
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRedisSyncLog, createRequestHandler } from "../../../src/runtime/server/index.ts";
import { notes } from "./app/notes.component.ts";
import { createNotesCommands } from "./app/notes.commands.ts";
import { firstPaint, freePort, listen, postCommand, SECRET, startRedis, startRedisOn, startSample, waitFor, type RedisServer, type SampleServer } from "./helpers.ts";
import { messages, openSse, type SseConnection } from "./sse-client.ts";
import { describeSyncLog } from "./sync-log-contract.ts";

let redis: RedisServer;
let prefixes = 0;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describeSyncLog(
  "redis",
  async ({ retention }) => {
    const log = createRedisSyncLog({ url: redis.url, prefix: `contract${++prefixes}:`, maxLen: retention });
    await log.ready;
    return log;
  },
  // MAXLEN ~ trims whole stream nodes (100 entries each): append well past that.
  { retention: 5, appends: 350 },
);

describe("redis: one blocking connection per process", () => {
  it("serves many subscribers on many topics over two connections (commands + one XREAD BLOCK)", async () => {
    const inspector = createClient({ url: redis.url });
    await inspector.connect();
    const clientsNow = async () => String(await inspector.sendCommand(["CLIENT", "LIST"])).trim().split("\n").length;
    const before = await clientsNow();
    const log = createRedisSyncLog({ url: redis.url, prefix: "fanout:" });
    await log.ready;
    const got = new Map<number, string[]>();
    const unsubscribes = Array.from({ length: 100 }, (_, i) => {
      got.set(i, []);
      return log.subscribe([`topic${i % 10}`], {}, (d) => d.kind === "entry" && got.get(i)!.push(String(d.message.n)));
    });
    await new Promise((r) => setTimeout(r, 200)); // subscriptions settle (heads read, reader woken)
    for (let t = 0; t < 10; t++) await log.append(`topic${t}`, { n: `n${t}` });
    await waitFor(() => [...got.values()].every((list) => list.length === 1), "every subscriber got its topic's message");
    for (const [i, list] of got) expect(list).toEqual([`n${i % 10}`]);
    expect((await clientsNow()) - before).toBe(2);
    unsubscribes.forEach((u) => u());
    await log.close();
    await inspector.disconnect();
  });
});

describe("redis: lost history is noticed", () => {
  it("after Redis restarts without its data, a client resuming from an old offset gets a reset, never only the new messages", async () => {
    const own = await startRedis();
    const log = createRedisSyncLog({ url: own.url, prefix: "epoch:", onError: () => {} });
    let restarted: RedisServer | undefined;
    try {
      await log.ready;
      for (let i = 1; i <= 10; i++) await log.append("t", { n: i });
      const seen = await log.head("t"); // a client saw all ten
      await log.append("t", { n: 11 }); // …then one more it has not seen yet
      await own.stop();
      restarted = await startRedisOn(own.port); // empty: no persistence
      // new messages arrive after the restart, with stream ids greater than the client's
      for (let attempt = 0; ; attempt++) {
        try {
          await log.append("t", { n: 12 });
          break;
        } catch (error) {
          if (attempt > 100) throw error;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      const read = await log.read("t", seen, 100);
      expect(read).toEqual({ reset: true, head: await log.head("t") });
      const deliveries: string[] = [];
      const stop = log.subscribe(["t"], { t: seen }, (d) => deliveries.push(d.kind === "entry" ? `entry ${d.message.n}` : d.kind));
      await waitFor(() => deliveries.length > 0, "a delivery");
      expect(deliveries[0]).toBe("reset");
      stop();
    } finally {
      await log.close();
      await restarted?.stop();
      await own.stop();
    }
  }, 30_000);
});

describe("redis: an outage under a running server", () => {
  it("keeps open streams through a Redis restart without its data: a reset (what was lost is unknown), then what is published once Redis is back", async () => {
    const own = await startRedis(); // restarted on the same port below, empty (no persistence)
    const log = createRedisSyncLog({ url: own.url, prefix: "outage:", onError: () => {} });
    const handler = createRequestHandler({
      secret: SECRET,
      sync: log,
      routes: [{ path: "/notes/:id", component: notes, commands: createNotesCommands().commands, clientModule: new URL("./app/notes.component.ts", import.meta.url) }],
    });
    const server = await listen(handler);
    let restarted: RedisServer | undefined;
    try {
      const paint = await firstPaint(`${server.url}/notes/1`);
      const auth = { cookie: paint.cookie, "x-csrf-token": paint.csrfToken };
      const sse = await openSse(`${server.url}/_lvm/sync?topics=notes`, { cookie: paint.cookie });
      await sse.until((events) => events.some((e) => e.event === "ready"));
      await postCommand(server.url, "notes/addNote", { params: { text: "before" } }, auth);
      await sse.until((events) => messages(sse).length === 1);

      await own.stop();
      const during = postCommand(server.url, "notes/addNote", { params: { text: "during" } }, auth); // queued by the client
      await new Promise((r) => setTimeout(r, 200));
      restarted = await startRedisOn(own.port);
      expect((await during).status).toBe(200);
      await postCommand(server.url, "notes/addNote", { params: { text: "after" } }, auth);
      const text = (m: { message: Record<string, unknown> }) => (m.message.note as { text: string }).text;
      await sse.until((events) => events.some((e) => e.event === "reset") && messages(sse).some((m) => text(m) === "after"));
      // Redis came back empty, with a new epoch: the stream says so (the client reloads), then goes on.
      // "during" landed in the new epoch either before the reset (the reload has it) or after it.
      const order = sse.events.filter((e) => e.event === "reset" || e.event === "message").map((e) => (e.event === "reset" ? "reset" : text(JSON.parse(e.data))));
      expect(order[0]).toBe("before");
      expect(order.filter((e) => e === "reset")).toHaveLength(1);
      expect(order.slice(order.indexOf("reset") + 1).filter((e) => e !== "during")).toEqual(["after"]);
      sse.close();
    } finally {
      await server.close();
      await handler.close();
      await log.close();
      await restarted?.stop();
      await own.stop();
    }
  });
});

describe("redis: several server processes", () => {
  let a: SampleServer | undefined;
  let b: SampleServer | undefined;
  let portA = 0;
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it("a command on one process reaches an SSE subscriber on the other", async () => {
    portA = await freePort();
    [a, b] = await Promise.all([startSample({ redisUrl: redis.url, port: portA }), startSample({ redisUrl: redis.url })]);
    const paint = await firstPaint(`${a.url}/volunteers`);
    const sse = await openSse(`${b.url}/_lvm/sync?topics=volunteers&offsets=${encodeURIComponent(JSON.stringify(paint.payload.offsets))}`, { cookie: paint.cookie });
    expect(sse.status).toBe(200);
    const response = await postCommand(a.url, "volunteers/addVolunteer", { params: { name: "Ada", phone: "555-123-4567" } }, { cookie: paint.cookie, "x-csrf-token": paint.csrfToken });
    expect(response.status).toBe(200);
    await sse.until((events) => events.some((e) => e.event === "message"));
    expect(messages(sse).map((m) => m.message.volunteer)).toEqual([{ id: response.body.result.id, name: "Ada", phone: "555-123-4567" }]);
    sse.close();
  });

  it("a server SIGKILLed during a stream and restarted: the client resumes with exactly the missed messages", async () => {
    const port = portA;
    let victim = a!;
    const publisher = b!;
    try {
      const paint = await firstPaint(`${publisher.url}/volunteers`);
      const auth = { cookie: paint.cookie, "x-csrf-token": paint.csrfToken };
      const total = 40;
      let published = 0;
      const publishing = (async () => {
        for (let i = 0; i < total; i++) {
          const r = await postCommand(publisher.url, "volunteers/addVolunteer", { params: { name: `v${i}`, phone: "555-000-0000" } }, auth);
          expect(r.status).toBe(200);
          published++;
          await new Promise((resolve) => setTimeout(resolve, 15));
        }
      })();

      // Like EventSource: whenever the stream ends, reconnect with Last-Event-ID (retrying while the server is down).
      const seen: string[] = [];
      let lastEventId = JSON.stringify(paint.payload.offsets);
      let current: SseConnection | undefined;
      const following = (async () => {
        while (seen.length < total) {
          let sse: SseConnection | undefined;
          while (!sse) {
            try {
              const attempt = await openSse(`http://127.0.0.1:${port}/_lvm/sync?topics=volunteers`, { cookie: paint.cookie, "last-event-id": lastEventId });
              if (attempt.status === 200) sse = attempt;
              else attempt.close();
            } catch {}
            if (!sse) await new Promise((resolve) => setTimeout(resolve, 50));
          }
          current = sse;
          void sse.until((events) => seen.length + events.filter((e) => e.event === "message").length >= total).then(() => sse.close());
          await sse.ended;
          for (const m of messages(sse)) seen.push((m.message.volunteer as { name: string }).name);
          lastEventId = sse.lastEventId ?? lastEventId;
        }
      })();

      await waitFor(() => current !== undefined && messages(current).length >= 8, "some messages before the kill");
      await victim.kill(); // mid-stream, no cleanup
      const publishedAtKill = published;
      await new Promise((resolve) => setTimeout(resolve, 150));
      a = victim = await startSample({ redisUrl: redis.url, port });
      expect(published - publishedAtKill).toBeGreaterThan(2); // messages really were published while it was down
      await publishing;
      await following;
      expect(seen).toEqual(Array.from({ length: total }, (_, i) => `v${i}`));
    } finally {
      await a?.stop();
    }
  });
});
