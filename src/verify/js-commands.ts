// The Phoenix client's JS commands (phx-click='[["toggle",{...}],...]') on the original side: the
// browser runs them on the DOM, and their effects are "sticky" (re-applied after every server patch).
// Without this the original side would show none of what JS.show/hide/add_class/... do.
// End states only: transition classes are added and removed again, so they are not modelled.

export type JsOp = [string, Record<string, any>];

export interface JsHost {
  document(): Document;
  /** `push` op: an event to the server, as the Phoenix client sends it. */
  push(sourceEl: Element, event: string, value: Record<string, unknown> | undefined, target?: string): Promise<void>;
  patch(href: string): Promise<void>;
}

type Sticky = { toggle?: string; classes?: [string[], string[]]; attrs?: [Array<[string, string]>, string[]] };

/** Where an element is: its id, else its position from body (the same element after a re-render). */
function keyOf(el: Element): string {
  if (el.id) return `#${el.id}`;
  const parts: string[] = [];
  let node: Element | null = el;
  while (node && node.tagName !== "BODY") {
    const parent: Element | null = node.parentElement;
    parts.unshift(`${node.tagName}:${parent ? Array.from(parent.children).indexOf(node) : 0}`);
    if (parent?.id) {
      parts.unshift(`#${parent.id}`);
      break;
    }
    node = parent;
  }
  return parts.join(">");
}

function findByKey(doc: Document, key: string): Element | null {
  const parts = key.split(">");
  let node: Element | null = doc.body as unknown as Element;
  for (const part of parts) {
    if (!node) return null;
    if (part.startsWith("#")) node = doc.getElementById(part.slice(1)) as Element | null;
    else {
      const [tag, index] = part.split(":");
      const child: Element | undefined = node.children[Number(index)] as Element | undefined;
      node = child && child.tagName === tag ? child : null;
    }
  }
  return node;
}

export function createJsRunner(host: JsHost) {
  const stickies = new Map<string, Sticky>();

  const isVisible = (el: Element) => {
    const view = el.ownerDocument.defaultView as unknown as Window;
    for (let node: Element | null = el; node && node.tagName !== "BODY"; node = node.parentElement) {
      if ((node as HTMLElement).hidden || view.getComputedStyle(node).display === "none") return false;
    }
    return true;
  };

  function applySticky(el: Element, sticky: Sticky): void {
    const html = el as HTMLElement;
    if (sticky.toggle !== undefined) html.style.display = sticky.toggle;
    if (sticky.classes) {
      el.classList.remove(...sticky.classes[1]);
      el.classList.add(...sticky.classes[0]);
    }
    if (sticky.attrs) {
      sticky.attrs[1].forEach((a) => el.removeAttribute(a));
      sticky.attrs[0].forEach(([a, v]) => el.setAttribute(a, v));
    }
  }

  function put(el: Element, change: (s: Sticky) => void): void {
    const key = keyOf(el);
    const sticky = stickies.get(key) ?? {};
    change(sticky);
    stickies.set(key, sticky);
    applySticky(el, sticky);
  }

  const defaultDisplay = (el: Element) => ({ tr: "table-row", td: "table-cell" })[el.tagName.toLowerCase()] ?? "block";

  function classes(el: Element, adds: string[], removes: string[]): void {
    put(el, (s) => {
      const [prevAdds, prevRemoves] = s.classes ?? [[], []];
      const keepAdds = adds.filter((n) => !prevAdds.includes(n) && !el.classList.contains(n));
      const keepRemoves = removes.filter((n) => !prevRemoves.includes(n) && el.classList.contains(n));
      s.classes = [prevAdds.filter((n) => !removes.includes(n)).concat(keepAdds), prevRemoves.filter((n) => !adds.includes(n)).concat(keepRemoves)];
    });
  }

  function attrs(el: Element, sets: Array<[string, string]>, removes: string[]): void {
    put(el, (s) => {
      const [prevSets, prevRemoves] = s.attrs ?? [[], []];
      const altered = sets.map(([a]) => a).concat(removes);
      s.attrs = [prevSets.filter(([a]) => !altered.includes(a)).concat(sets), prevRemoves.filter((a) => !altered.includes(a)).concat(removes)];
    });
  }

  function toggle(el: Element, display: string | undefined): void {
    const to = isVisible(el) ? "none" : display || defaultDisplay(el);
    put(el, (s) => void (s.toggle = to));
  }

  async function exec(sourceEl: Element, encoded: string): Promise<void> {
    const doc = host.document();
    const ops = JSON.parse(encoded) as JsOp[];
    for (const [kind, args] of ops) {
      const targets = args.to ? Array.from(doc.querySelectorAll(args.to)) : [sourceEl];
      if (kind === "push") {
        await host.push(sourceEl, args.event, args.value, args.target);
        continue;
      }
      if (kind === "patch") {
        await host.patch(args.href);
        continue;
      }
      for (const el of targets) {
        switch (kind) {
          case "show":
            if (!isVisible(el)) toggle(el, args.display);
            break;
          case "hide":
            if (isVisible(el)) toggle(el, args.display);
            break;
          case "toggle":
            toggle(el, args.display);
            break;
          case "add_class":
            classes(el, args.names ?? [], []);
            break;
          case "remove_class":
            classes(el, [], args.names ?? []);
            break;
          case "set_attr":
            attrs(el, [args.attr as [string, string]], []);
            break;
          case "remove_attr":
            attrs(el, [], [args.attr as string]);
            break;
          // transition, dispatch, focus*, exec, navigate: no lasting change to the rendered HTML
        }
      }
    }
  }

  return {
    exec,
    isVisible,
    /** After a re-render: sticky effects on elements that are still there. */
    reapply(doc: Document): void {
      for (const [key, sticky] of stickies) {
        const el = findByKey(doc, key);
        if (el) applySticky(el, sticky);
      }
    },
  };
}

export const isJsCommand = (value: string | null): value is string => !!value && value.trimStart().startsWith("[");
