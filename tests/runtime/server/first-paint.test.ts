// First paint over real HTTP: the session cookie, the rendered component, the state script (safe
// against `</script>` and U+2028), the content-hashed client bundle and its cache headers, and the
// Express and Hono adapters.
import { serve } from "@hono/node-server";
import express from "express";
import { Hono } from "hono";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestHandler, expressMiddleware, honoHandler, type RequestHandler } from "../../../src/runtime/server/index.ts";
import { notes } from "./app/notes.component.ts";
import { createNotesCommands } from "./app/notes.commands.ts";
import { firstPaint, listen, postCommand, SECRET } from "./helpers.ts";

const clientModule = new URL("./app/notes.component.ts", import.meta.url);

describe("first paint", () => {
  let app: ReturnType<typeof createNotesCommands>;
  let handler: RequestHandler;
  let server: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    app = createNotesCommands();
    app.store.push({ id: 1, text: "from the store" });
    handler = createRequestHandler({ secret: SECRET, routes: [{ path: "/notes/:id", component: notes, commands: app.commands, clientModule }] });
    server = await listen(handler);
  });
  afterAll(async () => {
    await server.close();
    await handler.close();
  });

  it("creates a signed HttpOnly session cookie with an expiry, keeps the session and renews the cookie on each page", async () => {
    const first = await firstPaint(`${server.url}/notes/1`);
    const setCookie = first.response.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^lvm_session=[\w-]+\.[\w-]+; Path=\/; Max-Age=2592000; HttpOnly; SameSite=Lax$/);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await firstPaint(`${server.url}/notes/1`, first.cookie);
    // the same session (same CSRF token), its cookie stamped anew: its 30 days start again
    expect(second.csrfToken).toBe(first.csrfToken);
    const renewed = second.response.headers.get("set-cookie")!;
    expect(renewed).toMatch(/; Max-Age=2592000; HttpOnly; SameSite=Lax$/);
    expect(renewed).not.toBe(setCookie);
  });

  it("marks the cookie Secure behind a TLS proxy only when told to trust it (X-Forwarded-Proto is anyone's to send)", async () => {
    const viaProxy = { "x-forwarded-proto": "https, http" };
    const untrusted = await fetch(`${server.url}/notes/1`, { headers: viaProxy });
    expect(untrusted.headers.get("set-cookie")).not.toMatch(/Secure/);
    const trusting = createRequestHandler({ secret: SECRET, trustProxy: true, routes: [{ path: "/notes/:id", component: notes, commands: app.commands, clientModule }] });
    const behindProxy = await listen(trusting);
    try {
      expect((await fetch(`${behindProxy.url}/notes/1`, { headers: viaProxy })).headers.get("set-cookie")).toMatch(/; Secure$/);
      expect((await fetch(`${behindProxy.url}/notes/1`, { headers: { "x-forwarded-proto": "http" } })).headers.get("set-cookie")).not.toMatch(/Secure/);
    } finally {
      await behindProxy.close();
      await trusting.close();
    }
  });

  it("renders the component with path params, loaded shared keys and sync offsets", async () => {
    const { html, payload, response } = await firstPaint(`${server.url}/notes/42?tab=x`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    // a strict policy: scripts by this response's nonce only (the runtime's scripts carry it)
    const csp = response.headers.get("content-security-policy")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]{24})'/.exec(csp)?.[1];
    expect(csp).toBe(`script-src 'nonce-${nonce}' 'strict-dynamic'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'`);
    expect(html).toMatch(new RegExp(`<script type="module" src="[^"]+" nonce="${nonce!.replace(/[+/]/g, "\\$&")}"></script>`));
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html).toContain('<div data-lvm-root="notes"><h1>');
    expect(html).toContain('<p id="param">42</p>');
    expect(html).toContain("<li>from the store</li>");
    expect(html).toContain("<title>Notes 42</title>");
    expect(payload.state.notes).toEqual([{ id: 1, text: "from the store" }]);
    expect(payload.params).toEqual({ id: "42", tab: "x" });
    expect(Object.keys(payload.offsets).sort()).toEqual(["notes", "other"]);
    expect(payload.idempotent).toEqual(["listNotes"]);
    expect(payload.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it("gives each response its own nonce: the layout's scripts get it, scripts inside the rendered body do not", async () => {
    const layout = (body: string) => `<html><head><script src="/app.js"></script><script>window.x = 1</script><script nonce="own"></script></head><body>${body}<script>after()</script></body></html>`;
    const handler = createRequestHandler({ secret: SECRET, layout, routes: [{ path: "/notes/:id", component: notes, commands: app.commands, clientModule }] });
    const served = await listen(handler);
    try {
      const [a, b] = [await firstPaint(`${served.url}/notes/1`), await firstPaint(`${served.url}/notes/1`)];
      const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy")!)![1];
      expect(nonceOf(a.response)).not.toBe(nonceOf(b.response));
      const nonce = nonceOf(a.response);
      expect(a.html).toContain(`<script nonce="${nonce}" src="/app.js"></script><script nonce="${nonce}">window.x = 1</script><script nonce="own"></script>`);
      expect(a.html).toContain(`<script nonce="${nonce}">after()</script>`);
      // the title holds "</script><script>alert(1)…": escaped, and no nonce anywhere inside the root element
      const root = /<div data-lvm-root="notes">(.*?)<\/div><script type="application\/json"/s.exec(a.html)![1]!;
      expect(root).not.toContain("nonce");
    } finally {
      await served.close();
      await handler.close();
    }
  });

  it("takes the app's own security headers, whatever their case: a replaced policy (with its {nonce}), a header left out", async () => {
    const handler = createRequestHandler({
      secret: SECRET,
      securityHeaders: { "Content-Security-Policy": "default-src 'self'; script-src 'nonce-{nonce}'", "X-Frame-Options": false },
      routes: [{ path: "/notes/:id", component: notes, commands: app.commands, clientModule }],
    });
    const served = await listen(handler);
    try {
      const { response, html } = await firstPaint(`${served.url}/notes/1`);
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy")!)![1];
      expect(response.headers.get("content-security-policy")).toBe(`default-src 'self'; script-src 'nonce-${nonce}'`);
      expect(html).toContain(`nonce="${nonce}"`);
      expect(response.headers.get("x-frame-options")).toBeNull();
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    } finally {
      await served.close();
      await handler.close();
    }
  });

  it("escapes </script> and U+2028/2029 in the state script; JSON.parse restores them", async () => {
    const { html, payload } = await firstPaint(`${server.url}/notes/1`);
    const script = /<script type="application\/json" data-lvm-state="notes">(.*?)<\/script>/s.exec(html)![1];
    expect(script).not.toMatch(/<\/script|<!--|\u2028|\u2029/i);
    expect(payload.state.title).toBe("</script><script>alert(1)</script>\u2028\u2029");
    // Exactly two script elements end: the state script and the module script.
    expect(html.match(/<\/script>/g)!.length).toBe(2);
  });

  it("redirects when mount calls pushRedirect", async () => {
    const response = await fetch(`${server.url}/notes/redirect`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/notes/elsewhere");
  });

  it("serves the client bundle content-hashed and immutable, gzip when asked, 304 on its etag", async () => {
    const { html } = await firstPaint(`${server.url}/notes/1`);
    const src = /<script type="module" src="([^"]+)"[^>]*><\/script>/.exec(html)![1];
    expect(src).toMatch(/^\/_lvm\/client\/notes-[A-Z0-9]+\.js$/);
    const plain = await fetch(`${server.url}${src}`, { headers: { "accept-encoding": "identity" } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(plain.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const code = await plain.text();
    expect(code).toContain("data-lvm-root"); // the runtime is in it (directly or via a chunk import)
    expect(code).not.toContain("secret database password"); // commands never reach the browser
    const gz = await fetch(`${server.url}${src}`, { headers: { "accept-encoding": "gzip" } });
    expect(await gz.text()).toBe(code); // fetch decodes it; same bytes
    const cached = await fetch(`${server.url}${src}`, { headers: { "if-none-match": plain.headers.get("etag")! } });
    expect(cached.status).toBe(304);
  });

  it("answers bad requests to pages, assets and unknown runtime paths with 4xx", async () => {
    expect((await fetch(`${server.url}/notes/1`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${server.url}/_lvm/client/nope-123.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/_lvm/client/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${server.url}/_lvm/client/x.js`, { method: "DELETE" })).status).toBe(405);
    expect((await fetch(`${server.url}/_lvm/nothing`)).status).toBe(404);
    expect((await fetch(`${server.url}/not-a-route`)).status).toBe(404);
  });
});

describe("the runtime sample's browser bundle", () => {
  it("holds the components and the runtime, and no server-only code (commands, store, node:fs)", async () => {
    const { createSampleHandler } = await import("../../../fixtures/runtime-sample/app.ts");
    const handler = createSampleHandler({ secret: SECRET });
    const server = await listen(handler);
    try {
      const { html } = await firstPaint(`${server.url}/volunteers`);
      const urls = [...html.matchAll(/(?:src|href)="(\/_lvm\/client\/[^"]+)"/g)].map((m) => m[1]);
      expect(urls.length).toBeGreaterThanOrEqual(2); // entry + the shared runtime chunk (modulepreload)
      const code = (await Promise.all(urls.map(async (url) => (await fetch(`${server.url}${url}`)).text()))).join("\n");
      expect(code).toContain("Name must be at least 2 characters"); // the schema validates in the browser
      for (const serverOnly of ["Only coordinators", "writeFileSync", "DATA_FILE", "randomUUID", "node:"]) expect(code).not.toContain(serverOnly);
    } finally {
      await server.close();
      await handler.close();
    }
  });
});

describe("adapters", () => {
  it("Express: pages and commands through expressMiddleware, other routes fall through", async () => {
    const app = createNotesCommands();
    const middleware = expressMiddleware({ secret: SECRET, routes: [{ path: "/notes/:id", component: notes, commands: app.commands, clientModule }] });
    const expressApp = express();
    expressApp.use(middleware);
    expressApp.get("/health", (_req, res) => void res.send("ok"));
    const server = await listen(expressApp);
    try {
      const paint = await firstPaint(`${server.url}/notes/5`);
      expect(paint.html).toContain('<p id="param">5</p>');
      const response = await postCommand(server.url, "notes/addNote", { params: { text: "via express" } }, { cookie: paint.cookie, "x-csrf-token": paint.csrfToken });
      expect(response.body).toEqual({ ok: true, result: { note: { id: 1, text: "via express" } } });
      expect(await (await fetch(`${server.url}/health`)).text()).toBe("ok");
    } finally {
      await server.close();
      await middleware.close();
    }
  });

  it("Express with express.json() mounted first: commands still work, __proto__ still rejected", async () => {
    const app = createNotesCommands();
    const middleware = expressMiddleware({ secret: SECRET, routes: [{ path: "/notes/:id", component: notes, commands: app.commands, clientModule }] });
    const expressApp = express();
    expressApp.use(express.json());
    expressApp.use(middleware);
    const server = await listen(expressApp);
    try {
      const paint = await firstPaint(`${server.url}/notes/5`);
      const auth = { cookie: paint.cookie, "x-csrf-token": paint.csrfToken };
      expect((await postCommand(server.url, "notes/addNote", { params: { text: "parsed" } }, auth)).body).toEqual({ ok: true, result: { note: { id: 1, text: "parsed" } } });
      const polluted = await postCommand(server.url, "notes/addNote", '{"params":{"text":"x","__proto__":{"polluted":true}}}', auth);
      expect(polluted.status).toBe(400);
      expect(app.store.length).toBe(1);
    } finally {
      await server.close();
      await middleware.close();
    }
  });

  it("Hono on @hono/node-server: pages and commands through honoHandler, other routes fall through", async () => {
    const app = createNotesCommands();
    const handler = createRequestHandler({ secret: SECRET, routes: [{ path: "/notes/:id", component: notes, commands: app.commands, clientModule }] });
    const hono = new Hono();
    hono.use(honoHandler(handler) as never);
    hono.get("/health", (c) => c.text("ok"));
    const server = serve({ fetch: hono.fetch, port: 0, hostname: "127.0.0.1" });
    await once(server, "listening");
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const paint = await firstPaint(`${url}/notes/6`);
      expect(paint.html).toContain('<p id="param">6</p>');
      const response = await postCommand(url, "notes/addNote", { params: { text: "via hono" } }, { cookie: paint.cookie, "x-csrf-token": paint.csrfToken });
      expect(response.body).toEqual({ ok: true, result: { note: { id: 1, text: "via hono" } } });
      const bad = await postCommand(url, "notes/addNote", "{oops", { cookie: paint.cookie, "x-csrf-token": paint.csrfToken });
      expect(bad.status).toBe(400);
      expect(await (await fetch(`${url}/health`)).text()).toBe("ok");
    } finally {
      (server as unknown as { closeAllConnections(): void }).closeAllConnections();
      server.close();
      await handler.close();
    }
  });
});
