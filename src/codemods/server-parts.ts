// The server parts of mount and handleParams (README "Mount and handleParams that load server data").
// Their top-level statements are partitioned: what reads the session or server-computed locals, does
// server work, or writes a shared key goes to a command (`load.mount` / `load.params` in the
// component); the rest stays in the browser's mount/handleParams. An assign is cut property by
// property. The command repeats the client declarations it reads and the client guards (`if (!x)
// return`), as split events do. The runtime runs the command in-process at first paint.

import { ts } from "ts-morph";
import { identifiersIn } from "./dependencies.ts";
import type { FunctionPart } from "./locate-view.ts";
import type { RangeEdit } from "./socket-rewrite.ts";
import { doesServerWork, isSocketMember, propertyName } from "./split-event.ts";

interface Range {
  start: number;
  end: number;
}

export interface PartitionInput {
  sf: ts.SourceFile;
  part: FunctionPart;
  socketName: string | undefined;
  /** Parameters only the server has (mount's session). */
  serverInputs: string[];
  sharedKeys: Set<string>;
  /** Names whose call is server work (serverNames). */
  server: Set<string>;
  /** Statements rewritten already (subscriptions, pollers, temporary assigns): they stay in the browser's part. */
  handled: RangeEdit[];
}

export interface Partition {
  /** Removals in the browser's body. */
  clientEdits: RangeEdit[];
  /** The command's statements in source order (full ranges: comments go along) and the edits that cut their assigns. */
  command: Range[];
  commandEdits: RangeEdit[];
}

interface Piece {
  statement: ts.Statement;
  side: "client" | "command" | "both";
  /** Code each side reads (for the declarations it needs). */
  clientCode: Range[];
  commandCode: Range[];
  clientEdits: RangeEdit[];
  commandEdits: RangeEdit[];
  declares: string[];
  guard: boolean;
  repeated?: boolean;
}

