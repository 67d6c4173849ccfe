// Server timers that only ring the view's own doorbell become `ctx.every` polling in the browser
// (DESIGN.md: `setInterval` + `sendInfo` → a scheduled action; a restart with another interval
// replaces the running timer, as the helper's clearInterval + setInterval did). A timer is recognised by what it does,
// not by where it is written: `setInterval(() => socket.sendInfo({ type: "tick" }), ms)` as a statement,
// kept in a variable or a per-socket map (`timers.set(socket.id, setInterval(…))`,
// `intervals[socket.id] = setInterval(…)`), or started by a module helper that takes the socket
// (`startPolling(socket, 1_000)`, whose other statements only clear timers). Cleanup that only clears
// such timers (shutdown, `stopPolling(id)`) has nothing left to do: `ctx.every` stops with the page.

import { ts } from "ts-morph";
import { moduleFunction, walkTree } from "./ast.ts";

export interface Poller {
  /** The statement of the handler that starts the timer (replaced by `ctx.every`). */
  statement: ts.ExpressionStatement;
  /** The interval, as code in the handler's scope. */
  ms: string;
  /** The message type each run sends. */
  type: string;
  /** The `setInterval(…)` call itself (in the handler or in the helper it calls). */
  timer: ts.CallExpression;
}

const TIMER_CLEARS = new Set(["clearInterval", "clearTimeout"]);

function statementsOf(fn: ts.FunctionLikeDeclaration): readonly ts.Statement[] {
  const body = fn.body;
  if (!body) return [];
  return ts.isBlock(body) ? body.statements : [ts.factory.createExpressionStatement(body as ts.Expression)];
}

/** `setInterval(() => S.sendInfo({ type: "T" }), ms)` somewhere in the expression (not in a nested function of its own). */
function intervalIn(expr: ts.Expression, socketName: string): { type: string; ms: ts.Expression; timer: ts.CallExpression } | undefined {
  let found: { type: string; ms: ts.Expression; timer: ts.CallExpression } | undefined;
  walkTree(expr, (n) => {
    if (found || (ts.isFunctionLike(n) && n !== expr)) return false;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "setInterval" && n.arguments.length === 2) {
      const [fn, ms] = n.arguments as unknown as [ts.Expression, ts.Expression];
      const type = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? sentType(fn, socketName) : undefined;
      if (type !== undefined) found = { type, ms, timer: n };
      return false;
    }
  });
  return found;
}

/** The callback's only work is `S.sendInfo({ type: "T" })`: T. */
function sentType(fn: ts.ArrowFunction | ts.FunctionExpression, socketName: string | undefined): string | undefined {
  if (fn.parameters.length > 0) return undefined;
  const body = fn.body;
  const call = ts.isBlock(body) ? (body.statements.length === 1 && ts.isExpressionStatement(body.statements[0]!) ? body.statements[0].expression : undefined) : body;
  if (!call || !ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || !ts.isIdentifier(call.expression.expression)) return undefined;
  if ((socketName !== undefined && call.expression.expression.text !== socketName) || call.expression.name.text !== "sendInfo") return undefined;
  const info = call.arguments[0];
  if (!info || !ts.isObjectLiteralExpression(info) || info.properties.length !== 1) return undefined;
  const p = info.properties[0]!;
  return ts.isPropertyAssignment(p) && p.name.getText() === "type" && ts.isStringLiteralLike(p.initializer) ? p.initializer.text : undefined;
}

/**
 * Does the statement only clear timers (and forget them)? `clearInterval(t)`, `map.delete(id)`,
 * `delete intervals[id]`, `const t = map.get(id)`, `if (t) …` of those, or a call of a module helper
 * whose statements all do only that.
 */
