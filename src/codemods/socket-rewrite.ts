// Moves a handler body off the LiveViewJS socket: `socket.assign` → `ctx.assign`, `socket.context` →
// `ctx.state`, navigation/flash/title to their ctx forms, `sendInfo` to self → `ctx.send`. Inside a
// server command, assigns collect into the patch the command returns. Anything else on the socket
// is a blocker: the view stays as it was, with a marker there.

import { ts } from "ts-morph";

export interface Blocker {
  code: string;
  message: string;
  /** Offset in the file of the construct (the marker goes on the line above). */
  pos: number;
}

export type BodyMode = "client" | "command";

export interface RangeEdit {
  start: number;
  end: number;
  text: string;
}

/** A bare `return;` in a moved command body must still return what the command collected. */
export const RETURN_PLACEHOLDER = "__LVM_COMMAND_RESULT__";

/** What a command can ask the browser to do after it answers. */
export const CLIENT_EFFECTS = new Set(["putFlash", "pageTitle", "pushPatch", "pushRedirect", "pushEvent", "sendParentInfo"]);

const SAME_ON_CTX = new Set(["assign", "pageTitle", "putFlash", "pushPatch", "pushRedirect", "pushEvent", "connected", "url", "cancelUpload", "sendParentInfo"]);
/** In a command, the files the calling action uploaded (src/codemods/uploads.ts). */
const UPLOADS_IN_COMMAND = new Set(["consumeUploadedEntries", "uploadedEntries"]);

const BLOCKED: Record<string, { code: string; message: string }> = {
  subscribe: { code: "PUBSUB", message: "pubsub subscription: declare a `sync` topic in the component and publish from commands" },
  tempAssign: { code: "TEMP_ASSIGN", message: "temporary assign: keep the list in client state and append or prepend in an action" },
  allowUpload: { code: "UPLOAD", message: "allowUpload outside mount's top level, or with a computed name or options from mount's locals: declare `uploads: { name: options }` in the component by hand" },
  consumeUploadedEntries: { code: "UPLOAD", message: "uploaded files are read in browser code: move this into the command (ctx.consumeUploadedEntries) its action calls with { uploads: [name] }" },
  uploadedEntries: { code: "UPLOAD", message: "uploaded files are read in browser code: move this into the command (ctx.uploadedEntries) its action calls with { uploads: [name] }" },
  id: { code: "SOCKET_ID", message: "the socket id has no equivalent in the runtime" },
};

export interface RewriteResult {
  text: string;
  blockers: Blocker[];
  /** Client effects (putFlash, …) a command body queued. */
  effects: string[];
}

/**
 * Rewrites [start, end) of the file. `socketName` is the handler's socket parameter; `ctxName` what
 * it becomes ("ctx"). In command mode assigns go to `patchName`.
 */
