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
  sendJsonText(res, status, JSON.stringify(body), headers);
}

/** JSON already serialized (a command's answer, with its tagged state values, or one remembered for a repeat). */
export function sendJsonText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
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

/** The body of every error answer. */
export function errorBody(error: HttpError): { ok: false; error: { code: CommandErrorCode; message: string } } {
  return { ok: false, error: { code: error.code, message: error.message } };
}

export function sendError(res: ServerResponse, error: HttpError, headers: Record<string, string> = {}): void {
  sendJson(res, error.status, errorBody(error), headers);
}
