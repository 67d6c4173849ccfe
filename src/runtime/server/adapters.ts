// Thin adapters: the runtime is one Node handler; Express and Hono (on @hono/node-server) hand it
// their underlying Node request and response.

import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequestHandler, type RequestHandler, type RequestHandlerOptions } from "./handler.ts";

/** Express middleware: `app.use(expressMiddleware(options))`. Mount it before body parsers. */
export function expressMiddleware(options: RequestHandlerOptions | RequestHandler): RequestHandler {
  return typeof options === "function" ? options : createRequestHandler(options);
}

interface HonoContextLike {
  req: { path: string };
  env?: { incoming?: IncomingMessage; outgoing?: ServerResponse };
}

/**
 * Hono middleware: `app.use(honoHandler(options))`. Needs @hono/node-server (it puts the Node request
 * and response in `c.env`); paths the runtime does not serve fall through to `next()`.
 */
export function honoHandler(options: RequestHandlerOptions | RequestHandler) {
  const handler = typeof options === "function" ? options : createRequestHandler(options);
  return async (c: HonoContextLike, next: () => Promise<void>): Promise<Response | void> => {
    const incoming = c.env?.incoming;
    const outgoing = c.env?.outgoing;
    if (!handler.handles(c.req.path)) return next();
    if (!incoming || !outgoing) {
      return new Response(JSON.stringify({ ok: false, error: { code: "UNSUPPORTED_RUNTIME", message: "honoHandler needs @hono/node-server" } }), {
        status: 500,
        headers: { "content-type": "application/json" },
      });
    }
    handler(incoming, outgoing);
    // @hono/node-server leaves a response with this header alone: we answer on the Node response.
    return new Response(null, { headers: { "x-hono-already-sent": "true" } });
  };
}
