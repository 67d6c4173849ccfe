// Splits a `handleEvent` (or `handleInfo`) into one branch per event name: a `switch (event.type)`
// with case clauses, or an `if (event.type === "x") … else if …` chain (a test may go on with
// `&& rest`: the branch becomes `if (rest) {…}`). Statements before the
// dispatch (e.g. `const { count } = socket.context;`) are kept as a preamble each branch repeats.

import { ts } from "ts-morph";
import type { FunctionPart } from "./locate-view.ts";
import type { RangeEdit } from "./socket-rewrite.ts";

export interface Branch {
  names: string[];
  /** Range of the branch's statements in the file. */
  start: number;
  end: number;
  /** `break`s that leave the dispatch: dropped at the end, `return;` elsewhere. */
  edits: RangeEdit[];
  /** The branch's top-level statements (a split event moves a leading part of them to the browser). */
  statements: readonly ts.Statement[];
  /** Its text is `if (rest) {…}`, from `if (event.type === "x" && rest) {…}`. */
  guarded?: boolean;
}

export interface SplitHandler {
  /** Range of the statements before the dispatch (empty when start === end). */
  preamble: { start: number; end: number };
  branches: Branch[];
}

export type SplitResult = { ok: true; split: SplitHandler } | { ok: false; message: string; pos: number; noDispatch?: boolean };

export function splitHandler(part: FunctionPart, sf: ts.SourceFile): SplitResult {
  const eventName = part.params[0];
  if (!ts.isBlock(part.body) || !eventName) return { ok: false, message: "the handler is not a block: split it by hand", pos: part.body.getStart(sf) };
  const statements = part.body.statements;
  // `const { type } = event`, `const kind = event.type` before the dispatch: the type under another name
  const aliases = new Set<string>();
  for (const st of statements) {
    if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of st.declarationList.declarations) {
      if (!d.initializer) continue;
      if (ts.isIdentifier(d.name) && isEventType(d.initializer, eventName, aliases)) aliases.add(d.name.text);
      if (ts.isObjectBindingPattern(d.name) && ts.isIdentifier(d.initializer) && d.initializer.text === eventName) {
        for (const el of d.name.elements) if (!el.dotDotDotToken && ts.isIdentifier(el.name) && ((el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text) === "type")) aliases.add(el.name.text);
      }
    }
  }
  typeAliases = aliases;
  const dispatchIndex = statements.findIndex((s) => isTypeSwitch(s, eventName) || isTypeIfChain(s, eventName));
  if (dispatchIndex < 0) return { ok: false, message: `no \`switch (${eventName}.type)\` or \`if (${eventName}.type === …)\` dispatch found: split the handler into one action per type by hand`, pos: part.body.getStart(sf), noDispatch: true };
  if (dispatchIndex !== statements.length - 1) return { ok: false, message: "statements after the event dispatch: move them into each branch by hand", pos: statements[dispatchIndex + 1]!.getStart(sf) };
  const dispatch = statements[dispatchIndex]!;
  const preamble = dispatchIndex === 0 ? { start: dispatch.getStart(sf), end: dispatch.getStart(sf) } : { start: statements[0]!.getFullStart(), end: statements[dispatchIndex - 1]!.end };
  const branches: Branch[] = [];
  if (ts.isSwitchStatement(dispatch)) {
    let pending: string[] = [];
    for (const clause of dispatch.caseBlock.clauses) {
      if (ts.isDefaultClause(clause)) {
        if (clause.statements.length > 0) return { ok: false, message: "a default branch handles unknown events: decide which actions it becomes", pos: clause.getStart(sf) };
        continue;
      }
      if (!ts.isStringLiteralLike(clause.expression)) return { ok: false, message: "a case label is not a string literal", pos: clause.getStart(sf) };
      pending.push(clause.expression.text);
      if (clause.statements.length === 0) continue; // falls through to the next case
      branches.push(branchOf(pending, clause.statements, dispatch, sf));
      pending = [];
    }
  } else {
    let current: ts.Statement | undefined = dispatch;
    while (current && ts.isIfStatement(current)) {
      const test = guardedTest(current.expression, eventName, sf);
      if (!test) return { ok: false, message: "an else-if branch does not test event.type", pos: current.getStart(sf) };
      // `type === "x" && rest`: a later branch for "x" would run when rest is false (one action per type)
      const again = test.names.find((n) => branches.some((b) => b.names.includes(n) && (test.guard || b.guarded)));
      if (again) return { ok: false, message: `two branches handle "${again}" (one with an extra condition): merge them by hand`, pos: current.getStart(sf) };
      if (test.guard) branches.push(guardedBranch(test.names, current, test.guard, sf));
      else {
        const body = ts.isBlock(current.thenStatement) ? current.thenStatement.statements : ts.factory.createNodeArray([current.thenStatement]);
        branches.push(branchOf(test.names, body, dispatch, sf));
      }
      current = current.elseStatement;
    }
    if (current) return { ok: false, message: "a final else handles unknown events: decide which actions it becomes", pos: current.getStart(sf) };
  }
  return { ok: true, split: { preamble, branches } };
}

