// The contract between migrated code and the runtime. Codemods (src/codemods) generate code against
// these types; the client (src/runtime/client) and server (src/runtime/server) implement them.
// The shape mirrors LiveViewJS on purpose so handler bodies move with minimal edits:
// `socket.assign` → `ctx.assign`, `socket.context` → `ctx.state`, the event objects are unchanged.
//
// This file holds types and protocol constants only: it is imported by both runtimes and by codemods.

import type { HtmlSafeString, UploadConfig, UploadEntry, UploadOptions } from "./template/index.ts";

/** The event object an action receives: exactly what a LiveViewJS handleEvent receives. */
export type ClientEvent = { type: string } & Record<string, string | undefined>;

export type State = Record<string, unknown>;

export type { SessionData } from "./template/index.ts";

export interface ActionContext<S extends State = State> {
  /** Current state (read-only snapshot; `socket.context` in the original). */
  readonly state: Readonly<S>;
  /** Merge keys into state; several assigns in one tick render once. */
  assign(patch: Partial<S>): void;
  /**
   * Call a server command. By default its result (an object) is assigned to state.
   * `onResult` / `onError` name actions that receive `{ type, result }` / `{ type, error: { code, message } }`.
   */
  command(name: string, params?: Record<string, unknown> | (() => Record<string, unknown>), options?: CommandOptions): Promise<unknown>;
  /** Schedule an action (replaces setInterval + sendInfo polling). Returns a cancel function.
   *  One pending timer per action: scheduling the same action again replaces the earlier timer. */
  after(ms: number, action: string, params?: Record<string, unknown>): () => void;
  /** Run an action every `ms` until the page closes (replaces a setInterval that is restarted with
   *  another interval). Shares `after`'s one pending timer per action: either replaces the other. */
  every(ms: number, action: string, params?: Record<string, unknown>): () => void;
  /** Stop the pending `after` or `every` of an action (replaces clearInterval on a polling timer). */
  cancel(action: string): void;
  /** Run an action on the next tick (replaces `socket.sendInfo` to self). */
  send(action: string, params?: Record<string, unknown>): void;
  /** A child component's message to the view that renders it (LiveViewJS `sendParentInfo`): the view's action or handleInfo for it runs on the next tick. */
  sendParentInfo(info: { type: string } & Record<string, unknown>): void;
  pushPatch(path: string, params?: URLSearchParams | Record<string, string>, replace?: boolean): void;
  pushRedirect(path: string, params?: URLSearchParams | Record<string, string>, replace?: boolean): void;
  /** Reaches `phx-hook` handleEvent callbacks and `window` listeners ("phx:<name>"). */
  pushEvent(name: string, payload?: Record<string, unknown>): void;
  putFlash(kind: string, message: string): void;
  pageTitle(title: string): void;
  readonly url: URL;
  /** Always true in the browser, false during server-side first paint. */
  readonly connected: boolean;
  /** Removes a selected file (`socket.cancelUpload`); the entry leaves `meta.uploads.<name>.entries`. */
  cancelUpload(name: string, ref: string): void;
}

export interface CommandOptions {
  onResult?: string;
  onError?: string;
  /** A state key set to true while the command is in flight. */
  pendingKey?: string;
  /** Retry on network failure (also true when the state script lists the command as idempotent). */
  idempotent?: boolean;
  /**
   * Run after this component's earlier serial commands have answered (and their answers are applied);
   * params given as a function are read then. A handler that runs whole on the server is serial: LiveViewJS
   * handles one event or message at a time, so two quick ones must not both start from the same state.
   */
  serial?: boolean;
  /** Upload these configs' valid entries first; the command consumes them (`ctx.consumeUploadedEntries`). */
  uploads?: string[];
}

