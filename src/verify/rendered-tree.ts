// Rebuilds HTML from the rendered tree LiveViewJS sends, the way the Phoenix client does
// (phoenix_live_view's Rendered.js): statics "s" interleaved with numbered dynamics, comprehensions
// ({ d: rows, s: statics }), components ("c" by cid, a dynamic that is a number refers to one,
// a component's numeric "s" borrows another component's statics), and diffs merged into the tree.

export type Rendered = { [key: string]: unknown };

const isObject = (value: unknown): value is Rendered => typeof value === "object" && value !== null && !Array.isArray(value);

/** Phoenix's mergeDiff: a diff node with statics replaces the old node, otherwise keys merge deeply. */
export function mergeRendered(tree: Rendered | undefined, diff: Rendered): Rendered {
  // a full rendering (join reply) has root statics: it replaces whatever was there
  const next: Rendered = tree && diff.s === undefined ? structuredClone(tree) : {};
  const { c: components, ...rest } = diff;
  mergeInto(next, structuredClone(rest));
  if (isObject(components)) {
    const old = isObject(next.c) ? next.c : {};
    const merged: Rendered = { ...old };
    for (const [cid, component] of Object.entries(components)) {
      if (!isObject(component)) continue;
      // a negative numeric "s" points at statics of a component in the old tree (Phoenix's cid reuse)
      merged[cid] = component.s !== undefined || !isObject(old[cid]) ? structuredClone(component) : mergeNode(old[cid] as Rendered, structuredClone(component));
    }
    next.c = merged;
  }
  delete next.t;
  delete next.e;
  delete next.r;
  return next;
}

function mergeNode(target: Rendered, source: Rendered): Rendered {
  if (source.s !== undefined) return source;
  mergeInto(target, source);
  return target;
}

function mergeInto(target: Rendered, source: Rendered): void {
  for (const [key, value] of Object.entries(source)) {
    const old = target[key];
    if (isObject(value) && value.s === undefined && isObject(old)) mergeInto(old, value);
    else target[key] = value;
  }
}

/** The HTML the tree stands for (Phoenix's Rendered.toString without its data-phx-* decorations). */
export function renderedToHtml(tree: Rendered): string {
  const components = isObject(tree.c) ? tree.c : {};
  return nodeToHtml(tree, components, statics(tree, components));
}

function statics(node: Rendered, components: Rendered): string[] {
  let s = node.s;
  const seen = new Set<unknown>();
  while (typeof s === "number" && !seen.has(s)) {
    seen.add(s);
    s = (components[String(Math.abs(s))] as Rendered | undefined)?.s;
  }
  return Array.isArray(s) ? (s as string[]) : [];
}

function nodeToHtml(node: Rendered, components: Rendered, s: string[]): string {
  let out = s[0] ?? "";
  for (let i = 1; i < s.length; i++) out += dynamicToHtml(node[String(i - 1)], components) + s[i];
  return out;
}

function dynamicToHtml(value: unknown, components: Rendered): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") {
    const component = components[String(value)];
    return isObject(component) ? nodeToHtml(component, components, statics(component, components)) : "";
  }
  if (typeof value === "string") return value;
  if (isObject(value)) {
    if (Array.isArray(value.d)) return comprehensionToHtml(value, components);
    return nodeToHtml(value, components, statics(value, components));
  }
  return String(value);
}

function comprehensionToHtml(node: Rendered, components: Rendered): string {
  const s = statics(node, components);
  let out = "";
  for (const row of node.d as unknown[][]) {
    out += s[0] ?? "";
    for (let i = 1; i < s.length; i++) out += dynamicToHtml(row[i - 1], components) + s[i];
  }
  return out;
}