export function rewriteSocketUses(sf: ts.SourceFile, start: number, end: number, socketName: string | undefined, mode: BodyMode, patchName = "patch", extra: RangeEdit[] = []): RewriteResult {
  const text = sf.text;
  // a `break` out of the dispatch became `return;` (split-handler): in a command it returns the patch too
  const edits: RangeEdit[] = extra.map((e) => (mode === "command" && e.text === "return;" ? { ...e, text: `return ${RETURN_PLACEHOLDER};` } : e));
  const blockers: Blocker[] = [];
  const effectsUsed = new Set<string>();
  const removed = extra.filter((e) => e.end > e.start);
  const visit = (node: ts.Node): void => {
    if (node.end <= start || node.getStart(sf) >= end) return;
    if (removed.some((e) => node.getStart(sf) >= e.start && node.end <= e.end)) return;
    if (mode === "command" && ts.isReturnStatement(node) && !node.expression && !insideNestedFunction(node, start)) {
      edits.push({ start: node.getStart(sf), end: node.end, text: `return ${RETURN_PLACEHOLDER};` });
      return;
    }
    // A broadcast in server code stays as written: the app's pubsub reaches the views still on
    // LiveViewJS, and the generated server wiring bridges it into the runtime's sync log (README.md).
    if (socketName && ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === socketName) {
      handleMember(node);
      return;
    }
    if (socketName && ts.isIdentifier(node) && node.text === socketName && !isDeclarationName(node)) {
      blockers.push({ code: "SOCKET_ESCAPES", message: `\`${socketName}\` is passed on as a value: the callee must be migrated by hand`, pos: node.getStart(sf) });
      return;
    }
    ts.forEachChild(node, visit);
  };
  const handleMember = (node: ts.PropertyAccessExpression) => {
    const member = node.name.text;
    const from = node.getStart(sf);
    const call = ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : undefined;
    call?.arguments.forEach((argument) => visit(argument));
    if (mode === "command") {
      if (member === "assign" && call) {
        edits.push({ start: from, end: node.end, text: `Object.assign(${patchName}, ` });
        // `Object.assign(patch, (args)` needs the call's own "(" removed
        edits.push({ start: node.end, end: node.end + text.slice(node.end).indexOf("(") + 1, text: "" });
        return;
      }
      if (member === "connected") {
        edits.push({ start: from, end: node.end, text: "true" });
        return;
      }
      // a literal name: the calling action must know which files to upload first
      if (UPLOADS_IN_COMMAND.has(member) && call?.arguments[0] && ts.isStringLiteralLike(call.arguments[0])) {
        edits.push({ start: from, end: node.expression.end, text: "ctx" });
        return;
      }
      if (UPLOADS_IN_COMMAND.has(member)) {
        blockers.push({ code: "UPLOAD", message: "uploads read under a computed name: write the upload's name as a string literal, so the action knows which files to upload first", pos: from });
        return;
      }
      // sendInfo to self from server code: the browser runs that message's action after the answer
      if (member === "sendInfo" && call) {
        const info = call.arguments[0];
        const type = info && ts.isObjectLiteralExpression(info) ? literalType(info) : undefined;
        if (type !== undefined) {
          effectsUsed.add("send");
          if (ts.isAwaitExpression(call.parent)) edits.push({ start: call.parent.getStart(sf), end: call.getStart(sf), text: "" });
          edits.push({ start: from, end: node.end + text.slice(node.end).indexOf("(") + 1, text: `effects.push(["send", ${JSON.stringify(type)}, ` });
          edits.push({ start: call.end - 1, end: call.end, text: "])" });
          return;
        }
      }
      // Flash, title and navigation happen in the browser: the command returns them in order and the
      // client action that called it replays them.
      if (CLIENT_EFFECTS.has(member) && call) {
        effectsUsed.add(member);
        // `await socket.putFlash(...)` → `effects.push(...)`: nothing to wait for any more
        if (ts.isAwaitExpression(call.parent)) edits.push({ start: call.parent.getStart(sf), end: call.getStart(sf), text: "" });
        edits.push({ start: from, end: node.end + text.slice(node.end).indexOf("(") + 1, text: call.arguments.length > 0 ? `effects.push([${JSON.stringify(member)}, ` : `effects.push([${JSON.stringify(member)}` });
        edits.push({ start: call.end - 1, end: call.end, text: "])" });
        return;
      }
      blockers.push({ code: member === "context" ? "CLIENT_STATE_IN_COMMAND" : "SOCKET_IN_COMMAND", message: member === "context" ? "server code reads the view's state: pass what it needs as event params (never trust it for authorization)" : `\`${member}\` runs in server code: move it to a client action that runs after the command`, pos: from });
      return;
    }
    if (member === "context") {
      edits.push({ start: from, end: node.end, text: "ctx.state" });
      return;
    }
    if (SAME_ON_CTX.has(member)) {
      edits.push({ start: from, end: node.expression.end, text: "ctx" });
      return;
    }
    if (member === "sendInfo" && call) {
      const info = call.arguments[0];
      const type = info && ts.isObjectLiteralExpression(info) ? literalType(info) : undefined;
      if (type !== undefined) {
        edits.push({ start: from, end: node.end + text.slice(node.end).indexOf("(") + 1, text: `ctx.send(${JSON.stringify(type)}, ` });
        return;
      }
      blockers.push({ code: "DYNAMIC_INFO", message: "sendInfo with a computed message: call ctx.send(action, params) with the action's name", pos: from });
      return;
    }
    const blocked = BLOCKED[member] ?? { code: "UNSUPPORTED_SOCKET_API", message: `socket.${member} has no runtime equivalent yet` };
    blockers.push({ ...blocked, pos: from });
  };
  ts.forEachChild(sf, visit);
  const inside = edits.filter((e) => e.start >= start && e.end <= end).sort((a, b) => a.start - b.start);
  let out = "";
  let cursor = start;
  for (const edit of inside) {
    if (edit.start < cursor) {
      // inside an edit already made (a removal covering a rewrite): nothing left to do. Half inside: two
      // decisions about the same code, never silently one of them
      if (edit.end > cursor) blockers.push({ code: "GENERATION_FAILED", message: `overlapping edits at ${edit.start}–${edit.end}: migrate by hand and report it`, pos: edit.start });
      continue;
    }
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  out += text.slice(cursor, end);
  return { text: out, blockers, effects: [...effectsUsed].sort() };
}

function literalType(object: ts.ObjectLiteralExpression): string | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText() === "type" && ts.isStringLiteralLike(property.initializer)) return property.initializer.text;
  }
  return undefined;
}

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (ts.isParameter(parent) || ts.isVariableDeclaration(parent)) && parent.name === node;
}

/** Does [start, end) mention `name` as an identifier? (Used for unused-parameter and session checks.) */
export function mentions(sf: ts.SourceFile, start: number, end: number, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || node.end <= start || node.getStart(sf) >= end) return;
    if (ts.isIdentifier(node) && node.text === name && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  return found;
}

/** Is the node inside a function that starts within the moved range (its `return` is not the handler's)? */
function insideNestedFunction(node: ts.Node, rangeStart: number): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current.pos >= rangeStart;
  }
  return false;
}
