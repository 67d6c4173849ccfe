// Uploads (README "Uploads"). `socket.allowUpload("name", options)` at the top of mount becomes the
// component's `uploads: { name: options }` (the same option names: the browser validates with them and
// the server enforces them on its upload endpoint). A command whose code consumes uploads
// (`consumeUploadedEntries` / `uploadedEntries` with a literal name) is called with `{ uploads: [name] }`:
// the browser uploads the selected files first and the command's `ctx.consumeUploadedEntries` hands
// the original callback `{ path, ... }` metas of the server's temp files, so its body moves unchanged.

import { ts } from "ts-morph";
import { identifiersIn } from "./dependencies.ts";
import type { RangeEdit } from "./socket-rewrite.ts";
import { isSocketMember } from "./split-event.ts";

const CONSUMING = new Set(["consumeUploadedEntries", "uploadedEntries"]);

export interface MountUploads {
  /** Removes the allowUpload statements from mount. */
  removals: RangeEdit[];
  /** The `uploads: {...},` member of the component, when there are any. */
  member?: string;
}

/**
 * `[await] socket.allowUpload("photos", { ... })` statements directly in mount's body, whose options
 * use none of mount's local values. Any other allowUpload stays where it is and the socket rewrite
 * marks it (UPLOAD).
 */
export function mountUploads(body: ts.Node, sf: ts.SourceFile, socketName: string | undefined, locals: Set<string>): MountUploads {
  const removals: RangeEdit[] = [];
  const entries: string[] = [];
  if (!socketName || !ts.isBlock(body)) return { removals };
  for (const statement of body.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const expr = ts.isAwaitExpression(statement.expression) ? statement.expression.expression : statement.expression;
    if (!ts.isCallExpression(expr) || !isSocketMember(expr.expression, socketName, "allowUpload")) continue;
    const [name, options, ...rest] = expr.arguments;
    if (!name || !ts.isStringLiteralLike(name) || rest.length > 0) continue;
    if (options && [...identifiersIn(sf, [{ start: options.getStart(sf), end: options.end }])].some((n) => locals.has(n))) continue;
    entries.push(`${propertyKey(name.text)}: ${options ? options.getText(sf) : "{}"},`);
    removals.push({ start: statement.getFullStart(), end: statement.end, text: "" });
  }
  return { removals, member: entries.length > 0 ? `uploads: {\n${entries.join("\n")}\n},` : undefined };
}

/** Upload names the code in these ranges consumes (`socket.consumeUploadedEntries("photos", …)`). */
export function consumedUploads(sf: ts.SourceFile, ranges: readonly { start: number; end: number }[], socketName: string | undefined): string[] {
  const names = new Set<string>();
  if (!socketName) return [];
  const visit = (node: ts.Node): void => {
    if (!ranges.some((r) => node.end > r.start && node.getStart(sf) < r.end)) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && CONSUMING.has(node.expression.name.text) && isSocketMember(node.expression, socketName, node.expression.name.text)) {
      const name = node.arguments[0];
      if (name && ts.isStringLiteralLike(name) && ranges.some((r) => node.getStart(sf) >= r.start && node.end <= r.end)) names.add(name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return [...names].sort();
}

/** The options argument of the action's `ctx.command(...)`: `, { onResult, uploads }`, or "" when neither. */
export function commandOptions(onResult: string | undefined, uploads: readonly string[]): string {
  const parts = [...(onResult ? [`onResult: ${JSON.stringify(onResult)}`] : []), ...(uploads.length > 0 ? [`uploads: ${JSON.stringify(uploads)}`] : [])];
  return parts.length > 0 ? `, { ${parts.join(", ")} }` : "";
}

function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}
