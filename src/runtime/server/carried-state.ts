// The carried-state path (DESIGN.md "Output shape"): a view whose state keys the analysis cannot list
// (keys built at run time from data or the URL) cannot be split between browser and server. Its
// handlers run unchanged on the server, as LiveView ran them, but the per-tab process is gone: the
// state it held travels with the browser, sealed (AES-GCM, bound to the component and the session),
// and comes back with each event. The browser sees only the keys `render` reads and can neither read
// the rest nor change any of it. Each call answers the assigns it made, the browser-side effects in
// order, and the state sealed again.

import type { CommandContext } from "../contract.ts";
import { parseState, stringifyState } from "../template/state-json.ts";
import { fail } from "./commands.ts";
import type { SessionKeys } from "./session.ts";
import { recordingSocket, LiveHandlerError, type LiveHandlerResult, type LiveViewParts } from "./live-handler.ts";

export type CarriedInput =
  /** mount: the route params it got (first paint, or a reload after a sync reset). */
  | { params?: Record<string, string> }
  /** handleParams: the page's href, with the sealed state. */
  | { url: string; __sealed?: string }
  /** handleEvent / handleInfo: the event or message, with the sealed state. */
  | { message: Record<string, unknown>; __sealed?: string };

export interface CarriedResult extends LiveHandlerResult {
  /** The whole state after the call, sealed: the browser sends it back with its next call. */
  sealed: string;
}

/**
 * Runs one part of the original view against the state the browser carried. `visible`: the keys the
 * browser needs to render ("all" when render reads keys by name at run time); the others never leave
 * the server unsealed.
 */
export async function runCarried(view: LiveViewParts, part: "mount" | "params" | "event" | "info", input: CarriedInput, visible: readonly string[] | "all", ctx: CommandContext): Promise<CarriedResult> {
  const carrier = ctx.carried;
  if (!carrier) throw new LiveHandlerError("NO_CARRIER", "this server does not seal carried state (a request handler from @liveview-migrate/runtime/server does)");
  const pageUrl = ctx.url ?? new URL("http://localhost/");
  if (part === "mount") {
    const live = recordingSocket(ctx, pageUrl, {});
    // LiveViewJS's first render: not connected (subscriptions are the page's sync topics, timers the browser's)
    live.start(false);
    const params = "params" in input && input.params ? input.params : {};
    await view.mount?.(live.socket, ctx.session, { ...Object.fromEntries(pageUrl.searchParams), ...params, ...(ctx.params ?? {}) });
    return { patch: pick(live.context, visible), effects: live.effects, sealed: carrier.seal(live.context) };
  }
  const sealed = (input as { __sealed?: unknown }).__sealed;
  const state = typeof sealed === "string" ? carrier.unseal(sealed) : undefined;
  if (!state) throw fail("STATE_INVALID", "The page's state is missing, changed, or from another session: reload the page", 400);
  const url = part === "params" ? parseUrl((input as { url: string }).url, pageUrl) : pageUrl;
  const live = recordingSocket(ctx, url, state);
  live.start();
  if (part === "params") await view.handleParams?.(url, live.socket);
  else {
    const handler = part === "event" ? view.handleEvent : view.handleInfo;
    if (typeof handler !== "function") throw new LiveHandlerError("NO_HANDLER", `the view has no ${part === "event" ? "handleEvent" : "handleInfo"}`);
    await handler.call(view, (input as { message: Record<string, unknown> }).message, live.socket);
  }
  return { patch: pick(live.patch, visible), effects: live.effects, sealed: carrier.seal(live.context) };
}

/** The navigated-to URL, on the page's own origin only (a foreign URL is a tampered request). */
function parseUrl(href: unknown, page: URL): URL {
  let url: URL;
  try {
    url = new URL(String(href), page);
  } catch {
    throw fail("INVALID_PARAMS", "url: not a URL", 422);
  }
  if (url.origin !== page.origin) throw fail("INVALID_PARAMS", "url: not on this site", 422);
  return url;
}

function pick(values: Record<string, unknown>, keys: readonly string[] | "all"): Record<string, unknown> {
  if (keys === "all") return { ...values };
  return Object.fromEntries(keys.filter((k) => Object.prototype.hasOwnProperty.call(values, k)).map((k) => [k, values[k]]));
}

/** The sealing a command of `component` gets for this session (CommandContext.carried). */
export function stateCarrier(keys: Pick<SessionKeys, "seal" | "unseal">, component: string, sessionId: string): NonNullable<CommandContext["carried"]> {
  const scope = `carried\n${component}\n${sessionId}`;
  return {
    seal: (state) => keys.seal(scope, stringifyState(state)),
    unseal(sealed) {
      const text = keys.unseal(scope, sealed);
      if (text === undefined) return undefined;
      const state = parseState(text);
      return state !== null && typeof state === "object" && !Array.isArray(state) ? (state as Record<string, unknown>) : undefined;
    },
  };
}
