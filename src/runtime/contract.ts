// The contract between migrated code and the runtime. Codemods (src/codemods) generate code against
// these types; the client (src/runtime/client) and server (src/runtime/server) implement them.
// The shape mirrors LiveViewJS on purpose so handler bodies move with minimal edits:
// `socket.assign` → `ctx.assign`, `socket.context` → `ctx.state`, the event objects are unchanged.
//
// This file holds types and protocol constants only: it is imported by both runtimes and by codemods.

import type { HtmlSafeString } from "./template/index.ts";

/** The event object an action receives: exactly what a LiveViewJS handleEvent receives. */
export type ClientEvent = { type: string } & Record<string, string | undefined>;

export type State = Record<string, unknown>;

export interface ActionContext<S extends State = State> {
  /** Current state (read-only snapshot; `socket.context` in the original). */
  readonly state: Readonly<S>;
  /** Merge keys into state; several assigns in one tick render once. */
  assign(patch: Partial<S>): void;
  /**
   * Call a server command. By default its result (an object) is assigned to state.
   * `onResult` / `onError` name actions that receive `{ type, result }` / `{ type, error: { code, message } }`.
   */
  command(name: string, params?: Record<string, unknown>, options?: CommandOptions): Promise<unknown>;
  /** Schedule an action (replaces setInterval + sendInfo polling). Returns a cancel function. */
  after(ms: number, action: string, params?: Record<string, unknown>): () => void;
  /** Run an action on the next tick (replaces `socket.sendInfo` to self). */
  send(action: string, params?: Record<string, unknown>): void;
  pushPatch(path: string, params?: URLSearchParams | Record<string, string>, replace?: boolean): void;
  pushRedirect(path: string, params?: URLSearchParams | Record<string, string>, replace?: boolean): void;
  /** Reaches `phx-hook` handleEvent callbacks and `window` listeners ("phx:<name>"). */
  pushEvent(name: string, payload?: Record<string, unknown>): void;
  putFlash(kind: string, message: string): void;
  pageTitle(title: string): void;
  readonly url: URL;
  /** Always true in the browser, false during server-side first paint. */
  readonly connected: boolean;
}

export interface CommandOptions {
  onResult?: string;
  onError?: string;
  /** A state key set to true while the command is in flight. */
  pendingKey?: string;
}

export interface RenderMeta {
  csrfToken: string;
  url: URL;
  /** Set inside a child component's render: its target for `phx-target`. */
  myself?: string | number;
  /** Renders a child component; async to match LiveViewJS's `await meta.live_component(...)`. */
  live_component(component: ComponentDefinition<any>, props: { id?: string | number } & Record<string, unknown>): Promise<HtmlSafeString>;
}

export type Action<S extends State = State> = (event: ClientEvent, ctx: ActionContext<S>) => void | Promise<void>;

export interface ComponentDefinition<S extends State = State> {
  /** Unique name: the command and sync endpoints and the state script use it. */
  name: string;
  /** ui + form defaults. Runs on the server for first paint; the browser adopts the resulting state. */
  mount?(ctx: ActionContext<S>, params: Record<string, string>): void | Promise<void>;
  /** Runs on first paint and on every navigation (live_patch / pushPatch / back / forward). */
  handleParams?(url: URL, ctx: ActionContext<S>): void | Promise<void>;
  /** Server-owned keys and the command that loads each (run at first paint and after a sync reset). */
  shared?: Partial<Record<keyof S & string, string>>;
  /** Sync topics this component follows, and the action each message runs (receives `{ type, ...message }`). */
  sync?: Record<string, string>;
  actions: Record<string, Action<S>>;
  /** Fallback for events with no action (a moved `handleEvent` switch). */
  handleEvent?: Action<S>;
  render(state: S, meta: RenderMeta): HtmlSafeString | Promise<HtmlSafeString>;
  /** Keep state across reloads of the tab (sessionStorage). */
  persist?: "session";
  /** Child components: `update(props, ctx)` runs when the parent renders it with new props. */
  update?(props: Record<string, unknown>, ctx: ActionContext<S>): void;
}

export interface CommandContext {
  /** The verified session (from the signed cookie); never the client's copy of state. */
  session: Record<string, unknown>;
  publish(topic: string, message: Record<string, unknown>): Promise<void>;
  /** Route and query params of the page the command came from. */
  url?: URL;
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
  /** GET {base}/client/<hash>.js */
  clientPath: "/client",
  csrfHeader: "x-csrf-token",
  /** <script type="application/json" data-lvm-state="<component>"> holds { state, csrfToken, offsets }. */
  stateAttr: "data-lvm-state",
  /** Root element of a mounted component: data-lvm-root="<component>". */
  rootAttr: "data-lvm-root",
} as const;
