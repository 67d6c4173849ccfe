// File uploads on the server. `POST {base}/upload/<component>/<name>` streams the raw body into a temp
// file under os.tmpdir(), enforcing the config's max_file_size (413) and accept list (415) whatever
// the browser checked, and answers a receipt whose token is signed (HMAC with the handler's secret)
// and names the file, the component, the upload and the session. The command the browser then calls
// sends the tokens back; they are verified and turned into the `{ path, name, size, type }` metas
// `ctx.consumeUploadedEntries` hands to the original callback. Nothing is kept in memory: any process
// that shares the temp directory and the secret can take the command. Temp files are removed after
// the command, and abandoned ones after an hour.

import { createHmac, randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROTOCOL, type CommandContext, type UploadMeta, type UploadReceipt } from "../contract.ts";
import { accepts, MIME_TYPES, uploadConfig, UPLOAD_ERRORS, type UploadEntry, type UploadOptions } from "../template/uploads.ts";
import { httpError, type HttpError } from "./responses.ts";
import { safeEqual } from "./session.ts";

const MAX_AGE_MS = 60 * 60 * 1000;
const FILE_ID = /^[0-9a-f]{32}$/;

interface TokenBody {
  /** temp file id */
  f: string;
  /** component, upload name, session id */
  c: string;
  u: string;
  s: string;
  n: string;
  z: number;
  t: string;
  /** expires (ms since epoch) */
  e: number;
}

export interface UploadTarget {
  component: string;
  name: string;
  options: UploadOptions;
  sessionId: string;
}

/** What a command gets from the tokens its request carried. */
export interface CommandUploads {
  context: Pick<CommandContext, "consumeUploadedEntries" | "uploadedEntries">;
  /** Removes the temp files (after the command). */
  cleanup(): void;
}

/** Extensions browsers run as pages or scripts: a file named so is never stored as another type. */
const ACTIVE_CONTENT: Record<string, string> = { html: "text/html", htm: "text/html", xhtml: "application/xhtml+xml", shtml: "text/html", js: "text/javascript", mjs: "text/javascript", xml: "application/xml", xsl: "application/xml" };