/** Splits a block body; undefined for an expression body (nothing to cut). */
export function partitionServerPart(input: PartitionInput): Partition | undefined {
  const { sf, part, socketName, sharedKeys, server } = input;
  if (!ts.isBlock(part.body)) return undefined;
  const serverLocals = new Set(input.serverInputs);
  const readsServer = (ranges: Range[]) => [...identifiersIn(sf, ranges)].some((n) => serverLocals.has(n));
  const work = (node: ts.Node, keys: Set<string>) => doesServerWork(node, { sf, socketName, sharedKeys: keys, server });
  const range = (node: ts.Node): Range => ({ start: node.getStart(sf), end: node.end });
  const pieces: Piece[] = [];
  for (const statement of part.body.statements) {
    const base = { statement, clientEdits: [], commandEdits: [], declares: [], guard: false };
    if (input.handled.some((e) => statement.getStart(sf) >= e.start && statement.end <= e.end)) {
      pieces.push({ ...base, side: "client", clientCode: [range(statement)], commandCode: [] });
      continue;
    }
    const object = assignedObject(statement, socketName);
    if (object) {
      const toCommand = (p: ts.ObjectLiteralElementLike) => !p.name || sharedKeys.has(propertyName(p, sf)) || work(p, new Set()) || readsServer([range(p)]);
      const commandProps = object.properties.filter(toCommand);
      const clientProps = object.properties.filter((p) => !toCommand(p));
      const side = commandProps.length === 0 ? "client" : clientProps.length === 0 ? "command" : "both";
      pieces.push({
        ...base,
        side,
        clientCode: side === "both" ? clientProps.map(range) : [range(statement)],
        commandCode: side === "both" ? commandProps.map(range) : [range(statement)],
        clientEdits: side === "both" ? removeProperties(object, commandProps, sf) : [],
        commandEdits: side === "both" ? removeProperties(object, clientProps, sf) : [],
      });
      continue;
    }
    const declares = ts.isVariableStatement(statement) ? statement.declarationList.declarations.flatMap((d) => [...identifiersIn(sf, [range(d.name)])]) : [];
    // what an edit already handled (a poller that became ctx.after, in `if (socket.connected) …`) is not judged again
    const judged = unhandledParts(statement, input.handled, sf);
    const onServer = judged.some((n) => work(n, sharedKeys)) || readsServer(judged.map(range));
    if (onServer) for (const name of declares) serverLocals.add(name);
    pieces.push({ ...base, side: onServer ? "command" : "client", clientCode: [range(statement)], commandCode: [range(statement)], declares, guard: !ts.isVariableStatement(statement) && hasOwnReturn(statement) });
  }
  // the command repeats the client declarations it reads (transitively) and the client guards
  const needed = identifiersIn(sf, pieces.filter((p) => p.side !== "client").flatMap((p) => p.commandCode));
  for (const piece of pieces) if (piece.side === "client" && piece.guard) {
    piece.repeated = true;
    for (const name of identifiersIn(sf, piece.commandCode)) needed.add(name);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const piece of pieces) {
      if (piece.side !== "client" || piece.repeated || !piece.declares.some((n) => needed.has(n))) continue;
      piece.repeated = changed = true;
      for (const name of identifiersIn(sf, piece.commandCode)) needed.add(name);
    }
  }
  const clientEdits: RangeEdit[] = [];
  const command: Range[] = [];
  const commandEdits: RangeEdit[] = [];
  const full = (p: Piece): RangeEdit => ({ start: p.statement.getFullStart(), end: p.statement.end, text: "" });
  for (const piece of pieces) {
    if (piece.side === "command") clientEdits.push(full(piece));
    clientEdits.push(...piece.clientEdits);
    if (piece.side !== "client" || piece.repeated) {
      command.push({ start: piece.statement.getFullStart(), end: piece.statement.end });
      commandEdits.push(...piece.commandEdits);
    }
  }
  // a client declaration only the command reads moves there
  const clientUses = identifiersIn(sf, pieces.filter((p) => p.side !== "command" && p.declares.length === 0).flatMap((p) => p.clientCode));
  const kept = new Set<Piece>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const piece of pieces) {
      if (piece.side !== "client" || piece.declares.length === 0 || kept.has(piece) || !piece.declares.some((n) => clientUses.has(n))) continue;
      kept.add(piece);
      changed = true;
      for (const name of identifiersIn(sf, piece.clientCode)) clientUses.add(name);
    }
  }
  for (const piece of pieces) if (piece.side === "client" && piece.repeated && piece.declares.length > 0 && !kept.has(piece)) clientEdits.push(full(piece));
  return { clientEdits, command, commandEdits };
}

/** The largest parts of `node` that no handled edit covers (the node itself when none touches it). */
function unhandledParts(node: ts.Node, handled: readonly RangeEdit[], sf: ts.SourceFile): ts.Node[] {
  const start = node.getStart(sf);
  if (handled.some((e) => start >= e.start && node.end <= e.end)) return [];
  if (!handled.some((e) => e.start < node.end && e.end > start)) return [node];
  return node.getChildren(sf).flatMap((child) => (child.kind === ts.SyntaxKind.SyntaxList || child.getWidth(sf) > 0 ? unhandledParts(child, handled, sf) : []));
}

