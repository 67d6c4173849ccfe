// Adopts server-rendered components: finds every `[data-lvm-root]`, reads its state script with
// JSON.parse (no eval: works under a CSP without 'unsafe-eval'), binds events and starts sync.

import { PROTOCOL, type ComponentDefinition, type StatePayload } from "../contract.ts";
import { parseState } from "../template/state-json.ts";
import { installBindings, views } from "./bindings.ts";
import type { ChildSupport } from "./children.ts";
import type { execJS } from "./js-exec.ts";
import type { LoaderSupport } from "./loaders.ts";
import type { followSync } from "./sync-stream.ts";
import { createView, type HookDefinition } from "./view.ts";
import type { UploadSupport } from "./uploads-static.ts";

export interface MountOptions {
  /** phx-hook implementations by name (like Phoenix's LiveSocket `hooks`). */
  hooks?: Record<string, HookDefinition>;
  /** Where to look for roots (default: document). */
  root?: ParentNode;
  /** Replaceable for tests. */
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
  storage?: Storage;
  /** File uploads: `createUploads` from `@liveview-migrate/runtime/uploads` (the server's page bundle passes it for components with `uploads`). */
  uploads?: UploadSupport;
  /** Where `ctx.after` timers go (default setTimeout): a host that controls time (verify's tick steps) holds them. */
  schedule?: (ms: number, run: () => void) => () => void;
  /** The sync client: `followSync` from `@liveview-migrate/runtime/sync` (the server's page bundle passes it for components with `sync`). */
  sync?: typeof followSync;
  /** Loaders in the browser: `runLoaders` from `@liveview-migrate/runtime/loaders`, for components whose `load.params`, `load.rerunOnConnect` or sync reset runs them. */
  loaders?: LoaderSupport;
  /** Child components: `childComponents` from `@liveview-migrate/runtime/children`, for components that list `components`. */
  children?: ChildSupport;
  /** JS commands: `execJS` from `@liveview-migrate/runtime/js`, for components with `jsCommands: true`. */
  js?: typeof execJS;
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

/**
 * Mounts the components found in the page. Optional features come in options, so a page's bundle
 * carries only what its component uses: `uploads`, `sync`, `loaders`, `children` and `js`, each the
 * export of `@liveview-migrate/runtime/<option>` (features.ts says which a definition uses). The
 * server's page bundles pass them; a component whose features were not passed is refused.
 */
export function mount(components: Definitions, options: MountOptions = {}): MountedComponent[] {
  const list: ComponentDefinition<any>[] = Array.isArray(components) ? components : components.render ? [components as ComponentDefinition<any>] : Object.values(components);
  const mounted: MountedComponent[] = [];
  installBindings();
  for (const el of (options.root ?? document).querySelectorAll<HTMLElement>(`[${PROTOCOL.rootAttr}]`)) {
    const name = el.getAttribute(PROTOCOL.rootAttr)!;
    const def = list.find((c) => c.name == name);
    if (!def || views.has(el)) continue;
    const scriptEl = document.querySelector(`script[type="application/json"][${PROTOCOL.stateAttr}="${name}"]`);
    const script: StatePayload = parseState(scriptEl?.textContent || `{"state":{}}`);
    let storage = options.storage;
    try {
      // Touched only when asked for: reading sessionStorage throws on opaque origins (about:blank, sandboxed frames).
      if (def.persist) storage ??= sessionStorage;
    } catch {}
    const view = createView(def, el, script, {
      hooks: options.hooks ?? {},
      fetch: options.fetch ?? ((...args) => fetch(...args)),
      storage,
      EventSource: options.EventSource,
      uploads: options.uploads,
      schedule: options.schedule,
      sync: options.sync,
      loaders: options.loaders,
      children: options.children,
      js: options.js,
    });
    views.set(el, view);
    mounted.push(view);
  }
  return mounted;
}