/** `_Events` only mirrors liveviewjs's `LiveViewMeta<Events>`, so render signatures typed with it move unchanged. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export interface RenderMeta<_Events = unknown> {
  csrfToken: string;
  url: URL;
  /** Set inside a child component's render: its target for `phx-target`. */
  myself?: string | number;
  /** Flash messages (`ctx.putFlash`); cleared by a click on `phx-click="lv:clear-flash" phx-value-key="<kind>"`. */
  flash?: Record<string, string>;
  /** The root component's upload configs with their selected entries (`uploads` in its definition). */
  uploads: Record<string, UploadConfig>;
  /** Renders a child component; async to match LiveViewJS's `await meta.live_component(...)`. */
  live_component(component: ComponentDefinition<any>, props: { id?: string | number } & Record<string, unknown>): Promise<HtmlSafeString>;
}

export type Action<S extends State = State> = (event: ClientEvent, ctx: ActionContext<S>) => void | Promise<void>;

export interface ComponentDefinition<S extends State = State> {
  /** Unique name: the command and sync endpoints and the state script use it. */
  name: string;
  /** ui + form defaults. Runs on the server for first paint; the browser adopts the resulting state. */
  mount?(ctx: ActionContext<S>, params: Record<string, string>): void | Promise<void>;
  /** Runs in the browser when the page starts (LiveViewJS's connected mount): the timers it started. */
  connected?(ctx: ActionContext<S>): void;
  /** Runs on first paint and on every navigation (live_patch / pushPatch / back / forward). */
  handleParams?(url: URL, ctx: ActionContext<S>): void | Promise<void>;
  /** Server-owned keys and the command that loads each (run at first paint and after a sync reset).
   *  The loader is called with params `{}` and its result becomes the key's value. */
  shared?: Partial<Record<keyof S & string, string>>;
  /**
   * The server parts of mount and handleParams, as commands of this component (the session is
   * ctx.session on the server, never sent by the browser). `mount` is called with `{ params }` (the
   * route params mount got): at first paint right after mount, in-process, and after a sync reset.
   * `params` is called with `{ url }` (an href): at first paint after handleParams, and in the browser
   * after handleParams on every navigation (an answer for a URL left since is dropped) and after a
   * sync reset. Each answer goes to the `onResult` action, or is assigned when it is an object.
   */
  load?: {
    mount?: string;
    params?: string;
    onResult?: string;
    /** Run the shared loaders and `mount`/`params` again when the page connects: mount writes server
     *  state, and LiveViewJS ran it a second time on the socket's join. */
    rerunOnConnect?: boolean;
  };
  /** Sync topics this component follows, and the action each message runs (receives `{ type, ...message }`). */
  sync?: Record<string, string>;
  actions: Record<string, Action<S>>;
  /** Fallback for events with no action (a moved `handleEvent` switch). */
  handleEvent?: Action<S>;
  /** Fallback for messages (`ctx.send`, `ctx.after`) with no action: a moved `handleInfo`; it gets the message as sent. */
  handleInfo?: Action<S>;
  /**
   * Where each message the component sends itself goes: message type → action name, or "handleInfo".
   * LiveViewJS keeps events and messages apart; this keeps a message named like an event off the event's action.
   */
  infos?: Record<string, string>;
  render(state: S, meta: RenderMeta): HtmlSafeString | Promise<HtmlSafeString>;
  /** File uploads (`socket.allowUpload(name, options)` in mount): limits checked in the browser and on the server. */
  uploads?: Record<string, UploadOptions>;
  /** Keep state across reloads of the tab (sessionStorage). */
  persist?: "session";
  /**
   * Carried state: the component's commands run the original view's handlers against a state the
   * server sealed; the browser holds it opaque (`StatePayload.sealed`), sends it as `__sealed` with
   * each command (one at a time) and keeps the `sealed` of each answer.
   */
  carried?: boolean;
  /** The child components its render passes to `meta.live_component` (the codegen lists them): the
   *  page then brings the child-component machinery, and what those children use (client/features.ts). */
  components?: ComponentDefinition<any>[];
  /** Its templates carry JS commands (`new JS()` in a phx-* binding; the codegen sets it): the page then
   *  brings their runner (client/js-exec.ts). */
  jsCommands?: boolean;
  /** Child components (LiveViewJS live components): state starts as the props (without `id`), then
   *  mount; `update(props, ctx)` runs after mount and on every render by the parent, not on the child's
   *  own events. With an `id` the child is stateful (kept, even while not rendered); without, fresh each render. */
  update?(props: Record<string, unknown>, ctx: ActionContext<S>): void;
}

