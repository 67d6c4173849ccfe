// Exactly-once commands (issue 17): the browser names each call and its retries reuse the name; the
// server runs a call once and answers a repeat with the first answer — also on another process that
// shares the Redis sync log — and what a command publishes goes out only with its answer, never after
// a timeout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemorySyncLog, createRedisSyncLog, createRequestHandler, type RequestHandler, type SyncLog } from "../../../src/runtime/server/index.ts";
import { notes } from "./app/notes.component.ts";
import { createNotesCommands } from "./app/notes.commands.ts";
import { firstPaint, listen, postCommand, SECRET, startRedis, type RedisServer } from "./helpers.ts";

const clientModule = new URL("./app/notes.component.ts", import.meta.url);

async function messages(log: SyncLog, from: string): Promise<unknown[]> {
  const entries = await log.read("notes", from, 100);
  return Array.isArray(entries) ? entries.map((e) => e.message) : ["reset"];
}

describe("exactly-once commands (one process, in-memory log)", () => {
  const app = createNotesCommands();
  const log = createMemorySyncLog();
  let handler: RequestHandler;
  let server: Awaited<ReturnType<typeof listen>>;
  let auth: Record<string, string>;

  beforeAll(async () => {
    handler = createRequestHandler({ secret: SECRET, sync: log, routes: [{ path: "/notes/:id", component: notes, commands: app.commands, clientModule }], onError: () => {} });
    server = await listen(handler);
    const paint = await firstPaint(`${server.url}/notes/1`);
    auth = { cookie: paint.cookie, "x-csrf-token": paint.csrfToken };
  });
  afterAll(async () => {
    await server.close();
    await handler.close();
  });

  it("a repeated call id runs once: the repeat gets the first answer, the message is published once", async () => {
    const from = await log.head("notes");
    const first = await postCommand(server.url, "notes/addNote", { params: { text: "once" }, id: "call-0001" }, auth);
    const again = await postCommand(server.url, "notes/addNote", { params: { text: "once" }, id: "call-0001" }, auth);
    expect(first).toEqual({ status: 200, body: { ok: true, result: { note: { id: 1, text: "once" } } } });
    expect(again).toEqual(first);
    expect(app.store).toEqual([{ id: 1, text: "once" }]);
    expect(await messages(log, from)).toEqual([{ note: { id: 1, text: "once" } }]);
    // a new call id is a new call
    await postCommand(server.url, "notes/addNote", { params: { text: "twice" }, id: "call-0002" }, auth);
    expect(app.store.map((n) => n.text)).toEqual(["once", "twice"]);
  });

  it("a repeat that arrives while the first still runs waits for its answer and does not run again", async () => {
    const [a, b] = await Promise.all([
      postCommand(server.url, "notes/slowAdd", { params: { text: "racing" }, id: "call-race-1" }, auth),
      postCommand(server.url, "notes/slowAdd", { params: { text: "racing" }, id: "call-race-1" }, auth),
    ]);
    expect(a).toEqual(b);
    expect(a.status).toBe(200);
    expect(app.calls.filter((c) => c === "slowAdd racing")).toHaveLength(1);
  });

  it("a call id is the session's own: another session's request with the same id runs its own call", async () => {
    const other = await firstPaint(`${server.url}/notes/1`);
    const mine = await postCommand(server.url, "notes/echo", { params: { who: "me" }, id: "call-shared" }, auth);
    const theirs = await postCommand(server.url, "notes/echo", { params: { who: "them" }, id: "call-shared" }, { cookie: other.cookie, "x-csrf-token": other.csrfToken });
    expect(mine.body.result.params).toEqual({ who: "me" });
    expect(theirs.body.result.params).toEqual({ who: "them" });
  });

  it("a command that publishes and then times out publishes nothing, even when it finishes later; its repeat gets the timeout", async () => {
    const from = await log.head("notes");
    const response = await postCommand(server.url, "notes/publishThenStall", { params: {}, id: "call-stall-1" }, auth);
    expect(response.status).toBe(504);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await messages(log, from)).toEqual([]);
    const repeat = await postCommand(server.url, "notes/publishThenStall", { params: {}, id: "call-stall-1" }, auth);
    expect(repeat).toEqual(response);
    expect(app.calls.filter((c) => c === "publishThenStall")).toHaveLength(1);
  });

  it("an id that is not a call id (too short, odd characters) is not remembered: the request still runs", async () => {
    for (const id of ["x", "a b c d e f g h", { nested: true }]) {
      const response = await postCommand(server.url, "notes/echo", { params: {}, id }, auth);
      expect(response.status).toBe(200);
    }
  });
});

describe("exactly-once commands across processes (Redis)", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it("a retry that lands on the other process gets the first answer; the command ran and published once", async () => {
    const app = createNotesCommands();
    const logs = [createRedisSyncLog({ url: redis.url, prefix: "once:" }), createRedisSyncLog({ url: redis.url, prefix: "once:" })];
    const handlers = logs.map((sync) => createRequestHandler({ secret: SECRET, sync, routes: [{ path: "/notes/:id", component: notes, commands: app.commands, clientModule }], onError: () => {} }));
    const servers = await Promise.all(handlers.map((h) => listen(h)));
    try {
      const paint = await firstPaint(`${servers[0]!.url}/notes/1`);
      const auth = { cookie: paint.cookie, "x-csrf-token": paint.csrfToken };
      const from = await logs[0]!.head("notes");
      const [a, b] = await Promise.all([
        postCommand(servers[0]!.url, "notes/slowAdd", { params: { text: "shared" }, id: "call-redis-1" }, auth),
        postCommand(servers[1]!.url, "notes/slowAdd", { params: { text: "shared" }, id: "call-redis-1" }, auth),
      ]);
      expect(a.status).toBe(200);
      expect(b).toEqual(a);
      const later = await postCommand(servers[1]!.url, "notes/slowAdd", { params: { text: "shared" }, id: "call-redis-1" }, auth);
      expect(later).toEqual(a);
      expect(app.calls.filter((c) => c === "slowAdd shared")).toHaveLength(1);
      expect(await messages(logs[1]!, from)).toEqual([{ note: { id: 1, text: "shared" } }]);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
      await Promise.all(handlers.map((h) => h.close()));
      await Promise.all(logs.map((l) => l.close()));
    }
  }, 30_000);
});
