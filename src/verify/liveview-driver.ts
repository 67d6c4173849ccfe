// The original side: runs a LiveViewJS view with the real liveviewjs@0.8.1 in this process. First
// paint through handleHttpLiveView (connected=false), then a phx_join over an in-memory socket to
// WsHandler (or WsMessageRouter, which implements live components), then the messages the Phoenix
// client would send. The HTML is rebuilt from the rendered tree and diffs as the Phoenix client does.

import { Window } from "happy-dom";
import { installHappyDomFixes } from "./happy-dom-fixes.ts";
import { randomUUID } from "node:crypto";
import { keySelector, SELECTORS, type ClientStep } from "./actions.ts";
import { loadLiveviewjs } from "./bundle.ts";
import { createJsRunner, isJsCommand } from "./js-commands.ts";
import { htmlAsShown } from "./normalize.ts";
import { mergeRendered, renderedToHtml, type Rendered } from "./rendered-tree.ts";
import { StepError, turn, type SideSession, type VerifyClock } from "./session.ts";

installHappyDomFixes();

type PhxMessage = [string | null, string | null, string, string, any];

export interface OriginalSessionOptions {
  /** The router (path → LiveView) of the app, from a fresh instance of its modules. */
  router: Record<string, any>;
  /** Views that render live components (run through WsMessageRouter). */
  viewsWithLiveComponents?: { has(view: unknown): boolean };
  /** The concrete URL path to open, e.g. "/volunteers/1?page=2". */
  path: string;
  clients?: number;
  /** Session data every client starts with (e.g. a logged-in user). */
  session?: Record<string, unknown>;
  /** The app's own pubsub (what its server setup hands LiveViewJS); a SingleProcessPubSub otherwise. */
  pubSub?: any;
  /** Timers of the app's modules (bundled with clock: true). */
  clock?: VerifyClock;
  origin?: string;
  /** Stylesheet both sides get (JS show/hide/toggle decide visibility from computed styles). */
  css?: string;
  /** Aborted when the view's time limit passes: the session closes what it opened and stops waiting. */
  signal?: AbortSignal;
}

/** Visibility conventions most apps share, used when the app's stylesheet is not given. */
export const DEFAULT_VERIFY_CSS = ".hidden { display: none; } [hidden] { display: none; }";

/** One simulated browser tab: its socket, its rendered tree, and a DOM of what it shows. */
interface Tab {
  topic: string;
  tree?: Rendered;
  url: URL;
  window: Window;
  refs: number;
  send(message: PhxMessage): Promise<void>;
  leave(): Promise<void>;
  errors: string[];
  js: ReturnType<typeof createJsRunner>;
}

const jsonSerDe = {
  serialize: async (data: unknown) => JSON.stringify(data),
  deserialize: async (data: string) => JSON.parse(data),
};

