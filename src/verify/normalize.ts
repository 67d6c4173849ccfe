// Normalizes a rendering before the two sides are compared. Only what legitimately differs between
// a LiveViewJS page and a migrated one is ignored: CSRF tokens (each side mints its own), generated
// ids (LiveViewJS's phx-<random> ids, upload refs) and whitespace between tags. Everything else,
// text whitespace included, must match.

/** Attribute values that hold a CSRF token. */
const CSRF_INPUT = /(<input\b[^>]*\bname="_csrf_token"[^>]*\bvalue=")[^"]*(")/gi;
const CSRF_INPUT_VALUE_FIRST = /(<input\b[^>]*\bvalue=")[^"]*("[^>]*\bname="_csrf_token")/gi;
const CSRF_META = /(<meta\b[^>]*\bname="csrf-token"[^>]*\bcontent=")[^"]*(")/gi;
/** Ids LiveViewJS generates: phx-<21 chars of nanoid>, and upload refs (phx-ref, data-phx-upload-ref, data-phx-entry-ref). */
// nanoid's alphabet has "-": the end is "no further id character", not a word boundary (an id ending in "-")
const GENERATED_ID = /\bphx-[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/g;
const UPLOAD_REF = /(\b(?:data-phx-upload-ref|data-phx-entry-ref|data-phx-active-refs|data-phx-done-refs|data-phx-preflighted-refs)=")[^"]*(")/g;
const BETWEEN_TAGS = />\s+</g;

export function normalizeHtml(html: string): string {
  return html
    .replace(CSRF_INPUT, "$1<csrf>$2")
    .replace(CSRF_INPUT_VALUE_FIRST, "$1<csrf>$2")
    .replace(CSRF_META, "$1<csrf>$2")
    .replace(UPLOAD_REF, "$1<ref>$2")
    .replace(GENERATED_ID, "phx-<id>")
    .replace(BETWEEN_TAGS, "><")
    .trim();
}
