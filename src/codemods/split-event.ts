// A split event (DESIGN.md "Events get a placement") runs its ui/form part in the browser at once and
// its shared part in a command. The handler's branch is cut in two: the leading statements that do
// no server work (no effectful call, no await, no shared key written) stay in the client action; the
// rest moves to the command, whose answer a second action applies. When the first server statement
// is `socket.assign({...})`, its ui/form properties with client-only values go to the browser too
// (the command then no longer writes them, so a slow answer cannot overwrite newer input).

import { posix } from "node:path";
import { ts } from "ts-morph";
import type { FunctionEffects } from "../plan/types.ts";
import type { RangeEdit } from "./socket-rewrite.ts";
import { withoutExtension } from "./output-paths.ts";

/** Local names (imports and file-level functions) whose call does server work, per the plan's effects. */
export function serverNames(sf: ts.SourceFile, viewFile: string, functions: FunctionEffects[]): Set<string> {
  const effectsById = new Map(functions.map((f) => [`${withoutExtension(f.id.split("#")[0]!)}#${f.id.split("#")[1]}`, f.effects]));
  const moduleHasEffects = (module: string) => functions.some((f) => withoutExtension(f.id.split("#")[0]!) === module && f.effects.length > 0);
  const names = new Set<string>();
  for (const statement of sf.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && (effectsById.get(`${withoutExtension(viewFile)}#${statement.name.text}`)?.length ?? 0) > 0) names.add(statement.name.text);
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const specifier = statement.moduleSpecifier.text;
    // a package import (other than the runtime's own helpers) is server work unless known pure: liveviewjs, pubsub clients, fs
    if (!specifier.startsWith(".")) {
      if (specifier === "liveviewjs") continue; // html, form helpers: the runtime re-exports them
      for (const name of importedLocals(clause)) names.add(name.local);
      continue;
    }
    const module = withoutExtension(posix.normalize(posix.join(posix.dirname(viewFile), specifier)));
    for (const name of importedLocals(clause)) {
      const effects = effectsById.get(`${module}#${name.imported}`);
      // a known function: its effects decide; anything else (an object like pubSub) from a module with effects is server work
      if (effects ? effects.length > 0 : moduleHasEffects(module)) names.add(name.local);
    }
  }
  return names;
}

function importedLocals(clause: ts.ImportClause): { local: string; imported: string }[] {
  const out: { local: string; imported: string }[] = [];
  if (clause.name) out.push({ local: clause.name.text, imported: "default" });
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) out.push({ local: bindings.name.text, imported: "*" });
  if (bindings && ts.isNamedImports(bindings)) {
    for (const element of bindings.elements) if (!element.isTypeOnly) out.push({ local: element.name.text, imported: (element.propertyName ?? element.name).text });
  }
  return out;
}

export interface ClientCut {
  /** Statements that run in the browser at once (a prefix of the branch). */
  client: readonly ts.Statement[];
  /** Statements left for the command. */
  server: readonly ts.Statement[];
  /** ui/form properties of the first server statement's assign, moved to the browser. */
  assignProps: ts.ObjectLiteralElementLike[];
  /** Removes those properties from the command's assign. */
  removals: RangeEdit[];
}

export interface CutInput {
  sf: ts.SourceFile;
  statements: readonly ts.Statement[];
  socketName: string | undefined;
  sharedKeys: Set<string>;
  server: Set<string>;
  /** Statements another edit already turned into browser code (a polling timer's start → ctx.every). */
  handled?: ReadonlySet<ts.Node>;
}

/** Does this code do server work (an effectful call, an await on something other than the socket, a shared write)? */
export function doesServerWork(node: ts.Node, input: Omit<CutInput, "statements">): boolean {
  const { sf, socketName, sharedKeys, server } = input;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || input.handled?.has(n)) return;
    if (ts.isIdentifier(n) && server.has(n.text) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n) && !(ts.isPropertyAssignment(n.parent) && n.parent.name === n)) {
      found = true;
      return;
    }
    // uploaded files are server temp files (consumeUploadedEntries / uploadedEntries)
    if ((ts.isAwaitExpression(n) && !isSocketCall(n.expression, socketName)) || (socketName && ts.isCallExpression(n) && (isSocketMember(n.expression, socketName, "consumeUploadedEntries") || isSocketMember(n.expression, socketName, "uploadedEntries")))) {
      found = true;
      return;
    }
    if (socketName && ts.isCallExpression(n) && isSocketMember(n.expression, socketName, "assign")) {
      const arg = n.arguments[0];
      if (!arg || !ts.isObjectLiteralExpression(arg) || arg.properties.some((p) => !p.name || sharedKeys.has(propertyName(p, sf)))) {
        found = true;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** The browser part of a split branch; undefined when nothing can run in the browser first. */
export function cutClientPart(input: CutInput): ClientCut | undefined {
  const { sf, statements, socketName, sharedKeys } = input;
  let index = 0;
  while (index < statements.length && !doesServerWork(statements[index]!, input)) index++;
  const client = statements.slice(0, index);
  const server = statements.slice(index);
  const assignProps: ts.ObjectLiteralElementLike[] = [];
  const removals: RangeEdit[] = [];
  const first = server[0];
  const call = first && ts.isExpressionStatement(first) ? unwrapAwait(first.expression) : undefined;
  if (call && ts.isCallExpression(call) && socketName && isSocketMember(call.expression, socketName, "assign") && call.arguments[0] && ts.isObjectLiteralExpression(call.arguments[0])) {
    const object = call.arguments[0];
    for (const property of object.properties) {
      if (!property.name || sharedKeys.has(propertyName(property, sf))) continue;
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
      if (doesServerWork(property, { ...input })) continue;
      assignProps.push(property);
    }
    // keep at least one property in the command's assign; otherwise the statement was client-safe already
    if (assignProps.length === object.properties.length) assignProps.length = 0;
    for (const property of assignProps) {
      const props = object.properties;
      const at = props.indexOf(property);
      const next = props[at + 1];
      removals.push(next ? { start: property.getStart(sf), end: next.getStart(sf), text: "" } : { start: props[at - 1]!.end, end: property.end, text: "" });
    }
  }
  if (client.length === 0 && assignProps.length === 0) return undefined;
  return { client, server, assignProps, removals };
}

function unwrapAwait(expression: ts.Expression): ts.Expression {
  return ts.isAwaitExpression(expression) ? expression.expression : expression;
}

/** `socket.<member>` for the handler's socket parameter. */
export function isSocketMember(expression: ts.Expression, socketName: string, member: string): boolean {
  return ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === socketName && expression.name.text === member;
}

function isSocketCall(expression: ts.Expression, socketName: string | undefined): boolean {
  return socketName !== undefined && ts.isCallExpression(expression) && ts.isPropertyAccessExpression(expression.expression) && ts.isIdentifier(expression.expression.expression) && expression.expression.expression.text === socketName;
}

export function propertyName(property: ts.ObjectLiteralElementLike, sf: ts.SourceFile): string {
  const name = property.name!;
  return ts.isStringLiteral(name) || ts.isIdentifier(name) ? name.text : name.getText(sf);
}

/** A client-part statement the command repeats: anything but a bare `socket.x(...)` call (assign, sendInfo, flash). */
export function keptInCommand(statement: ts.Statement, socketName: string | undefined): boolean {
  if (!ts.isExpressionStatement(statement)) return true;
  return !isSocketCall(unwrapAwait(statement.expression), socketName);
}
