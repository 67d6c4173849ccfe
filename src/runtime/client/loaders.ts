// Loaders in the browser (`@liveview-migrate/runtime/loaders`, the mount option `loaders`): the
// `shared` keys' loader commands and the `load.mount` / `load.params` commands, run again after a sync
// reset, on every navigation (`load.params`) and when the page connects (`load.rerunOnConnect`). Only
// in the bundles of pages whose component does one of these (features.ts): elsewhere they run only at
// first paint, on the server.

import type { ActionContext, CommandOptions, ComponentDefinition } from "../contract.ts";

/** Sends a command of the root component; an answer that arrives when `current()` is false is dropped. */
type Send = (command: string, params: Record<string, unknown>, options: CommandOptions, current?: () => boolean) => Promise<unknown>;

export type LoaderSupport = typeof runLoaders;

export function runLoaders(def: ComponentDefinition<any>, ctx: ActionContext<any>, send: Send, routeParams: Record<string, string>, report: (error: unknown) => void) {
  /** Runs a `load` command; its answer goes to `load.onResult` (or is assigned). */
  const load = (command: string | undefined, params: Record<string, unknown>, current?: () => boolean) =>
    command ? send(command, params, { onResult: def.load?.onResult }, current) : undefined;
  const params = (url: URL, current?: () => boolean) => load(def.load?.params, { url: url.href }, current);
  return {
    /** The server part of handleParams for `url` (after a navigation; dropped once `current()` is false). */
    params,
    /** Reloads every shared key through its loader command, then the server parts of mount and handleParams
     *  (the latter unless a navigation since made `current()` false: its own answer wins). */
    reload(current: () => boolean) {
      const shared = (Object.entries(def.shared ?? {}) as [string, string][]).map(([key, loader]) =>
        ctx.command(loader, {}).then((result) => ctx.assign({ [key]: result }), report),
      );
      Promise.all(shared)
        .then(() => load(def.load?.mount, { params: routeParams }))
        .then(() => current() && params(new URL(location.href), current))
        .catch(report);
    },
  };
}
