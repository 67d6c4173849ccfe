// A mounted component: its state, the ActionContext its actions get, render batching (several
// assigns in one tick render once), commands, hooks, flash, page title and navigation. Delegated DOM
// events arrive through `run`. Optional features (uploads, sync, loaders, child components, JS
// commands) come in `env`, each from its own module, only for a component that uses them (features.ts).

import type { ActionContext, CommandOptions, ComponentDefinition, RenderMeta, State, StatePayload } from "../contract.ts";
import type { HtmlSafeString } from "../template/html.ts";
import { parseState, stateCopy, stateReplacer } from "../template/state-json.ts";
import { views } from "./bindings.ts";
import type { ChildSupport } from "./children.ts";
import { callCommand } from "./command-call.ts";
import { toEvent, type EventObject } from "./event-payload.ts";
import { featuresOf } from "./features.ts";
import type { execJS } from "./js-exec.ts";
import type { LoaderSupport } from "./loaders.ts";
import { patch } from "./patch.ts";
import { renderHtml, type KeyedCache } from "./render-html.ts";
import type { followSync } from "./sync-stream.ts";
import { noUploads, type UploadSupport } from "./uploads-static.ts";

export interface HookInstance {
  el: HTMLElement;
  pushEvent(event: string, payload?: Record<string, unknown>): void;
  pushEventTo(target: string | number | Element, event: string, payload?: Record<string, unknown>): void;
  handleEvent(event: string, callback: (payload: any) => void): () => void;
  removeHandleEvent(ref: () => void): void;
  [key: string]: any;
}
export type HookDefinition = Partial<Record<"mounted" | "updated" | "destroyed", (this: HookInstance) => void>> & Record<string, any>;

export interface MountEnv {
  hooks: Record<string, HookDefinition>;
  fetch: typeof fetch;
  storage?: Storage;
  EventSource?: typeof EventSource;
  /** File upload machinery (`createUploads` from ./uploads.ts), given only where a component declares uploads. */
  uploads?: UploadSupport;
  /** Where `ctx.after` timers go (MountOptions.schedule). */
  schedule?: (ms: number, run: () => void) => () => void;
  /** The sync stream (`followSync`), given only where a component follows topics. */
  sync?: typeof followSync;
  /** The loaders in the browser (`runLoaders` from ./loaders.ts), given where they run again (features.ts). */
  loaders?: LoaderSupport;
  /** Child components (`childComponents` from ./children.ts), given where a component lists them. */
  children?: ChildSupport;
  /** The JS command runner (`execJS` from ./js-exec.ts), given where a component's templates carry JS commands. */
  js?: typeof execJS;
}

/** The root component or a stateful child component: who an event or assign belongs to. */
export interface Target {
  def: ComponentDefinition<any>;
  state: State;
  ctx: ActionContext<any>;
  cid?: number;
  /** True while the parent's render runs this child's mount/update: their assigns need no new render. */
  quiet?: boolean;
  /** Settles when the answer of this component's latest command has been applied (answers apply in the order sent). */
  answered?: Promise<void>;
}

export type View = ReturnType<typeof createView>;

const report = (error: unknown) => console.error(error);

