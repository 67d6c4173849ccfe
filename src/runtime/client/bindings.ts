// phx-* bindings by event delegation: one listener per DOM event type on the window, routed to the
// mounted view that owns the element. Event objects are built as the Phoenix client + LiveViewJS build them.

import { elementValues, formValues, toEvent, type EventObject } from "./event-payload.ts";
import { locked } from "./patch.ts";
import type { View } from "./view.ts";

export const views = new Map<Element, View>();
const ROOT = "[data-lvm-root]";

const viewOf = (el: Element | null) => (el && views.get(el.closest(ROOT)!)) || undefined;
const allIn = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector)).filter((el) => viewOf(el));

// ---- phx-debounce / phx-throttle (Phoenix semantics: debounce is trailing and flushed on blur,
// throttle fires at once and drops repeats inside the window, "blur" fires on blur). ----
interface Limiter { timer?: ReturnType<typeof setTimeout>; pending?: () => void; throttled?: boolean; key?: string; blur?: boolean }
const limiters = new WeakMap<Element, Limiter>();

function limit(el: Element, e: Event, fire: () => void): void {
  const debounce = el.getAttribute("phx-debounce");
  const throttle = el.getAttribute("phx-throttle");
  const value = (debounce === "" ? "300" : debounce) || (throttle === "" ? "300" : throttle);
  if (value == null || e.type == "focusout" || e.type == "blur") return fire();
  let s = limiters.get(el);
  if (!s) limiters.set(el, (s = {}));
  const state = s;
  if (!state.blur) {
    state.blur = true;
    el.addEventListener("blur", () => {
      const pending = state.pending;
      state.pending = undefined;
      clearTimeout(state.timer);
      state.throttled = false;
      pending?.();
    });
  }
  if (value === "blur") {
    state.pending = fire;
    return;
  }
  const ms = parseInt(value);
  if (isNaN(ms)) return;
  if (throttle != null) {
    const prevKey = state.key;
    if (e.type === "keydown") state.key = (e as KeyboardEvent).key;
    const newKey = e.type === "keydown" && prevKey !== state.key;
    if (!newKey && state.throttled) return;
    fire();
    state.throttled = true;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => (state.throttled = false), ms);
  } else {
    state.pending = fire;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.pending = undefined;
      fire();
    }, ms);
  }
}

/** A submit cancels debounced changes still waiting on its inputs (Phoenix does the same). */
function cancelPending(form: HTMLFormElement) {
  for (const input of form.elements) {
    const s = limiters.get(input);
    if (s && s.pending && !(input.getAttribute("phx-debounce") === "blur")) {
      clearTimeout(s.timer);
      s.pending = undefined;
    }
  }
}

// ---- phx-disable-with and loading classes while an event (and the commands it started) runs ----
function lock(els: Iterable<Element>, kind: string, view: View): () => void {
  const restore: (() => void)[] = [];
  for (const el of els) {
    const text = el.getAttribute("phx-disable-with");
    if (text === null) continue;
    const h = el as HTMLElement;
    const before = h.innerText;
    const wasDisabled = h.hasAttribute("disabled");
    h.classList.add(`phx-${kind}-loading`);
    if (text !== "") h.innerText = text;
    h.setAttribute("disabled", "");
    locked.add(h);
    restore.push(() => {
      locked.delete(h);
      h.classList.remove(`phx-${kind}-loading`);
      h.innerText = before;
      if (!wasDisabled) h.removeAttribute("disabled");
    });
  }
  return () => {
    if (!restore.length) return;
    restore.forEach((r) => r());
    view.schedule();
  };
}

/**
 * Runs a binding: a JS command list (which may `push`) or a plain event name. `build` makes the event
 * object for a given name and the extra `value` a JS push adds.
 */
function run(view: View, kind: string, el: HTMLElement, phxEvent: string, targetEl: Element, build: (name: string, extra?: Record<string, unknown>) => EventObject, lockEls: Iterable<Element> = [el]) {
  const push = (args: { event?: string; target?: string; value?: Record<string, unknown> }) => {
    const unlock = lock(lockEls, kind, view);
    view.run(view.targetFor(args.target ?? targetEl), build(args.event ?? phxEvent, args.value)).then(unlock);
  };
  if (phxEvent.charAt(0) === "[") view.js(el, phxEvent, push);
  else push({});
}

/** The event builder for clicks, keys and focus: phx-value-*, the element's value, `base` (the key). */
const valuesOf = (el: Element, base?: () => Record<string, unknown>) => (name: string, extra?: Record<string, unknown>) =>
  toEvent(name, elementValues(el, base ? base() : {}, extra));

