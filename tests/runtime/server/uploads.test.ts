// The upload endpoint and the command that consumes what was uploaded, over real HTTP on loopback:
// a file goes to a temp file under os.tmpdir() within the config's limits, its signed receipt lets
// one command of the same session consume it (the callback reads meta.path), and the file is gone
// afterwards. Every bad request gets a 4xx with a readable message and leaves no temp file behind.
import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestHandler, type RequestHandler } from "../../../src/runtime/server/index.ts";
import { buildClientBundle } from "../../../src/runtime/server/bundle.ts";
import { album } from "./app/album.component.ts";
import { notes } from "./app/notes.component.ts";
import albumCommands from "./app/album.commands.ts";
import { firstPaint, listen, postCommand, SECRET } from "./helpers.ts";

const clientModule = new URL("./app/album.component.ts", import.meta.url);
const UPLOAD_DIR = join(tmpdir(), "lvm-uploads");
// the 8-byte PNG signature and a little more: small, and recognisably binary
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x41]);

describe("uploads", () => {
  let handler: RequestHandler;
  let server: Awaited<ReturnType<typeof listen>>;
  let cookie: string;
  let csrf: string;
  let html: string;
  const errors: unknown[] = [];

  beforeAll(async () => {
    handler = createRequestHandler({
      secret: SECRET,
      routes: [{ path: "/album", component: album, commands: albumCommands, clientModule }],
      onError: (error) => errors.push(error),
    });
    server = await listen(handler);
    ({ cookie, csrfToken: csrf, html } = await firstPaint(`${server.url}/album`));
  });
  afterAll(async () => {
    await server.close();
    await handler.close();
  });

  const auth = (extra: Record<string, string> = {}) => ({ cookie, "x-csrf-token": csrf, "content-type": "image/png", "x-lvm-file-name": "cat.png", ...extra });
  async function upload(path: string, body: BodyInit | undefined, headers: Record<string, string>, method = "POST") {
    const init: RequestInit & { duplex?: string } = { method, headers, body };
    if (body instanceof ReadableStream) init.duplex = "half";
    const response = await fetch(`${server.url}/_lvm/upload/${path}`, init);
    return { status: response.status, body: (await response.json()) as any };
  }
  const tempFiles = () => (existsSync(UPLOAD_DIR) ? readdirSync(UPLOAD_DIR) : []);

  it("first paint renders live_file_input from the declared config (same ref as the browser)", () => {
    expect(html).toMatch(/<input\s+id="phx-[\w-]{21}"\s+type="file"\s+name="photos"\s+accept="\.png"/);
    expect(html).toContain('phx-hook="Phoenix.LiveFileUpload"');
    expect(html).toMatch(/\bmultiple\b/);
    expect(html).toContain("<p>0 files</p>");
  });

  it("stores an upload in a temp file; one command consumes it (meta.path on the server), then it is gone", async () => {
    const sent = await upload("album/photos", PNG, auth({ "x-lvm-file-name": encodeURIComponent("chat noir.png") }));
    expect(sent.status).toBe(200);
    expect(sent.body.ok).toBe(true);
    expect(sent.body.result).toMatchObject({ name: "chat noir.png", size: PNG.length, type: "image/png" });
    const token = sent.body.result.token as string;

    const peek = await postCommand(server.url, "album/peek", { params: {}, uploads: { photos: [token] } }, { cookie, "x-csrf-token": csrf });
    expect(peek.body).toEqual({ ok: true, result: ["chat noir.png"] });
    // peek did not consume, but the command is over: its files are removed all the same
    const again = await postCommand(server.url, "album/save", { params: {}, uploads: { photos: [token] } }, { cookie, "x-csrf-token": csrf });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("UPLOAD_INVALID");

    const fresh = (await upload("album/photos", PNG, auth())).body.result.token as string;
    const saved = await postCommand(server.url, "album/save", { params: { caption: "hi" }, uploads: { photos: [fresh] } }, { cookie, "x-csrf-token": csrf });
    expect(saved.status).toBe(200);
    const [stored] = saved.body.result.stored;
    expect(stored).toMatchObject({ name: "cat.png", size: PNG.length, type: "image/png", done: true, caption: "hi" });
    expect(Buffer.from(stored.bytes, "latin1")).toEqual(PNG);
    expect(stored.path.startsWith(UPLOAD_DIR)).toBe(true);
    expect(saved.body.result.again).toEqual([]); // consumed entries are gone, as in liveviewjs
    expect(existsSync(stored.path)).toBe(false);
  });

  it("a command called without uploads consumes none", async () => {
    const saved = await postCommand(server.url, "album/save", { params: {} }, { cookie, "x-csrf-token": csrf });
    expect(saved.body).toEqual({ ok: true, result: { stored: [], again: [] } });
  });

  describe("bad uploads get a 4xx with a message and leave no temp file", () => {
    const big = Buffer.alloc(1001, 1);
    const cases: Array<[string, () => Promise<{ status: number; body: any }>, number, string, RegExp?]> = [
      ["GET", () => upload("album/photos", undefined, auth(), "GET"), 405, "METHOD_NOT_ALLOWED"],
      ["unknown upload name", () => upload("album/videos", PNG, auth()), 404, "UNKNOWN_UPLOAD"],
      ["inherited name", () => upload("album/constructor", PNG, auth()), 404, "UNKNOWN_UPLOAD"],
      ["unknown component", () => upload("nobody/photos", PNG, auth()), 404, "UNKNOWN_UPLOAD"],
      ["extra path segment", () => upload("album/photos/x", PNG, auth()), 404, "UNKNOWN_UPLOAD"],
      ["no session cookie", () => upload("album/photos", PNG, auth({ cookie: "" })), 403, "SESSION_INVALID"],
      ["wrong CSRF token", () => upload("album/photos", PNG, auth({ "x-csrf-token": csrf.slice(0, -2) + "xx" })), 403, "CSRF_INVALID"],
      ["no file name", () => upload("album/photos", PNG, auth({ "x-lvm-file-name": "" })), 400, "BAD_REQUEST", /file's name/],
      ["a path as file name", () => upload("album/photos", PNG, auth({ "x-lvm-file-name": encodeURIComponent("../../etc/passwd") })), 400, "BAD_REQUEST"],
      ["too large (Content-Length)", () => upload("album/photos", big, auth()), 413, "PAYLOAD_TOO_LARGE", /^Too large: the limit is 1000 bytes$/],
      ["too large (streamed, no Content-Length)", () => upload("album/photos", new ReadableStream({
        start(controller) {
          for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(400));
          controller.close();
        },
      }), auth()), 413, "PAYLOAD_TOO_LARGE"],
      ["type not accepted", () => upload("album/photos", PNG, auth({ "content-type": "image/gif", "x-lvm-file-name": "cat.gif" })), 415, "UNSUPPORTED_MEDIA_TYPE", /^Not allowed: accepted are \.png$/],
      // an accepted type under a name that says otherwise: an app that keeps the name's extension would serve it as that
      ["an HTML page sent as image/png", () => upload("album/photos", PNG, auth({ "content-type": "image/png", "x-lvm-file-name": "evil.html" })), 415, "UNSUPPORTED_MEDIA_TYPE", /evil\.html.*image\/png/],
      ["a script sent as image/png", () => upload("album/photos", PNG, auth({ "content-type": "image/png", "x-lvm-file-name": "x.PNG.js" })), 415, "UNSUPPORTED_MEDIA_TYPE"],
    ];
    it.each(cases)("%s", async (_label, send, status, code, message) => {
      const before = tempFiles().length;
      const response = await send();
      expect(response.status).toBe(status);
      expect(response.body.ok).toBe(false);
      expect(response.body.error.code).toBe(code);
      if (message) expect(response.body.error.message).toMatch(message);
      expect(response.body.error.message).not.toMatch(/\bat .*:\d+/); // never a stack
      expect(tempFiles().length).toBe(before);
    });
  });

  describe("bad receipts in a command get a 400 UPLOAD_INVALID and run nothing", () => {
    let token: string;
    beforeAll(async () => {
      token = (await upload("album/photos", PNG, auth())).body.result.token;
    });
    const command = (uploads: unknown, headers?: Record<string, string>) => postCommand(server.url, "album/save", { params: {}, uploads }, headers ?? { cookie, "x-csrf-token": csrf });
    const cases: Array<[string, () => Promise<{ status: number; body: any }>, RegExp]> = [
      ["forged signature", () => command({ photos: [token.slice(0, -3) + "abc"] }), /invalid or expired/],
      ["payload changed", () => command({ photos: [Buffer.from(JSON.stringify({ f: "0".repeat(32), c: "album", u: "photos", s: "x", n: "a", z: 1, t: "", e: 9e15 })).toString("base64url") + token.slice(token.indexOf("."))] }), /invalid or expired/],
      ["for another upload name", () => command({ videos: [token] }), /No upload named videos/],
      ["more files than max_entries", () => command({ photos: [token, token, token] }), /^Too many files$/],
      ["one receipt listed twice (one file, never two)", () => command({ photos: [token, token] }), /lists one upload more than once/],
      ["not a list", () => command({ photos: token }), /list of tokens/],
      ["not an object", () => command([token]), /object of token lists/],
    ];
    it.each(cases)("%s", async (_label, send, message) => {
      const response = await send();
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("UPLOAD_INVALID");
      expect(response.body.error.message).toMatch(message);
    });

    it("a receipt from another session is refused", async () => {
      const other = await firstPaint(`${server.url}/album`);
      const response = await command({ photos: [token] }, { cookie: other.cookie, "x-csrf-token": other.csrfToken });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("UPLOAD_INVALID");
    });

    it("the file is still there for the right session after the refusals", async () => {
      const response = await command({ photos: [token] });
      expect(response.status).toBe(200);
      expect(response.body.result.stored).toHaveLength(1);
      expect(errors).toEqual([]);
    });
  });

  it("only pages of components that declare uploads load the upload code", async () => {
    const built = await buildClientBundle([
      { component: album, clientModule },
      { component: notes, clientModule: new URL("./app/notes.component.ts", import.meta.url) },
    ]);
    const code = (name: string) => {
      const entry = built.entries.get(name)!;
      return [entry.file, ...entry.imports].map((file) => built.assets.get(file)!.body.toString()).join("\n");
    };
    expect(code("album")).toContain("XMLHttpRequest"); // uploads.ts sends files with it
    expect(code("notes")).not.toContain("XMLHttpRequest");
    expect(code("notes")).toContain("data-lvm-root"); // the runtime itself is there
  }, 60_000);
});
