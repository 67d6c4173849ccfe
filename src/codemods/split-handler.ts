// Splits a `handleEvent` (or `handleInfo`) into one branch per event name: a `switch (event.type)`
// with case clauses, or an `if (event.type === "x") … else if …` chain. Statements before the
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
      const names = typeTests(current.expression, eventName);
      if (!names) return { ok: false, message: "an else-if branch does not test event.type", pos: current.getStart(sf) };
      const body = ts.isBlock(current.thenStatement) ? current.thenStatement.statements : ts.factory.createNodeArray([current.thenStatement]);
      branches.push(branchOf(names, body, dispatch, sf));
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

function isEventType(node: ts.Expression, eventName: string): boolean {
  return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === eventName && node.name.text === "type";
}

function isTypeSwitch(statement: ts.Statement, eventName: string): statement is ts.SwitchStatement {
  return ts.isSwitchStatement(statement) && isEventType(statement.expression, eventName);
}

function isTypeIfChain(statement: ts.Statement, eventName: string): boolean {
  return ts.isIfStatement(statement) && typeTests(statement.expression, eventName) !== undefined;
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