export interface CommandContext {
  /** The verified session (from the signed cookie); never the client's copy of state. */
  session: Record<string, unknown>;
  publish(topic: string, message: Record<string, unknown>): Promise<void>;
  /** The page the command came from. */
  url?: URL;
  /** Route params (`/volunteers/:id` → `{ id }`) and query params of that page, when it is a route of the component. */
  params?: Record<string, string>;
  /** Aborted when the command's time limit passes (the response is already a COMMAND_TIMEOUT). */
  signal?: AbortSignal;
  /** Runs `fn` for each file the calling action uploaded (CommandOptions.uploads); temp files are removed afterwards. */
  consumeUploadedEntries<T>(name: string, fn: (meta: UploadMeta, entry: UploadEntry) => T | Promise<T>): Promise<T[]>;
  /** The uploaded entries, not consumed (all of them are done: the upload finished before the command ran). */
  uploadedEntries(name: string): Promise<{ completed: UploadEntry[]; inProgress: UploadEntry[] }>;
  /** Seals a carried-state component's state for the browser to carry (bound to the component and this session). */
  carried?: {
    seal(state: Record<string, unknown>): string;
    /** The state, or undefined when the text was changed, sealed for another component or session, or by a retired secret. */
    unseal(sealed: string): Record<string, unknown> | undefined;
  };
}

/** `consumeUploadedEntries`'s first argument: where the uploaded file is (a temp file under os.tmpdir()). */
export interface UploadMeta {
  path: string;
  name: string;
  size: number;
  type: string;
}

export interface CommandDefinition<P = any, R = any> {
  /** A zod schema (or anything with safeParse) validating params. */
  params?: { safeParse(input: unknown): { success: true; data: P } | { success: false; error: unknown } };
  /** Safe to retry on a network failure. */
  idempotent?: boolean;
  /** Milliseconds before the command is answered with COMMAND_TIMEOUT. */
  timeoutMs?: number;
  handler(params: P, ctx: CommandContext): R | Promise<R>;
}

export type CommandsModule = Record<string, CommandDefinition | CommandDefinition["handler"]>;

export function defineComponent<S extends State>(definition: ComponentDefinition<S>): ComponentDefinition<S> {
  return definition;
}

export function defineCommands<C extends CommandsModule>(commands: C): C {
  return commands;
}

/** Wire protocol (client ⇄ server). One place, so both sides and tests agree. */
export const PROTOCOL = {
  /** Prefix of every runtime endpoint. */
  base: "/_lvm",
  /** POST {base}/command/<component>/<command>, JSON body { params }, header below. */
  commandPath: "/command",
  /** GET {base}/sync?topics=a,b (Server-Sent Events; resume with Last-Event-ID). */
  syncPath: "/sync",
  /** POST {base}/upload/<component>/<upload name>: raw file body, its name in the header below; answers a CommandResponse whose result is an UploadReceipt. */
  uploadPath: "/upload",
  uploadNameHeader: "x-lvm-file-name",
  /** GET {base}/client/<hash>.js */
  clientPath: "/client",
  csrfHeader: "x-csrf-token",
  /** <script type="application/json" data-lvm-state="<component>"> holds { state, csrfToken, offsets }. */
  stateAttr: "data-lvm-state",
  /** Root element of a mounted component: data-lvm-root="<component>". */
  rootAttr: "data-lvm-root",
  /** Retries of an idempotent command after a network failure, and the first backoff (doubles each time). */
  commandRetries: 4,
  commandBackoffMs: 250,
} as const;

/** Error codes the client itself produces (the server's codes pass through unchanged). */
export const CLIENT_ERROR = {
  /** fetch failed (offline, connection refused) and the command was not retried or retries ran out. */
  network: "NETWORK_ERROR",
  /** The response body was not a CommandResponse (e.g. a proxy's HTML error page). */
  badResponse: "BAD_RESPONSE",
} as const;

// ---- Server wire formats (added by the server runtime; the client reads/sends exactly these) ----

