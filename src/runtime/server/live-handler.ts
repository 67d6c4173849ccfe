// The whole-handler path (DESIGN.md "Output shape"): a LiveViewJS handler the tool does not move to
// the browser runs unchanged on the server, in one stateless command. It is LiveView's round trip
// without its per-tab process: the view's own mount (and handleParams) rebuild the server's state with
// `connected` false, as LiveViewJS's first HTTP render does (no subscriptions, no timers); the ui/form
// keys the browser holds are laid over it (never a shared key: those are the server's); then the
// original handler runs against a socket that records what it asks for. The answer is its assigns and
// the browser-side effects (flash, title, navigation, pushEvent, messages to itself), in order.

import type { CommandContext } from "../contract.ts";

/** What a createLiveView result or a BaseLiveView instance offers (the parts this path calls). */
export interface LiveViewParts {
  mount?(socket: any, session: any, params: any): unknown;
  handleParams?(url: URL, socket: any): unknown;
  handleEvent?(event: any, socket: any): unknown;
  handleInfo?(info: any, socket: any): unknown;
}

export interface LiveHandlerInput {
  /** The event (`{ type, ...params }`) or the message the handler receives. */
  message: Record<string, unknown>;
  /** The browser's copy of its ui/form keys (only `clientKeys` are read from it). */
  state?: Record<string, unknown>;
}

export interface LiveHandlerResult {
  patch: Record<string, unknown>;
  /** `["putFlash", kind, text]`, `["pageTitle", t]`, `["pushPatch", path, params]`, `["pushRedirect", …]`, `["pushEvent", name, payload]`, `["send", type, message]`. */
  effects: [string, ...unknown[]][];
}

/** A handler that cannot run this way (the reason reaches the client as a structured command error). */
export class LiveHandlerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function runLiveHandler(view: LiveViewParts, kind: "event" | "info", input: LiveHandlerInput, clientKeys: readonly string[], ctx: CommandContext): Promise<LiveHandlerResult> {
  const handler = handlerOf(view, kind);
  const url = ctx.url ?? new URL("http://localhost/");
  const live = recordingSocket(ctx, url, {});
  // the server's state, as the first render built it
  await view.mount?.(live.socket, ctx.session, pageParams(ctx, url));
  await view.handleParams?.(url, live.socket);
  // the tab's own keys, as the browser holds them
  const state = input.state ?? {};
  for (const key of clientKeys) if (Object.prototype.hasOwnProperty.call(state, key)) live.context[key] = state[key];
  live.start();
  await handler.call(view, input.message, live.socket);
  return { patch: live.patch, effects: live.effects };
}

function handlerOf(view: LiveViewParts, kind: "event" | "info") {
  const handler = kind === "event" ? view.handleEvent : view.handleInfo;
  if (typeof handler !== "function") throw new LiveHandlerError("NO_HANDLER", `the view has no ${kind === "event" ? "handleEvent" : "handleInfo"}`);
  return handler;
}

/** mount's params as LiveViewJS gives them: the query, then the route's path params. */
function pageParams(ctx: CommandContext, url: URL): Record<string, string> {
  return { ...Object.fromEntries(url.searchParams), ...(ctx.params ?? {}) };
}

/**
 * A LiveViewJS socket over `context` that records, once `start()` is called, the assigns (`patch`)
 * and the browser-side effects in order; before that (a mount rebuilding state) it records nothing
 * and reports `connected` false.
 */
export function recordingSocket(ctx: CommandContext, url: URL, initial: Record<string, unknown>) {
  let recording = false;
  let connected = false;
  const live = {
    context: { ...initial } as Record<string, unknown>,
    patch: {} as Record<string, unknown>,
    effects: [] as LiveHandlerResult["effects"],
    /** From here on assigns and effects are recorded; `connected` is what the socket reports. */
    start: (isConnected = true) => {
      recording = true;
      connected = isConnected;
    },
    socket: undefined as unknown as Record<string, unknown>,
  };
  const record = (effect: [string, ...unknown[]]) => {
    if (recording) live.effects.push(effect);
  };
  const assign = (changes: Record<string, unknown>) => {
    live.context = { ...live.context, ...changes };
    if (recording) Object.assign(live.patch, changes);
  };
  live.socket = {
    id: `lvm-${ctx.session.id ?? "session"}`,
    get connected() {
      return connected;
    },
    // LiveViewJS hands out a copy: mutating it changes nothing
    get context() {
      return structuredClone(live.context);
    },
    url,
    assign,
    tempAssign: assign,
    pageTitle: (title: string) => record(["pageTitle", title]),
    pushEvent: (event: { type: string } & Record<string, unknown>) => {
      const { type, ...payload } = event;
      record(["pushEvent", type, payload]);
    },
    pushPatch: async (path: string, query?: URLSearchParams, replace?: boolean) => record(["pushPatch", path, query ? Object.fromEntries(query) : undefined, replace]),
    pushRedirect: async (path: string, query?: URLSearchParams, replace?: boolean) => record(["pushRedirect", path, query ? Object.fromEntries(query) : undefined, replace]),
    putFlash: async (key: string, value: string) => record(["putFlash", key, value]),
    sendInfo: (info: string | ({ type: string } & Record<string, unknown>)) => {
      const message = typeof info === "string" ? { type: info } : info;
      record(["send", message.type, message]);
    },
    // a live component's message to its view: the browser hands it on
    sendParentInfo: (info: { type: string } & Record<string, unknown>) => record(["sendParentInfo", info]),
    // the page follows its topics through the sync stream; a command subscribes to nothing
    subscribe: async () => {},
    repeat: () => {
      throw new LiveHandlerError("UNSUPPORTED", "socket.repeat starts a server timer: a command cannot");
    },
    allowUpload: async () => {},
    cancelUpload: async () => {},
    consumeUploadedEntries: <T>(name: string, fn: (meta: any, entry: any) => Promise<T>) => ctx.consumeUploadedEntries(name, fn),
    uploadedEntries: (name: string) => ctx.uploadedEntries(name),
  };
  return live;
}
