// Pass 3: the view model. For one detected view: its handlers, the keys each one writes (with where the
// value comes from) and reads, its events (switch / if-chains on the event type, legacy signatures),
// its infos, and the lifecycle handlers. Everything that needs other files (is this call effectful?)
// is left as CalleeRefs for mergeFacts.

import { pollerStarts, pollerStops } from "./polling.ts";
import { ts, type FileContext, accessPath, locOf, propName, spanOf, textOf, unwrap, uniqSorted, sortBy, compareLoc, walkTree } from "./ast.ts";
import { type ModuleScope, collectBodyEffects, isFunctionExpr, isModuleCallable, sortCalls, sortEffects } from "./1_module_summary.ts";
import type { DetectedView } from "./2_detect_views.ts";
import type { CalleeRef, DirectEffect, EventFact, HandlerFacts, InfoFact, ReadFact, ViewFacts, WriteFact } from "./facts.ts";
import type { FileError, Marker, TemplateFacts, ValueSource } from "../plan/types.ts";
import { buildTemplateFacts } from "./4_template.ts";
import { classAnnotation, ignoreAnnotation } from "./annotations.ts";

type Role = "socket" | "event" | "eventType" | "session" | "params" | "url" | "info" | "infoType" | "context" | "contextKey" | "meta" | "none";
interface RoleInfo {
  role: Role;
  key?: string;
}
interface LocalDef {
  expr: ts.Expression;
  member?: string;
  /** Set when the expression belongs to a caller (an argument passed to a followed helper). */
  env?: Env;
}
interface Env {
  handler: string;
  roles: Map<string, RoleInfo>;
  defs: Map<string, LocalDef[]>;
  locals: Set<string>;
  depth: number;
  following: Set<ts.Node>;
  legacyReturns: boolean;
}
interface Acc {
  writes: WriteFact[];
  reads: ReadFact[];
  calls: CalleeRef[];
  effects: DirectEffect[];
  sendsInfo: string[];
  timerInfos: string[];
  subscribes: string[];
  socketOps: string[];
  /** A live component's messages to the view that renders it (`sendParentInfo`). */
  sendsParentInfo: string[];
}

const SOCKET_OPS = new Set([
  "pageTitle", "pushEvent", "pushPatch", "pushRedirect", "putFlash", "allowUpload", "cancelUpload", "uploadedEntries", "consumeUploadedEntries", "repeat",
]);
const UPLOAD_OPS = new Set(["uploadedEntries", "consumeUploadedEntries"]);
const TIMERS = new Set(["setInterval", "setTimeout"]);

const CURRENT_PARAMS: Record<string, Role[]> = {
  mount: ["socket", "session", "params"],
  handleParams: ["url", "socket"],
  handleEvent: ["event", "socket"],
  handleInfo: ["info", "socket"],
  render: ["context", "meta"],
  update: ["socket"],
  shutdown: ["none", "context"],
};
const LEGACY_PARAMS: Record<string, Role[]> = {
  mount: ["params", "session", "socket"],
  handleParams: ["params", "url", "socket"],
  handleEvent: ["eventType", "event", "socket"],
  handleInfo: ["info", "socket"],
  render: ["context", "meta"],
  update: ["socket"],
  shutdown: ["none", "context"],
};
const COMPONENT_PARAMS: Record<string, Role[]> = { ...CURRENT_PARAMS, mount: ["socket"] };

export interface ViewModelInput {
  ctx: FileContext;
  scope: ModuleScope;
  view: DetectedView;
  changesetFactories: Set<string>;
  errors: FileError[];
}

