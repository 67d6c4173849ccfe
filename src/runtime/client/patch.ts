// Incremental DOM patching with morphdom (what Phoenix LiveView's own client uses): nodes are keyed
// by id, untouched nodes stay, the input being typed in keeps its value, focus and caret, and the
// phx-update modes (ignore, append, prepend) and JS-command effects ("sticky" ops) survive re-renders.

import morphdom from "morphdom";
import { SAME } from "./render-html.ts";

/** Effects of JS commands, re-applied to an element's next rendering so a re-render does not undo them. */
export const sticky = new WeakMap<Element, Record<string, (el: HTMLElement) => void>>();
/** Elements held by phx-disable-with while their event is in flight: patches skip them. */
export const locked = new WeakSet<Element>();

export function putSticky(el: Element, key: string, op: (el: HTMLElement) => void): void {
  const ops = sticky.get(el) ?? {};
  // Re-inserting moves the key last, so ops replay in the order they last happened.
  delete ops[key];
  ops[key] = op;
  sticky.set(el, ops);
  op(el as HTMLElement);
}

const isFormInput = (el: Element) => /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && (el as HTMLInputElement).type !== "button";

function mergeAttrs(from: Element, to: Element, skipValue: boolean) {
  for (const { name, value } of to.attributes) if (!(skipValue && name === "value") && from.getAttribute(name) !== value) from.setAttribute(name, value);
  for (const { name } of Array.from(from.attributes)) if (!to.hasAttribute(name) && !(skipValue && name === "value")) from.removeAttribute(name);
}

/**
 * Replaces `root`'s children with `markup`, touching only what differs. Returns false when a keyed
 * stand-in (see render-html.ts) found no node to stand for: the caller then patches with full HTML.
 */
export function patch(root: Element, markup: string): boolean {
  let complete = true;
  const doc = root.ownerDocument;
  const focused = doc.activeElement as HTMLInputElement | null;
  let start: number | null = null;
  let end: number | null = null;
  try {
    start = focused?.selectionStart ?? null;
    end = focused?.selectionEnd ?? null;
  } catch {
    // selectionStart throws on inputs without a caret (checkbox, number...)
  }
  const next = root.cloneNode(false) as Element;
  next.innerHTML = markup;
  // A stand-in that gets added found no node to stand for: the caller patches again with full HTML.
  const added = (node: Node) => {
    if ((node as Element).outerHTML?.includes(SAME)) complete = false;
    return node;
  };
  morphdom(root, next, {
    childrenOnly: true,
    onBeforeNodeAdded: added,
    onBeforeElUpdated(from, to) {
      if (locked.has(from) || to.hasAttribute(SAME)) return false;
      const ops = sticky.get(from);
      if (ops) for (const key in ops) ops[key](to as HTMLElement);
      const mode = from.getAttribute("phx-update") ?? from.getAttribute("data-phx-update");
      if (mode === "ignore") {
        for (const { name, value } of to.attributes) from.setAttribute(name, value);
        return false;
      }
      if (mode === "append" || mode === "prepend") {
        // Children already shown stay; new ones (by id) go at the end or the start; known ids update in place.
        const ids = new Set(Array.from(to.children, (c) => c.id));
        // Kept children go in as shallow stand-ins: matched by id, left untouched.
        const kept = Array.from(from.children).filter((c) => !ids.has(c.id)).map((c) => {
          const standIn = c.cloneNode() as Element;
          standIn.setAttribute(SAME, "");
          return standIn;
        });
        if (mode === "append") to.prepend(...kept);
        else to.append(...kept);
      }
      if (from === focused && isFormInput(from)) {
        // The user is typing here: keep value, caret and selection; take the other attributes.
        mergeAttrs(from, to, true);
        return false;
      }
      return true;
    },
  });
  if (focused && focused !== doc.activeElement && focused.isConnected && root.contains(focused)) {
    // A keyed move re-inserts the node, which blurs it: give focus and caret back.
    focused.focus();
    try {
      if (start !== null && end !== null) focused.setSelectionRange(start, end);
    } catch {}
  }
  return complete;
}
