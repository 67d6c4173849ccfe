// The command endpoint over real HTTP on loopback: every kind of bad request gets a 4xx with a
// structured error and changes nothing; good ones run with the verified session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemorySyncLog, createRequestHandler, type RequestHandler, type SyncLog } from "../../../src/runtime/server/index.ts";
import { notes } from "./app/notes.component.ts";
import { createNotesCommands } from "./app/notes.commands.ts";
import { firstPaint, listen, postCommand, SECRET } from "./helpers.ts";

const clientModule = new URL("./app/notes.component.ts", import.meta.url);

describe("command endpoint", () => {
  let app: ReturnType<typeof createNotesCommands>;
  let log: SyncLog;
  let handler: RequestHandler;
  let server: Awaited<ReturnType<typeof listen>>;
  let cookie: string;
  let csrf: string;
  const errors: unknown[] = [];

  beforeAll(async () => {
    app = createNotesCommands();
    log = createMemorySyncLog();
    handler = createRequestHandler({
      secret: SECRET,
      sync: log,
      routes: [{ path: "/notes/:id", component: notes, commands: app.commands, clientModule }],
      onError: (error) => errors.push(error),
    });
    server = await listen(handler);
    const paint = await firstPaint(`${server.url}/notes/1`);
    cookie = paint.cookie;
    csrf = paint.csrfToken;
  });
  afterAll(async () => {
    await server.close();
    await handler.close();
  });

  const auth = () => ({ cookie, "x-csrf-token": csrf });

  it("runs a command with the session and returns { ok: true, result }", async () => {
    const response = await postCommand(server.url, "notes/echo", { params: { a: 1 }, url: "/notes/7?x=1" }, auth());
    expect(response.status).toBe(200);
    expect(response.body.ok).toBe(true);
    expect(response.body.result.params).toEqual({ a: 1 });
    expect(response.body.result.url).toBe("/notes/7");
    expect(typeof response.body.result.session).toBe("string");
  });

  describe("bad requests get a 4xx, a structured error, and change nothing", () => {
    const headBefore: { value?: string } = {};
    beforeAll(async () => {
      headBefore.value = await log.head("notes");
    });

    const valid = JSON.stringify({ params: { text: "hello" } });
    const cases: Array<[string, () => Promise<{ status: number; body: any }>, number, string]> = [
      ["GET instead of POST", async () => {
        const r = await fetch(`${server.url}/_lvm/command/notes/addNote`, { headers: auth() });
        return { status: r.status, body: await r.json() };
      }, 405, "METHOD_NOT_ALLOWED"],
      ["PUT instead of POST", async () => {
        const r = await fetch(`${server.url}/_lvm/command/notes/addNote`, { method: "PUT", headers: { ...auth(), "content-type": "application/json" }, body: valid });
        return { status: r.status, body: await r.json() };
      }, 405, "METHOD_NOT_ALLOWED"],
      ["unknown command", () => postCommand(server.url, "notes/dropTables", valid, auth()), 404, "UNKNOWN_COMMAND"],
      ["unknown component", () => postCommand(server.url, "nobody/addNote", valid, auth()), 404, "UNKNOWN_COMMAND"],
      ["inherited name constructor", () => postCommand(server.url, "notes/constructor", valid, auth()), 404, "UNKNOWN_COMMAND"],
      ["inherited name __proto__", () => postCommand(server.url, "notes/__proto__", valid, auth()), 404, "UNKNOWN_COMMAND"],
      ["inherited name hasOwnProperty", () => postCommand(server.url, "notes/hasOwnProperty", valid, auth()), 404, "UNKNOWN_COMMAND"],
      ["extra path segment", () => postCommand(server.url, "notes/addNote/x", valid, auth()), 404, "UNKNOWN_COMMAND"],
      ["malformed percent-encoding", () => postCommand(server.url, "notes/%E0%A4%A", valid, auth()), 404, "UNKNOWN_COMMAND"],
      ["no session cookie", () => postCommand(server.url, "notes/addNote", valid, { "x-csrf-token": csrf }), 403, "SESSION_INVALID"],
      ["missing CSRF token", () => postCommand(server.url, "notes/addNote", valid, { cookie }), 403, "CSRF_INVALID"],
      ["wrong CSRF token", () => postCommand(server.url, "notes/addNote", valid, { cookie, "x-csrf-token": csrf.slice(0, -2) + "xx" }), 403, "CSRF_INVALID"],
      ["empty CSRF token", () => postCommand(server.url, "notes/addNote", valid, { cookie, "x-csrf-token": "" }), 403, "CSRF_INVALID"],
      ["text/plain body", () => postCommand(server.url, "notes/addNote", valid, { ...auth(), "content-type": "text/plain" }), 415, "UNSUPPORTED_MEDIA_TYPE"],
      ["form-encoded body", () => postCommand(server.url, "notes/addNote", "params=1", { ...auth(), "content-type": "application/x-www-form-urlencoded" }), 415, "UNSUPPORTED_MEDIA_TYPE"],
      ["malformed JSON", () => postCommand(server.url, "notes/addNote", '{"params": {"text": "x"', auth()), 400, "MALFORMED_JSON"],
      ["empty body", () => postCommand(server.url, "notes/addNote", "", auth()), 400, "MALFORMED_JSON"],
      ["JSON array body", () => postCommand(server.url, "notes/addNote", "[1,2]", auth()), 400, "BAD_REQUEST"],
      ["JSON null body", () => postCommand(server.url, "notes/addNote", "null", auth()), 400, "BAD_REQUEST"],
      ["params is a string", () => postCommand(server.url, "notes/addNote", { params: "text" }, auth()), 400, "BAD_REQUEST"],
      ["params is an array", () => postCommand(server.url, "notes/addNote", { params: ["text"] }, auth()), 400, "BAD_REQUEST"],
      ["params of the wrong type", () => postCommand(server.url, "notes/addNote", { params: { text: 42 } }, auth()), 422, "INVALID_PARAMS"],
      ["params missing a field", () => postCommand(server.url, "notes/addNote", { params: {} }, auth()), 422, "INVALID_PARAMS"],
      ["params too long", () => postCommand(server.url, "notes/addNote", { params: { text: "x".repeat(101) } }, auth()), 422, "INVALID_PARAMS"],
      ["__proto__ in params", () => postCommand(server.url, "notes/addNote", '{"params":{"text":"x","__proto__":{"polluted":true}}}', auth()), 400, "BAD_REQUEST"],
      ["nested __proto__", () => postCommand(server.url, "notes/addNote", '{"params":{"text":"x","deep":[{"__proto__":{"polluted":true}}]}}', auth()), 400, "BAD_REQUEST"],
      ["top-level __proto__", () => postCommand(server.url, "notes/addNote", '{"__proto__":{"polluted":true},"params":{"text":"x"}}', auth()), 400, "BAD_REQUEST"],
      ["oversized body (content-length)", () => postCommand(server.url, "notes/addNote", { params: { text: "x".repeat(70 * 1024) } }, auth()), 413, "PAYLOAD_TOO_LARGE"],
    ];

    for (const [name, send, status, code] of cases) {
      it(`${name} → ${status} ${code}`, async () => {
        const response = await send();
        expect(response.status).toBe(status);
        expect(response.body).toEqual({ ok: false, error: { code, message: expect.any(String) } });
      });
    }

    it("oversized chunked body (no content-length) → 413", async () => {
      const chunks = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode(i === 0 ? '{"params":{"text":"' : "x".repeat(1024)));
          controller.close();
        },
      });
      const r = await fetch(`${server.url}/_lvm/command/notes/addNote`, {
        method: "POST",
        headers: { ...auth(), "content-type": "application/json" },
        body: chunks,
        duplex: "half",
      } as RequestInit);
      expect(r.status).toBe(413);
      expect((await r.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    });

    it("a forged session cookie (payload changed, old signature) → 403", async () => {
      const [, signature] = cookie.split("=")[1].split(".");
      const forged = `lvm_session=${Buffer.from(JSON.stringify({ id: "victim" })).toString("base64url")}.${signature}`;
      const response = await postCommand(server.url, "notes/addNote", valid, { cookie: forged, "x-csrf-token": csrf });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("SESSION_INVALID");
    });

    it("a cookie signed with another secret → 403", async () => {
      const other = createRequestHandler({ secret: "another-secret-0123456789", routes: [{ path: "/notes/:id", component: notes, commands: app.commands, clientModule }] });
      const otherServer = await listen(other);
      try {
        const paint = await firstPaint(`${otherServer.url}/notes/1`);
        const response = await postCommand(server.url, "notes/addNote", valid, { cookie: paint.cookie, "x-csrf-token": paint.csrfToken });
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe("SESSION_INVALID");
      } finally {
        await otherServer.close();
        await other.close();
      }
    });

    it("the CSRF token of another session → 403", async () => {
      const other = await firstPaint(`${server.url}/notes/1`);
      expect(other.csrfToken).not.toBe(csrf);
      const response = await postCommand(server.url, "notes/addNote", valid, { cookie, "x-csrf-token": other.csrfToken });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("CSRF_INVALID");
    });

    it("…and none of them changed anything", async () => {
      expect(app.store).toEqual([]);
      expect(app.calls.filter((c) => c === "addNote")).toEqual([]);
      expect(await log.head("notes")).toBe(headBefore.value);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  it("a constructor.prototype payload reaches the handler as plain data and pollutes nothing", async () => {
    const response = await postCommand(server.url, "notes/echo", '{"params":{"constructor":{"prototype":{"polluted":true}}}}', auth());
    expect(response.status).toBe(200);
    expect(response.body.result.protoIsObject).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a command past its time limit → 504 COMMAND_TIMEOUT, and its signal is aborted", async () => {
    const response = await postCommand(server.url, "notes/slow", { params: {} }, auth());
    expect(response.status).toBe(504);
    expect(response.body).toEqual({ ok: false, error: { code: "COMMAND_TIMEOUT", message: expect.any(String) } });
    expect(app.calls).toContain("slow aborted");
  });

  it("a command that throws → 500 COMMAND_FAILED without the error's message or stack", async () => {
    const response = await postCommand(server.url, "notes/crash", { params: {} }, auth());
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe("COMMAND_FAILED");
    expect(JSON.stringify(response.body)).not.toMatch(/secret|db\.ts|at /);
    expect(String(errors.at(-1))).toContain("secret database password"); // reported to the server's onError only
  });

  it("a command that returns fail() → its status, code and message", async () => {
    const response = await postCommand(server.url, "notes/refuse", { params: {} }, auth());
    expect(response).toEqual({ status: 403, body: { ok: false, error: { code: "NOT_ALLOWED", message: "You may not" } } });
  });

  it("a result that is not JSON → 500, not a crash", async () => {
    const response = await postCommand(server.url, "notes/notJson", { params: {} }, auth());
    expect(response.status).toBe(500);
    expect(response.body.error.code).toBe("COMMAND_FAILED");
  });

  it("a valid command changes state and publishes once", async () => {
    const before = await log.head("notes");
    const response = await postCommand(server.url, "notes/addNote", { params: { text: "hello" } }, auth());
    expect(response).toEqual({ status: 200, body: { ok: true, result: { note: { id: 1, text: "hello" } } } });
    expect(app.store).toEqual([{ id: 1, text: "hello" }]);
    const entries = await log.read("notes", before, 10);
    expect(Array.isArray(entries) && entries.map((e) => e.message)).toEqual([{ note: { id: 1, text: "hello" } }]);
  });

  it("getSession adds request facts to the session commands see; the cookie's id cannot be overridden", async () => {
    const withAuth = createRequestHandler({
      secret: SECRET,
      routes: [{ path: "/notes/:id", component: notes, commands: app.commands, clientModule }],
      getSession: (req) => ({ user: req.headers["x-test-user"] ?? "guest", id: "overridden" }),
    });
    const authServer = await listen(withAuth);
    try {
      const response = await postCommand(authServer.url, "notes/echo", { params: {} }, { ...auth(), "x-test-user": "grace" });
      expect(response.body.result.user).toBe("grace");
      const own = await postCommand(server.url, "notes/echo", { params: {} }, auth());
      expect(response.body.result.session).toBe(own.body.result.session);
    } finally {
      await authServer.close();
      await withAuth.close();
    }
  });

  it("serves the commands of non-route components (children) declared in `components`", async () => {
    const child = { name: "noteBadge", actions: {}, render: () => "" } as never;
    const withChild = createRequestHandler({
      secret: SECRET,
      routes: [{ path: "/notes/:id", component: notes, commands: app.commands, clientModule }],
      components: [{ component: child, commands: { hello: () => ({ hi: true }) } }],
    });
    const childServer = await listen(withChild);
    try {
      expect((await postCommand(childServer.url, "noteBadge/hello", { params: {} }, auth())).body).toEqual({ ok: true, result: { hi: true } });
      expect((await postCommand(childServer.url, "noteBadge/listNotes", { params: {} }, auth())).status).toBe(404);
    } finally {
      await childServer.close();
      await withChild.close();
    }
  });

  it("is stateless: another handler instance with the same secret accepts the session", async () => {
    const second = createRequestHandler({ secret: SECRET, routes: [{ path: "/notes/:id", component: notes, commands: app.commands, clientModule }] });
    const secondServer = await listen(second);
    try {
      const response = await postCommand(secondServer.url, "notes/echo", { params: {} }, auth());
      expect(response.status).toBe(200);
    } finally {
      await secondServer.close();
      await second.close();
    }
  });
});
