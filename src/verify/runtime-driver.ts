// The migrated side: the component runs with the runtime's browser client in a happy-dom window per
// tab; its commands and sync stream are served by the runtime's request handler on a loopback port
// (fresh module instances per session); the first paint is the server runtime's SSR.

import { Window } from "happy-dom";
import { installHappyDomFixes } from "./happy-dom-fixes.ts";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { keySelector, SELECTORS, type ClientStep } from "./actions.ts";
import { DEFAULT_VERIFY_CSS } from "./liveview-driver.ts";
import { htmlAsShown } from "./normalize.ts";
import { StepError, turn, type SideSession } from "./session.ts";

installHappyDomFixes();

/** What the migrated side's server bundle exports (see compare.ts). */
export interface MigratedServerModule {
  createRequestHandler: typeof import("../runtime/server/handler.ts").createRequestHandler;
  createMemorySyncLog: typeof import("../runtime/server/sync/memory-log.ts").createMemorySyncLog;
  renderFirstPaint: typeof import("../runtime/server/first-paint.ts").renderFirstPaint;
  sessionKeys: typeof import("../runtime/server/session.ts").sessionKeys;
  newSession: typeof import("../runtime/server/session.ts").newSession;
  encodeSessionCookie: typeof import("../runtime/server/session.ts").encodeSessionCookie;
  lookupCommand: typeof import("../runtime/server/commands.ts").lookupCommand;
  runCommand: typeof import("../runtime/server/commands.ts").runCommand;
  stateCarrier: typeof import("../runtime/server/carried-state.ts").stateCarrier;
  component: any;
  commands?: any;
  /** The generated `<router>.migrated.ts` (migratedRoutes, bridgePubSub), when apply wrote one. */
  wiring?: { migratedRoutes?: Array<{ path: string; component: unknown; commands?: unknown }>; migratedComponents?: Array<{ component: unknown; commands?: unknown }>; bridgePubSub?: (sync: unknown, pubSub?: unknown) => Promise<unknown> };
  /** Whether the generated app calls bridgePubSub (project.ts: GeneratedWiring). */
  bridged?: boolean;
  /** The app's Date in the server bundle (bundle.ts DATE_MODULE), moved on by `tick` steps. */
  __verifyWallClock?: { advance(ms: number): void };
  /** The app's pubsub, the one its server file bridges (data modules broadcast on it). */
  pubSub?: unknown;
}

export interface MigratedSessionOptions {
  server: MigratedServerModule;
  /** IIFE that sets globalThis.__lvmVerify = { mount, featuresOf, features, module } (features: every optional feature by mount option; module: the component file's exports) (the browser bundle). */
  clientCode: string;
  /** Route pattern ("/volunteers/:id") and concrete path ("/volunteers/1?page=2"). */
  route: string;
  path: string;
  clients?: number;
  origin?: string;
  /** Stylesheet of the page (the same one the original side gets). */
  css?: string;
  /** Aborted when the view's time limit passes: the session closes its server and windows. */
  signal?: AbortSignal;
}

const SECRET = "liveview-migrate-verify-secret-0123456789";

interface Tab {
  window: Window;
  /** console.error calls and uncaught errors of the page, since they were last read. */
  errors: string[];
  mounted: { flushed(): Promise<void>; destroy(): void };
  offsets: Record<string, string>;
  streams: Array<{ close(): void }>;
}

/** The migrated page could not be served (its first paint threw): compare.ts reports a divergence at step 0. */
export class MigratedPageFailed extends StepError {
  constructor(
    message: string,
    readonly details: string[],
  ) {
    super("SIDE_ERROR", message);
  }
}

/** An error from any realm (happy-dom's window has its own Error): "RangeError: Invalid time value". */
function describeError(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) return `${(error as { name?: string }).name ?? "Error"}: ${(error as { message: string }).message}`;
  return typeof error === "string" ? error : safeJson(error);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function matchPattern(pattern: string, pathname: string): Record<string, string> | undefined {
  const a = pattern.split("/");
  const b = pathname.split("/");
  if (a.length !== b.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.startsWith(":")) params[a[i]!.slice(1)] = decodeURIComponent(b[i]!);
    else if (a[i] !== b[i]) return undefined;
  }
  return params;
}