let iteration = 0;
const lastIteration = new WeakMap<Element, { at: number; type: string }>();

function onClick(e: MouseEvent) {
  const start = e.target as Element;
  if (!start.closest) return;
  // phx-click-away: every visible element the click landed outside of.
  for (const el of allIn("[phx-click-away]")) {
    if (el === start || el.contains(start) || getComputedStyle(el).display === "none") continue;
    const view = viewOf(el)!;
    run(view, "click", el, el.getAttribute("phx-click-away")!, el, valuesOf(el));
  }
  const link = start.closest<HTMLAnchorElement>("a[data-phx-link=patch]");
  const linkView = viewOf(link);
  if (link && linkView && !e.metaKey && !e.ctrlKey && !e.shiftKey) {
    e.preventDefault();
    linkView.navigate(new URL(link.href, location.href), link.getAttribute("data-phx-link-state") === "replace");
    return;
  }
  const el = start.closest<HTMLElement>("[phx-click]");
  const view = viewOf(el);
  if (!el || !view) return;
  if (el.getAttribute("href") === "#") e.preventDefault();
  limit(el, e, () => run(view, "click", el, el.getAttribute("phx-click")!, el, valuesOf(el)));
}

/**
 * Keys, focus and blur: the target's own phx-<kind>, else every phx-window-<kind> (for keys always;
 * for focus/blur only when the window itself gained or lost focus, as in Phoenix). Keys send { key }.
 */
function onKeyOrFocus(e: KeyboardEvent & FocusEvent) {
  const kind = e.type == "focusin" ? "focus" : e.type == "focusout" ? "blur" : e.type;
  const isKey = kind[0] == "k";
  const fire = (el: HTMLElement, phxEvent: string) => {
    const match = el.getAttribute("phx-key");
    const view = viewOf(el);
    if (view && !(isKey && match && match.toLowerCase() !== e.key?.toLowerCase()))
      limit(el, e, () => run(view, kind, el, phxEvent, el, valuesOf(el, () => (isKey ? { key: e.key } : {}))));
  };
  const target = e.target as HTMLElement;
  const own = target.getAttribute?.(`phx-${kind}`);
  if (own) fire(target, own);
  else if (isKey || !target.getAttribute) for (const el of allIn(`[phx-window-${kind}]`)) fire(el, el.getAttribute(`phx-window-${kind}`)!);
}

function onInput(e: Event) {
  const input = e.target as HTMLInputElement;
  if (!input.getAttribute) return;
  // a live_file_input: its files become upload entries before the change event runs
  if (input.type == "file") viewOf(input)?.uploads.select(input);
  const own = input.getAttribute("phx-change");
  const form = input.form;
  const phxEvent = own || form?.getAttribute("phx-change");
  const view = viewOf(input);
  if (!phxEvent || !view) return;
  if (input.type === "number" && input.validity?.badInput) return;
  // An `input` followed by a `change` for the same edit sends one event.
  const current = iteration++;
  const last = lastIteration.get(input);
  if (last && last.at === current - 1 && last.type !== e.type) return;
  lastIteration.set(input, { at: current, type: e.type });
  const dispatcher = own ? input : form!;
  limit(input, e, () => {
    view.touch(input);
    run(view, "change", input, phxEvent, dispatcher, (name, extra) =>
      toEvent(name, { ...formValues(form, { only: own ? input.name : undefined, target: input.name || "undefined" }), ...extra }), []);
  });
}

function onSubmit(e: SubmitEvent) {
  const form = e.target as HTMLFormElement;
  const phxEvent = form.getAttribute?.("phx-submit");
  const view = viewOf(form);
  if (!phxEvent || !view) return;
  e.preventDefault();
  cancelPending(form);
  view.touch(form);
  const lockEls = form.querySelectorAll("[phx-disable-with]");
  run(view, "submit", form, phxEvent, form, (name, extra) => toEvent(name, { ...formValues(form, { submitter: e.submitter }), ...extra }), lockEls);
}

function onPopState() {
  for (const view of views.values()) view.navigate(new URL(location.href), false, true);
}

let installed = false;
export function installBindings(): void {
  if (installed) return;
  installed = true;
  const on = (type: string, fn: (e: any) => void) => window.addEventListener(type, fn);
  on("click", onClick);
  for (const type of ["keydown", "keyup", "focusin", "focusout", "focus", "blur"]) on(type, onKeyOrFocus);
  on("input", onInput);
  on("change", onInput);
  on("submit", onSubmit);
  on("popstate", onPopState);
}
