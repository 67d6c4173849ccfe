// One Node request handler for everything the runtime serves: pages (first paint), the client
// bundle, commands and the sync stream. It keeps no per-client state: any process with the same
// secret and sync log can answer any request.

import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { PROTOCOL, SYNC_PROTOCOL, type CommandsModule, type ComponentDefinition } from "../contract.ts";
import { readJsonBody } from "./body.ts";
import { buildClientBundle, findClientBuild, readClientBuild, type ClientBundle } from "./bundle.ts";
import { stateCarrier } from "./carried-state.ts";
import { lookupCommand, runCommand, type CommandOutcome } from "./commands.ts";
import { renderFirstPaint } from "./first-paint.ts";
import { escapeAttribute } from "./json-script.ts";
import { reviveState, stateReplacer } from "../template/state-json.ts";
import { errorBody, httpError, sendError, sendJson, sendJsonText, type HttpError } from "./responses.ts";
import { compilePath, type CompiledPath } from "./routes.ts";
import { encodeSessionCookie, newSession, readSession, safeEqual, sessionCookieHeader, sessionKeys, type Session } from "./session.ts";
import { createMemoryMemo, type SyncLog } from "./sync/log.ts";
import { createMemorySyncLog } from "./sync/memory-log.ts";
import { createSyncEndpoint } from "./sync/sse.ts";
import { createUploadStore } from "./uploads.ts";

export interface RouteDefinition {
  /** "/volunteers/:id" — `:name` segments become params, a trailing `*` matches the rest. */
  path: string;
  component: ComponentDefinition<any>;
  /** The component's server commands (a `defineCommands` module). */
  commands?: CommandsModule;
  /** The component's source module (file: URL or absolute path), bundled for the browser. */
  clientModule: string | URL;
}

export interface LayoutMeta {
  title?: string;
  url: URL;
  component: string;
  /** The session as commands see it (with getSession's facts): a page shell may show the user. */
  session: Session;
  /** This response's CSP nonce. Scripts the layout writes around the body get it anyway; a layout that builds its page otherwise can use it. */
  nonce: string;
}

export interface RequestHandlerOptions {
  routes: RouteDefinition[];
  /** Components that are not routes (children rendered with live_component) but have commands. */
  components?: Array<{ component: ComponentDefinition<any>; commands?: CommandsModule }>;
  /** Signs session cookies and derives CSRF tokens; the same on every process. At least 16 bytes; a
   *  list rotates them (the first signs, every one verifies). */
  secret: string | readonly string[];
  /** Sync log (default: an in-memory log for this process). */
  sync?: SyncLog;
  /** Wraps a page's body (root element, state script, module script) into a document. */
  layout?(body: string, meta: LayoutMeta): string | Promise<string>;
  /** Where uploaded files wait for their command (default os.tmpdir()/lvm-uploads); share it between processes that share commands. */
  uploadDir?: string;
  /** Largest command body in bytes (default 64 KiB). */
  bodyLimit?: number;
  /** Time limit of a command in ms unless it sets its own (default 10 s). */
  commandTimeoutMs?: number;
  /** Adds facts to the session for every request (e.g. the user from your auth); the cookie keeps only its id. */
  getSession?(req: IncomingMessage, session: Session): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** May this session follow this topic? Default: topics some route's component declares in `sync`. */
  allowTopic?(topic: string, session: Session): boolean;
  /** SSE heartbeat interval in ms (default 15 s). */
  heartbeatMs?: number;
  /** Behind a proxy that terminates TLS: trust its `X-Forwarded-Proto` (the session cookie is then `Secure`). Default false. */
  trustProxy?: boolean;
  /** Minify the client bundle (default true). */
  minify?: boolean;
  /**
   * Folder of the client build `migrate build` wrote (its manifest.json and bundles). Default: build/client
   * in the app's root (the folder of the package.json nearest the routes' modules) when it has one; else
   * the bundle is built at run time, which needs esbuild and is refused when NODE_ENV=production.
   * `false` always builds at run time.
   */
  clientBuild?: string | false;
  /**
   * Headers on every page, by name (lower case): a value replaces the default, `false` leaves the header
   * out. `{nonce}` in a value is the response's nonce. Defaults: SECURITY_HEADERS.
   */
  securityHeaders?: Record<string, string | false>;
  /** Unexpected errors (bugs in commands, renders); default console.error. Never sent to clients. */
  onError?(error: unknown): void;
}

