// Test helper: writes a server-rendered page (root element + state script) into happy-dom's document
// and mounts components on it, the way a browser would get them from first paint.
import { afterEach } from "vitest";
import { mount, type MountOptions, type MountedComponent } from "../../../src/runtime/client/index.ts";
import type { ComponentDefinition, StatePayload } from "../../../src/runtime/contract.ts";
import { uploadConfigs } from "../../../src/runtime/template/uploads.ts";
import { followSync } from "../../../src/runtime/client/sync-stream.ts";
import { runLoaders } from "../../../src/runtime/client/loaders.ts";
import { childComponents } from "../../../src/runtime/client/children.ts";
import { execJS } from "../../../src/runtime/client/js-exec.ts";

/** The optional features but uploads (its tests pass it), for hand-written components that use them without declaring it. */
export const features: MountOptions = { sync: followSync, loaders: runLoaders, children: childComponents, js: execJS };

let mounted: MountedComponent[] = [];
afterEach(() => {
  for (const m of mounted) m.destroy();
  mounted = [];
  document.body.innerHTML = "";
});

/** Server HTML for `def` with `state`: the root holds render(state) as the server would paint it. */
export async function serverPage(def: ComponentDefinition<any>, state: Record<string, unknown>, extra: Partial<StatePayload> = {}): Promise<string> {
  const meta = { csrfToken: "csrf-1", url: new URL(location.href), flash: {}, uploads: uploadConfigs(def.name, def.uploads), live_component: async () => { throw new Error("no children in serverPage"); } };
  const body = String(await def.render(state as never, meta as never));
  const payload: StatePayload = { state, csrfToken: "csrf-1", offsets: {}, params: {}, url: location.href, ...extra };
  // Escape "<" so "</script>" inside state cannot end the script element (the server does the same).
  const json = JSON.stringify(payload).replace(/</g, "\\u003c");
  return `<div data-lvm-root="${def.name}">${body}</div><script type="application/json" data-lvm-state="${def.name}">${json}</script>`;
}

export async function mountPage(def: ComponentDefinition<any>, state: Record<string, unknown>, options: MountOptions & { payload?: Partial<StatePayload>; html?: string } = {}): Promise<MountedComponent> {
  document.body.innerHTML = options.html ?? (await serverPage(def, state, options.payload));
  const [component] = mount(def, { ...features, ...options });
  mounted.push(component);
  await component.flushed();
  return component;
}

export const $ = <T extends Element = HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

export function click(el: Element) {
  el.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
}

export function type(input: HTMLInputElement | HTMLTextAreaElement, value: string, event: "input" | "change" = "input") {
  input.value = value;
  input.dispatchEvent(new Event(event, { bubbles: true }));
}

export function key(el: Element | Window, kind: "keydown" | "keyup", keyName: string) {
  el.dispatchEvent(new KeyboardEvent(kind, { key: keyName, bubbles: true }));
}