export async function startMigratedSession(options: MigratedSessionOptions): Promise<SideSession> {
  const { server } = options;
  const component = server.component;
  const log = server.createMemorySyncLog();
  // Served as the generated app serves it: the view's entry of migratedRoutes, and the app's pubsub
  // bridged into the sync log (what data modules broadcast reaches the migrated clients).
  const generated = server.wiring?.migratedRoutes?.find((r) => r.component === component);
  if (server.wiring?.bridgePubSub && server.bridged) await server.wiring.bridgePubSub(log, server.pubSub);
  const handler = server.createRequestHandler({
    routes: [{ ...(generated ?? { component, commands: server.commands }), path: options.route, clientModule: "/dev/null" } as never],
    // child components with commands (live components the view renders), as the generated app registers them
    components: (server.wiring?.migratedComponents ?? []) as never,
    secret: SECRET,
    sync: log,
    heartbeatMs: 60_000,
    onError: () => {},
  });
  const http: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", () => resolve()));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const keys = server.sessionKeys(SECRET);
  const origin = options.origin ?? "http://localhost:4001";
  const url = new URL(options.path, origin);
  const pathParams = matchPattern(options.route, url.pathname) ?? {};
  const topics = Object.keys(component.sync ?? {});
  // the commands of each component by name, as the request handler registers them (first paint runs them in process)
  const commandsOf = new Map<string, any>();
  for (const entry of server.wiring?.migratedComponents ?? []) commandsOf.set((entry.component as { name: string }).name, entry.commands);
  commandsOf.set(component.name, generated?.commands ?? server.commands);
  const pageErrors: string[] = [];
  const signal = options.signal;
  let inflight = 0;
  let traffic = 0;
  const tabs: Tab[] = [];
  // The session's clock, like the original side's: the page's setInterval and the runtime's
  // ctx.every/ctx.after (MountOptions.schedule) run only on a `tick` step, in the order they fall due.
  const clock = { now: 0, nextId: 0, timers: new Map<number, { at: number; every: number; fn: () => void }>() };
  // the app's wall clock (its Date) reads the timer's own time while it runs: on the server and in every tab
  const advanceWallClock = (ms: number) => {
    server.__verifyWallClock?.advance(ms);
    for (const t of tabs) (t.window as any).__lvmVerify?.wallClock?.advance(ms);
  };
  const addTimer = (ms: unknown, fn: unknown, every: boolean): number => {
    const delay = Math.max(0, Number(ms) || 0);
    const id = ++clock.nextId;
    if (typeof fn === "function") clock.timers.set(id, { at: clock.now + delay, every: every ? Math.max(1, delay) : 0, fn: fn as () => void });
    return id;
  };

  function fetchFor(cookie: string): typeof fetch {
    return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const target = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url, base);
      const headers = new Headers(init.headers);
      headers.set("cookie", cookie);
      inflight++;
      traffic++;
      try {
        return await fetch(`${base}${target.pathname}${target.search}`, { ...init, headers });
      } finally {
        inflight--;
        traffic++;
      }
    }) as typeof fetch;
  }

  /** EventSource over fetch (Node has none): parses the runtime's SSE stream, records offsets for settle(). */
  function eventSourceFor(cookie: string, tab: () => Tab | undefined) {
    return class VerifyEventSource extends EventTarget {
      readyState = 0;
      private abort = new AbortController();
      constructor(readonly url: string) {
        super();
        tab()?.streams.push(this);
        void this.run();
      }
      private async run() {
        try {
          const target = new URL(this.url, base);
          const response = await fetch(`${base}${target.pathname}${target.search}`, { headers: { cookie, accept: "text/event-stream" }, signal: this.abort.signal });
          this.readyState = 1;
          const reader = response.body!.getReader();
          const decoder = new TextDecoder();
          let buffer = "";
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true });
            let end: number;
            while ((end = buffer.indexOf("\n\n")) >= 0) {
              this.dispatch(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
            }
          }
        } catch {}
        this.readyState = 2;
      }
      private dispatch(block: string) {
        let type = "message";
        let id = "";
        const data: string[] = [];
        for (const line of block.split("\n")) {
          if (line.startsWith("event:")) type = line.slice(6).trim();
          else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
          else if (line.startsWith("id:")) id = line.slice(3).trim();
        }
        if (!data.length) return;
        traffic++;
        const text = data.join("\n");
        try {
          const parsed = JSON.parse(text);
          const offsets = tab()?.offsets;
          if (offsets && parsed.offsets) Object.assign(offsets, parsed.offsets);
          if (offsets && parsed.topic && parsed.offset) offsets[parsed.topic] = parsed.offset;
        } catch {}
        this.dispatchEvent(new MessageEvent(type, { data: text, lastEventId: id }));
      }
      close() {
        this.readyState = 2;
        this.abort.abort();
      }
    };
  }

  async function openTab(): Promise<Tab> {
    const session = server.newSession();
    const cookie = `lvm_session=${server.encodeSessionCookie(keys, session)}`;
    const csrfToken = keys.csrfToken(session.id);
    const ownFetch = fetchFor(cookie);
    const result = await server.renderFirstPaint({
      component,
      url,
      params: { ...Object.fromEntries(url.searchParams), ...pathParams },
      csrfToken,
      idempotent: [],
      // in this process, as the request handler runs a first paint's loaders: the server renders what
      // they return (a Date stays a Date); only the client gets it through JSON
      runCommand: async (name: string, command: string, params: Record<string, unknown>) => {
        const definition = server.lookupCommand(commandsOf.get(name), command);
        if (!definition) return { ok: false, error: { status: 404, code: "UNKNOWN_COMMAND", message: `Unknown command ${name}/${command}` } };
        return server.runCommand(definition, params, { session, publish: async (topic: string, message: any) => void (await log.append(topic, message)), url, params: { ...Object.fromEntries(url.searchParams), ...pathParams }, carried: server.stateCarrier(keys, name, session.id) } as any, { timeoutMs: 10_000, onError: (error: unknown) => void pageErrors.push(`command ${name}/${command}: ${error instanceof Error ? error.message : String(error)}`) });
      },
      head: (topic: string) => log.head(topic),
      scriptUrl: "/verify.js",
    } as any);
    if (result.kind === "redirect") throw new StepError("SIDE_ERROR", `first paint redirects to ${result.location}`);
    // the migrated page fails where the original rendered: a difference a user sees, not a verifier problem
    if (result.kind !== "page") throw new MigratedPageFailed(`first paint failed: ${result.where}: ${result.error.message}`, pageErrors.splice(0));
    // Debounce and throttle delays change when an action runs, not what it does: cap them so a step
    // settles in milliseconds (steps are compared once settled, never mid-delay).
    const window = new Window({ url: url.href, settings: { timer: { maxTimeout: 5 } } as never });
    const body = result.body.replace(/<script type="module"[^>]*><\/script>|<link rel="modulepreload"[^>]*>/g, "");
    window.document.head.innerHTML = `<style>${options.css ?? DEFAULT_VERIFY_CSS}</style>`;
    window.document.body.innerHTML = body;
    const tab: Tab = { window, errors: [], mounted: undefined as unknown as Tab["mounted"], offsets: {}, streams: [] };
    // what the page reports (the runtime logs a failed render or action with console.error)
    const consoleError = (window as any).console.error.bind((window as any).console);
    (window as any).console.error = (...args: unknown[]) => {
      tab.errors.push(args.map((a) => (typeof a === "string" ? a : describeError(a))).join(" "));
      void consoleError;
    };
    window.addEventListener("error", (event: any) => tab.errors.push(`uncaught ${describeError(event?.error ?? event?.message)}`));
    // setInterval in the page (a module that polls from load) runs on the session's clock: as on the
    // original side, where the app's intervals fire only on a `tick` step; a running one would also keep
    // happy-dom from ever settling (its intervals count as pending work)
    (window as any).setInterval = (fn: unknown, ms: unknown) => addTimer(ms, fn, true);
    (window as any).clearInterval = (id: number) => void clock.timers.delete(id);
    tabs.push(tab);
    window.eval(options.clientCode);
    const api = (window as any).__lvmVerify;
    const def = Object.values(api.module as Record<string, any>).find((v) => v && typeof v.render === "function" && v.name === component.name);
    // the features the page bundle would pass: a component using one it does not declare fails as on its page
    const features = def ? Object.fromEntries((api.featuresOf(def) as string[]).map((feature) => [feature, api.features[feature]])) : {};
    let mounted: Tab["mounted"] | undefined;
    try {
      // ctx.every / ctx.after (polling) run on the session's clock like the page's intervals: time passes only on a `tick` step
      [mounted] = api.mount(def, {
        ...features,
        fetch: ownFetch,
        EventSource: eventSourceFor(cookie, () => tab),
        storage: undefined,
        schedule: (ms: number, fn: unknown) => {
          const id = addTimer(ms, fn, false);
          return () => void clock.timers.delete(id);
        },
      });
    } catch (error) {
      // the page stays as the server rendered it, and dead: what a user would get (compared, not skipped)
      tab.errors.push(`mount threw ${describeError(error)}`);
      mounted = { flushed: async () => {}, destroy() {} };
    }
    if (!mounted) throw new StepError("SIDE_ERROR", `the client did not mount ${component.name}`);
    tab.mounted = mounted;
    return tab;
  }

  function root(tab: Tab): Element {
    return tab.window.document.querySelector(`[data-lvm-root]`) as unknown as Element;
  }

  async function settle(): Promise<void> {
    let quiet = 0;
    let seen = traffic;
    for (let i = 0; i < 2000 && quiet < 4; i++) {
      if (signal?.aborted) throw new StepError("TIMEOUT", "the view's time limit passed");
      let cap: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(tabs.map((t) => t.window.happyDOM.waitUntilComplete())), new Promise((r) => (cap = setTimeout(r, 2000)))]);
      clearTimeout(cap);
      await Promise.all(tabs.map((t) => t.mounted.flushed()));
      await turn();
      let synced = true;
      for (const topic of topics) {
        const head = await log.head(topic);
        for (const t of tabs) if (t.streams.length && t.offsets[topic] !== head) synced = false;
      }
      if (inflight === 0 && synced && traffic === seen) quiet++;
      else {
        quiet = 0;
        seen = traffic;
        if (!synced) await new Promise((r) => setTimeout(r, 2));
      }
    }
  }

  function element(tab: Tab, selector: string, index: number): HTMLElement {
    const el = root(tab).querySelectorAll(selector)[index];
    if (!el) throw new StepError("NO_ELEMENT", `no element ${selector} number ${index + 1}`);
    return el as HTMLElement;
  }

  async function perform(step: ClientStep): Promise<void> {
    const tab = tabs[step.client ?? 0];
    if (!tab) throw new StepError("NO_ELEMENT", `no client ${step.client}`);
    const w = tab.window as any;
    switch (step.kind) {
      case "click":
        element(tab, SELECTORS.click, step.index).dispatchEvent(new w.MouseEvent("click", { bubbles: true, cancelable: true }));
        break;
      case "form": {
        const form = element(tab, SELECTORS.form, step.index) as HTMLFormElement;
        let targetEl: Element | undefined;
        for (const [name, value] of Object.entries(step.values)) {
          for (const field of Array.from(form.querySelectorAll<HTMLInputElement>(`[name="${name.replace(/["\\]/g, "\\$&")}"]`))) {
            if (field.type === "checkbox" || field.type === "radio") field.checked = value !== "" && (field.value === value || value === "on");
            else field.value = value;
            if (name === step.target) targetEl = field;
          }
        }
        if (step.binding === "change") {
          (targetEl ?? form).dispatchEvent(new w.Event("input", { bubbles: true }));
          // phx-debounce="blur": the change goes out when the person leaves the field, which the step implies
          if (targetEl?.getAttribute("phx-debounce") === "blur") targetEl.dispatchEvent(new w.FocusEvent("blur"));
        }
        else form.dispatchEvent(new w.Event("submit", { bubbles: true, cancelable: true }));
        break;
      }
      case "key": {
        const el = element(tab, keySelector(step), step.index);
        const event = new w.KeyboardEvent(step.binding, { key: step.key, bubbles: true, cancelable: true });
        if (step.window) w.document.body.dispatchEvent(event);
        else el.dispatchEvent(event);
        break;
      }
      case "patch": {
        const anchor = Array.from(root(tab).querySelectorAll(SELECTORS.patch)).find((a) => a.getAttribute("href") === step.href);
        if (!anchor) throw new StepError("NO_ELEMENT", `no live_patch link to ${step.href}`);
        anchor.dispatchEvent(new w.MouseEvent("click", { bubbles: true, cancelable: true, button: 0 }));
        break;
      }
      case "tick": {
        // what falls due within the step runs in order, each settled before the next (as the original's clock does)
        const end = clock.now + step.ms;
        for (;;) {
          let due: [number, { at: number; every: number; fn: () => void }] | undefined;
          for (const entry of clock.timers) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
          if (!due) break;
          advanceWallClock(due[1].at - clock.now);
          clock.now = due[1].at;
          if (due[1].every) due[1].at += due[1].every;
          else clock.timers.delete(due[0]);
          due[1].fn();
          await settle();
        }
        advanceWallClock(end - clock.now);
        clock.now = end;
        break;
      }
    }
    await settle();
  }

  let closed = false;
  async function closeAll() {
    if (closed) return;
    closed = true;
    signal?.removeEventListener("abort", onAbort);
    for (const tab of tabs) {
      for (const stream of tab.streams) stream.close();
      try {
        tab.mounted?.destroy();
      } catch {}
      await tab.window.happyDOM.abort();
      await tab.window.happyDOM.close();
    }
    await handler.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  }
  const onAbort = () => void closeAll();
  signal?.addEventListener("abort", onAbort, { once: true });

  const count = Math.max(1, options.clients ?? 1);
  try {
    for (let i = 0; i < count; i++) await openTab();
    await settle();
  } catch (error) {
    await closeAll();
    throw error;
  }

  return {
    clients: count,
    html: (client) => htmlAsShown(root(tabs[client]!)),
    perform,
    close: closeAll,
    errors() {
      // a render that throws is logged on every try: each error once
      return [...new Set([...pageErrors.splice(0), ...tabs.flatMap((tab, i) => tab.errors.splice(0).map((e) => (tabs.length > 1 ? `client ${i + 1}: ${e}` : e)))])];
    },
  };
}