export async function startOriginalSession(options: OriginalSessionOptions): Promise<SideSession> {
  const lv = await loadLiveviewjs();
  const origin = options.origin ?? "http://localhost:4001";
  const url = new URL(options.path, origin);
  const match = lv.matchRoute(options.router, url.pathname);
  if (!match) throw new StepError("SIDE_ERROR", `no route matches ${url.pathname}`);
  const [view, pathParams] = match as unknown as [any, { params: Record<string, string> }];
  const useRouter = options.viewsWithLiveComponents?.has(view) ?? /live_component/.test(String(view.render));
  const pubSub = options.pubSub ?? new lv.SingleProcessPubSub();
  const flashAdaptor = new lv.SessionFlashAdaptor();
  const fileSysAdaptor = { tempPath: () => "", writeTempFile: () => {}, createOrAppendFile: () => {} } as any;
  const reported: string[] = [];
  const config = { router: options.router as any, pubSub, serDe: jsonSerDe as any, flashAdaptor, fileSysAdaptor, onError: (error: unknown) => void reported.push(`LiveViewJS: ${error instanceof Error ? error.message : String(error)}`) };
  const signal = options.signal;
  const stopped = () => {
    if (signal?.aborted) throw new StepError("TIMEOUT", "the view's time limit passed");
  };
  /** `work`, or a TIMEOUT error as soon as the time limit passes (a mount that never finishes). */
  const orAbort = <T>(work: Promise<T>): Promise<T> => {
    if (!signal) return work;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new StepError("TIMEOUT", "the view's time limit passed"));
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
    });
  };
  const legacy = useRouter ? new lv.WsMessageRouter(options.router as any, pubSub, flashAdaptor, jsonSerDe as any, fileSysAdaptor) : undefined;
  const tabs: Tab[] = [];
  const clock = options.clock;

  /** Until every tab has gone quiet (no message for a few turns), firing simulated-latency timeouts. */
  async function settle(): Promise<void> {
    let quiet = 0;
    let seen = traffic;
    for (let i = 0; i < 10_000 && quiet < 6; i++) {
      stopped();
      await turn();
      if (traffic !== seen) {
        seen = traffic;
        quiet = 0;
      } else if (++quiet === 6 && clock?.fireNextTimeout()) quiet = 0;
    }
  }
  let traffic = 0;

  /** The first render's mount may await simulated latency (a timeout on the verifier's clock): fire them until it is done. */
  async function firingTimeouts<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const result = work.finally(() => (done = true));
    for (let quiet = 0; !done; ) {
      stopped();
      await turn();
      if (++quiet < 6 || done) continue;
      if (!clock?.fireNextTimeout()) break;
      quiet = 0;
    }
    return orAbort(result);
  }

  async function openTab(): Promise<Tab> {
    const session: Record<string, unknown> = structuredClone(options.session ?? {});
    const page = await firingTimeouts(lv.handleHttpLiveView(
      () => `phx-${randomUUID().replace(/-/g, "")}`,
      () => randomUUID(),
      view,
      {
        getSessionData: () => session as any,
        getRequestUrl: () => new URL(url),
        getRequestPath: () => url.pathname,
        onRedirect: () => {},
        getSerDe: () => jsonSerDe as any,
      } as any,
      (_title: unknown, _csrf: unknown, content: unknown) => content,
      pathParams.params ?? {},
    ));
    if (page === undefined) throw new StepError("NOT_SUPPORTED", "the view redirects on first render");
    const window = new Window({ url: url.href });
    window.document.head.innerHTML = `<style>${options.css ?? DEFAULT_VERIFY_CSS}</style>`;
    window.document.body.innerHTML = String(page);
    const main = window.document.querySelector("[data-phx-main]")!;
    const tab: Tab = {
      topic: `lv:${main.id}`,
      url: new URL(url),
      window,
      refs: 0,
      errors: [],
      send: async () => {},
      leave: async () => {},
      js: createJsRunner({
        document: () => window.document as unknown as Document,
        push: (sourceEl, name, value, target) => event(tab, { type: "click", event: name, value: meta(sourceEl, value ?? {}), ...targetOf(sourceEl, target) }),
        patch: (href) => patch(tab, href),
      }),
    };
    // First paint as the browser shows it before the socket joins.
    const firstPaint = main.innerHTML;

    show(tab, firstPaint);
    const adaptor = {
      send(message: string) {
        traffic++;
        receive(tab, JSON.parse(message) as PhxMessage);
      },
      subscribeToMessages() {},
      subscribeToClose() {},
    };
    if (legacy) {
      const connectionId = randomUUID();
      tab.send = (message) => legacy.onMessage(connectionId, JSON.stringify(message), adaptor as any, false);
      tab.leave = () => legacy.onClose(connectionId);
    } else {
      const handler = new lv.WsHandler(adaptor as any, config as any);
      tab.send = (message) => handler.handleMsg(message as any);
      // WsHandler never calls its own close listener: leave explicitly so shutdown runs and pubsub unsubscribes.
      tab.leave = () => handler.close();
    }
    const joinRef = String(++tab.refs);
    await sendAndSettle(tab, [
      joinRef,
      joinRef,
      tab.topic,
      "phx_join",
      {
        url: url.href,
        params: { _csrf_token: session._csrf_token, _track_static: [], _mounts: 0 },
        session: main.getAttribute("data-phx-session"),
        static: main.getAttribute("data-phx-static") ?? "",
      },
    ]);
    return tab;
  }

  function receive(tab: Tab, message: PhxMessage): void {
    const [, , , event, payload] = message;
    if (event === "phx_reply") {
      const response = payload?.response ?? {};
      if (response.rendered) tab.tree = mergeRendered(undefined, response.rendered);
      else if (response.diff) tab.tree = mergeRendered(tab.tree, response.diff);
      else if (payload?.status !== "ok") tab.errors.push(JSON.stringify(payload));
    } else if (event === "diff") {
      tab.tree = mergeRendered(tab.tree, payload);
    } else if (event === "live_patch" || event === "live_redirect") {
      // pushPatch / pushRedirect: the Phoenix client updates the address bar (no message back for a patch).
      tab.url = new URL(payload.to, tab.url);
    }
    if (tab.tree) show(tab, renderedToHtml(tab.tree));
  }

  /** Puts a new rendering in the tab's DOM as the Phoenix client patches it: phx-update containers keep their children, JS effects stick. */
  function show(tab: Tab, html: string): void {
    const document = tab.window.document;
    const kept = new Map<string, { mode: string; children: Element[] }>();
    for (const el of Array.from(document.querySelectorAll("[phx-update][id]"))) {
      const mode = el.getAttribute("phx-update")!;
      if (mode === "append" || mode === "prepend" || mode === "ignore") kept.set(el.id, { mode, children: Array.from(el.children) as unknown as Element[] });
    }
    document.body.innerHTML = html;
    for (const [id, { mode, children }] of kept) {
      const el = document.getElementById(id) as unknown as Element | null;
      if (!el || el.getAttribute("phx-update") !== mode) continue;
      if (mode === "ignore") {
        el.replaceChildren(...children);
        continue;
      }
      const fresh = Array.from(el.children) as Element[];
      const freshIds = new Map(fresh.filter((c) => c.id).map((c) => [c.id, c]));
      // an old child with the id of a new one is updated in place; new children go before/after the old
      const old = children.map((c) => (c.id && freshIds.has(c.id) ? freshIds.get(c.id)! : c));
      const added = fresh.filter((c) => !children.some((o) => o.id && o.id === c.id));
      el.replaceChildren(...(mode === "append" ? [...old, ...added] : [...added, ...old]));
    }
    tab.js.reapply(document as unknown as Document);
  }

  async function patch(tab: Tab, href: string): Promise<void> {
    tab.url = new URL(href, tab.url);
    const ref = String(++tab.refs);
    await sendAndSettle(tab, [null, ref, tab.topic, "live_patch", { url: tab.url.href }]);
  }

  function element(tab: Tab, selector: string, index: number): Element {
    const el = tab.window.document.querySelectorAll(selector)[index];
    if (!el) throw new StepError("NO_ELEMENT", `no element ${selector} number ${index + 1}`);
    return el as unknown as Element;
  }

  function phxValues(el: Element): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { name, value } of Array.from(el.attributes)) if (name.startsWith("phx-value-")) out[name.slice(10)] = value;
    return out;
  }

  /** Phoenix's extractMeta: phx-value-* attributes, then the element's value (not unchecked boxes). */
  function meta(el: Element, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const out: Record<string, unknown> = phxValues(el);
    const input = el as HTMLInputElement;
    if (input.value !== undefined && el.tagName !== "FORM") {
      out.value = input.value;
      if (el.tagName === "INPUT" && /^(checkbox|radio)$/.test(input.type) && !input.checked) delete out.value;
    }
    return { ...out, ...extra };
  }

  function target(el: Element): { cid?: number } {
    return targetOf(el);
  }

  function targetOf(el: Element, explicit?: string): { cid?: number } {
    const value = explicit ?? el.getAttribute("phx-target");
    return value && /^\d+$/.test(value) ? { cid: Number(value) } : {};
  }

  async function event(tab: Tab, payload: Record<string, unknown>): Promise<void> {
    const ref = String(++tab.refs);
    await sendAndSettle(tab, [null, ref, tab.topic, "event", payload]);
  }

  /** Handlers may await simulated latency (fake timers): settle fires those while the message is handled. */
  async function sendAndSettle(tab: Tab, message: PhxMessage): Promise<void> {
    let done = false;
    const sent = tab.send(message).finally(() => (done = true));
    for (let i = 0; i < 100 && !done; i++) await settle();
    await orAbort(sent);
  }

  function fill(form: HTMLFormElement, values: Record<string, string>): void {
    for (const [name, value] of Object.entries(values)) {
      for (const field of Array.from(form.querySelectorAll<HTMLInputElement>(`[name="${name.replace(/["\\]/g, "\\$&")}"]`))) {
        if (field.type === "checkbox" || field.type === "radio") field.checked = value !== "" && (field.value === value || value === "on");
        else field.value = value;
      }
    }
  }

  function serialize(form: HTMLFormElement, target?: string): string {
    const params = new URLSearchParams();
    const data = new (form.ownerDocument.defaultView as any).FormData(form);
    data.forEach((value: unknown, key: string) => typeof value === "string" && params.append(key, value));
    if (target !== undefined) params.append("_target", target);
    return params.toString();
  }

  async function perform(step: ClientStep): Promise<void> {
    const tab = tabs[step.client ?? 0];
    if (!tab) throw new StepError("NO_ELEMENT", `no client ${step.client}`);
    switch (step.kind) {
      case "click": {
        const el = element(tab, SELECTORS.click, step.index);
        const binding = el.getAttribute("phx-click");
        // a browser fires no click on a disabled control: nothing reaches the Phoenix client
        if ((el as HTMLButtonElement).disabled === true) break;
        // The Phoenix client first runs phx-click-away of every visible element the click landed outside of.
        const away = Array.from(tab.window.document.querySelectorAll("[phx-click-away]")) as unknown as Element[];
        for (const other of away) {
          if (other === el || other.contains(el) || !tab.js.isVisible(other)) continue;
          const awayBinding = other.getAttribute("phx-click-away")!;
          if (isJsCommand(awayBinding)) await tab.js.exec(other, awayBinding);
          else await event(tab, { type: "click", event: awayBinding, value: phxValues(other), ...target(other) });
        }
        if (isJsCommand(binding)) await tab.js.exec(el, binding);
        else await event(tab, { type: "click", event: binding, value: meta(el), ...target(el) });
        break;
      }
      case "form": {
        const form = element(tab, SELECTORS.form, step.index) as HTMLFormElement;
        const name = form.getAttribute(step.binding === "change" ? "phx-change" : "phx-submit");
        if (!name) throw new StepError("NO_ELEMENT", `form ${step.index + 1} has no phx-${step.binding}`);
        fill(form, step.values);
        await event(tab, { type: "form", event: name, value: serialize(form, step.binding === "change" ? step.target : undefined), ...target(form) });
        break;
      }
      case "key": {
        const el = element(tab, keySelector(step), step.index);
        const attr = `phx-${step.window ? "window-" : ""}${step.binding}`;
        const filter = el.getAttribute("phx-key");
        if (filter && filter.toLowerCase() !== step.key.toLowerCase()) break; // the Phoenix client drops it
        await event(tab, { type: step.binding, event: el.getAttribute(attr), value: step.window ? { ...phxValues(el), key: step.key } : meta(el, { key: step.key }), ...target(el) });
        break;
      }
      case "patch":
        await patch(tab, step.href);
        break;
      case "tick":
        if (clock) await clock.advance(step.ms, settle);
        break;
    }
    await settle();
  }

  let closed = false;
  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    signal?.removeEventListener("abort", onAbort);
    for (const tab of tabs) {
      await tab.leave().catch(() => {});
      if (!signal?.aborted) await settle().catch(() => {});
      await tab.window.happyDOM.close();
    }
    clock?.clear();
  }
  const onAbort = () => void close();
  signal?.addEventListener("abort", onAbort, { once: true });

  const count = Math.max(1, options.clients ?? 1);
  try {
    for (let i = 0; i < count; i++) {
      tabs.push(await openTab());
      await settle();
    }
  } catch (error) {
    await close();
    throw error;
  }

  return {
    clients: count,
    html: (client) => htmlAsShown(tabs[client]!.window.document.body as unknown as Element),
    perform,
    close,
    errors() {
      const out = [...reported, ...tabs.flatMap((tab) => tab.errors.splice(0).map((e) => `error reply: ${e}`))];
      reported.length = 0;
      return out;
    },
  };
}
