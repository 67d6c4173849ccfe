// Runs `new JS()` command lists in the browser, with Phoenix LiveView's semantics: targets are the
// source element or `to` (a selector), effects are sticky across re-renders, `push` runs an action.
// `@liveview-migrate/runtime/js`, the mount option `js`: only in the bundles of pages whose component
// sets `jsCommands` (features.ts).

import { putSticky } from "./patch.ts";
import type { TransitionCmd, JSCommand } from "../template/js.ts";

type Push = (args: Record<string, any>) => void;

const raf = (fn: () => void) => requestAnimationFrame(fn);
const visible = (el: HTMLElement) => getComputedStyle(el).display !== "none";
const defaultDisplay = (el: Element) => ({ TR: "table-row", TD: "table-cell" } as Record<string, string>)[el.tagName] || "block";

function classes(el: HTMLElement, adds: string[], removes: string[]) {
  putSticky(el, "c:" + adds + "/" + removes, (e) => {
    e.classList.remove(...removes.filter(Boolean));
    e.classList.add(...adds.filter(Boolean));
  });
}

/** Runs [transition, start, end] over `time` ms around `done`. */
function transition(el: HTMLElement, [run, start, end]: TransitionCmd, time: number, done: () => void) {
  if (!run.length) return done();
  classes(el, [...start, ...run], end);
  raf(() => classes(el, end, start));
  setTimeout(() => {
    classes(el, [], [...run, ...end]);
    done();
  }, time);
}

function toggle(el: HTMLElement, show: boolean, display: string | null, t: TransitionCmd, time: number) {
  const setDisplay = () => putSticky(el, "display", (e) => (e.style.display = show ? display || defaultDisplay(e) : "none"));
  const notify = (phase: string) => el.dispatchEvent(new Event(`phx:${show ? "show" : "hide"}-${phase}`));
  if (show) setDisplay();
  notify("start");
  transition(el, t, time, () => {
    if (!show) setDisplay();
    notify("end");
  });
}

export function execJS(source: HTMLElement, encoded: string, push: Push): void {
  const commands: JSCommand[] = JSON.parse(encoded);
  for (const [kind, args] of commands) {
    if (kind === "push") {
      push(args);
      continue;
    }
    const targets = args.to ? document.querySelectorAll<HTMLElement>(args.to) : [source];
    for (const el of targets) {
      const time = args.time;
      if (kind === "show" || kind === "hide" || kind === "toggle") {
        const isVisible = visible(el);
        if (kind === "show" && isVisible) continue;
        if (kind === "hide" && !isVisible) continue;
        const show = !isVisible;
        toggle(el, show, args.display, (kind === "toggle" ? (show ? args.ins : args.outs) : args.transition) ?? [[], [], []], time);
      } else if (kind.endsWith("class") || kind === "transition") {
        const names: string[] = args.names ?? [];
        const add = kind === "add_class";
        transition(el, args.transition, time, () => classes(el, add ? names : [], add ? [] : names));
      } else if (kind.endsWith("attr")) {
        // set_attr carries [name, value]; remove_attr just the name.
        const [name, value] = kind === "set_attr" ? args.attr : [args.attr];
        putSticky(el, "a:" + name, (e) => (value == null ? e.removeAttribute(name) : e.setAttribute(name, value)));
      } else if (kind === "dispatch") {
        const event = args.event === "click"
          ? new MouseEvent("click", { bubbles: true })
          : new CustomEvent(args.event, { bubbles: args.bubbles ?? true, detail: { ...args.detail, dispatcher: source } });
        el.dispatchEvent(event);
      }
    }
  }
}