export function buildViewModel({ ctx, scope, view, changesetFactories, errors }: ViewModelInput): ViewFacts {
  const legacy = view.api === "legacy-class";
  const hasAnnotations = ctx.text.includes("@migrate");
  const paramTable = legacy ? LEGACY_PARAMS : view.kind === "component" ? COMPONENT_PARAMS : CURRENT_PARAMS;
  const members = handlerMembers(scope, view.definition);
  const markers: Marker[] = [];
  const notTopLevel = outsideTopLevel(view.node);
  if (notTopLevel) markers.push({ code: "VIEW_NOT_TOP_LEVEL", message: `the view is made ${notTopLevel}, not bound at the module's top level: apply rewrites only a top-level definition (const x = createLiveView(…), export default, a class); migrate it by hand`, at: locOf(ctx, view.node), span: spanOf(ctx, view.node) });
  let dynamicKeys = false;
  const handlers: Record<string, { start: number; end: number }> = {};
  for (const [name, fn] of members) handlers[name] = spanOf(ctx, fn);

  // For class views, `this.helper()` calls go to the class's own methods (functions "Class.helper").
  const viewClassName = !ts.isObjectLiteralExpression(view.definition) && view.definition.name && scope.classes.has(view.definition.name.text) ? view.definition.name.text : undefined;
  const newAcc = (): Acc => ({ writes: [], reads: [], calls: [], effects: [], sendsInfo: [], timerInfos: [], subscribes: [], socketOps: [], sendsParentInfo: [] });

  const envFor = (name: string, fn: ts.Node, handler: string): Env => {
    const roles = new Map<string, RoleInfo>();
    const params = (fn as ts.SignatureDeclaration).parameters ?? [];
    const table = paramTable[name] ?? [];
    params.forEach((p, i) => bindParam(p.name, table[i] ?? "none", roles));
    const env: Env = { handler, roles, defs: new Map(), locals: new Set(), depth: 0, following: new Set([fn]), legacyReturns: legacy && (name === "mount" || name === "handleEvent" || name === "handleParams" || name === "handleInfo") };
    prescan(fn, env);
    return env;
  };

  // ---- value sources ----
  const evalValue = (e0: ts.Expression, env: Env, res: { sources: Set<ValueSource>; calls: CalleeRef[]; deps: Set<string> }, seen: Set<ts.Node>, depth: number): void => {
    if (depth > 14 || seen.has(e0)) return;
    seen.add(e0);
    const e = chainBase(unwrap(e0), (part) => evalValue(part, env, res, seen, depth + 1));
    if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || ts.isBigIntLiteral(e) || ts.isRegularExpressionLiteral(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword) {
      res.sources.add("literal");
      return;
    }
    if (ts.isTemplateExpression(e)) {
      res.sources.add("literal");
      for (const s of e.templateSpans) evalValue(s.expression, env, res, seen, depth + 1);
      return;
    }
    if (ts.isIdentifier(e)) {
      if (e.text === "undefined") return void res.sources.add("literal");
      const r = env.roles.get(e.text);
      if (r) return addRole(r, [], res);
      const defs = env.defs.get(e.text);
      if (defs) {
        for (const d of defs) {
          if (d.member !== undefined) evalMember(d.expr, [d.member], d.env ?? env, res, seen, depth + 1);
          else evalValue(d.expr, d.env ?? env, res, seen, depth + 1);
        }
        return;
      }
      if (env.locals.has(e.text)) return;
      moduleValue(e.text, [], e, res, seen, depth);
      return;
    }
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      if (ts.isElementAccessExpression(e)) evalValue(e.argumentExpression, env, res, seen, depth + 1);
      const ap = accessPath(e);
      if (ap) return evalMember(ap.rootNode, ap.path, env, res, seen, depth + 1);
      return evalValue(e.expression, env, res, seen, depth + 1);
    }
    if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
      for (const a of e.arguments ?? []) evalValue(a, env, res, seen, depth + 1);
      const callee = unwrap(e.expression);
      const ap = accessPath(callee);
      if (ap) {
        const r = env.roles.get(ap.root);
        if (r?.role === "socket") {
          if (UPLOAD_OPS.has(ap.path[0] ?? "")) res.sources.add("upload");
          return;
        }
        if (r) return addRole(r, ap.path, res);
        if (ap.path.length === 0 && (changesetFactories.has(ap.root) || isLocalChangeset(ap.root, env))) return void res.sources.add("changeset");
        const defs = env.defs.get(ap.root);
        if (defs || env.locals.has(ap.root)) {
          // A method on a local value (`items.filter(...)`): the value flows from the receiver.
          if (ap.path.length > 0 && ts.isPropertyAccessExpression(callee)) evalValue(callee.expression, env, res, seen, depth + 1);
          return;
        }
        if (ap.root === "fetch" && ap.path.length === 0 && !scope.imports.has("fetch")) {
          res.calls.push({ local: "fetch", member: [], at: locOf(ctx, e), pos: e.getStart(ctx.sf) });
          return;
        }
        if (ap.root === "process" && ap.path[0] === "env") return void res.sources.add("env");
        if (isModuleCallable(scope, ap.root) || scope.state.has(ap.root)) {
          res.calls.push({ local: ap.root, member: ap.path, at: locOf(ctx, e), pos: e.getStart(ctx.sf) });
          return;
        }
        // Globals (Math.max, String(), new Date()): pure computations in a browser too.
        res.sources.add("pure-call");
        return;
      }
      evalValue(callee, env, res, seen, depth + 1);
      return;
    }
    if (ts.isAwaitExpression(e)) {
      res.sources.add("await");
      return evalValue(e.expression, env, res, seen, depth + 1);
    }
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) {
      if (ts.isBlock(e.body)) forEachReturn(e.body, (r) => evalValue(r, env, res, seen, depth + 1));
      else evalValue(e.body, env, res, seen, depth + 1);
      return;
    }
    if (ts.isConditionalExpression(e)) {
      evalValue(e.condition, env, res, seen, depth + 1);
      evalValue(e.whenTrue, env, res, seen, depth + 1);
      evalValue(e.whenFalse, env, res, seen, depth + 1);
      return;
    }
    if (ts.isPrefixUnaryExpression(e) || ts.isPostfixUnaryExpression(e)) return evalValue(e.operand, env, res, seen, depth + 1);
    if (ts.isTypeOfExpression(e) || ts.isVoidExpression(e) || ts.isSpreadElement(e)) return evalValue(e.expression, env, res, seen, depth + 1);
    if (ts.isArrayLiteralExpression(e)) {
      res.sources.add("literal");
      for (const el of e.elements) evalValue(el, env, res, seen, depth + 1);
      return;
    }
    if (ts.isObjectLiteralExpression(e)) {
      res.sources.add("literal");
      for (const p of e.properties) {
        if (ts.isPropertyAssignment(p)) evalValue(p.initializer, env, res, seen, depth + 1);
        else if (ts.isShorthandPropertyAssignment(p)) evalValue(p.name, env, res, seen, depth + 1);
        else if (ts.isSpreadAssignment(p)) evalValue(p.expression, env, res, seen, depth + 1);
      }
      return;
    }
    if (ts.isTaggedTemplateExpression(e)) {
      res.sources.add("pure-call");
      if (ts.isTemplateExpression(e.template)) for (const s of e.template.templateSpans) evalValue(s.expression, env, res, seen, depth + 1);
    }
  };

  const moduleValue = (name: string, path: string[], node: ts.Node, res: { sources: Set<ValueSource>; calls: CalleeRef[]; deps: Set<string> }, seen: Set<ts.Node>, depth: number) => {
    if (name === "process" && path[0] === "env") return void res.sources.add("env");
    const c = scope.consts.get(name);
    if (c && !scope.state.has(name)) {
      // A module-level constant of this file: its initializer is the value's source.
      const modEnv: Env = { handler: "<module>", roles: new Map(), defs: new Map(), locals: new Set(), depth: 0, following: new Set(), legacyReturns: false };
      return evalValue(c, modEnv, res, seen, depth + 1);
    }
    if (scope.state.has(name) || scope.imports.has(name) || scope.aliases.has(name) || scope.instances.has(name)) {
      res.calls.push({ local: name, member: path.slice(0, 1), at: locOf(ctx, node), pos: node.getStart(ctx.sf), read: true });
    }
  };

  const evalMember = (root: ts.Expression, path: string[], env: Env, res: { sources: Set<ValueSource>; calls: CalleeRef[]; deps: Set<string> }, seen: Set<ts.Node>, depth: number): void => {
    const r0 = unwrap(root);
    if (ts.isIdentifier(r0)) {
      const r = env.roles.get(r0.text);
      if (r) return addRole(r, path, res);
      const defs = env.defs.get(r0.text);
      if (defs) {
        for (const d of defs) evalMember(d.expr, d.member !== undefined ? [d.member, ...path] : path, d.env ?? env, res, seen, depth + 1);
        return;
      }
      if (env.locals.has(r0.text)) return;
      return moduleValue(r0.text, path, r0, res, seen, depth);
    }
    if (ts.isPropertyAccessExpression(r0) || ts.isElementAccessExpression(r0)) {
      const ap = accessPath(r0);
      if (ap) return evalMember(ap.rootNode, [...ap.path, ...path], env, res, seen, depth + 1);
    }
    evalValue(r0, env, res, seen, depth + 1);
  };

  const addRole = (r: RoleInfo, path: string[], res: { sources: Set<ValueSource>; deps: Set<string> }) => {
    switch (r.role) {
      case "event":
        // `event.type` is the event's name (a constant in its branch), not a param the page sent
        res.sources.add(path.length === 1 && path[0] === "type" ? "literal" : "event-param");
        break;
      case "eventType":
        res.sources.add("literal");
        break;
      case "session":
        res.sources.add("session");
        break;
      case "params":
        res.sources.add("route-param");
        break;
      case "url":
        res.sources.add("url");
        break;
      case "info":
      case "infoType":
        res.sources.add("info");
        break;
      case "context":
        if (path[0]) res.deps.add(path[0]);
        break;
      case "contextKey":
        res.deps.add(r.key!);
        break;
      case "socket":
        if (path[0] === "context" && path[1]) res.deps.add(path[1]);
        else if (path[0] === "url") res.sources.add("url");
        else res.sources.add("literal");
        break;
      default:
        break;
    }
  };

  const isLocalChangeset = (name: string, env: Env): boolean =>
    (env.defs.get(name) ?? []).some((d) => {
      const x = unwrap(d.expr);
      return ts.isCallExpression(x) && /newChangesetFactory$/.test(x.expression.getText(ctx.sf));
    });

  // ---- writes ----
  const annotationCache = new Map<ts.Node, ReturnType<typeof classAnnotation>>();
  const annotated = (node: ts.Node) => {
    if (!hasAnnotations) return undefined;
    if (!annotationCache.has(node)) annotationCache.set(node, classAnnotation(ctx, node));
    return annotationCache.get(node);
  };
  const recordWrite = (key: string, valueNode: ts.Expression | undefined, whole: ts.Node, env: Env, acc: Acc, temporary: boolean) => {
    const res = { sources: new Set<ValueSource>(), calls: [] as CalleeRef[], deps: new Set<string>() };
    if (valueNode) evalValue(valueNode, env, res, new Set(), 0);
    // "info" only when the value reads the message (its payload): where the write sits is the handler's business
    if (res.sources.size === 0 && res.calls.length === 0 && res.deps.size === 0) res.sources.add("literal");
    acc.writes.push({
      key,
      handler: env.handler,
      at: locOf(ctx, whole),
      span: spanOf(ctx, whole),
      expr: valueNode ? textOf(ctx, valueNode) : key,
      sources: [...res.sources].sort(),
      calls: sortCalls(res.calls),
      stateDeps: [...res.deps].filter((d) => d !== key).sort(),
      temporary,
      ...(annotated(whole) ? { annotation: annotated(whole)! } : {}),
    });
  };

  const dynamic = (node: ts.Node, why: string) => {
    dynamicKeys = true;
    markers.push({ code: "DYNAMIC_KEYS", message: `assign with keys the analysis cannot read (${why}): decide this view's state by hand`, at: locOf(ctx, node), span: spanOf(ctx, node) });
    errors.push({ file: ctx.path, code: "DYNAMIC_KEYS", message: `${locOf(ctx, node)}: ${why} in ${view.name}; its keys cannot be classified` });
  };

  const assignObject = (arg: ts.Expression | undefined, call: ts.Node, env: Env, acc: Acc, temporary: boolean, depth = 0): void => {
    if (!arg) return;
    const a = unwrap(arg);
    if (ts.isObjectLiteralExpression(a)) {
      for (const p of a.properties) {
        if (ts.isSpreadAssignment(p)) {
          const s = unwrap(p.expression);
          const ap = accessPath(s);
          const r = ap ? env.roles.get(ap.root) : undefined;
          if (r && ((r.role === "socket" && ap!.path.join(".") === "context") || (r.role === "context" && ap!.path.length === 0))) continue;
          assignObject(s, p, env, acc, temporary, depth + 1);
          continue;
        }
        const key = propName(p.name as ts.PropertyName);
        if (key === undefined) {
          dynamic(p, `computed key ${textOf(ctx, p.name!, 60)}`);
          continue;
        }
        if (ts.isPropertyAssignment(p)) recordWrite(key, p.initializer, p, env, acc, temporary);
        else if (ts.isShorthandPropertyAssignment(p)) recordWrite(key, p.name, p, env, acc, temporary);
        else recordWrite(key, undefined, p, env, acc, temporary);
      }
      return;
    }
    if (ts.isConditionalExpression(a)) {
      assignObject(a.whenTrue, call, env, acc, temporary, depth + 1);
      assignObject(a.whenFalse, call, env, acc, temporary, depth + 1);
      return;
    }
    if (ts.isIdentifier(a) && depth < 4) {
      const defs = env.defs.get(a.text) ?? [];
      const objs = defs.filter((d) => d.member === undefined && ts.isObjectLiteralExpression(unwrap(d.expr)));
      if (objs.length > 0 && objs.length === defs.length) {
        for (const d of objs) assignObject(d.expr, call, env, acc, temporary, depth + 1);
        return;
      }
      const r = env.roles.get(a.text);
      if (r?.role === "context") return;
      // a module-level const object nothing mutates (`const DEFAULTS = { … }`): its keys are in the source
      const moduleObject = !env.locals.has(a.text) && !env.defs.has(a.text) && !scope.state.has(a.text) ? scope.objects.get(a.text) ?? scope.consts.get(a.text) : undefined;
      if (moduleObject && ts.isObjectLiteralExpression(unwrap(moduleObject))) return assignObject(moduleObject, call, env, acc, temporary, depth + 1);
      return dynamic(call, `a variable object \`${a.text}\``);
    }
    dynamic(call, ts.isCallExpression(a) ? `the result of \`${textOf(ctx, a, 60)}\`` : `\`${textOf(ctx, a, 60)}\``);
  };

  // ---- handler walk ----
  // statements that start polling: what the helpers they call do is not the handler's server work
  const pollerStatements = new WeakSet<ts.Node>();
  const inPollerStart = (node: ts.Node): boolean => {
    for (let n: ts.Node | undefined = node; n; n = n.parent) if (pollerStatements.has(n)) return true;
    return false;
  };
  const walk = (nodes: readonly ts.Node[], env: Env, acc: Acc, withEffects = true): void => {
    const socketNames = new Set([...env.roles].filter(([, r]) => r.role === "socket").map(([n]) => n));
    // starting or stopping polling (setInterval + sendInfo to self, directly or by a helper that takes the socket) is browser work (ctx.every / ctx.cancel)
    const starts = new Set([...pollerStarts(nodes, ctx.sf, socketNames), ...pollerStops(nodes, ctx.sf)]);
    starts.forEach((n) => pollerStatements.add(n));
    if (withEffects) collectBodyEffects(ctx, scope, nodes, env.locals, viewClassName, acc.effects, acc.calls, true, socketNames, starts);
    // Pre-order over a stack of our own (not recursion: chains of any length), each node with its
    // context: inside a timer's callback, and how many functions deep. Parallel arrays: no object per node.
    const stack: ts.Node[] = [];
    const timers: boolean[] = [];
    const depths: number[] = [];
    const push = (list: readonly ts.Node[], inTimer: boolean, fnDepth: number): void => {
      for (let i = list.length - 1; i >= 0; i--) {
        stack.push(list[i]!);
        timers.push(inTimer);
        depths.push(fnDepth);
      }
    };
    const children: ts.Node[] = [];
    const collectChild = (c: ts.Node): void => {
      children.push(c);
    };
    const visit = (node: ts.Node, inTimer: boolean, fnDepth: number): void => {
      if (ts.isCallExpression(node)) {
        const callee = unwrap(node.expression);
        const ap = accessPath(callee);
        const role = ap ? env.roles.get(ap.root) : undefined;
        if (ap && role?.role === "socket" && ap.path.length === 1) {
          const op = ap.path[0]!;
          if (op === "assign" || op === "tempAssign") assignObject(node.arguments[0], node, env, acc, op === "tempAssign");
          else if (op === "sendInfo") {
            const name = infoName(node.arguments[0]);
            if (inTimer) acc.timerInfos.push(name);
            else {
              acc.sendsInfo.push(name);
              acc.calls.push({ local: "@info", member: [name], at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
            }
          } else if (op === "sendParentInfo") {
            acc.sendsParentInfo.push(infoName(node.arguments[0]));
          } else if (op === "subscribe") {
            acc.subscribes.push(node.arguments[0] ? textOf(ctx, node.arguments[0], 80) : "?");
            acc.effects.push({ kind: "pubsub", detail: `subscribe ${node.arguments[0] ? textOf(ctx, node.arguments[0], 60) : ""}`.trim(), at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
          } else if (SOCKET_OPS.has(op)) acc.socketOps.push(op);
        } else if (ts.isIdentifier(callee) && TIMERS.has(callee.text) && !env.locals.has(callee.text)) {
          push(node.arguments, true, fnDepth);
          return;
        } else if (ts.isIdentifier(callee) && scope.functions.has(callee.text) && !env.locals.has(callee.text) && env.depth < 4) {
          follow(scope.functions.get(callee.text)!, node, env, acc, inTimer);
        } else if (ap && ap.path.length === 1 && role === undefined && ap.root === "this") {
          const m = classMethod(view.definition, ap.path[0]!);
          if (m && env.depth < 4) follow(m, node, env, acc, inTimer);
        }
      } else if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
        // The outermost access of a chain only (the path is not taken at every link: that was quadratic).
        const ap = ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node ? undefined : accessPath(node);
        if (ap) {
          const r = env.roles.get(ap.root);
          // the connection's id, outside a polling timer's bookkeeping: merge judges what it is used for
          if (r?.role === "socket" && ap.path.length === 1 && ap.path[0] === "id" && !inPollerStart(node)) acc.socketOps.push("id");
          if (r?.role === "socket" && ap.path[0] === "context") {
            if (ap.path[1]) acc.reads.push({ key: ap.path[1], in: env.handler, at: locOf(ctx, node) });
            else if (ts.isVariableDeclaration(node.parent) && ts.isObjectBindingPattern(node.parent.name)) readPattern(node.parent.name, env, acc);
          } else if (r?.role === "context") {
            if (ap.path[0]) acc.reads.push({ key: ap.path[0], in: env.handler, at: locOf(ctx, node) });
          }
        }
      } else if (ts.isIdentifier(node)) {
        const r = env.roles.get(node.text);
        if (r?.role === "contextKey" && !ts.isBindingElement(node.parent) && !ts.isParameter(node.parent)) acc.reads.push({ key: r.key!, in: env.handler, at: locOf(ctx, node) });
        if (r?.role === "context" && ts.isVariableDeclaration(node.parent) && node.parent.initializer === node && ts.isObjectBindingPattern(node.parent.name)) readPattern(node.parent.name, env, acc);
      } else if (ts.isReturnStatement(node) && env.legacyReturns && fnDepth === 0 && node.expression) {
        const r = unwrap(node.expression);
        if (ts.isObjectLiteralExpression(r)) assignObject(r, node, env, acc, false);
      }
      if (ts.isElementAccessExpression(node) && isTypeExpr(node.argumentExpression, env) && ts.isCallExpression(node.parent) && node.parent.expression === node) {
        // Dispatch through a lookup table: `handlers[event.type](event, socket)`.
        markers.push({ code: "DYNAMIC_EVENT", message: `events dispatched through \`${textOf(ctx, node, 60)}\`: each event's handler cannot be located`, at: locOf(ctx, node), span: spanOf(ctx, node) });
      }
      const nextDepth = isFunctionExpr(node) || ts.isFunctionDeclaration(node) ? fnDepth + 1 : fnDepth;
      ts.forEachChild(node, collectChild);
      push(children, inTimer, nextDepth);
      children.length = 0;
    };
    push(nodes, false, 0);
    while (stack.length > 0) visit(stack.pop()!, timers.pop()!, depths.pop()!);
  };

  const readPattern = (pattern: ts.ObjectBindingPattern, env: Env, acc: Acc) => {
    for (const el of pattern.elements) {
      const key = propName(el.propertyName ?? el.name);
      if (key) acc.reads.push({ key, in: env.handler, at: locOf(ctx, el) });
    }
  };

  const follow = (fn: ts.Node, call: ts.CallExpression, env: Env, acc: Acc, inTimer: boolean) => {
    if (env.following.has(fn)) return;
    const params = (fn as ts.SignatureDeclaration).parameters ?? [];
    const roles = new Map<string, RoleInfo>();
    const argDefs = new Map<string, LocalDef[]>();
    let anyRole = false;
    call.arguments.forEach((a, i) => {
      const x = unwrap(a);
      const p = params[i];
      if (!p) return;
      if (ts.isIdentifier(x) && env.roles.has(x.text)) {
        bindParam(p.name, env.roles.get(x.text)!.role, roles, env.roles.get(x.text)!.key);
        anyRole = true;
      } else {
        const ap = accessPath(x);
        if (ap && env.roles.get(ap.root)?.role === "socket" && ap.path.join(".") === "context" && ts.isIdentifier(p.name)) {
          roles.set(p.name.text, { role: "context" });
          anyRole = true;
        } else if (ts.isIdentifier(p.name)) argDefs.set(p.name.text, [{ expr: a, env }]);
      }
    });
    if (!anyRole) return;
    const sub: Env = { handler: env.handler, roles, defs: argDefs, locals: new Set(), depth: env.depth + 1, following: new Set([...env.following, fn]), legacyReturns: false };
    prescan(fn, sub);
    // The helper's own effects reach the handler through its FunctionFact (a call recorded at the call site).
    walk(bodyNodes(fn), sub, inPollerStart(call) ? { ...acc, effects: [], calls: [] } : { ...acc, effects: [] });
    void inTimer;
  };

  const isTypeExpr = (e0: ts.Expression, env: Env): boolean => {
    const e = unwrap(e0);
    if (ts.isIdentifier(e)) {
      const r = env.roles.get(e.text)?.role;
      // `sendInfo("tick")` sends a bare string: `switch (info)` dispatches on the info itself.
      return r === "eventType" || r === "infoType" || r === "info";
    }
    if (ts.isPropertyAccessExpression(e) && e.name.text === "type" && ts.isIdentifier(unwrap(e.expression))) {
      const r = env.roles.get((unwrap(e.expression) as ts.Identifier).text)?.role;
      return r === "event" || r === "info";
    }
    return false;
  };

  const prescan = (fn: ts.Node, env: Env) => {
    const visit = (node: ts.Node): void => {
      // Names declared inside the handler shadow module names (one walk does both jobs).
      if ((ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isBindingElement(node)) && ts.isIdentifier(node.name)) env.locals.add(node.name.text);
      else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) env.locals.add(node.name.text);
      // `catch (err)`: what was thrown comes from what the try block called (a store's refusal is the server's word)
      if (ts.isCatchClause(node) && node.variableDeclaration && ts.isIdentifier(node.variableDeclaration.name) && ts.isTryStatement(node.parent)) {
        const name = node.variableDeclaration.name.getText();
        walkTree(node.parent.tryBlock, (n) => {
          if (ts.isFunctionLike(n)) return false;
          if (ts.isCallExpression(n) || ts.isNewExpression(n) || ts.isThrowStatement(n)) pushDef(env, name, { expr: ts.isThrowStatement(n) ? n.expression : n });
        });
      }
      if (ts.isVariableDeclaration(node) && node.initializer) {
        const init = unwrap(node.initializer);
        const ap = accessPath(init);
        const r = ap ? env.roles.get(ap.root) : undefined;
        if (ts.isIdentifier(node.name)) {
          if (r && (r.role === "event" || r.role === "info") && ap!.path.length === 1 && ap!.path[0] === "type") env.roles.set(node.name.text, { role: r.role === "event" ? "eventType" : "infoType" });
          else if (r && r.role === "socket" && ap!.path.length === 1 && ap!.path[0] === "context") env.roles.set(node.name.text, { role: "context" });
          else if (r && r.role === "context" && ap!.path.length === 1) env.roles.set(node.name.text, { role: "contextKey", key: ap!.path[0]! });
          else pushDef(env, node.name.text, { expr: node.initializer });
        } else if (ts.isObjectBindingPattern(node.name)) {
          for (const el of node.name.elements) {
            if (!ts.isIdentifier(el.name)) continue;
            const prop = propName(el.propertyName ?? el.name) ?? el.name.text;
            if (r && (r.role === "event" || r.role === "info") && ap!.path.length === 0 && prop === "type") env.roles.set(el.name.text, { role: r.role === "event" ? "eventType" : "infoType" });
            else if (r && r.role === "socket" && ap!.path.join(".") === "context") env.roles.set(el.name.text, { role: "contextKey", key: prop });
            else if (r && r.role === "context" && ap!.path.length === 0) env.roles.set(el.name.text, { role: "contextKey", key: prop });
            else if (el.dotDotDotToken) pushDef(env, el.name.text, { expr: node.initializer });
            else pushDef(env, el.name.text, { expr: node.initializer, member: prop });
          }
        } else if (ts.isArrayBindingPattern(node.name)) {
          for (const el of node.name.elements) if (!ts.isOmittedExpression(el) && ts.isIdentifier(el.name)) pushDef(env, el.name.text, { expr: node.initializer });
        }
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left)) {
        pushDef(env, node.left.text, { expr: node.right });
      } else if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && ts.isVariableDeclarationList(node.initializer)) {
        for (const d of node.initializer.declarations) for (const n of namesOf(d.name)) pushDef(env, n, { expr: node.expression });
      } else if (ts.isParameter(node) && node.parent !== fn && ts.isIdentifier(node.name)) {
        // Parameters of callbacks inside the handler (`items.map(i => ...)`): values flow from the array; unknown otherwise.
      }
    };
    walkTree(fn, visit, true);
  };

  // ---- assemble ----
  const facts = (acc: Acc): HandlerFacts => ({
    reads: uniqSorted(acc.reads.map((r) => r.key)),
    writes: uniqSorted(acc.writes.map((w) => w.key)),
    calls: sortCalls(acc.calls),
    effects: sortEffects(acc.effects),
    sendsInfo: uniqSorted(acc.sendsInfo),
    subscribes: uniqSorted(acc.subscribes),
    socketOps: uniqSorted(acc.socketOps),
    ...(acc.sendsParentInfo.length ? { sendsParentInfo: uniqSorted(acc.sendsParentInfo) } : {}),
  });

  const allWrites: WriteFact[] = [];
  const allReads: ReadFact[] = [];
  const lifecycle: Record<string, HandlerFacts> = {};
  const events: EventFact[] = [];
  const infos: InfoFact[] = [];
  const timerInfos: string[] = [];
  const sentInfos: string[] = [];

  const collect = (acc: Acc) => {
    allWrites.push(...acc.writes);
    allReads.push(...acc.reads);
    timerInfos.push(...acc.timerInfos);
    sentInfos.push(...acc.sendsInfo);
  };

  for (const name of ["mount", "handleParams", "update", "shutdown"]) {
    const fn = members.get(name);
    if (!fn) continue;
    const env = envFor(name, fn, name);
    const acc = newAcc();
    walk(bodyNodes(fn), env, acc);
    collect(acc);
    lifecycle[name] = facts(acc);
  }

  // Template first: events without a dispatch take their names from the bindings.
  const render = members.get("render");
  let template: TemplateFacts = { reads: [], bindings: [], helpers: [], forms: [], components: [] };
  if (render) {
    const env = envFor("render", render, "render");
    const acc = newAcc();
    // render's effects do not decide anything (keys and events do): reads and the template only.
    walk(bodyNodes(render), env, acc, false);
    allReads.push(...acc.reads);
    template = buildTemplateFacts(ctx, scope, render, acc.reads.map((r) => r.key), (id) => env.roles.get(id)?.role === "meta");
  }

  const dispatchHandler = (name: "handleEvent" | "handleInfo", out: (EventFact | InfoFact)[], fallbackNames: () => string[]) => {
    const fn = members.get(name);
    if (!fn) return;
    const env0 = envFor(name, fn, name);
    const { branches, common, catches, otherwise } = findBranches(bodyNodes(fn), (e) => isTypeExpr(e, env0), (e) => stringCasesWith(e, (x) => isTypeExpr(x, env0)));
    const runBranch = (evName: string, nodes: readonly ts.Node[], spanNode: ts.Node) => {
      // One scan of the handler serves every branch; only the handler name differs.
      const env: Env = { ...env0, handler: `${name}:${evName}` };
      // a catch around the dispatch: for this branch, what was thrown comes from what this branch calls
      const thrown: ts.Node[] = [];
      walkTree(nodes, (n) => {
        if (ts.isFunctionLike(n)) return false;
        // what can throw into the catch: a call into the project or a package (a global like Math.max does not), a throw
        const callee = ts.isCallExpression(n) ? accessPath(unwrap(n.expression)) : undefined;
        if (callee && (isModuleCallable(scope, callee.root) || scope.state.has(callee.root)) && !env0.locals.has(callee.root)) thrown.push(n);
        else if (ts.isThrowStatement(n)) thrown.push(n.expression);
      });
      const ownCatches = thrown.length > 0 ? catches : [];
      if (ownCatches.length > 0) {
        env.defs = new Map(env0.defs);
        for (const c of ownCatches) {
          const v = c.variableDeclaration?.name;
          if (v && ts.isIdentifier(v)) env.defs.set(v.text, thrown.map((expr) => ({ expr: expr as ts.Expression })));
        }
      }
      const acc = newAcc();
      walk([...common, ...nodes, ...ownCatches.map((c) => c.block)], env, acc);
      collect(acc);
      out.push({ name: evName, at: locOf(ctx, spanNode), span: spanOf(ctx, spanNode), ...facts(acc) });
    };
    if (branches.length > 0) {
      for (const b of branches) for (const n of b.names) runBranch(n, b.nodes, b.spanNode);
      // the events no branch names run the final else (a switch's default likewise)
      const named = new Set(branches.flatMap((b) => b.names));
      if (otherwise.length > 0) for (const n of fallbackNames().filter((x) => !named.has(x))) runBranch(n, otherwise, otherwise[0]!);
    } else {
      const names = fallbackNames();
      for (const n of names.length ? names : [name === "handleEvent" ? "*" : "*"]) runBranch(n, [], fn);
    }
  };
  dispatchHandler("handleEvent", events, () => uniqSorted(template.bindings.filter((b) => !b.dynamic && isEventBinding(b.attr)).map((b) => b.value)));
  dispatchHandler("handleInfo", infos, () => uniqSorted([...sentInfos, ...timerInfos].filter((n) => n !== "?")));

  return {
    name: view.name,
    kind: view.kind,
    api: view.api,
    at: locOf(ctx, view.node),
    span: spanOf(ctx, view.node),
    exported: view.exported,
    detection: view.detection,
    handlers: Object.fromEntries(Object.entries(handlers).sort(([a], [b]) => (a < b ? -1 : 1))),
    writes: dedupeWrites(allWrites),
    reads: dedupeReads(allReads),
    events: sortBy(dedupeByName(events), (e) => e.name),
    infos: sortBy(dedupeByName(infos), (e) => e.name),
    lifecycle,
    timerInfos: uniqSorted(timerInfos),
    template,
    markers: dedupeMarkers(markers),
    dynamicKeys,
    ...(hasAnnotations && ignoreAnnotation(ctx, view.node) ? { ignored: ignoreAnnotation(ctx, view.node)! } : {}),
  };
}