export function createUploadStore(secret: string, dir = join(tmpdir(), "lvm-uploads")) {
  const sign = (payload: string) => createHmac("sha256", secret).update(`upload\n${payload}`).digest("base64url");
  let lastSweep = 0;

  /** Removes temp files older than an hour (uploads whose command never came), at most every 10 minutes. */
  function sweep(now: number) {
    if (now - lastSweep < MAX_AGE_MS / 6) return;
    lastSweep = now;
    try {
      for (const file of readdirSync(dir)) {
        const path = join(dir, file);
        if (FILE_ID.test(file) && now - statSync(path).mtimeMs > MAX_AGE_MS) rmSync(path, { force: true });
      }
    } catch {}
  }

  /** Streams the request body to a temp file within the config's limits; the receipt, or a 4xx. */
  async function receive(req: IncomingMessage, target: UploadTarget): Promise<{ ok: true; receipt: UploadReceipt } | { ok: false; error: HttpError }> {
    const config = uploadConfig(target.component, target.name, target.options);
    const type = String(req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    let name = "";
    try {
      name = decodeURIComponent(String(req.headers[PROTOCOL.uploadNameHeader] ?? ""));
    } catch {}
    const refuse = (error: HttpError) => {
      req.resume();
      return { ok: false as const, error };
    };
    if (!name || name.length > 255 || /[\\/\0]/.test(name)) return refuse(httpError(400, "BAD_REQUEST", `Header ${PROTOCOL.uploadNameHeader} must hold the file's name (URI-encoded, no path)`));
    const tooLarge = httpError(413, "PAYLOAD_TOO_LARGE", `${UPLOAD_ERRORS.tooLarge}: the limit is ${config.max_file_size} bytes`);
    if (Number(req.headers["content-length"]) > config.max_file_size) return refuse(tooLarge);
    if (!accepts(config.accept, type, name)) return refuse(httpError(415, "UNSUPPORTED_MEDIA_TYPE", `${UPLOAD_ERRORS.notAllowed}: accepted are ${config.accept.join(", ")}`));
    // the type is the browser's word; a name whose extension says another type is refused (an app that
    // stores the file under its name would serve `evil.html` sent as image/png as a page)
    const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
    const named = extension ? (MIME_TYPES[extension] ?? ACTIVE_CONTENT[extension]) : undefined;
    if (named && named !== type) return refuse(httpError(415, "UNSUPPORTED_MEDIA_TYPE", `${UPLOAD_ERRORS.notAllowed}: ${name} is named as ${named}, sent as ${type || "no type"}`));

    const now = Date.now();
    sweep(now);
    mkdirSync(dir, { recursive: true });
    const id = randomBytes(16).toString("hex");
    const path = join(dir, id);
    const size = await new Promise<number | undefined>((resolve, reject) => {
      const out = createWriteStream(path, { flags: "wx", mode: 0o600 });
      let bytes = 0;
      let stopped = false;
      const stop = (result: number | undefined) => {
        if (stopped) return;
        stopped = true;
        req.unpipe(out);
        req.resume();
        // the file may still be opening: remove it once the stream is closed
        out.once("close", () => {
          rmSync(path, { force: true });
          resolve(result);
        });
        out.destroy();
      };
      req.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > config.max_file_size) stop(undefined);
      });
      req.on("aborted", () => stop(undefined));
      out.on("error", reject);
      out.on("finish", () => resolve(bytes));
      req.pipe(out);
    });
    if (size === undefined) return { ok: false, error: tooLarge };
    const body: TokenBody = { f: id, c: target.component, u: target.name, s: target.sessionId, n: name, z: size, t: type, e: now + MAX_AGE_MS };
    const payload = Buffer.from(JSON.stringify(body)).toString("base64url");
    return { ok: true, receipt: { token: `${payload}.${sign(payload)}`, name, size, type } };
  }

  /**
   * The files a command request names (`uploads: { <name>: [token] }`), checked: signature, same
   * session, component and upload, not expired, file still there, at most max_entries.
   */
  function forCommand(raw: unknown, component: string, declared: Record<string, UploadOptions> | undefined, sessionId: string): { ok: true; value: CommandUploads } | { ok: false; error: HttpError } {
    const invalid = (message: string) => ({ ok: false as const, error: httpError(400, "UPLOAD_INVALID", message) });
    const files = new Map<string, { meta: UploadMeta; entry: UploadEntry }[]>();
    const paths: string[] = [];
    if (raw !== undefined) {
      if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return invalid("`uploads` must be an object of token lists");
      for (const [name, tokens] of Object.entries(raw)) {
        const options = declared && Object.prototype.hasOwnProperty.call(declared, name) ? declared[name] : undefined;
        if (!options) return invalid(`No upload named ${name}`);
        if (!Array.isArray(tokens) || tokens.some((t) => typeof t !== "string")) return invalid(`uploads.${name} must be a list of tokens`);
        const config = uploadConfig(component, name, options);
        if (tokens.length > config.max_entries) return invalid(UPLOAD_ERRORS.tooMany);
        const list: { meta: UploadMeta; entry: UploadEntry }[] = [];
        // one receipt is one file: listed again, it is refused rather than handed out twice
        if (new Set(tokens as string[]).size !== tokens.length) return invalid(`uploads.${name} lists one upload more than once`);
        for (const token of tokens as string[]) {
          const body = verify(token);
          if (!body || body.c !== component || body.u !== name || body.s !== sessionId || body.e < Date.now()) return invalid("Upload token is invalid or expired; upload the file again");
          const path = join(dir, body.f);
          if (!existsSync(path)) return invalid("Uploaded file is gone (already consumed?); upload it again");
          paths.push(path);
          list.push({
            meta: { path, name: body.n, size: body.z, type: body.t },
            entry: {
              cancelled: false, last_modified: 0, name: body.n, size: body.z, type: body.t, done: true, preflighted: true, progress: 100,
              ref: String(list.length), upload_ref: config.ref, uuid: body.f, errors: [], valid: true,
            },
          });
        }
        files.set(name, list);
      }
    }
    return {
      ok: true,
      value: {
        context: {
          // as liveviewjs: the entries go away when consumed; a second call gets none
          async consumeUploadedEntries(name, fn) {
            const list = files.get(name) ?? [];
            files.delete(name);
            return Promise.all(list.map(({ meta, entry }) => fn(meta, entry)));
          },
          async uploadedEntries(name) {
            return { completed: (files.get(name) ?? []).map((f) => f.entry), inProgress: [] };
          },
        },
        cleanup: () => paths.forEach((path) => rmSync(path, { force: true })),
      },
    };
  }

  function verify(token: string): TokenBody | undefined {
    const dot = token.indexOf(".");
    if (dot <= 0 || !safeEqual(sign(token.slice(0, dot)), token.slice(dot + 1))) return undefined;
    try {
      const body = JSON.parse(Buffer.from(token.slice(0, dot), "base64url").toString("utf8")) as TokenBody;
      return FILE_ID.test(body.f) ? body : undefined;
    } catch {
      return undefined;
    }
  }

  return { receive, forCommand, dir };
}
