// Serializes a template to HTML exactly as HtmlSafeString.toString() does, with one shortcut for
// keyed lists: an array item whose root element has an id and whose HTML is unchanged since the last
// render is written as an empty stand-in `<tag id="…" data-lvm-same></tag>`. The patch then moves the
// existing node and skips its subtree, so re-sorting 1,000 rows parses and compares almost nothing.

import { HtmlSafeString, escapehtml } from "../template/html.ts";

export const SAME = "data-lvm-same";
const KEYED_ROOT = /^\s*<([a-zA-Z][\w-]*)\s[^>]*?\bid="([^"]+)"/;

/** Item HTML by key from the previous render (`last`) and this one (`next`). */
export interface KeyedCache { last: Map<string, string>; next: Map<string, string> }

export function renderHtml(value: unknown, cache: KeyedCache, inList = false): string {
  if (value instanceof HtmlSafeString) {
    const { statics, dynamics } = value;
    let out = statics[0];
    for (let i = 1; i < statics.length; i++) out += renderHtml(dynamics[i - 1], cache) + statics[i];
    if (!inList) return out;
    const match = KEYED_ROOT.exec(out);
    // the stand-in replaces the whole item: only when the keyed element is all of it (a row followed by a details row is not)
    if (!match || !singleRoot(out, match[1]!)) return out;
    const [, tag, key] = match;
    const unchanged = cache.last.get(key) === out && !cache.next.has(key);
    cache.next.set(key, out);
    // An end tag after a void element is ignored by the parser, except `</br>`, which makes a <br>.
    return unchanged ? `<${tag} id="${key}" ${SAME}>${/^br$/i.test(tag) ? "" : `</${tag}>`}` : out;
  }
  if (Array.isArray(value)) {
    let out = "";
    for (const item of value) out += renderHtml(item, cache, true);
    return out;
  }
  return escapehtml(value);
}

/** Is the keyed element all of the item? Counts only its own tag; a void element must stand alone. */
function singleRoot(html: string, tag: string): boolean {
  const tags = new RegExp(`<(/?)${tag}\\b[^>]*>`, "gi");
  let depth = 0;
  for (let m; (m = tags.exec(html)); ) if ((depth += m[1] ? -1 : 1) < 1) return !html.slice(tags.lastIndex).trim();
  return depth == 1 && html.trim().lastIndexOf("<") == 0;
}
