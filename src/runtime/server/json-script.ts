// JSON inside <script type="application/json">: `<` escaped so "</script" or "<!--" in any string
// cannot end the element early; U+2028/2029 escaped for old JS parsers. JSON.parse reads it back unchanged.

import { stateReplacer } from "../template/state-json.ts";

export function jsonForScript(value: unknown): string {
  // Date, Map, Set travel tagged (state-json.ts); the client revives them
  return JSON.stringify(value, stateReplacer).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