export function onlyClearsTimers(statement: ts.Statement, sf: ts.SourceFile, depth = 0): boolean {
  if (ts.isBlock(statement)) return statement.statements.every((s) => onlyClearsTimers(s, sf, depth));
  if (ts.isIfStatement(statement)) return onlyClearsTimers(statement.thenStatement, sf, depth) && (!statement.elseStatement || onlyClearsTimers(statement.elseStatement, sf, depth));
  if (ts.isVariableStatement(statement)) {
    // `const t = timers.get(id)`: a lookup, nothing more
    return statement.declarationList.declarations.every((d) => !d.initializer || (ts.isCallExpression(d.initializer) && ts.isPropertyAccessExpression(d.initializer.expression) && d.initializer.expression.name.text === "get") || ts.isElementAccessExpression(d.initializer));
  }
  if (!ts.isExpressionStatement(statement)) return false;
  const e = statement.expression;
  if (ts.isDeleteExpression(e)) return true;
  if (!ts.isCallExpression(e)) return false;
  if (ts.isIdentifier(e.expression) && TIMER_CLEARS.has(e.expression.text)) return true;
  if (ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === "delete") return true;
  if (ts.isIdentifier(e.expression) && depth < 3) {
    const helper = moduleFunction(sf, e.expression.text);
    return !!helper && statementsOf(helper).length > 0 && statementsOf(helper).every((s) => onlyClearsTimers(s, sf, depth + 1));
  }
  return false;
}

/** `REFRESH_MS`: a const of the module (the generated component copies it as it copies any helper). */
function isModuleConst(expression: ts.Expression, sf: ts.SourceFile): boolean {
  if (!ts.isIdentifier(expression)) return false;
  return sf.statements.some((st) => ts.isVariableStatement(st) && !!(st.declarationList.flags & ts.NodeFlags.Const) && st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === expression.text));
}

/** A statement that starts a polling timer, directly or through a helper that takes the socket. */
function pollerOf(statement: ts.ExpressionStatement, socketName: string, sf: ts.SourceFile): Omit<Poller, "statement"> | undefined {
  const direct = intervalIn(statement.expression, socketName);
  if (direct) return { type: direct.type, ms: direct.ms.getText(sf), timer: direct.timer };
  const call = statement.expression;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return undefined;
  const helper = moduleFunction(sf, call.expression.text);
  if (!helper) return undefined;
  const at = call.arguments.findIndex((a) => ts.isIdentifier(a) && a.text === socketName);
  const param = helper.parameters[at];
  if (at < 0 || !param || !ts.isIdentifier(param.name)) return undefined;
  let found: { type: string; ms: ts.Expression; timer: ts.CallExpression } | undefined;
  for (const st of statementsOf(helper)) {
    const timer = ts.isExpressionStatement(st) ? intervalIn(st.expression, param.name.text) : undefined;
    if (timer && !found) found = timer;
    else if (!onlyClearsTimers(st, sf)) return undefined; // the helper does more than keep its timer: not only polling
  }
  if (!found) return undefined;
  // the interval in the caller's terms: a helper parameter becomes the argument passed for it
  const msParam = helper.parameters.findIndex((p) => ts.isIdentifier(p.name) && ts.isIdentifier(found!.ms) && p.name.text === (found!.ms as ts.Identifier).text);
  const ms = msParam >= 0 ? call.arguments[msParam]?.getText(sf) : ts.isNumericLiteral(found.ms) || isModuleConst(found.ms, sf) ? found.ms.getText(sf) : undefined;
  return ms === undefined ? undefined : { type: found.type, ms, timer: found.timer };
}

/** Every statement of a handler (nested blocks, branches; not nested functions) that starts polling. */
export function findPollers(part: { fn: ts.Node; body: ts.Node } | undefined, sf: ts.SourceFile, socketName: string | undefined): Poller[] {
  const pollers: Poller[] = [];
  if (!part || !socketName) return pollers;
  walkTree(part.body, (node) => {
    if (ts.isExpressionStatement(node)) {
      const poller = pollerOf(node, socketName, sf);
      if (poller) {
        pollers.push({ statement: node, ...poller });
        return false;
      }
    }
    if (ts.isFunctionLike(node) && node !== part.fn) return false;
  });
  return pollers;
}

/**
 * The statements among `nodes` (and nested in them, not in nested functions) that start polling with
 * one of these sockets: the analysis places them in the browser, whatever the helper's timer map is.
 */
export function pollerStarts(nodes: readonly ts.Node[], sf: ts.SourceFile, socketNames: ReadonlySet<string>): Set<ts.Node> {
  return statementsWhere(nodes, (st) => [...socketNames].some((name) => pollerOf(st, name, sf)));
}

/** Expression statements among `nodes` and nested in them (not in nested functions; a function's own body is searched) that `test` accepts. */
function statementsWhere(nodes: readonly ts.Node[], test: (statement: ts.ExpressionStatement) => boolean): Set<ts.Node> {
  const out = new Set<ts.Node>();
  const visit = (node: ts.Node): boolean => {
    if (ts.isExpressionStatement(node) && test(node)) {
      out.add(node);
      return false;
    }
    return !ts.isFunctionLike(node);
  };
  for (const node of nodes) {
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) walkTree((node as ts.FunctionLikeDeclaration).body!, visit, true);
    else walkTree(node, visit);
  }
  return out;
}

