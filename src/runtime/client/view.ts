// A mounted component: its state, the ActionContext its actions get, render batching (several
// assigns in one tick render once), child components (`meta.live_component`), commands, hooks,
// flash, page title and navigation. Delegated DOM events arrive through `dispatch`.

import type { ActionContext, CommandOptions, ComponentDefinition, RenderMeta, State, StatePayload } from "../contract.ts";
import type { HtmlSafeString } from "../template/html.ts";
import { callCommand } from "./command-call.ts";
import { toEvent, type EventObject } from "./event-payload.ts";
import { patch } from "./patch.ts";

export interface HookInstance {
  el: HTMLElement;
  pushEvent(event: string, payload?: Record<string, unknown>, onReply?: (reply: unknown, ref: number) => void): void;
  pushEventTo(target: string | number | Element, event: string, payload?: Record<string, unknown>): void;
  handleEvent(event: string, callback: (payload: any) => void): () => void;
  removeHandleEvent(ref: () => void): void;
  [key: string]: any;
}
export type HookDefinition = Partial<Record<"mounted" | "updated" | "destroyed" | "disconnected" | "reconnected", (this: HookInstance) => void>> & Record<string, any>;

export interface MountEnv {
  hooks: Record<string, HookDefinition>;
  fetch: typeof fetch;
  storage?: Storage;
}

/** The root component or a stateful child component: who an event or assign belongs to. */
export interface Target {
  def: ComponentDefinition<any>;
  state: State;
  ctx: ActionContext<any>;
  cid?: number;
  /** True while the parent's render runs this child's mount/update: their assigns need no new render. */
  quiet?: boolean;
}

export type View = ReturnType<typeof createView>;