function branchOf(names: string[], statements: ts.NodeArray<ts.Statement>, dispatch: ts.Statement, sf: ts.SourceFile): Branch {
  let list: readonly ts.Statement[] = statements;
  if (list.length === 1 && ts.isBlock(list[0]!)) list = (list[0] as ts.Block).statements;
  if (list.length === 0) return { names, start: dispatch.end, end: dispatch.end, edits: [], statements: [] };
  const start = list[0]!.getFullStart();
  const end = list[list.length - 1]!.end;
  const edits: RangeEdit[] = [];
  const last = list[list.length - 1]!;
  const visit = (node: ts.Node, inner: boolean): void => {
    if (ts.isBreakStatement(node) && !node.label && !inner) {
      edits.push(node === last ? { start: node.getFullStart(), end: node.end, text: "" } : { start: node.getStart(sf), end: node.end, text: "return;" });
      return;
    }
    if (ts.isFunctionLike(node)) return;
    const nestedBreakable = ts.isIterationStatement(node, false) || ts.isSwitchStatement(node);
    ts.forEachChild(node, (child) => visit(child, inner || nestedBreakable));
  };
  for (const statement of list) visit(statement, false);
  return { names, start, end, edits, statements: list };
}

/** Aliases of `event.type` in the handler being split (set by splitHandler; splitting is synchronous). */
let typeAliases: ReadonlySet<string> = new Set();

function isEventType(node: ts.Expression, eventName: string, aliases: ReadonlySet<string> = typeAliases): boolean {
  if (ts.isParenthesizedExpression(node)) return isEventType(node.expression, eventName, aliases);
  if (ts.isIdentifier(node)) return aliases.has(node.text);
  return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === eventName && node.name.text === "type";
}

function isTypeSwitch(statement: ts.Statement, eventName: string): statement is ts.SwitchStatement {
  return ts.isSwitchStatement(statement) && isEventType(statement.expression, eventName);
}

function isTypeIfChain(statement: ts.Statement, eventName: string): boolean {
  return ts.isIfStatement(statement) && guardedTest(statement.expression, eventName, statement.getSourceFile()) !== undefined;
}

/**
 * A branch test: `event.type === "x"`, or `event.type === "x" && rest` (the type test first, so
 * `rest` is evaluated for that type only, as in the original). `guard` is the range to drop.
 */
function guardedTest(expression: ts.Expression, eventName: string, sf: ts.SourceFile): { names: string[]; guard?: { start: number; end: number } } | undefined {
  const names = typeTests(expression, eventName);
  if (names) return { names };
  // `a && b && c` is `(a && b) && c`: the first operand is at the bottom of the left spine
  let and: ts.BinaryExpression | undefined;
  for (let e = expression; ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken; e = e.left) and = e;
  const first = and && typeTests(and.left, eventName);
  return first ? { names: first, guard: { start: and!.left.getStart(sf), end: and!.right.getStart(sf) } } : undefined;
}

/**
 * `if (event.type === "x" && rest) {…}` → the branch `if (rest) {…}` (the if without its else chain).
 * Its one statement is the whole if: checks for server work then see the else chain too, which only
 * makes them keep more on the server (the text comes from start/end, never from the statement).
 */
function guardedBranch(names: string[], statement: ts.IfStatement, guard: { start: number; end: number }, sf: ts.SourceFile): Branch {
  return { names, start: statement.getStart(sf), end: statement.thenStatement.end, edits: [{ ...guard, text: "" }], statements: [statement], guarded: true };
}

/** `event.type === "a"` or `event.type === "a" || event.type === "b"` → ["a", "b"]. */
function typeTests(expression: ts.Expression, eventName: string): string[] | undefined {
  if (ts.isParenthesizedExpression(expression)) return typeTests(expression.expression, eventName);
  if (ts.isBinaryExpression(expression)) {
    const op = expression.operatorToken.kind;
    if (op === ts.SyntaxKind.BarBarToken) {
      const left = typeTests(expression.left, eventName);
      const right = typeTests(expression.right, eventName);
      return left && right ? [...left, ...right] : undefined;
    }
    if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken) {
      if (isEventType(expression.left, eventName) && ts.isStringLiteralLike(expression.right)) return [expression.right.text];
      if (isEventType(expression.right, eventName) && ts.isStringLiteralLike(expression.left)) return [expression.left.text];
    }
  }
  return undefined;
}

/** The whole body as one branch (a handleInfo that treats every message alike). */
export function wholeBody(part: FunctionPart, sf: ts.SourceFile, name: string): SplitHandler | undefined {
  if (!ts.isBlock(part.body)) return undefined;
  const at = part.body.getStart(sf) + 1;
  return { preamble: { start: at, end: at }, branches: [{ names: [name], start: at, end: part.body.end - 1, edits: [], statements: part.body.statements }] };
}