function isEventBinding(attr: string): boolean {
  return /^phx-(click|change|submit|blur|focus|keydown|keyup|window-keydown|window-keyup|window-focus|window-blur|click-away|capture-click)$/.test(attr);
}

function dedupeByName<T extends { name: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.name) ? false : (seen.add(i.name), true)));
}

function dedupeWrites(ws: WriteFact[]): WriteFact[] {
  const seen = new Set<string>();
  return ws
    .filter((w) => {
      const k = `${w.key}\0${w.handler}\0${w.span.start}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.span.start - b.span.start || (a.handler < b.handler ? -1 : a.handler > b.handler ? 1 : 0)));
}

function dedupeReads(rs: ReadFact[]): ReadFact[] {
  const seen = new Set<string>();
  return rs
    .filter((r) => {
      const k = `${r.key}\0${r.in}\0${r.at}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : compareLoc(a.at, b.at) || (a.in < b.in ? -1 : a.in > b.in ? 1 : 0)));
}

function dedupeMarkers(ms: Marker[]): Marker[] {
  const seen = new Set<string>();
  return ms
    .filter((m) => {
      const k = `${m.code}\0${m.span?.start}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0) || (a.code < b.code ? -1 : 1));
}

/**
 * Reads along a chain whose links do not count against evalValue's depth: `a + b + …` (each right
 * operand goes to `part`, the left goes on), and method calls or member reads on a receiver that is
 * not a name (`load().then(f).then(g)`, `rows().a.b`: arguments and computed keys go to `part`, the
 * receiver goes on). A loop, so a chain of any length is read whole; returns where the chain starts.
 */
function chainBase(e0: ts.Expression, part: (e: ts.Expression) => void): ts.Expression {
  let e = e0;
  for (;;) {
    if (ts.isBinaryExpression(e)) {
      part(e.right);
      e = unwrap(e.left);
      continue;
    }
    const call = ts.isCallExpression(e) || ts.isNewExpression(e) ? e : undefined;
    let receiver: ts.Expression = call ? unwrap(call.expression) : e;
    if (!ts.isPropertyAccessExpression(receiver) && !ts.isElementAccessExpression(receiver)) return e;
    const keys: ts.Expression[] = [];
    while (ts.isPropertyAccessExpression(receiver) || ts.isElementAccessExpression(receiver)) {
      if (ts.isElementAccessExpression(receiver)) keys.push(receiver.argumentExpression);
      receiver = unwrap(receiver.expression);
    }
    // A name at the root: the access path is read where it is (roles, locals, module values).
    if (ts.isIdentifier(receiver) || receiver.kind === ts.SyntaxKind.ThisKeyword) return e;
    for (const a of call?.arguments ?? []) part(a);
    keys.forEach(part);
    e = receiver;
  }
}

function pushDef(env: Env, name: string, def: LocalDef): void {
  const list = env.defs.get(name);
  if (list) list.push(def);
  else env.defs.set(name, [def]);
}

function namesOf(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const out: string[] = [];
  for (const el of name.elements) if (!ts.isOmittedExpression(el)) out.push(...namesOf(el.name));
  return out;
}

function bindParam(name: ts.BindingName, role: Role, roles: Map<string, RoleInfo>, key?: string): void {
  if (ts.isIdentifier(name)) {
    roles.set(name.text, { role, key });
    return;
  }
  if (!ts.isObjectBindingPattern(name)) return;
  for (const el of name.elements) {
    if (!ts.isIdentifier(el.name)) continue;
    const prop = propName(el.propertyName ?? el.name) ?? el.name.text;
    if (role === "event" || role === "info") roles.set(el.name.text, { role: prop === "type" && !el.dotDotDotToken ? (role === "event" ? "eventType" : "infoType") : role });
    else if (role === "context") roles.set(el.name.text, el.dotDotDotToken ? { role: "context" } : { role: "contextKey", key: prop });
    else if (role === "socket") roles.set(el.name.text, { role: "none" });
    else roles.set(el.name.text, { role });
  }
}

function infoName(arg: ts.Expression | undefined): string {
  if (!arg) return "?";
  const a = unwrap(arg);
  if (ts.isStringLiteralLike(a)) return a.text;
  if (ts.isObjectLiteralExpression(a)) {
    for (const p of a.properties) if (ts.isPropertyAssignment(p) && propName(p.name) === "type" && ts.isStringLiteralLike(unwrap(p.initializer))) return (unwrap(p.initializer) as ts.StringLiteral).text;
  }
  return "?";
}

function forEachReturn(body: ts.Node, f: (e: ts.Expression) => void): void {
  walkTree(body, (n) => {
    if (ts.isReturnStatement(n) && n.expression) f(n.expression);
    return !(isFunctionExpr(n) || ts.isFunctionDeclaration(n));
  });
}

function bodyNodes(fn: ts.Node): readonly ts.Node[] {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return [];
  return ts.isBlock(body) ? body.statements : [body];
}

function classMethod(def: ts.ObjectLiteralExpression | ts.ClassLikeDeclaration, name: string): ts.Node | undefined {
  const members: readonly ts.Node[] = ts.isObjectLiteralExpression(def) ? def.properties : def.members;
  for (const m of members) {
    if (propName((m as ts.NamedDeclaration).name as ts.PropertyName) !== name) continue;
    if (ts.isMethodDeclaration(m)) return m;
    if ((ts.isPropertyAssignment(m) || ts.isPropertyDeclaration(m)) && m.initializer && isFunctionExpr(m.initializer)) return unwrap(m.initializer);
  }
  return undefined;
}

/** Handler functions of a definition object or class, by name (methods, arrow properties, references to module functions). */
export function handlerMembers(scope: ModuleScope, def: ts.ObjectLiteralExpression | ts.ClassLikeDeclaration): Map<string, ts.Node> {
  const out = new Map<string, ts.Node>();
  const members: readonly ts.Node[] = ts.isObjectLiteralExpression(def) ? def.properties : def.members;
  for (const m of members) {
    const name = propName((m as ts.NamedDeclaration).name as ts.PropertyName);
    if (!name) continue;
    if (ts.isMethodDeclaration(m)) out.set(name, m);
    else if ((ts.isPropertyAssignment(m) || ts.isPropertyDeclaration(m)) && m.initializer) {
      const init = unwrap(m.initializer);
      if (isFunctionExpr(init)) out.set(name, init);
      else if (ts.isIdentifier(init) && scope.functions.has(init.text)) out.set(name, scope.functions.get(init.text)!);
    } else if (ts.isShorthandPropertyAssignment(m) && scope.functions.has(name)) out.set(name, scope.functions.get(name)!);
  }
  return out;
}

interface Branch {
  names: string[];
  nodes: readonly ts.Node[];
  spanNode: ts.Node;
}

/** Splits a handler body into per-type branches (switch cases, if-chains) and the statements common to all. */
function findBranches(statements: readonly ts.Node[], isType: (e: ts.Expression) => boolean, cases: (e: ts.Expression) => string[] | undefined): BranchSplit {
  // `if (type === "a") { …; return; }` and then the rest: the rest is every other type's (an else).
  // `if (type === "a" || invalid) { …; return; }`: "a" always takes the branch; the others still
  // meet the whole if (its other condition decides) before the rest. The list is cut at these early
  // returns and read front to back, in a loop (thousands of early returns must not nest calls): what
  // each part runs for every type it reaches (its own common code, and a partial if) goes with every
  // branch after it, and with the final else.
  const split: BranchSplit = { branches: [], common: [], catches: [], otherwise: [] };
  let prefix: ts.Node[] = [];
  let from = 0;
  for (let index = 0; index <= statements.length; index++) {
    const st = statements[index];
    const early = st && ts.isIfStatement(st) && !st.elseStatement && alwaysLeaves(st.thenStatement) ? (cases(st.expression) ? { names: cases(st.expression)!, partial: false } : someCases(st.expression, cases)) : undefined;
    if (st && !early) continue;
    const part = scanBranches(statements.slice(from, index), isType, cases);
    if (from === 0) split.common.push(...part.common);
    else {
      prefix = prefix.concat(part.common);
      split.otherwise.push(...part.common);
    }
    for (const b of part.branches) split.branches.push(from === 0 ? b : { ...b, nodes: [...prefix, ...b.nodes] });
    split.catches.push(...part.catches);
    split.otherwise.push(...part.otherwise);
    if (!st || !ts.isIfStatement(st)) break;
    split.branches.push({ names: early!.names, nodes: [...prefix, st.thenStatement], spanNode: st.thenStatement });
    if (early!.partial) {
      prefix = prefix.concat(st);
      split.otherwise.push(st);
    }
    from = index + 1;
  }
  return split;
}

interface BranchSplit {
  branches: Branch[];
  common: ts.Node[];
  catches: ts.CatchClause[];
  otherwise: ts.Node[];
}

/** findBranches for a list with no early-return `if` at its own level. */
function scanBranches(statements: readonly ts.Node[], isType: (e: ts.Expression) => boolean, cases: (e: ts.Expression) => string[] | undefined): BranchSplit {
  const split: BranchSplit = { branches: [], common: [], catches: [], otherwise: [] };
  const { branches, common, catches, otherwise } = split;
  for (const st of statements) {
    // an expression that dispatches: `type === "a" ? A : type === "b" ? B : C` (an arrow's body, or a
    // statement), `type === "a" && A`: the same branches as an if-chain
    const expression = ts.isExpressionStatement(st) ? unwrap(st.expression) : ts.isStatement(st) ? undefined : unwrap(st as ts.Expression);
    if (expression && ts.isConditionalExpression(expression) && cases(expression.condition)) {
      let cur: ts.Expression = expression;
      while (ts.isConditionalExpression(cur) && cases(cur.condition)) {
        branches.push({ names: cases(cur.condition)!, nodes: [cur.whenTrue], spanNode: cur.whenTrue });
        cur = unwrap(cur.whenFalse);
      }
      otherwise.push(cur);
      continue;
    }
    if (expression && ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && cases(expression.left)) {
      branches.push({ names: cases(expression.left)!, nodes: [expression.right], spanNode: expression.right });
      continue;
    }
    if (ts.isSwitchStatement(st) && isType(st.expression)) {
      let pending: string[] = [];
      for (const clause of st.caseBlock.clauses) {
        if (ts.isCaseClause(clause)) {
          const e = unwrap(clause.expression);
          if (ts.isStringLiteralLike(e)) pending.push(e.text);
        }
        if (clause.statements.length > 0) {
          if (ts.isCaseClause(clause) && pending.length) branches.push({ names: pending, nodes: clause.statements, spanNode: clause });
          else if (ts.isDefaultClause(clause)) otherwise.push(...clause.statements);
          pending = [];
        }
      }
      continue;
    }
    if (ts.isIfStatement(st) && cases(st.expression)) {
      let cur: ts.Statement | undefined = st;
      while (cur && ts.isIfStatement(cur)) {
        const names = cases(cur.expression);
        if (!names) {
          common.push(cur);
          break;
        }
        branches.push({ names, nodes: [cur.thenStatement], spanNode: cur.thenStatement });
        cur = cur.elseStatement;
      }
      // a final `else`: the branch of every other event (dispatchHandler names them)
      if (cur && !ts.isIfStatement(cur)) otherwise.push(cur);
      continue;
    }
    if (ts.isTryStatement(st) && containsDispatch(st.tryBlock.statements, isType, cases)) {
      const inner = findBranches(st.tryBlock.statements, isType, cases);
      branches.push(...inner.branches);
      common.push(...inner.common);
      catches.push(...inner.catches);
      otherwise.push(...inner.otherwise);
      // the catch runs after a branch that threw: each branch gets it with what that branch calls (runBranch)
      if (st.catchClause) catches.push(st.catchClause);
      if (st.finallyBlock) common.push(st.finallyBlock);
      continue;
    }
    common.push(st);
  }
  return split;
}

/** The operands of `a || b || c`, however grouped, in order (a loop: a chain of thousands cannot overflow the stack). */
function orOperands(e0: ts.Expression): ts.Expression[] {
  const out: ts.Expression[] = [];
  const stack = [e0];
  while (stack.length > 0) {
    const e = unwrap(stack.pop()!);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.BarBarToken) stack.push(e.right, e.left);
    else out.push(e);
  }
  return out;
}

/** `type === "a" || other`: the types for which the condition holds whatever else it tests. */
function someCases(e0: ts.Expression, cases: (e: ts.Expression) => string[] | undefined): { names: string[]; partial: true } | undefined {
  const e = unwrap(e0);
  if (!ts.isBinaryExpression(e) || e.operatorToken.kind !== ts.SyntaxKind.BarBarToken) return undefined;
  const names = orOperands(e).flatMap((operand) => cases(operand) ?? []);
  return names.length > 0 ? { names, partial: true } : undefined;
}

/** Does running the statement always leave the function (a return or throw on every path)? */
function alwaysLeaves(st: ts.Statement): boolean {
  if (ts.isReturnStatement(st) || ts.isThrowStatement(st)) return true;
  if (ts.isBlock(st)) return st.statements.length > 0 && alwaysLeaves(st.statements[st.statements.length - 1]!);
  if (ts.isIfStatement(st)) return !!st.elseStatement && alwaysLeaves(st.thenStatement) && alwaysLeaves(st.elseStatement);
  return false;
}

function containsDispatch(stmts: readonly ts.Node[], isType: (e: ts.Expression) => boolean, cases: (e: ts.Expression) => string[] | undefined): boolean {
  return stmts.some((s) => (ts.isSwitchStatement(s) && isType(s.expression)) || (ts.isIfStatement(s) && !!cases(s.expression)));
}

function stringCasesWith(e0: ts.Expression, isType: (e: ts.Expression) => boolean): string[] | undefined {
  // `a || b || …`: every operand must test the type (the chain is flattened, not recursed into).
  const names: string[] = [];
  for (const operand of orOperands(e0)) {
    if (!ts.isBinaryExpression(operand)) return undefined;
    const op = operand.operatorToken.kind;
    if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return undefined;
    const l = unwrap(operand.left);
    const r = unwrap(operand.right);
    if (isType(l) && ts.isStringLiteralLike(r)) names.push(r.text);
    else if (isType(r) && ts.isStringLiteralLike(l)) names.push(l.text);
    else return undefined;
  }
  return names;
}

/**
 * Where a view definition sits when apply cannot locate it (codemods/locate-view.ts: the initializer of
 * a top-level variable, `export default`, a top-level class): "inside makeView()", "inline in an
 * object", "in an assignment"; undefined for a top-level definition.
 */
function outsideTopLevel(node: ts.Node): string | undefined {
  let child: ts.Node = node;
  let p = node.parent;
  while (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isNonNullExpression(p) || ts.isTypeAssertionExpression(p)) {
    child = p;
    p = p.parent;
  }
  if (ts.isClassDeclaration(node) && ts.isSourceFile(node.parent)) return undefined;
  if (ts.isExportAssignment(p) && ts.isSourceFile(p.parent)) return undefined;
  if (ts.isVariableDeclaration(p) && p.initializer === child && ts.isVariableStatement(p.parent.parent) && ts.isSourceFile(p.parent.parent.parent)) return undefined;
  for (let up: ts.Node | undefined = p; up && !ts.isSourceFile(up); up = up.parent) {
    if (ts.isFunctionLike(up)) {
      const name = up.name && ts.isIdentifier(up.name) ? up.name.text : ts.isVariableDeclaration(up.parent) && ts.isIdentifier(up.parent.name) ? up.parent.name.text : undefined;
      return name ? `inside ${name}()` : "inside a function";
    }
  }
  if (ts.isPropertyAssignment(p) || ts.isArrayLiteralExpression(p)) return "inline in an object";
  if (ts.isBinaryExpression(p) && /^(module\.)?exports\b/.test(p.left.getText())) return "in a CommonJS exports assignment";
  return "in an expression";
}