export function createView(def: ComponentDefinition<any>, el: HTMLElement, script: StatePayload, env: MountEnv) {
  const name = def.name;
  const storageKey = `lvm:${name}:${location.pathname}`;
  const idempotent = new Set(script.idempotent ?? []);
  const flash: Record<string, string> = { ...script.flash };
  const children = new Map<string, Target>();
  const byCid = new Map<number, Target>();
  const hooks = new Map<Element, HookInstance>();
  const hookHtml = new Map<Element, string>();
  const listeners = new Map<string, Set<(payload: any) => void>>();
  const touched = new WeakSet<Element>();
  const submitted = new WeakSet<Element>();
  let cidCounter = 0;
  let scheduled = false;
  let rendering = false;
  let again = false;
  let settled: Promise<void> = Promise.resolve();
  /** Promises of commands started by the action now running (phx-disable-with waits for them). */
  let collecting: Promise<unknown>[] | null = null;
  let destroyed = false;

  function makeCtx(target: Target): ActionContext<any> {
    return {
      get state() {
        return target.state;
      },
      assign(changes) {
        target.state = { ...target.state, ...changes };
        if (!target.quiet) schedule();
      },
      command(command, params = {}, options: CommandOptions = {}) {
        const p = runCommand(target, command, params, options);
        collecting?.push(p);
        return p;
      },
      after(ms, action, params) {
        const timer = setTimeout(() => dispatch(target, toEvent(action, params ?? {})), ms);
        return () => clearTimeout(timer);
      },
      send(action, params) {
        setTimeout(() => dispatch(target, toEvent(action, params ?? {})), 0);
      },
      pushPatch(path, params, replace) {
        navigate(buildUrl(path, params), replace);
      },
      pushRedirect(path, params, replace) {
        const url = buildUrl(path, params).href;
        replace ? location.replace(url) : location.assign(url);
      },
      pushEvent(event, payload = {}) {
        for (const cb of listeners.get(event) ?? []) cb(payload);
        window.dispatchEvent(new CustomEvent(`phx:${event}`, { detail: payload }));
      },
      putFlash(kind, message) {
        flash[kind] = message;
        schedule();
      },
      pageTitle(title) {
        const { prefix = "", suffix = "" } = document.querySelector("title")?.dataset ?? {};
        document.title = prefix + title + suffix;
      },
      get url() {
        return new URL(location.href);
      },
      connected: true,
    };
  }

  const root: Target = { def, state: script.state, ctx: null as never };
  root.ctx = makeCtx(root);
  if (def.persist === "session") {
    // Restore ui/form keys from this tab's last visit; shared keys stay as the server just sent them.
    try {
      const saved = JSON.parse(env.storage?.getItem(storageKey) ?? "null");
      if (saved) for (const key in saved) if (!def.shared?.[key]) root.state[key] = saved[key];
    } catch {}
  }

  function buildUrl(path: string, params?: URLSearchParams | Record<string, string>) {
    const url = new URL(path, location.href);
    const query = new URLSearchParams(params).toString();
    if (query) url.search = query;
    return url;
  }

  async function runCommand(target: Target, command: string, params: Record<string, unknown>, options: CommandOptions) {
    const pending = options.pendingKey;
    if (pending) target.ctx.assign({ [pending]: true });
    const retry = options.idempotent ?? idempotent.has(command);
    const outcome = await callCommand(target.def.name, command, params, script.csrfToken, retry, env.fetch);
    if (pending) target.ctx.assign({ [pending]: false });
    if (outcome.ok) {
      const { result } = outcome;
      if (options.onResult) await dispatch(target, { type: options.onResult, result });
      else if (result && typeof result === "object" && !Array.isArray(result)) target.ctx.assign(result as State);
      return result;
    }
    if (options.onError) {
      await dispatch(target, { type: options.onError, error: outcome.error });
      return undefined;
    }
    const error = Object.assign(new Error(), outcome.error);
    console.error(error);
    throw error;
  }

  /**
   * Runs the action named by the event's `type` (after a field named `type` overwrote it, as in
   * LiveViewJS's handleEvent switch), or the component's handleEvent. Resolves when the action and
   * the commands it started have finished.
   */
  function dispatch(target: Target, event: EventObject): Promise<unknown> {
    if (destroyed) return Promise.resolve();
    if (event.type === "lv:clear-flash") {
      delete flash[event.key];
      schedule();
      return Promise.resolve();
    }
    const action = target.def.actions?.[event.type] ?? target.def.handleEvent;
    if (!action) {
      console.warn("no action", event.type);
      return Promise.resolve();
    }
    const outer = collecting;
    const started: Promise<unknown>[] = (collecting = []);
    let result: unknown;
    try {
      result = action(event, target.ctx);
    } catch (error) {
      console.error(error);
    } finally {
      collecting = outer;
    }
    Promise.resolve(result).catch((e) => console.error(e));
    return Promise.allSettled([result, ...started]);
  }

  function schedule() {
    if (rendering) again = true;
    if (scheduled || rendering) return;
    scheduled = true;
    queueMicrotask(render);
  }

  /** Renders once for every batch of assigns; an async render (live_component) is awaited. */
  function render() {
    scheduled = false;
    if (destroyed) return;
    const seen = new Set<string>();
    rendering = true;
    let out: HtmlSafeString | Promise<HtmlSafeString>;
    try {
      out = def.render(root.state, meta(seen));
    } finally {
      rendering = false;
    }
    const apply = (markup: HtmlSafeString) => {
      if (destroyed) return;
      for (const key of children.keys()) if (!seen.has(key)) {
        byCid.delete(children.get(key)!.cid!);
        children.delete(key);
      }
      patch(el, String(markup));
      afterPatch();
    };
    if (out instanceof Promise) {
      rendering = true;
      again = false;
      settled = out.then(apply, (e) => console.error(e)).finally(() => {
        rendering = false;
        if (again) schedule();
      });
    } else {
      apply(out);
      settled = Promise.resolve();
    }
  }

  function meta(seen: Set<string>, myself?: number): RenderMeta {
    return {
      csrfToken: script.csrfToken,
      url: new URL(location.href),
      flash,
      myself,
      async live_component(child, props) {
        const { id, ...rest } = props;
        let target = id === undefined ? undefined : children.get(`${child.name}:${id}`);
        if (!target) {
          // mount → update → render on first use; a child without an id is stateless (fresh every render).
          target = { def: child, state: { ...rest }, ctx: null as never };
          target.ctx = makeCtx(target);
          target.quiet = true;
          await child.mount?.(target.ctx, {});
          if (id !== undefined) {
            target.cid = ++cidCounter;
            children.set(`${child.name}:${id}`, target);
            byCid.set(target.cid, target);
          }
        }
        if (id !== undefined) seen.add(`${child.name}:${id}`);
        target.quiet = true;
        try {
          await child.update?.(rest, target.ctx);
        } finally {
          target.quiet = false;
        }
        return child.render(target.state, meta(seen, target.cid));
      },
    };
  }

  function afterPatch() {
    // Hooks: mounted for new elements, updated for changed ones, destroyed for removed ones.
    for (const hookEl of el.querySelectorAll<HTMLElement>("[phx-hook]")) {
      let hook = hooks.get(hookEl);
      const markup = hookEl.outerHTML;
      if (!hook) {
        const definition = env.hooks[hookEl.getAttribute("phx-hook")!];
        if (!definition) continue;
        hook = Object.assign(Object.create(definition), {
          el: hookEl,
          pushEvent: (event: string, payload = {}) => dispatch(root, toEvent(event, payload)),
          pushEventTo: (to: string | number | Element, event: string, payload = {}) =>
            dispatch(targetFor(to), toEvent(event, payload)),
          handleEvent(event: string, cb: (payload: any) => void) {
            const set = listeners.get(event) ?? new Set();
            listeners.set(event, set.add(cb));
            return () => set.delete(cb);
          },
          removeHandleEvent: (ref: () => void) => ref(),
        }) as HookInstance;
        hooks.set(hookEl, hook);
        hook.mounted?.();
      } else if (hookHtml.get(hookEl) !== markup) hook.updated?.();
      hookHtml.set(hookEl, markup);
    }
    for (const [hookEl, hook] of hooks) if (!el.contains(hookEl)) {
      hooks.delete(hookEl);
      hookHtml.delete(hookEl);
      hook.destroyed?.();
    }
    applyFeedback();
    if (def.persist === "session") {
      const keep: State = {};
      for (const key in root.state) if (!def.shared?.[key]) keep[key] = root.state[key];
      try {
        env.storage?.setItem(storageKey, JSON.stringify(keep));
      } catch {}
    }
  }

  /** phx-feedback-for: hide a field's errors until it was changed or its form submitted. */
  function applyFeedback() {
    for (const fb of el.querySelectorAll("[phx-feedback-for]")) {
      const field = fb.getAttribute("phx-feedback-for")!;
      const input = Array.from(el.querySelectorAll<HTMLInputElement>("[id],[name]")).find(
        (i) => i.id === field || i.name === field || i.name === field + "[]",
      );
      if (!input) continue;
      const show = touched.has(input) || (input.form && submitted.has(input.form));
      fb.classList.toggle("phx-no-feedback", !show);
    }
  }

  /** phx-target: a component's `myself` number; anything else (a selector) goes to the root. */
  function targetFor(to: string | number | Element | null | undefined): Target {
    const value = to instanceof Element ? to.getAttribute("phx-target") : to;
    return (value != null && byCid.get(Number(value))) || root;
  }

  function navigate(url: URL, replace = false, fromHistory = false) {
    if (!fromHistory) history[replace ? "replaceState" : "pushState"]({ lvm: name }, "", url.href);
    if (def.handleParams) {
      const outer = collecting;
      collecting = null;
      Promise.resolve(def.handleParams(url, root.ctx)).catch((e) => console.error(e));
      collecting = outer;
    }
  }

  return {
    name,
    el,
    root,
    flash,
    dispatch,
    targetFor,
    navigate,
    schedule,
    markTouched: (input: Element) => touched.add(input),
    markSubmitted: (form: Element) => submitted.add(form),
    applyFeedback,
    /** Resolves after pending renders have reached the DOM. */
    async flushed(): Promise<void> {
      do await settled;
      while (scheduled || rendering);
    },
    render,
    destroy() {
      destroyed = true;
      for (const hook of hooks.values()) hook.destroyed?.();
      hooks.clear();
    },
    get state() {
      return root.state;
    },
  };
}
