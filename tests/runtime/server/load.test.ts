// `load` at first paint: the server parts of mount and handleParams run in-process with the request's
// verified session, so the first HTML already holds their data, title and flash; a redirect they ask
// for is a 302, a failure a 500. Called from the browser they are ordinary commands (zod-validated).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestHandler, type RequestHandler } from "../../../src/runtime/server/index.ts";
import { catalog } from "./app/catalog.component.ts";
import { catalogCommands } from "./app/catalog.commands.ts";
import { firstPaint, listen, postCommand, SECRET } from "./helpers.ts";

describe("load commands at first paint", () => {
  let handler: RequestHandler;
  let server: Awaited<ReturnType<typeof listen>>;
  const errors: unknown[] = [];

  beforeAll(async () => {
    handler = createRequestHandler({
      secret: SECRET,
      routes: [{ path: "/catalog/:shelf", component: catalog, commands: catalogCommands, clientModule: new URL("./app/catalog.component.ts", import.meta.url) }],
      getSession: () => ({ user: "alice" }),
      onError: (error) => errors.push(error),
    });
    server = await listen(handler);
  });
  afterAll(async () => {
    await server.close();
    await handler.close();
  });

  it("renders what the mount and params commands loaded, with their title and flash", async () => {
    const { html, payload, response } = await firstPaint(`${server.url}/catalog/a?page=3`);
    expect(response.status).toBe(200);
    expect(html).toContain('<p id="who">alice</p>');
    expect(html).toContain('<p id="flash">hello alice</p>');
    expect(html).toContain('<p id="page">a/3</p>');
    expect(html).toContain("<li>item 31</li><li>item 32</li>");
    expect(html).toContain("<title>Shelf a</title>");
    expect(payload.state).toEqual({ shelf: "a", page: 3, user: "alice", items: ["item 31", "item 32"] });
    expect(payload.flash).toEqual({ info: "hello alice" });
    expect(payload.title).toBe("Shelf a");
  });

  it("a redirect the mount command asks for is a 302; a failing one a 500", async () => {
    const gone = await fetch(`${server.url}/catalog/gone`, { redirect: "manual" });
    expect(gone.status).toBe(302);
    expect(gone.headers.get("location")).toBe("/catalog/main");
    const broken = await fetch(`${server.url}/catalog/broken`);
    expect(broken.status).toBe(500);
    expect(await broken.text()).toBe("Internal Server Error");
    expect(String(errors.at(-1))).toContain("load command mount of catalog");
  });

  it("from the browser they are commands: params validated, the session is the server's", async () => {
    const { cookie, csrfToken } = await firstPaint(`${server.url}/catalog/a`);
    const headers = { cookie, "x-csrf-token": csrfToken };
    const bad = await postCommand(server.url, "catalog/handleParams", { params: { url: 5 } }, headers);
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("INVALID_PARAMS");
    const forged = await postCommand(server.url, "catalog/mount", { params: { params: { shelf: "b" }, session: { user: "mallory" } } }, headers);
    expect(forged.body).toEqual({ ok: true, result: { patch: { user: "alice" }, effects: [["pageTitle", "Shelf b"], ["putFlash", "info", "hello alice"]] } });
    const page = await postCommand(server.url, "catalog/handleParams", { params: { url: `${server.url}/catalog/a?page=2` } }, headers);
    expect(page.body.result.patch.items).toEqual(["item 21", "item 22"]);
  });
});