export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

export interface RequestHandler extends NodeHandler {
  /** Builds the client bundle now instead of on the first request. */
  ready(): Promise<void>;
  /** Does this handler answer this path (a route or a runtime endpoint)? */
  handles(pathname: string): boolean;
  /** Open sync streams of this handler (for monitoring and tests). */
  readonly syncStreams: number;
  /** Ends open sync streams; closes the sync log if the handler created it. */
  close(): Promise<void>;
}

interface Registered {
  component: ComponentDefinition<any>;
  commands?: CommandsModule;
}

const DEFAULT_BODY_LIMIT = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;

export function createRequestHandler(options: RequestHandlerOptions): RequestHandler {
  const keys = sessionKeys(options.secret);
  // the app's headers by lower-case name over the defaults: "X-Frame-Options": false drops the default too
  const securityHeaders: Record<string, string | false> = { ...SECURITY_HEADERS, ...Object.fromEntries(Object.entries(options.securityHeaders ?? {}).map(([name, value]) => [name.toLowerCase(), value])) };
  const log = options.sync ?? createMemorySyncLog();
  const memo = log.memo ?? createMemoryMemo();
  const ownsLog = !options.sync;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const timeoutMs = options.commandTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const onError = options.onError ?? ((error: unknown) => console.error("[liveview-migrate]", error));
  const cookieName = SYNC_PROTOCOL.sessionCookie;
  // upload receipts live minutes: the current secret signs and checks them
  const uploads = createUploadStore(typeof options.secret === "string" ? options.secret : options.secret[0]!, options.uploadDir);

  const routes: Array<RouteDefinition & { compiled: CompiledPath }> = options.routes.map((route) => ({ ...route, compiled: compilePath(route.path) }));
  const registry = new Map<string, Registered>();
  const registered = [...options.routes, ...(options.components ?? [])];
  for (const { component, commands } of registered) {
    const existing = registry.get(component.name);
    if (existing && existing.component !== component) throw new Error(`@liveview-migrate/runtime/server: two components are named "${component.name}"`);
    registry.set(component.name, { component, commands: commands ?? existing?.commands });
  }
  const declaredTopics = new Set(registered.flatMap(({ component }) => Object.keys(component.sync ?? {})));
  const sync = createSyncEndpoint({
    log,
    heartbeatMs: options.heartbeatMs,
    allowTopic: options.allowTopic ?? ((topic) => declaredTopics.has(topic)),
  });

  const clientBuild = options.clientBuild === false ? undefined : (options.clientBuild ?? findClientBuild(options.routes));
  if (!clientBuild && options.clientBuild !== false && process.env.NODE_ENV === "production" && options.routes.length > 0) {
    throw new Error("@liveview-migrate/runtime/server: no client build found (build/client/manifest.json in the app's root) and NODE_ENV=production: run `npx migrate build` before starting, or pass `clientBuild: false` to build at run time (needs esbuild)");
  }
  // a client build is read now: one that lacks a route's component stops the server at start, not at a page
  let bundle: Promise<ClientBundle> | undefined = clientBuild ? Promise.resolve(readClientBuild(clientBuild, options.routes.map((route) => route.component.name))) : undefined;
  const clientBundle = () =>
    (bundle ??= buildClientBundle(options.routes, { minify: options.minify }).catch((error) => {
      bundle = undefined; // try again on the next request (e.g. a syntax error being fixed)
      throw error;
    }));

  const base = PROTOCOL.base;
  const commandPrefix = `${base}${PROTOCOL.commandPath}/`;
  const syncPath = `${base}${PROTOCOL.syncPath}`;
  const clientPrefix = `${base}${PROTOCOL.clientPath}/`;
  const uploadPrefix = `${base}${PROTOCOL.uploadPath}/`;

  async function sessionOf(req: IncomingMessage, session: Session): Promise<Session> {
    if (!options.getSession) return session;
    return Object.assign(Object.create(null), await options.getSession(req, session), { id: session.id });
  }

  function commandRunner(req: IncomingMessage, session: Session, url?: URL) {
    return async (component: string, name: string, params: Record<string, unknown>): Promise<CommandOutcome> => {
      const definition = lookupCommand(registry.get(component)?.commands, name);
      if (!definition) return { ok: false, error: httpError(404, "UNKNOWN_COMMAND", `Unknown command ${component}/${name}`) };
      return runCommand(
        definition,
        params,
        { session: await sessionOf(req, session), publish: async (topic, message) => void (await log.append(topic, message)), url, params: url && pageParams(component, url), carried: stateCarrier(keys, component, session.id) },
        { timeoutMs, onError },
      );
    };
  }

  async function servePage(req: IncomingMessage, res: ServerResponse, url: URL, route: RouteDefinition, pathParams: Record<string, string>) {
    if (req.method !== "GET" && req.method !== "HEAD") return sendError(res, httpError(405, "METHOD_NOT_ALLOWED", "Use GET"), { allow: "GET, HEAD" });
    let session = readSession(keys, req, cookieName);
    const nonce = randomBytes(16).toString("base64");
    const headers: Record<string, string> = { "cache-control": "no-store", "content-type": "text/html; charset=utf-8" };
    for (const [name, value] of Object.entries(securityHeaders)) if (value !== false) headers[name] = value.replaceAll("{nonce}", nonce);
    session ??= newSession();
    // every page load renews the cookie's life, signed with the current secret (rotation)
    headers["set-cookie"] = sessionCookieHeader(cookieName, encodeSessionCookie(keys, session), isSecure(req, options.trustProxy === true));
    const built = await clientBundle();
    const own = registry.get(route.component.name)!;
    const result = await renderFirstPaint({
      component: route.component,
      url,
      params: { ...Object.fromEntries(url.searchParams), ...pathParams },
      csrfToken: keys.csrfToken(session.id),
      idempotent: Object.keys(own.commands ?? {}).filter((name) => lookupCommand(own.commands, name)?.idempotent),
      runCommand: commandRunner(req, session, url),
      head: (topic) => log.head(topic),
      scriptUrl: `${clientPrefix}${built.entries.get(route.component.name)!.file}`,
      preloadUrls: built.entries.get(route.component.name)!.imports.map((file) => `${clientPrefix}${file}`),
      nonce,
    });
    if (result.kind === "redirect") {
      res.writeHead(302, { ...headers, location: result.location, "content-length": 0 });
      return void res.end();
    }
    if (result.kind === "error") {
      onError(new Error(`first paint of ${url.pathname}: ${result.where}: ${result.error.code} ${result.error.message}`));
      res.writeHead(result.error.status >= 500 ? 500 : result.error.status, { ...headers, "content-type": "text/plain; charset=utf-8" });
      return void res.end(result.error.status >= 500 ? "Internal Server Error" : result.error.message);
    }
    const meta: LayoutMeta = { title: result.title, url, component: route.component.name, session: options.layout ? await sessionOf(req, session) : session, nonce };
    const page = withNonce(await (options.layout ?? defaultLayout)(result.body, meta), result.body, nonce);
    res.writeHead(200, { ...headers, "content-length": Buffer.byteLength(page) });
    res.end(page);
  }

  /** The route and query params of a page of the component (a whole-handler command rebuilds mount's input from them). */
  function pageParams(component: string, pageUrl: URL): Record<string, string> | undefined {
    for (const route of routes) {
      if (route.component.name !== component) continue;
      const matched = route.compiled.match(pageUrl.pathname);
      if (matched) return { ...Object.fromEntries(pageUrl.searchParams), ...matched };
    }
    return undefined;
  }

  async function serveCommand(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== "POST") {
      req.resume();
      return sendError(res, httpError(405, "METHOD_NOT_ALLOWED", "Use POST"), { allow: "POST" });
    }
    const parts = url.pathname.slice(commandPrefix.length).split("/");
    let component = "";
    let name = "";
    try {
      [component, name] = parts.map(decodeURIComponent);
    } catch {}
    const definition = parts.length === 2 ? lookupCommand(registry.get(component)?.commands, name) : undefined;
    if (!definition) {
      req.resume();
      return sendError(res, httpError(404, "UNKNOWN_COMMAND", "Unknown command"));
    }
    const session = readSession(keys, req, cookieName);
    if (!session) {
      req.resume();
      return sendError(res, httpError(403, "SESSION_INVALID", "Missing or invalid session; reload the page"));
    }
    const token = req.headers[PROTOCOL.csrfHeader];
    if (typeof token !== "string" || !keys.csrfValid(session.id, token)) {
      req.resume();
      return sendError(res, httpError(403, "CSRF_INVALID", "Missing or invalid CSRF token"));
    }
    const body = await readJsonBody(req, bodyLimit);
    if (!body.ok) return sendError(res, body.error, body.error.status === 413 ? { connection: "close" } : {});
    const request = body.value as { params?: unknown; url?: unknown; uploads?: unknown; id?: unknown } | null;
    if (request === null || typeof request !== "object" || Array.isArray(request)) {
      return sendError(res, httpError(400, "BAD_REQUEST", "Body must be a JSON object { params }"));
    }
    // the browser's state in params (a Date, a Map) comes tagged: revived before validation
    const params = reviveState(request.params ?? Object.create(null));
    if (params === null || typeof params !== "object" || Array.isArray(params)) {
      return sendError(res, httpError(400, "BAD_REQUEST", "`params` must be an object"));
    }
    let pageUrl: URL | undefined;
    if (typeof request.url === "string") {
      try {
        pageUrl = new URL(request.url, url);
      } catch {}
    }
    // files the calling action uploaded first: their receipts, checked, become consumeUploadedEntries
    const files = uploads.forCommand(request.uploads, component, registry.get(component)!.component.uploads, session.id);
    if (!files.ok) return sendError(res, files.error);
    // Exactly once: the browser names each call (its retries reuse the name); the first request runs the
    // command, a repeat gets the first answer, from any process that shares the sync log.
    const callKey = typeof request.id === "string" && CALL_ID.test(request.id) ? `${session.id}:${component}:${name}:${request.id}` : undefined;
    if (callKey) {
      let prior: Answer | undefined;
      try {
        prior = await priorAnswer(callKey);
      } catch (error) {
        onError(error);
        prior = errorAnswer(httpError(503, "SYNC_UNAVAILABLE", "The server cannot record this call now; try again"));
      }
      if (prior) {
        files.value.cleanup();
        return sendAnswer(res, prior);
      }
    }
    // what the command publishes goes out when it has answered, never after a timeout (a retry would see it twice)
    const published: [string, Record<string, unknown>][] = [];
    const outcome = await runCommand(
      definition,
      params,
      { session: await sessionOf(req, session), publish: async (topic, message) => void published.push([topic, message]), url: pageUrl, params: pageUrl && pageParams(component, pageUrl), carried: stateCarrier(keys, component, session.id), ...files.value.context },
      { timeoutMs, onError },
    ).finally(files.value.cleanup);
    let answer: Answer;
    if (!outcome.ok) answer = errorAnswer(outcome.error);
    else {
      try {
        answer = { status: 200, text: JSON.stringify({ ok: true, result: outcome.result }, stateReplacer) };
      } catch (error) {
        onError(error);
        answer = errorAnswer(httpError(500, "COMMAND_FAILED", "The command's result is not JSON"));
      }
    }
    if (outcome.ok || outcome.error.code !== "COMMAND_TIMEOUT") {
      try {
        for (const [topic, message] of published) await log.append(topic, message);
      } catch (error) {
        onError(error);
        answer = errorAnswer(httpError(503, "SYNC_UNAVAILABLE", "The command ran, but its messages could not be published"));
      }
    }
    if (callKey) await memo.settle(callKey, JSON.stringify(answer), MEMO_TTL_MS).catch(onError);
    sendAnswer(res, answer);
  }

  /** The answer of an earlier request with this call id (waiting while it still runs), or undefined: run it. */
  async function priorAnswer(key: string): Promise<Answer | undefined> {
    const deadline = Date.now() + timeoutMs + 2_000;
    for (;;) {
      const claim = await memo.claim(key, MEMO_TTL_MS);
      if (claim.kind === "new") return undefined;
      if (claim.kind === "done") return JSON.parse(claim.answer) as Answer;
      if (Date.now() > deadline) return errorAnswer(httpError(409, "COMMAND_IN_PROGRESS", "This call is still running; try again"));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** POST {base}/upload/<component>/<name>: session and CSRF as for commands, then the store's limits. */
  async function serveUpload(req: IncomingMessage, res: ServerResponse, url: URL) {
    const refuse = (error: HttpError, headers?: Record<string, string>) => {
      req.resume();
      sendError(res, error, headers);
    };
    if (req.method !== "POST") return refuse(httpError(405, "METHOD_NOT_ALLOWED", "Use POST"), { allow: "POST" });
    let [component = "", name = "", extra] = url.pathname.slice(uploadPrefix.length).split("/");
    try {
      [component, name] = [decodeURIComponent(component), decodeURIComponent(name)];
    } catch {}
    const declared = registry.get(component)?.component.uploads;
    const config = extra === undefined && declared && Object.prototype.hasOwnProperty.call(declared, name) ? declared[name] : undefined;
    if (!config) return refuse(httpError(404, "UNKNOWN_UPLOAD", "Unknown upload"));
    const session = readSession(keys, req, cookieName);
    if (!session) return refuse(httpError(403, "SESSION_INVALID", "Missing or invalid session; reload the page"));
    const token = req.headers[PROTOCOL.csrfHeader];
    if (typeof token !== "string" || !keys.csrfValid(session.id, token)) return refuse(httpError(403, "CSRF_INVALID", "Missing or invalid CSRF token"));
    const received = await uploads.receive(req, { component, name, options: config, sessionId: session.id });
    if (!received.ok) return sendError(res, received.error, received.error.status === 413 ? { connection: "close" } : {});
    sendJson(res, 200, { ok: true, result: received.receipt });
  }

  async function serveClient(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== "GET" && req.method !== "HEAD") return sendError(res, httpError(405, "METHOD_NOT_ALLOWED", "Use GET"), { allow: "GET, HEAD" });
    const asset = (await clientBundle()).assets.get(url.pathname.slice(clientPrefix.length));
    if (!asset) return sendError(res, httpError(404, "NOT_FOUND", "No such client file"));
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const headers: Record<string, string | number> = {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
      etag: asset.etag,
      vary: "accept-encoding",
    };
    if (req.headers["if-none-match"] === asset.etag) {
      res.writeHead(304, headers);
      return void res.end();
    }
    const body = gzip ? asset.gzip : asset.body;
    res.writeHead(200, { ...headers, ...(gzip ? { "content-encoding": "gzip" } : {}), "content-length": body.length });
    res.end(body);
  }

  async function serveSync(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== "GET") return sendError(res, httpError(405, "METHOD_NOT_ALLOWED", "Use GET"), { allow: "GET" });
    const session = readSession(keys, req, cookieName);
    if (!session) return sendError(res, httpError(403, "SESSION_INVALID", "Missing or invalid session; reload the page"));
    await sync.handle(req, res, url, await sessionOf(req, session));
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) {
    const url = requestUrl(req);
    if (!url) return sendError(res, httpError(400, "BAD_REQUEST", "Malformed request URL"));
    const path = url.pathname;
    if (path.startsWith(commandPrefix)) return serveCommand(req, res, url);
    if (path === syncPath) return serveSync(req, res, url);
    if (path.startsWith(uploadPrefix)) return serveUpload(req, res, url);
    if (path.startsWith(clientPrefix)) return serveClient(req, res, url);
    if (path === base || path.startsWith(`${base}/`)) return sendError(res, httpError(404, "NOT_FOUND", "Not found"));
    for (const route of routes) {
      const params = route.compiled.match(path);
      if (params) return servePage(req, res, url, route, params);
    }
    if (next) return next();
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("Not Found");
  }

  const handler = ((req, res, next) => {
    dispatch(req, res, next).catch((error) => {
      onError(error);
      if (!res.headersSent) sendError(res, httpError(500, "INTERNAL", "Internal error"));
      else res.destroy();
    });
  }) as RequestHandler;
  handler.ready = async () => void (await clientBundle());
  handler.handles = (pathname) => pathname === base || pathname.startsWith(`${base}/`) || routes.some((route) => route.compiled.match(pathname) !== undefined);
  Object.defineProperty(handler, "syncStreams", { get: () => sync.size });
  handler.close = async () => {
    sync.close();
    if (ownsLog) await log.close();
  };
  return handler;
}

