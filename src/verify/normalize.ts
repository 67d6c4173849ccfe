// Normalizes a rendering before the two sides are compared. Only what legitimately differs between
// a LiveViewJS page and a migrated one is ignored: CSRF tokens (each side mints its own), generated
// ids (LiveViewJS's phx-<random> ids, upload refs), whitespace between tags and the order of a tag's
// attributes (a patched element gets a new attribute last; nobody sees the order). Everything else,
// text whitespace included, must match. Form fields are compared by what they show (htmlAsShown).

/** Attribute values that hold a CSRF token. */
const CSRF_INPUT = /(<input\b[^>]*\bname="_csrf_token"[^>]*\bvalue=")[^"]*(")/gi;
const CSRF_INPUT_VALUE_FIRST = /(<input\b[^>]*\bvalue=")[^"]*("[^>]*\bname="_csrf_token")/gi;
const CSRF_META = /(<meta\b[^>]*\bname="csrf-token"[^>]*\bcontent=")[^"]*(")/gi;
/** Ids LiveViewJS generates: phx-<21 chars of nanoid>, and upload refs (phx-ref, data-phx-upload-ref, data-phx-entry-ref). */
// nanoid's alphabet has "-": the end is "no further id character", not a word boundary (an id ending in "-")
const GENERATED_ID = /\bphx-[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/g;
const UPLOAD_REF = /(\b(?:data-phx-upload-ref|data-phx-entry-ref|data-phx-active-refs|data-phx-done-refs|data-phx-preflighted-refs)=")[^"]*(")/g;
const BETWEEN_TAGS = />\s+</g;

/** A start tag as happy-dom serializes it: attributes are `name` or `name="value"` (quotes escaped). */
const START_TAG = /<([A-Za-z][\w:-]*)((?:\s+[^\s"'>\/=]+(?:="[^"]*")?)+)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'>\/=]+)(="[^"]*")?/g;

function sortAttributes(html: string): string {
  return html.replace(START_TAG, (_tag, name: string, attributes: string, selfClosing: string) => {
    const list = [...attributes.matchAll(ATTRIBUTE)].map((m) => m[0]);
    list.sort((a, b) => {
      const ka = a.split("=", 1)[0]!;
      const kb = b.split("=", 1)[0]!;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    return `<${name} ${list.join(" ")}${selfClosing}>`;
  });
}

/**
 * The inner HTML of `root` as a person sees it: each field's current value (typed, chosen, checked)
 * in place of the one it was rendered with. A patched page and a re-rendered one then compare by
 * what they show, however each got there.
 */
export function htmlAsShown(root: Element): string {
  const clone = root.cloneNode(true) as Element;
  const selector = "input, textarea, option";
  const live = Array.from(root.querySelectorAll(selector));
  const copies = Array.from(clone.querySelectorAll(selector));
  live.forEach((el, i) => {
    const copy = copies[i];
    if (!copy) return;
    if (el.tagName === "TEXTAREA") copy.textContent = (el as HTMLTextAreaElement).value;
    else if (el.tagName === "OPTION") toggle(copy, "selected", (el as HTMLOptionElement).selected);
    else {
      const input = el as HTMLInputElement;
      if (input.type === "checkbox" || input.type === "radio") toggle(copy, "checked", input.checked);
      else if (input.type !== "file" && input.value !== (input.getAttribute("value") ?? "")) copy.setAttribute("value", input.value);
    }
  });
  return clone.innerHTML;
}

function toggle(el: Element, attribute: string, on: boolean): void {
  if (on && !el.hasAttribute(attribute)) el.setAttribute(attribute, "");
  else if (!on && el.hasAttribute(attribute)) el.removeAttribute(attribute);
}

export function normalizeHtml(html: string): string {
  return sortAttributes(html)
    .replace(CSRF_INPUT, "$1<csrf>$2")
    .replace(CSRF_INPUT_VALUE_FIRST, "$1<csrf>$2")
    .replace(CSRF_META, "$1<csrf>$2")
    .replace(UPLOAD_REF, "$1<ref>$2")
    .replace(GENERATED_ID, "phx-<id>")
    .replace(BETWEEN_TAGS, "><")
    .trim();
}
