// The ActionContext mount/handleParams get during first paint (connected = false). Commands run
// directly (we are on the server, with the request's session); timers and pushEvent are browser
// matters and do nothing here; pushRedirect/pushPatch become an HTTP redirect, as in LiveViewJS.

import type { ActionContext, CommandOptions, ComponentDefinition, State } from "../contract.ts";
import { stateCopy } from "../template/state-json.ts";
import type { CommandOutcome } from "./commands.ts";

export interface FirstPaintEffects {
  title?: string;
  flash: Record<string, string>;
  redirect?: string;
  /** A carried-state component's state as its last load command sealed it. */
  sealed?: string;
}

export interface ServerTarget {
  def: ComponentDefinition<any>;
  state: State;
  ctx: ActionContext<any>;
}

export function createServerTarget(
  def: ComponentDefinition<any>,
  initial: State,
  url: URL,
  effects: FirstPaintEffects,
  runCommand: (component: string, name: string, params: Record<string, unknown>) => Promise<CommandOutcome>,
  /** A child component (LiveViewJS live component): its ctx.state is its state itself, not a copy. */
  child = false,
): ServerTarget {
  const target: ServerTarget = { def, state: { ...initial }, ctx: null as never };
  const redirect = (path: string, params?: URLSearchParams | Record<string, string>) => {
    const next = new URL(path, url);
    const query = new URLSearchParams(params).toString();
    if (query) next.search = query;
    effects.redirect ??= next.origin === url.origin ? next.pathname + next.search : next.href;
  };
  const dispatch = async (type: string, event: Record<string, unknown>) => {
    const action = def.actions?.[type] ?? def.handleEvent;
    if (action) await action({ ...event, type } as never, target.ctx);
  };
  target.ctx = {
    get state() {
      return child ? target.state : stateCopy(target.state);
    },
    assign(patch) {
      target.state = { ...target.state, ...patch };
    },
    async command(name, params = {}, options: CommandOptions = {}) {
      if (options.pendingKey) target.state = { ...target.state, [options.pendingKey]: false };
      const outcome = await runCommand(def.name, name, typeof params === "function" ? params() : params);
      if (outcome.ok) {
        if (options.onResult) await dispatch(options.onResult, { result: outcome.result });
        else if (isPlainObject(outcome.result)) target.state = { ...target.state, ...outcome.result };
        return outcome.result;
      }
      const error = { code: outcome.error.code, message: outcome.error.message };
      if (options.onError) return void (await dispatch(options.onError, { error }));
      throw Object.assign(new Error(`${name}: ${error.message}`), error);
    },
    after: () => () => {},
    every: () => () => {},
    cancel: () => {},
    send: () => {},
    sendParentInfo: () => {},
    pushPatch: redirect,
    pushRedirect: redirect,
    pushEvent: () => {},
    putFlash(kind, message) {
      effects.flash[kind] = message;
    },
    pageTitle(title) {
      effects.title = title;
    },
    url,
    connected: false,
    cancelUpload: () => {},
  };
  return target;
}

function isPlainObject(value: unknown): value is State {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