/** Mount or handleParams needs a command: a shared key written from a local (or a shorthand), or the session read outside a loader expression. */
export function mountNeedsCommand(sf: ts.SourceFile, part: FunctionPart, sharedKeys: Set<string>): boolean {
  const [socketName, sessionName] = part.params;
  if (!ts.isBlock(part.body)) return false;
  const locals = new Set<string>();
  const loaderExpressions: Range[] = [];
  let needs = false;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node)) for (const n of identifiersIn(sf, [{ start: node.name.getStart(sf), end: node.name.end }])) locals.add(n);
    if (ts.isCallExpression(node) && socketName && isSocketMember(node.expression, socketName, "assign") && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) {
      for (const p of node.arguments[0].properties) {
        if (!p.name || !sharedKeys.has(propertyName(p, sf))) continue;
        if (!ts.isPropertyAssignment(p)) needs = true;
        else loaderExpressions.push({ start: p.initializer.getStart(sf), end: p.initializer.end });
      }
    }
    if (ts.isFunctionLike(node) && node !== part.fn) return;
    ts.forEachChild(node, visit);
  };
  visit(part.body);
  if (needs) return true;
  const params = new Set(part.params.filter((n) => n !== sessionName));
  if (loaderExpressions.some((r) => [...identifiersIn(sf, [r])].some((n) => locals.has(n) || params.has(n)))) return true;
  // the session read anywhere but a loader expression (it would reach the browser)
  return sessionName !== undefined && countMentionsIn(sf, [{ start: part.body.getStart(sf), end: part.body.end }], sessionName) > countMentionsIn(sf, loaderExpressions, sessionName);
}

/**
 * A shared key's mount value a command can recompute on the server: await-free, from the session and
 * module-level names, following mount's `const` locals (`const user = userFromSession(session)`).
 */
export function serverValueOf(sf: ts.SourceFile, part: FunctionPart, property: ts.ObjectLiteralElementLike): string | undefined {
  if (!ts.isBlock(part.body)) return undefined;
  const [socketName, sessionName, paramsName] = part.params;
  const consts = new Map<string, ts.Expression>();
  const locals = new Set<string>([socketName, paramsName].filter((n): n is string => !!n));
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node)) {
      for (const n of identifiersIn(sf, [{ start: node.name.getStart(sf), end: node.name.end }])) locals.add(n);
      const list = node.parent;
      if (ts.isIdentifier(node.name) && node.initializer && ts.isVariableDeclarationList(list) && list.flags & ts.NodeFlags.Const && ts.isVariableStatement(list.parent) && list.parent.parent === part.body) consts.set(node.name.text, node.initializer);
    }
    if (ts.isFunctionLike(node) && node !== part.fn) return;
    ts.forEachChild(node, visit);
  };
  visit(part.body);
  const inline = (expr: ts.Expression, seen: Set<string>): string | undefined => {
    if (containsAwait(expr)) return undefined;
    const start = expr.getStart(sf);
    const edits: RangeEdit[] = [];
    let ok = true;
    const walk = (n: ts.Node): void => {
      if (!ok) return;
      if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) {
        let text: string | undefined;
        if (n.text === sessionName) text = "ctx.session";
        else if (consts.has(n.text) && !seen.has(n.text)) {
          const init = consts.get(n.text)!;
          const inner = inline(init, new Set([...seen, n.text]));
          text = inner === undefined ? undefined : ts.isCallExpression(init) || ts.isIdentifier(init) || ts.isPropertyAccessExpression(init) ? inner : `(${inner})`;
        } else if (!locals.has(n.text)) return;
        if (text === undefined) return void (ok = false);
        edits.push({ start: n.getStart(sf) - start, end: n.end - start, text: n !== expr && ts.isShorthandPropertyAssignment(n.parent) ? `${n.text}: ${text}` : text });
        return;
      }
      ts.forEachChild(n, walk);
    };
    walk(expr);
    if (!ok) return undefined;
    let out = expr.getText(sf);
    for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
  };
  if (ts.isShorthandPropertyAssignment(property)) return inline(property.name, new Set());
  if (ts.isPropertyAssignment(property)) return inline(property.initializer, new Set());
  return undefined;
}

/** The top-level `socket.assign({...})` properties of a body (the keys mount writes). */
export function topLevelAssignProperties(part: FunctionPart): ts.ObjectLiteralElementLike[] {
  if (!ts.isBlock(part.body)) return [];
  return part.body.statements.flatMap((st) => [...(assignedObject(st, part.params[0])?.properties ?? [])]);
}

