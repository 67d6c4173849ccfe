// Every error the server answers with is `{ ok: false, error: { code, message } }`: a value a person
// or the client reads, never a stack trace.

import type { ServerResponse } from "node:http";
import type { CommandErrorCode } from "../contract.ts";

export interface HttpError {
  status: number;
  code: CommandErrorCode;
  message: string;
}

export function httpError(status: number, code: CommandErrorCode, message: string): HttpError {
  return { status, code, message };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  if (res.headersSent) return void res.end();
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError, headers: Record<string, string> = {}): void {
  sendJson(res, error.status, { ok: false, error: { code: error.code, message: error.message } }, headers);
}
