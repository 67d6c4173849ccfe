// Reads a JSON request body with a size limit, into null-prototype objects, rejecting `__proto__`
// keys outright: a payload can never reach Object.prototype through a later merge or assign.

import type { IncomingMessage } from "node:http";
import { httpError, type HttpError } from "./responses.ts";

export type BodyResult = { ok: true; value: unknown } | { ok: false; error: HttpError };

export async function readJsonBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") {
    drain(req);
    return { ok: false, error: httpError(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json") };
  }
  const tooLarge = httpError(413, "PAYLOAD_TOO_LARGE", `Body larger than ${limit} bytes`);
  // A body parser (express.json(), …) mounted before us already consumed the stream: use its result,
  // through the same size and `__proto__` checks.
  const preParsed = (req as { body?: unknown }).body;
  if (preParsed !== undefined && req.readableEnded) {
    const text = typeof preParsed === "string" ? preParsed : Buffer.isBuffer(preParsed) ? preParsed.toString("utf8") : JSON.stringify(preParsed);
    return Buffer.byteLength(text ?? "") > limit ? { ok: false, error: tooLarge } : parseJson(text ?? "");
  }
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    drain(req);
    return { ok: false, error: tooLarge };
  }
  const text = await readText(req, limit);
  if (text === undefined) return { ok: false, error: tooLarge };
  return parseJson(text);
}

export function parseJson(text: string): BodyResult {
  let protoKey = false;
  let value: unknown;
  try {
    value = JSON.parse(text, function (key, item) {
      if (key === "__proto__") protoKey = true;
      if (item !== null && typeof item === "object" && !Array.isArray(item)) return Object.assign(Object.create(null), item);
      return item;
    });
  } catch {
    return { ok: false, error: httpError(400, "MALFORMED_JSON", "Body is not valid JSON") };
  }
  if (protoKey) return { ok: false, error: httpError(400, "BAD_REQUEST", "Key __proto__ is not allowed") };
  return { ok: true, value };
}

/** The body as UTF-8 text, or undefined once it passes `limit` bytes (the rest is discarded). */
function readText(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => !over && resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
    req.on("aborted", () => resolve(undefined));
  });
}

/** Consumes an unwanted body so the connection can carry the next request. */
function drain(req: IncomingMessage): void {
  req.resume();
}