export function createView(def: ComponentDefinition<any>, el: HTMLElement, script: StatePayload, env: MountEnv) {
  const name = def.name;
  const missing = featuresOf(def).filter((feature) => !env[feature]);
  // a feature the component uses but its page did not pass: refused here, not half-working later
  if (missing.length > 0) throw new Error(`component ${name} uses ${missing.join(", ")}: mount it with ${missing.length > 1 ? "those options" : "that option"} (the server's page bundle passes them)`);
  const storageKey = `lvm:${name}:${location.pathname}`;
  const flash: Record<string, string> = { ...script.flash };
  const hooks = new Map<Element, [HookInstance, string]>();
  const listeners = new Map<string, Set<(payload: any) => void>>();
  const touched = new WeakSet<Element>();
  let keyed: KeyedCache = { last: new Map(), next: new Map() };
  let scheduled = false;
  let rendering = false;
  let again = false;
  let settled: Promise<unknown> = Promise.resolve();
  /** Promises of commands started by the action now running (phx-disable-with waits for them). */
  let collecting: Promise<unknown>[] | null = null;
  let destroyed = false;
  /** True when only stateful children changed since the last render: as in LiveViewJS, a child's own
   *  event re-renders it without running its update (update runs when the parent renders). */
  let onlyChildren: boolean | undefined;
  /** Navigations so far: a `load.params` answer for an older one is dropped. */
  let navigations = 0;
  /** True while no navigation started since this call. */
  const current = (seq = navigations) => () => seq == navigations;
  /** ui/form keys only: shared keys always come fresh from the server. */
  const own = (state: State) => Object.fromEntries(Object.entries(state).filter(([key]) => !def.shared?.[key]));
  const uploads = (env.uploads ?? noUploads)(name, def.uploads, script.csrfToken, schedule);

  function makeCtx(target: Target): ActionContext<any> {
    let serialTail: Promise<unknown> = Promise.resolve();
    // One pending `after` per action: a polling action re-arms itself, and a second path that also
    // runs it (a "refresh now" button) must not start a second chain.
    const pending = new Map<string, () => void>();
    const timerFor = env.schedule ?? ((ms: number, fn: () => void) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    });
    const after = (ms: number, action: string, params?: Record<string, unknown>) => {
      pending.get(action)?.();
      const cancel = timerFor(ms, () => {
        pending.delete(action);
        run(target, toEvent(action, params ?? {}), action, true);
      });
      pending.set(action, cancel);
      return () => {
        cancel();
        if (pending.get(action) === cancel) pending.delete(action);
      };
    };
    // A repeating timer (setInterval restarted with the tab's chosen interval): re-armed before each run,
    // replaced by the next `every` or `after` of the same action.
    const every = (ms: number, action: string, params?: Record<string, unknown>) => {
      pending.get(action)?.();
      let stopped = false;
      let cancel = () => {};
      const stop = () => {
        stopped = true;
        cancel();
        if (pending.get(action) === stop) pending.delete(action);
      };
      const arm = (): void => {
        cancel = timerFor(ms, () => {
          if (stopped) return;
          arm();
          run(target, toEvent(action, params ?? {}), action, true);
        });
      };
      arm();
      pending.set(action, stop);
      return stop;
    };
    return {
      get state() {
        return target === root ? stateCopy(target.state) : target.state;
      },
      assign(changes) {
        target.state = { ...target.state, ...changes };
        if (target.quiet) return;
        onlyChildren = target !== root && onlyChildren !== false;
        schedule();
      },
      command(command, params = {}, options = {}) {
        const read = () => (typeof params === "function" ? params() : params);
        // serial: after the previous serial command of this component, its answer applied (LiveViewJS's one-at-a-time)
        const p = options.serial ? (serialTail = serialTail.catch(() => {}).then(() => runCommand(target, command, read(), options))) : runCommand(target, command, read(), options);
        collecting?.push(p);
        return p;
      },
      after,
      every,
      cancel: (action: string) => pending.get(action)?.(),
      send(action, params) {
        // the named action runs even when params carry a `type` (a message handed to an undispatched handleInfo)
        setTimeout(() => run(target, toEvent(action, params ?? {}), action, true));
      },
      sendParentInfo(info) {
        setTimeout(() => run(root, toEvent(info.type, info), info.type, true), 0);
      },
      pushPatch(path, params, replace) {
        navigate(buildUrl(path, params), replace);
      },
      pushRedirect(path, params, replace) {
        location[replace ? "replace" : "assign"](buildUrl(path, params));
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
      cancelUpload: (name, ref) => uploads.cancel(name, ref),
    };
  }

  const root: Target = { def, state: script.state, ctx: null as never };
  root.ctx = makeCtx(root);
  if (def.persist) {
    // Restore ui/form keys from this tab's last visit.
    try {
      Object.assign(root.state, own(parseState(env.storage?.getItem(storageKey) ?? "{}")));
    } catch {}
  }

  function buildUrl(path: string, params?: URLSearchParams | Record<string, string>) {
    const url = new URL(path, location.href);
    const query = new URLSearchParams(params).toString();
    if (query) url.search = query;
    return url;
  }

  /** A carried-state component's state as the server last sealed it, and the tail of its calls. */
  let sealed = script.sealed;
  let carriedTail: Promise<unknown> = Promise.resolve();

  /** `current` false when the answer arrives: it is dropped (a `load.params` answer for a URL left since). */
  function runCommand(target: Target, command: string, params: Record<string, unknown>, options: CommandOptions, current?: () => boolean) {
    if (!target.def.carried) return sendCommand(target, command, params, options, current);
    // one call at a time, each carrying the state the previous one sealed (generated code never awaits
    // one of these calls inside the action applying another's answer)
    const call = carriedTail.then(() => sendCommand(target, command, { ...params, __sealed: sealed }, options, current));
    carriedTail = call.catch(() => {});
    return call;
  }

  async function sendCommand(target: Target, command: string, params: Record<string, unknown>, options: CommandOptions, current?: () => boolean) {
    const pending = options.pendingKey;
    if (pending) target.ctx.assign({ [pending]: true });
    const retry = options.idempotent ?? !!script.idempotent?.includes(command);
    // files first (upload endpoint), then the command with their receipts
    // answers apply in the order the commands were sent: a quick second answer waits for the first
    // (an answer with its own staleness guard, `load.params` for a URL, neither waits nor holds others up)
    const turn = current ? Promise.resolve() : target.answered ?? Promise.resolve();
    let release = () => {};
    if (!current) target.answered = new Promise<void>((resolve) => (release = resolve));
    let applying: Promise<unknown> | undefined;
    try {
      const sent = options.uploads && (await uploads.send(options.uploads));
      const outcome = sent && "error" in sent ? { ok: false as const, error: sent.error } : await callCommand(target.def.name, command, params, script.csrfToken, retry, env.fetch, sent ? sent.tokens : undefined);
      await turn;
      if (outcome.ok && options.uploads) uploads.consumed(options.uploads);
      if (pending) target.ctx.assign({ [pending]: false });
      // the server's state moved on even when this answer is dropped: the next call carries it
      sealed = (outcome as { result?: { sealed?: string } }).result?.sealed ?? sealed;
      if (current && !current()) return undefined;
      if (outcome.ok) {
        const { result } = outcome;
        // the onResult action may send commands of its own: they queue behind this answer, not on it
        if (options.onResult) applying = run(target, { type: options.onResult, result });
        else if (result && typeof result == "object" && !Array.isArray(result)) target.ctx.assign(result as State);
        release();
        await applying;
        return result;
      }
      if (options.onError) {
        applying = run(target, { type: options.onError, error: outcome.error });
        release();
        return void (await applying);
      }
      const error = Object.assign(new Error(), outcome.error);
      report(error);
      throw error;
    } finally {
      release();
    }
  }

  /**
   * Runs the action named by the event's `type` (after a field named `type` overwrote it, as in
   * LiveViewJS's handleEvent switch), or the component's handleEvent. Resolves when the action and
   * the commands it started have finished.
   */
  function run(target: Target, event: EventObject, name = event.type, message = false): Promise<unknown> {
    // a message goes where the component's route table says (`infos`), else to the action of its name, else to
    // handleInfo; never to handleEvent (LiveViewJS keeps events and messages apart)
    const route = message ? target.def.infos?.[name] : undefined;
    const action = message ? target.def.actions?.[route ?? name] ?? target.def.handleInfo : target.def.actions?.[name] ?? target.def.handleEvent;
    if (event.type == "lv:clear-flash") {
      delete flash[event.key];
      schedule();
    } else if (!destroyed && action) {
      const outer = collecting;
      const started: Promise<unknown>[] = (collecting = []);
      try {
        const result = action(event, target.ctx);
        started.push(Promise.resolve(result).catch(report));
      } catch (error) {
        report(error);
      } finally {
        collecting = outer;
      }
      return Promise.allSettled(started);
    } else if (!action) console.warn("no action", event.type);
    return Promise.resolve();
  }

  function schedule() {
    if (rendering) again = true;
    else if (!scheduled) {
      scheduled = true;
      queueMicrotask(render);
    }
  }

  /** Renders once for every batch of assigns; an async render (live_component) is awaited. */
  function render() {
    scheduled = false;
    if (destroyed) return;
    const childEvent = onlyChildren === true;
    onlyChildren = undefined;
    rendering = true;
    again = false;
    // A stateful child the parent stops rendering keeps its state and number (LiveViewJS 0.8.1 never
    // drops one): rendered again, it shows what it had.
    const apply = (markup: HtmlSafeString) => {
      keyed = { last: keyed.next, next: new Map() };
      if (!patch(el, renderHtml(markup, keyed))) {
        keyed = { last: new Map(), next: new Map() };
        patch(el, renderHtml(markup, keyed));
      }
      afterPatch();
    };
    const done = () => {
      rendering = false;
      if (again) schedule();
    };
    try {
      const out = def.render(root.state, meta(undefined, childEvent));
      if (out instanceof Promise) return void (settled = out.then(apply, report).finally(done));
      apply(out);
    } catch (error) {
      report(error);
    }
    done();
  }

  function meta(myself?: number, childEvent = false): RenderMeta {
    return {
      csrfToken: script.csrfToken,
      url: new URL(location.href),
      uploads: uploads.meta(),
      flash,
      myself,
      live_component: (child, props) =>
        children
          ? children.render(child, props, childEvent)
          : Promise.reject(new Error(`component ${name} renders child components: list them in its definition's \`components\` (the page then passes the children option to mount)`)),
    };
  }
  const children = env.children?.(makeCtx, meta);

  function afterPatch() {
    // Hooks: mounted for new elements, updated for changed ones, destroyed for removed ones.
    for (const hookEl of el.querySelectorAll<HTMLElement>("[phx-hook]")) {
      const markup = hookEl.outerHTML;
      const known = hooks.get(hookEl);
      const definition = env.hooks[hookEl.getAttribute("phx-hook")!];
      if (known) {
        if (known[1] != markup) known[0].updated?.();
        known[1] = markup;
      } else if (definition) {
        const hook: HookInstance = Object.assign(Object.create(definition), {
          el: hookEl,
          pushEvent: (event: string, payload = {}) => run(root, toEvent(event, payload)),
          pushEventTo: (to: string | number | Element, event: string, payload = {}) => run(targetFor(to), toEvent(event, payload)),
          handleEvent(event: string, cb: (payload: any) => void) {
            const set = listeners.get(event) ?? new Set();
            listeners.set(event, set.add(cb));
            return () => set.delete(cb);
          },
          removeHandleEvent: (ref: () => void) => ref(),
        });
        hooks.set(hookEl, [hook, markup]);
        hook.mounted?.();
      }
    }
    for (const [hookEl, [hook]] of hooks) if (!el.contains(hookEl)) {
      hooks.delete(hookEl);
      hook.destroyed?.();
    }
    applyFeedback();
    uploads.patched(el);
    if (def.persist) {
      try {
        env.storage?.setItem(storageKey, JSON.stringify(own(root.state), stateReplacer));
      } catch {}
    }
  }

  /** phx-feedback-for: hide a field's errors until it was changed or its form submitted. */
  function applyFeedback() {
    for (const fb of el.querySelectorAll("[phx-feedback-for]")) {
      const field = fb.getAttribute("phx-feedback-for")!;
      const input = Array.from(el.querySelectorAll<HTMLInputElement>("[id],[name]")).find(
        (i) => i.id == field || i.name == field || i.name == field + "[]",
      );
      if (input) fb.classList.toggle("phx-no-feedback", !(touched.has(input) || touched.has(input.form!)));
    }
  }

  /** phx-target: a component's `myself` number; anything else (a selector) goes to the root. */
  function targetFor(to: string | number | Element | null | undefined): Target {
    const value = to instanceof Element ? to.getAttribute("phx-target") : to;
    return (value != null && children?.byCid(Number(value))) || root;
  }

  function navigate(url: URL, replace = false, fromHistory = false) {
    if (!fromHistory) history[replace ? "replaceState" : "pushState"](null, "", url);
    const outer = collecting;
    collecting = null;
    const now = current(++navigations);
    // the ui part first (instant), then the server part of handleParams for this URL
    Promise.resolve(def.handleParams?.(url, root.ctx))
      .then(() => now() && loaders?.params(url, now))
      .catch(report);
    collecting = outer;
  }

  const loaders = env.loaders?.(def, root.ctx, (command, params, options, isCurrent) => runCommand(root, command, params, options, isCurrent), script.params ?? {}, report);

  const topics = Object.keys(def.sync ?? {});
  const sync =
    topics.length > 0 &&
    env.sync!(
      topics,
      script.offsets ?? {},
      {
        message: (topic, message) => run(root, toEvent(def.sync![topic], message), def.sync![topic]),
        reset: () => loaders?.reload(current()),
      },
      env.EventSource,
    );

  // First render builds child components (their `myself` numbers) and applies restored state;
  // when nothing differs from the server's HTML, morphing changes nothing.
  render();
  // what LiveViewJS's connected mount did: its timers start, and a mount that writes server state runs again
  if (def.connected) {
    try {
      def.connected(root.ctx);
    } catch (error) {
      report(error);
    }
  }
  if (def.load?.rerunOnConnect) loaders!.reload(current());

  return {
    name,
    el,
    run,
    uploads,
    targetFor,
    /** Runs a binding's JS command list (`phx-click="[[...]]"`); `push` runs an action. */
    js:
      env.js ??
      (() => {
        throw new Error(`component ${name} renders JS commands: set \`jsCommands: true\` in its definition (the page then passes the js option to mount)`);
      }),
    navigate,
    schedule,
    /** phx-feedback-for: an input changed or a form submitted. */
    touch(input: Element) {
      touched.add(input);
      applyFeedback();
    },
    get state() {
      return root.state;
    },
    /** Runs an action as if a binding had fired it. */
    dispatch: (type: string, event: Record<string, unknown> = {}) => run(root, toEvent(type, event)),
    /** Resolves once pending renders are in the DOM. */
    async flushed(): Promise<void> {
      do await settled;
      while (scheduled || rendering);
    },
    destroy() {
      destroyed = true;
      views.delete(el);
      if (sync) sync.close();
      uploads.destroy();
      for (const [hook] of hooks.values()) hook.destroyed?.();
      hooks.clear();
    },
  };
}