/**
 * The command's text: the inputs it reads (session from ctx.session; route params, url from the
 * zod-validated input), then the moved statements. `kind` "mount" gets `{ params }`, "params" `{ url }`.
 */
export function loadCommandText(kind: "mount" | "params", name: string, part: FunctionPart, body: string, withEffects: boolean, placeholder: string): string {
  const mentions = (id: string | undefined) => id !== undefined && new RegExp(`(?<![.\\w$])${id.replace(/\$/g, "\\$")}\\b`).test(body);
  const prelude: string[] = [];
  let usesInput = false;
  if (kind === "mount") {
    const [, sessionName, paramsName] = part.params;
    if (mentions(sessionName)) prelude.push(`const ${sessionName} = ctx.session;`);
    if (mentions(paramsName)) prelude.push(`const ${paramsName} = input.params;`), (usesInput = true);
  } else {
    const [urlName] = part.params;
    if (mentions(urlName)) prelude.push(`const ${urlName} = new URL(input.url);`), (usesInput = true);
  }
  const schema = kind === "mount" ? "z.object({ params: z.record(z.string(), z.string()) })" : "z.object({ url: z.string().url() })";
  const inputType = kind === "mount" ? "{ params: Record<string, string> }" : "{ url: string }";
  const result = withEffects ? "{ patch, effects }" : "patch";
  const about = kind === "mount" ? "the server part of mount: run at first paint (in-process) and after a sync reset" : "the server part of handleParams: run at first paint (in-process) and on every navigation";
  return `${name}: {
// ${about}
params: ${schema},
async handler(${usesInput ? "input" : "_input"}: ${inputType}, ctx) {
${prelude.join("\n")}${prelude.length ? "\n" : ""}const patch: Record<string, unknown> = {};
${withEffects ? "const effects: [string, ...unknown[]][] = [];\n" : ""}${body.replaceAll(placeholder, result)}
return ${result};
},
},`;
}

function assignedObject(statement: ts.Statement, socketName: string | undefined): ts.ObjectLiteralExpression | undefined {
  if (!socketName || !ts.isExpressionStatement(statement)) return undefined;
  const expr = ts.isAwaitExpression(statement.expression) ? statement.expression.expression : statement.expression;
  if (!ts.isCallExpression(expr) || !isSocketMember(expr.expression, socketName, "assign")) return undefined;
  const arg = expr.arguments[0];
  return arg && ts.isObjectLiteralExpression(arg) && arg.properties.every((p) => p.name) ? arg : undefined;
}

/** Removes some properties of an object literal without overlapping edits (a removed tail goes with the comma before it). */
export function removeProperties(object: ts.ObjectLiteralExpression, removed: readonly ts.ObjectLiteralElementLike[], sf: ts.SourceFile): RangeEdit[] {
  const props = object.properties;
  const lastKept = Math.max(...props.map((p, i) => (removed.includes(p) ? -1 : i)));
  const edits: RangeEdit[] = [];
  props.forEach((p, i) => {
    if (removed.includes(p) && i < lastKept) edits.push({ start: p.getStart(sf), end: props[i + 1]!.getStart(sf), text: "" });
  });
  if (lastKept < props.length - 1) edits.push({ start: props[lastKept]!.end, end: props[props.length - 1]!.end, text: "" });
  return edits;
}

function hasOwnReturn(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** An `await` in the node itself (not in a nested function). */
export function containsAwait(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || (ts.isFunctionLike(n) && n !== node)) return;
    if (ts.isAwaitExpression(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

function countMentionsIn(sf: ts.SourceFile, ranges: Range[], name: string): number {
  let count = 0;
  const visit = (n: ts.Node): void => {
    if (!ranges.some((r) => n.end > r.start && n.getStart(sf) < r.end)) return;
    if (ts.isIdentifier(n) && n.text === name && ranges.some((r) => n.getStart(sf) >= r.start && n.end <= r.end) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) count++;
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(sf, visit);
  return count;
}
