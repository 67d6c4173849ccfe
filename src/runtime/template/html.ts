// The `html` tagged template and its escaping, rendering byte-for-byte what liveviewjs@0.8.1 renders:
// interpolations are escaped, nested templates pass through, arrays are joined with no separator
// (each element escaped unless it is a template), and everything else goes through String()
// (so `undefined`, `null` and booleans print as words, exactly like the original).

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "/": "&#x2F;",
  "`": "&#x60;",
  "=": "&#x3D;",
};
const ENTITY_CHARS = /[&<>"'/`=]/g;

/** Markup that is already safe: the result of `html`, `safe` and `join`. */
export class HtmlSafeString {
  readonly statics: readonly string[];
  readonly dynamics: readonly unknown[];
  readonly isLiveComponent: boolean;
  constructor(statics: readonly string[], dynamics: readonly unknown[], isLiveComponent = false) {
    this.statics = statics;
    this.dynamics = dynamics;
    this.isLiveComponent = isLiveComponent;
  }
  toString(): string {
    let out = this.statics[0];
    for (let i = 1; i < this.statics.length; i++) out += escapehtml(this.dynamics[i - 1]) + this.statics[i];
    return out;
  }
}

export function escapehtml(unsafe: unknown): string {
  if (unsafe instanceof HtmlSafeString) return unsafe.toString();
  if (Array.isArray(unsafe)) return join(unsafe).toString();
  return String(unsafe).replace(ENTITY_CHARS, (c) => ENTITIES[c]);
}

export function html(statics: TemplateStringsArray | readonly string[], ...dynamics: unknown[]): HtmlSafeString {
  return new HtmlSafeString(statics, dynamics);
}

export function safe(value: unknown): HtmlSafeString {
  return value instanceof HtmlSafeString ? value : new HtmlSafeString([String(value)], []);
}

export function join(array: readonly unknown[], separator: string | HtmlSafeString = ""): HtmlSafeString {
  if (array.length <= 0) return new HtmlSafeString([""], []);
  // The separator is a static, so it is not escaped (liveviewjs does the same).
  return new HtmlSafeString(["", ...Array(array.length - 1).fill(separator), ""], array);
}