/** Body of POST {base}/command/<component>/<command>. `url` (optional) is the page's location.href. */
export interface CommandRequest {
  params: Record<string, unknown>;
  url?: string;
  /** Receipt tokens of the files uploaded for this command, by upload name. */
  uploads?: Record<string, string[]>;
  /** The call's id, chosen by the browser and reused by its retries: the server runs a call once. */
  id?: string;
}

/** Result of an upload: `token` (signed, names the temp file) goes with the command that consumes it. */
export interface UploadReceipt {
  token: string;
  name: string;
  size: number;
  type: string;
}

/** Error codes the server answers with (HTTP status in brackets); commands may add their own via `fail()`. */
export type CommandErrorCode =
  | "MALFORMED_JSON" // 400
  | "BAD_REQUEST" // 400: body not `{ params: object }`, or a `__proto__` key
  | "SESSION_INVALID" // 403: no or tampered session cookie
  | "CSRF_INVALID" // 403: missing or wrong csrf header
  | "UNKNOWN_COMMAND" // 404
  | "METHOD_NOT_ALLOWED" // 405
  | "PAYLOAD_TOO_LARGE" // 413
  | "UNSUPPORTED_MEDIA_TYPE" // 415
  | "INVALID_PARAMS" // 422: the command's schema rejected params
  | "COMMAND_FAILED" // 500: the handler threw (message is generic, never a stack)
  | "COMMAND_TIMEOUT" // 504
  | "UNKNOWN_UPLOAD" // 404: the component declares no such upload
  | "UPLOAD_INVALID" // 400: an upload token that is forged, expired or for another session; more files than max_entries
  | "UNKNOWN_TOPIC" // 404 (sync)
  | "SYNC_UNAVAILABLE" // 503 (sync log down: a call could not be recorded, or its messages not published)
  | "COMMAND_IN_PROGRESS" // 409: a repeat of a call that is still running
  | "NOT_FOUND" // 404: an unknown runtime path or client file
  | "INTERNAL" // 500: a bug outside a command (e.g. a render threw); generic message
  | (string & {});

/** Every command response body, success or not. Network failures never produce this shape. */
export type CommandResponse<R = unknown> =
  | { ok: true; result: R }
  | { ok: false; error: { code: CommandErrorCode; message: string } };

/** Sync offsets per topic. Opaque strings: compare only for equality, never parse. */
export type SyncOffsets = Record<string, string>;

/** JSON in `<script type="application/json" data-lvm-state="<component>">`. */
export interface StatePayload<S extends State = State> {
  state: S;
  csrfToken: string;
  /** Offset of every topic in the component's `sync` at render time: subscribe from here, nothing is missed. */
  offsets: SyncOffsets;
  /** Route params (path + query) mount received on the server. */
  params: Record<string, string>;
  url: string;
  title?: string;
  flash?: Record<string, string>;
  /** Names of this component's commands marked idempotent: the client retries them on network failure. */
  idempotent?: string[];
  /** A carried-state component's state, sealed by the server (ComponentDefinition.carried). */
  sealed?: string;
}

/** `data:` of the SSE `message` event. The event's `id:` is JSON.stringify(SyncOffsets) of all topics of the stream. */
export interface SyncMessageData {
  topic: string;
  offset: string;
  message: Record<string, unknown>;
}

/** `data:` of the SSE `reset` event: the topic's offset was older than the log keeps; reload the
 *  shared keys (run their loaders), then messages continue after `offset`. */
export interface SyncResetData {
  topic: string;
  offset: string;
}

export const SYNC_PROTOCOL = {
  topicsParam: "topics", // comma-separated; topic names must not contain ","
  /** First connection only: `?offsets=` + encodeURIComponent(JSON.stringify(SyncOffsets)); Last-Event-ID wins when present. */
  offsetsParam: "offsets",
  messageEvent: "message",
  resetEvent: "reset",
  /** Sent first on every stream: `data: { offsets }` (all topics, heads filled in), `id:` the same offsets. */
  readyEvent: "ready",
  /** Session cookie (signed); sync and commands require it, first paint creates it. */
  sessionCookie: "lvm_session",
} as const;
