// The in-memory sync log and the SSE endpoint over real HTTP: resume from Last-Event-ID with nothing
// lost and nothing twice, reset past retention, heartbeats, cleanup on disconnect, bad requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemorySyncLog, createRequestHandler, type RequestHandler, type SyncLog } from "../../../src/runtime/server/index.ts";
import { notes } from "./app/notes.component.ts";
import { createNotesCommands } from "./app/notes.commands.ts";
import { firstPaint, listen, postCommand, SECRET, waitFor } from "./helpers.ts";
import { messages, openSse, type SseConnection } from "./sse-client.ts";
import { describeSyncLog } from "./sync-log-contract.ts";

const clientModule = new URL("./app/notes.component.ts", import.meta.url);

describeSyncLog("memory", async ({ retention }) => createMemorySyncLog({ retention }), { retention: 5, appends: 20 });

describe("SSE sync endpoint (in-memory log)", () => {
  let log: SyncLog;
  let handler: RequestHandler;
  let server: Awaited<ReturnType<typeof listen>>;
  let cookie: string;
  let csrf: string;
  let offsets: Record<string, string>;
  const add = (text: string) => postCommand(server.url, "notes/addNote", { params: { text } }, { cookie, "x-csrf-token": csrf });
  const syncUrl = (query = "topics=notes,other") => `${server.url}/_lvm/sync?${query}`;

  beforeAll(async () => {
    log = createMemorySyncLog({ retention: 20 });
    handler = createRequestHandler({
      secret: SECRET,
      sync: log,
      heartbeatMs: 50,
      routes: [{ path: "/notes/:id", component: notes, commands: createNotesCommands().commands, clientModule }],
    });
    server = await listen(handler);
    const paint = await firstPaint(`${server.url}/notes/1`);
    ({ cookie, csrfToken: csrf } = paint);
    offsets = paint.payload.offsets;
  });
  afterAll(async () => {
    await server.close();
    await handler.close();
  });

  it("streams from the first paint's offsets: messages published in between are not lost", async () => {
    await add("before connect"); // after first paint, before the stream opens
    const sse = await openSse(syncUrl(`topics=notes,other&offsets=${encodeURIComponent(JSON.stringify(offsets))}`), { cookie });
    expect(sse.status).toBe(200);
    expect(sse.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(sse.headers["cache-control"]).toBe("no-store");
    await add("after connect");
    await sse.until((events) => events.filter((e) => e.event === "message").length >= 2);
    expect(messages(sse).map((m) => (m.message.note as { text: string }).text)).toEqual(["before connect", "after connect"]);
    expect(sse.events[0].event).toBe("ready");
    const lastId = JSON.parse(sse.lastEventId!);
    expect(lastId).toEqual({ notes: messages(sse)[1].offset, other: offsets.other }); // all topics in one id
    sse.close();
  });

  it("resumes from Last-Event-ID with exactly the missed messages, none twice (many reconnects while publishing)", async () => {
    const seen: string[] = [];
    let lastEventId = JSON.stringify({ notes: await log.head("notes"), other: await log.head("other") });
    let published = 0;
    const publishing = (async () => {
      for (; published < 60; published++) {
        await add(`m${published}`);
        if (published % 5 === 0) await new Promise((r) => setTimeout(r, 5));
      }
    })();
    // Connect, take a few messages, drop the connection, reconnect with the last id; repeat.
    for (let round = 0; round < 8 || seen.length < 60; round++) {
      const sse: SseConnection = await openSse(syncUrl(), { cookie, "last-event-id": lastEventId });
      await Promise.race([sse.until((events) => events.filter((e) => e.event === "message").length >= 7), new Promise((r) => setTimeout(r, 100))]);
      sse.close();
      await sse.ended;
      for (const m of messages(sse)) seen.push((m.message.note as { text: string }).text);
      lastEventId = sse.lastEventId ?? lastEventId;
      if (round > 200) throw new Error("did not converge");
    }
    await publishing;
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => `m${i}`));
    await waitFor(() => handler.syncStreams === 0, "streams cleaned up after disconnects");
  });

  it("Last-Event-ID wins over ?offsets=", async () => {
    const head = await log.head("notes");
    await add("only this");
    const stale = JSON.stringify({ notes: "garbage", other: offsets.other });
    const sse = await openSse(syncUrl(`topics=notes&offsets=${encodeURIComponent(stale)}`), { cookie, "last-event-id": JSON.stringify({ notes: head }) });
    await sse.until((events) => events.some((e) => e.event === "message"));
    expect(messages(sse).map((m) => (m.message.note as { text: string }).text)).toEqual(["only this"]);
    expect(sse.events.some((e) => e.event === "reset")).toBe(false);
    sse.close();
  });

  it("sends a reset when the offset is older than the log keeps, then continues", async () => {
    const old = await log.head("notes");
    for (let i = 0; i < 25; i++) await add(`flood${i}`);
    const sse = await openSse(syncUrl("topics=notes"), { cookie, "last-event-id": JSON.stringify({ notes: old }) });
    await sse.until((events) => events.some((e) => e.event === "reset"));
    const reset = JSON.parse(sse.events.find((e) => e.event === "reset")!.data);
    expect(reset).toEqual({ topic: "notes", offset: await log.head("notes") });
    await add("after reset");
    await sse.until((events) => events.some((e) => e.event === "message"));
    expect(messages(sse).map((m) => (m.message.note as { text: string }).text)).toEqual(["after reset"]);
    sse.close();
  });

  it("a restarted process (a new in-memory log) resets clients instead of skipping messages", async () => {
    const before = await log.head("notes");
    const fresh = createMemorySyncLog();
    await fresh.append("notes", { n: 1 });
    expect(await fresh.read("notes", before, 10)).toEqual({ reset: true, head: await fresh.head("notes") });
    await fresh.close();
  });

  it("sends heartbeats as SSE comments and cleans up on disconnect", async () => {
    const sse = await openSse(syncUrl(), { cookie });
    await waitFor(() => sse.comments.includes("hb"), "a heartbeat");
    expect(handler.syncStreams).toBe(1);
    sse.close();
    await waitFor(() => handler.syncStreams === 0, "the stream to be cleaned up");
  });

  it("answers bad sync requests with 4xx", async () => {
    const status = async (url: string, init: RequestInit = {}) => {
      const r = await fetch(url, init);
      const body = await r.json();
      expect(body).toEqual({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
      return [r.status, body.error.code];
    };
    expect(await status(syncUrl(), { method: "POST", headers: { cookie } })).toEqual([405, "METHOD_NOT_ALLOWED"]);
    expect(await status(syncUrl())).toEqual([403, "SESSION_INVALID"]);
    expect(await status(syncUrl(), { headers: { cookie: cookie.replace(/.$/, "x") } })).toEqual([403, "SESSION_INVALID"]);
    expect(await status(syncUrl("topics="), { headers: { cookie } })).toEqual([400, "BAD_REQUEST"]);
    expect(await status(syncUrl("topics=secret-admin-topic"), { headers: { cookie } })).toEqual([404, "UNKNOWN_TOPIC"]);
    expect(await status(syncUrl("topics=__proto__"), { headers: { cookie } })).toEqual([404, "UNKNOWN_TOPIC"]);
    expect(await status(syncUrl(`topics=${Array.from({ length: 40 }, (_, i) => `t${i}`).join(",")}`), { headers: { cookie } })).toEqual([400, "BAD_REQUEST"]);
    expect(await status(syncUrl(), { headers: { cookie, "last-event-id": "{not json" } })).toEqual([400, "BAD_REQUEST"]);
    expect(await status(syncUrl(), { headers: { cookie, "last-event-id": '{"notes":5}' } })).toEqual([400, "BAD_REQUEST"]);
    expect(await status(syncUrl(), { headers: { cookie, "last-event-id": '{"__proto__":{"x":"1"}}' } })).toEqual([400, "BAD_REQUEST"]);
    expect(await status(syncUrl("topics=notes&offsets=%5B1%5D"), { headers: { cookie } })).toEqual([400, "BAD_REQUEST"]);
    expect(handler.syncStreams).toBe(0);
  });
});