function requestUrl(req: IncomingMessage): URL | undefined {
  for (const origin of [`http://${req.headers.host ?? "localhost"}`, "http://localhost"]) {
    try {
      return new URL(req.url ?? "/", origin);
    } catch {}
  }
  return undefined;
}

/** An HTTPS request: TLS here, or (trusted proxy only) the first proto the proxy forwarded. */
function isSecure(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  const forwarded = req.headers["x-forwarded-proto"];
  return trustProxy && typeof forwarded === "string" && forwarded.split(",")[0]!.trim().toLowerCase() === "https";
}

/**
 * A strict policy (scripts only by nonce, and what those load), plus no framing by other sites, no
 * plugins, no <base> hijack, no sniffing, no full URLs sent to other sites. The runtime's own scripts
 * need no eval and no inline code.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": "script-src 'nonce-{nonce}' 'strict-dynamic'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'",
  "x-frame-options": "SAMEORIGIN",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

/**
 * The layout's own scripts (the app's page shell: its client bundle, its inline setup) get the nonce;
 * the body, where rendered data lives, gets none: a script that got into the data stays blocked.
 */
function withNonce(page: string, body: string, nonce: string): string {
  const at = page.indexOf(body);
  if (at < 0) return page; // the layout rewrote the body: it can use meta.nonce itself
  const stamp = (html: string) => html.replace(/<script\b(?![^>]*\snonce=)/gi, `<script nonce="${nonce}"`);
  return stamp(page.slice(0, at)) + body + stamp(page.slice(at + body.length));
}

function defaultLayout(body: string, meta: LayoutMeta): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeAttribute(meta.title ?? "")}</title></head><body>${body}</body></html>`;
}

/** A browser-chosen call id: letters, digits, `-` and `_` (a UUID fits). */
const CALL_ID = /^[\w-]{8,64}$/;
/** How long a call's answer is kept for its retries. */
const MEMO_TTL_MS = 10 * 60_000;

/** A command's answer as sent (and as remembered for a repeat of the call). */
interface Answer {
  status: number;
  text: string;
}

function errorAnswer(error: HttpError): Answer {
  return { status: error.status, text: JSON.stringify(errorBody(error)) };
}

function sendAnswer(res: ServerResponse, answer: Answer): void {
  sendJsonText(res, answer.status, answer.text);
}
