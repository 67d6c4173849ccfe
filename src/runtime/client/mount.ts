// Adopts server-rendered components: finds every `[data-lvm-root]`, reads its state script with
// JSON.parse (no eval: works under a CSP without 'unsafe-eval'), binds events and starts sync.

import { PROTOCOL, type ComponentDefinition, type StatePayload } from "../contract.ts";
import { installBindings, views } from "./bindings.ts";
import { toEvent } from "./event-payload.ts";
import { followSync } from "./sync-stream.ts";
import { createView, type HookDefinition } from "./view.ts";

export interface MountOptions {
  /** phx-hook implementations by name (like Phoenix's LiveSocket `hooks`). */
  hooks?: Record<string, HookDefinition>;
  /** Where to look for roots (default: document). */
  root?: ParentNode;
  /** Replaceable for tests. */
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
  storage?: Storage;
}

export interface MountedComponent {
  name: string;
  el: HTMLElement;
  readonly state: Record<string, unknown>;
  /** Runs an action as if a binding had fired it. */
  dispatch(type: string, event?: Record<string, unknown>): Promise<unknown>;
  /** Resolves once pending renders are in the DOM. */
  flushed(): Promise<void>;
  destroy(): void;
}

type Definitions = ComponentDefinition<any> | ComponentDefinition<any>[] | Record<string, ComponentDefinition<any>>;

export function mount(components: Definitions, options: MountOptions = {}): MountedComponent[] {
  const list = Array.isArray(components) ? components : "render" in components ? [components as ComponentDefinition<any>] : Object.values(components);
  const byName = new Map(list.map((c) => [c.name, c]));
  const scope = options.root ?? document;
  const mounted: MountedComponent[] = [];
  installBindings();
  for (const el of scope.querySelectorAll<HTMLElement>(`[${PROTOCOL.rootAttr}]`)) {
    if (views.has(el)) continue;
    const name = el.getAttribute(PROTOCOL.rootAttr)!;
    const def = byName.get(name);
    if (!def) continue;
    const scriptEl = document.querySelector(`script[type="application/json"][${PROTOCOL.stateAttr}="${name}"]`);
    const script: StatePayload = scriptEl ? JSON.parse(scriptEl.textContent || "{}") : { state: {}, csrfToken: "", offsets: {}, params: {}, url: location.href };
    script.state ??= {};
    const view = createView(def, el, script, {
      hooks: options.hooks ?? {},
      fetch: options.fetch ?? fetch.bind(globalThis),
      storage: options.storage ?? (typeof sessionStorage === "undefined" ? undefined : sessionStorage),
    });
    views.set(el, view);
    // First render builds child components (their `myself` numbers) and applies restored state;
    // when nothing differs from the server's HTML, morphing changes nothing.
    view.render();
    let sync: { close(): void } | undefined;
    const topics = Object.keys(def.sync ?? {});
    if (topics.length) {
      sync = followSync(
        topics,
        script.offsets ?? {},
        {
          message: (topic, message) => view.dispatch(view.root, toEvent(def.sync![topic], message)),
          reset: () => {
            for (const [key, loader] of Object.entries(def.shared ?? {}) as [string, string][]) {
              view.root.ctx.command(loader, {}, { onResult: undefined }).then(
                (result) => view.root.ctx.assign({ [key]: result }),
                () => {},
              );
            }
          },
        },
        options.EventSource ?? EventSource,
      );
    }
    mounted.push({
      name,
      el,
      get state() {
        return view.state;
      },
      dispatch: (type, event = {}) => view.dispatch(view.root, toEvent(type, event)),
      flushed: view.flushed,
      destroy() {
        sync?.close();
        view.destroy();
        views.delete(el);
      },
    });
  }
  return mounted;
}