/**
 * The message types of the file's polling timers, when every timer the file starts is one
 * (`setInterval(() => S.sendInfo({ type }), ms)`); undefined when any other timer exists. A statement
 * that only clears timers then stops polling: there is nothing else it could stop.
 */
export function doorbellTypes(sf: ts.SourceFile): string[] | undefined {
  // Asked once per handler walk (every event branch): the whole-file walk is done once per file.
  if (doorbells.has(sf)) return doorbells.get(sf);
  const types = doorbellTypesUncached(sf);
  doorbells.set(sf, types);
  return types;
}

const doorbells = new WeakMap<ts.SourceFile, string[] | undefined>();

function doorbellTypesUncached(sf: ts.SourceFile): string[] | undefined {
  const types = new Set<string>();
  for (const timer of timerCalls(sf)) {
    const fn = timer.arguments[0];
    const type = timer.expression.getText(sf) === "setInterval" && timer.arguments.length === 2 && fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? sentType(fn, undefined) : undefined;
    if (type === undefined) return undefined;
    types.add(type);
  }
  return types.size > 0 ? [...types].sort() : undefined;
}

/**
 * The statements among `nodes` (not in nested functions) that stop polling: they only clear timers
 * (`stopRefresh(socket.id)`, `clearInterval(timers.get(id))`) and every timer of the file is the
 * one polling timer. Each becomes `ctx.cancel(type)` in the browser.
 */
export function pollerStops(nodes: readonly ts.Node[], sf: ts.SourceFile): Set<ts.Node> {
  // with two polling timers a stop could be either: which one is not read here, so it stays server work
  if (doorbellTypes(sf)?.length !== 1) return new Set();
  return statementsWhere(nodes, (st) => ts.isCallExpression(st.expression) && onlyClearsTimers(st, sf) && clearsATimer(st, sf));
}

/** Does the code call clearInterval/clearTimeout, itself or through the module's helpers it calls? (`map.delete(id)` alone stops nothing.) */
export function clearsATimer(node: ts.Node, sf: ts.SourceFile, depth = 0): boolean {
  let found = false;
  walkTree(node, (n) => {
    if (found) return false;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
      const helper = depth < 3 ? moduleFunction(sf, n.expression.text) : undefined;
      if (TIMER_CLEARS.has(n.expression.text) || (helper && clearsATimer(helper, sf, depth + 1))) found = true;
    }
    return !found;
  });
  return found;
}

/** Every timer the file starts (setInterval, setTimeout): a shutdown may be dropped only when all of them are pollers. */
export function timerCalls(sf: ts.SourceFile): ts.CallExpression[] {
  const out: ts.CallExpression[] = [];
  walkTree(sf, (n) => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && (n.expression.text === "setInterval" || n.expression.text === "setTimeout")) out.push(n);
  });
  return out;
}

/** A shutdown with nothing left to do once the pollers are `ctx.every`: it only clears timers, and every timer of the file is a poller's. */
export function shutdownOnlyStopsPolling(shutdown: { body: ts.Node }, sf: ts.SourceFile, pollers: readonly Poller[]): boolean {
  if (pollers.length === 0) return false;
  const ours = new Set(pollers.map((p) => p.timer));
  if (!timerCalls(sf).every((t) => ours.has(t))) return false;
  const statements = ts.isBlock(shutdown.body) ? shutdown.body.statements : [ts.factory.createExpressionStatement(shutdown.body as ts.Expression)];
  return statements.length > 0 && statements.every((s) => onlyClearsTimers(s, sf));
}

/** Does the code start a timer, itself or through the module's helpers it calls? (A command cannot hold one.) */
export function startsTimer(node: ts.Node, sf: ts.SourceFile, depth = 0): boolean {
  let found = false;
  walkTree(node, (n) => {
    if (found) return false;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
      const name = n.expression.text;
      const helper = depth < 3 ? moduleFunction(sf, name) : undefined;
      if (name === "setInterval" || name === "setTimeout" || (helper && startsTimer(helper, sf, depth + 1))) found = true;
    }
    return !found;
  });
  return found;
}
