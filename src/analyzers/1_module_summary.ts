// Pass 1: what a module offers and does. Imports (with resolution candidates), exports, re-exports,
// module-level mutable state, and each function's direct effects and outgoing calls. Cross-file
// meaning (what a call reaches two modules away) is computed later, in mergeFacts.

import { ts, type FileContext, accessPath, boundNames, isAsync, lineOf, locOf, propName, requireSpecifier, sortBy, unwrap, hasModifier, compareLoc, walkTree } from "./ast.ts";
import { typeKeyAnnotations } from "./annotations.ts";
import type { CalleeRef, DirectEffect, ExportFact, FunctionFact, ImportFact, InstanceFact, ModuleStateFact, ModuleSummary, ReExportFact } from "./facts.ts";

/** Methods that change an array, Map, Set or object in place. */
export const MUTATING_METHODS = new Set([
  "push", "pop", "shift", "unshift", "splice", "sort", "reverse", "fill", "copyWithin", "set", "delete", "clear", "add",
]);

const TIMER_FUNCTIONS = new Set(["setInterval", "setTimeout", "setImmediate"]);
const NONDETERMINISTIC: Record<string, Set<string>> = {
  Math: new Set(["random"]),
  Date: new Set(["now"]),
  crypto: new Set(["randomUUID", "getRandomValues"]),
  performance: new Set(["now"]),
};

/** Everything later passes need to know about module-level names (not serialized). */
export interface ModuleScope {
  imports: Map<string, ImportFact>;
  functions: Map<string, ts.Node>;
  state: Map<string, ModuleStateFact>;
  instances: Map<string, InstanceFact>;
  classes: Map<string, ts.ClassLikeDeclaration>;
  /** Module-level const object literals (their function-valued properties are functions "obj.prop"). */
  objects: Map<string, ts.ObjectLiteralExpression>;
  /** Other module-level const initializers. */
  consts: Map<string, ts.Expression>;
  aliases: Map<string, CalleeRef>;
  /** Mutable fields per class name. */
  classFields: Map<string, Set<string>>;
}

export function emptyScope(): ModuleScope {
  return { imports: new Map(), functions: new Map(), state: new Map(), instances: new Map(), classes: new Map(), objects: new Map(), consts: new Map(), aliases: new Map(), classFields: new Map() };
}

/** Is `name` a module-level binding a call can be followed through? */
export function isModuleCallable(scope: ModuleScope, name: string): boolean {
  return scope.imports.has(name) || scope.functions.has(name) || scope.instances.has(name) || scope.classes.has(name) || scope.objects.has(name) || scope.aliases.has(name) || scope.consts.has(name);
}

export function buildModuleSummary(ctx: FileContext): { summary: ModuleSummary; scope: ModuleScope } {
  const scope = emptyScope();
  const exports: ExportFact[] = [];
  const reExports: ReExportFact[] = [];
  const functions: FunctionFact[] = [];
  const letNames = new Map<string, ts.Node>();
  const containers = new Map<string, { kind: string; node: ts.Node }>();
  let usesLiveViewJs = false;

  const addImport = (local: string, specifier: string, imported: string, typeOnly: boolean, node: ts.Node) => {
    if (specifier === "liveviewjs" || specifier.startsWith("@liveviewjs/")) usesLiveViewJs = true;
    scope.imports.set(local, { local, specifier, imported, typeOnly, at: locOf(ctx, node) });
  };

  // Pass A: declarations.
  for (const st of ctx.sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const spec = st.moduleSpecifier.text;
      const clause = st.importClause;
      if (!clause) {
        if (spec === "liveviewjs") usesLiveViewJs = true;
        continue;
      }
      const typeOnly = clause.isTypeOnly;
      if (clause.name) addImport(clause.name.text, spec, "default", typeOnly, clause.name);
      const nb = clause.namedBindings;
      if (nb && ts.isNamespaceImport(nb)) addImport(nb.name.text, spec, "*", typeOnly, nb);
      if (nb && ts.isNamedImports(nb)) for (const el of nb.elements) addImport(el.name.text, spec, (el.propertyName ? propName(el.propertyName) : el.name.text) ?? el.name.text, typeOnly || el.isTypeOnly, el);
      continue;
    }
    if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference) && ts.isStringLiteral(st.moduleReference.expression)) {
      addImport(st.name.text, st.moduleReference.expression.text, "*", st.isTypeOnly, st);
      continue;
    }
    if (ts.isExportDeclaration(st)) {
      const typeOnly = st.isTypeOnly;
      if (st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
        const spec = st.moduleSpecifier.text;
        if (spec === "liveviewjs") usesLiveViewJs = true;
        const base = { specifier: spec };
        if (!st.exportClause) reExports.push({ ...base, name: "*", imported: "*" });
        else if (ts.isNamespaceExport(st.exportClause)) reExports.push({ ...base, name: propName(st.exportClause.name) ?? "*", imported: "*" });
        else if (!typeOnly) for (const el of st.exportClause.elements) if (!el.isTypeOnly) reExports.push({ ...base, name: propName(el.name)!, imported: propName(el.propertyName ?? el.name)! });
      } else if (st.exportClause && ts.isNamedExports(st.exportClause) && !typeOnly) {
        for (const el of st.exportClause.elements) if (!el.isTypeOnly) exports.push({ name: propName(el.name)!, local: propName(el.propertyName ?? el.name)! });
      }
      continue;
    }
    const exported = hasModifier(st, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(st, ts.SyntaxKind.DefaultKeyword);
    if (ts.isFunctionDeclaration(st)) {
      const name = st.name?.text ?? "default";
      scope.functions.set(name, st);
      if (exported) exports.push({ name: isDefault ? "default" : name, local: name });
      continue;
    }
    if (ts.isClassDeclaration(st)) {
      const name = st.name?.text ?? "default";
      scope.classes.set(name, st);
      if (exported) exports.push({ name: isDefault ? "default" : name, local: name });
      continue;
    }
    if (ts.isVariableStatement(st)) {
      const isConst = (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const d of st.declarationList.declarations) {
        declareVariable(ctx, scope, d, isConst, letNames, containers, addImport);
        if (exported) for (const n of boundNames(d.name)) exports.push({ name: n, local: n });
      }
      continue;
    }
    if (ts.isExportAssignment(st)) {
      const e = unwrap(st.expression);
      if (ts.isIdentifier(e)) exports.push({ name: "default", local: e.text });
      else {
        declareValue(scope, "default", e, true, containers);
        exports.push({ name: "default", local: "default" });
      }
      continue;
    }
    if (ts.isExpressionStatement(st)) declareCommonJsExport(ctx, scope, st.expression, exports, reExports, containers);
  }

  // Pass B: which module-level bindings are mutated (reassigned lets, containers changed in place).
  const reassigned = new Set<string>();
  const mutated = new Set<string>();
  // a local that holds an element of a module container (`for (const a of alarms)`, `const a = alarms.find(…)`):
  // writing through it changes the container
  const elementOf = new Map<string, string>();
  const containerRoot = (e: ts.Expression | undefined): string | undefined => {
    let n = e && unwrap(e);
    while (n && (ts.isCallExpression(n) || ts.isElementAccessExpression(n) || ts.isPropertyAccessExpression(n) || ts.isNonNullExpression(n))) n = unwrap(n.expression);
    return n && ts.isIdentifier(n) && containers.has(n.text) ? n.text : n && ts.isIdentifier(n) ? elementOf.get(n.text) : undefined;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && !ts.isSourceFile(node.parent.parent.parent)) {
      const root = containerRoot(node.initializer);
      if (root) elementOf.set(node.name.text, root);
    } else if (ts.isForOfStatement(node) && ts.isVariableDeclarationList(node.initializer)) {
      const root = containerRoot(node.expression);
      if (root) for (const d of node.initializer.declarations) for (const n of boundNames(d.name)) elementOf.set(n, root);
    }
    if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind)) markTarget(node.left);
    else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) markTarget(node.operand);
    else if (ts.isDeleteExpression(node)) markTarget(node.expression);
    else if (ts.isCallExpression(node)) {
      const ap = accessPath(node.expression);
      if (ap && ap.path.length >= 1 && MUTATING_METHODS.has(ap.path[ap.path.length - 1]!)) mutated.add(elementOf.get(ap.root) ?? ap.root);
    }
  };
  const markTarget = (target: ts.Expression) => {
    const t = unwrap(target);
    if (ts.isIdentifier(t)) reassigned.add(t.text);
    else {
      const ap = accessPath(t) ?? elementRoot(t);
      if (ap) mutated.add(elementOf.get(ap.root) ?? ap.root);
    }
  };
  walkTree(ctx.sf, visit);

  for (const [name, node] of letNames) if (reassigned.has(name)) scope.state.set(name, { name, kind: "let", at: locOf(ctx, node) });
  for (const [name, c] of containers) if ((mutated.has(name) || reassigned.has(name)) && !isMemoCache(ctx.sf, name, c.kind, exports)) scope.state.set(name, { name, kind: c.kind, at: locOf(ctx, c.node) });
  // Server data nothing writes (DESIGN.md "Server state never leaves the server"): rows queried
  // through functions stand for a table; data made at load (random, time) differs per process.
  for (const [name, c] of containers) {
    if (scope.state.has(name)) continue;
    const why = dataTableReason(ctx, scope, name, exports, c.node);
    if (why) scope.state.set(name, { name, kind: "table", at: locOf(ctx, c.node), why });
  }
  for (const [name, init] of scope.consts) {
    if (scope.state.has(name) || scope.functions.has(name)) continue;
    const seed = seededAtLoad(init);
    if (seed) scope.state.set(name, { name, kind: "seeded", at: locOf(ctx, init), why: `made at module load with ${seed}: each server process has its own` });
  }
  for (const [name, cls] of scope.classes) scope.classFields.set(name, mutableFields(cls));
  for (const inst of scope.instances.values()) {
    const fields = scope.classFields.get(inst.classRef.local);
    if (inst.classRef.member.length === 0 && fields && fields.size > 0 && !scope.state.has(inst.local)) {
      scope.state.set(inst.local, { name: inst.local, kind: "instance", at: inst.classRef.at });
    }
  }

  // Pass C: functions with direct effects and calls.
  for (const [name, node] of scope.functions) functions.push(analyzeFunction(ctx, scope, name, node, undefined));
  for (const [cname, cls] of scope.classes) {
    for (const m of cls.members) {
      const mname = propName(m.name as ts.PropertyName);
      if (!mname) continue;
      const fn = ts.isMethodDeclaration(m) || ts.isGetAccessor(m) || ts.isSetAccessor(m) || ts.isConstructorDeclaration(m) ? m : ts.isPropertyDeclaration(m) && m.initializer && isFunctionExpr(m.initializer) ? m.initializer : undefined;
      if (fn) functions.push(analyzeFunction(ctx, scope, `${cname}.${ts.isConstructorDeclaration(m) ? "constructor" : mname}`, fn, cname));
    }
  }
  for (const [oname, obj] of scope.objects) {
    for (const p of obj.properties) {
      const pname = propName(p.name as ts.PropertyName);
      if (!pname) continue;
      const fn = ts.isMethodDeclaration(p) ? p : ts.isPropertyAssignment(p) && isFunctionExpr(p.initializer) ? p.initializer : undefined;
      if (fn) functions.push(analyzeFunction(ctx, scope, `${oname}.${pname}`, fn, undefined));
    }
  }

  const summary: ModuleSummary = {
    imports: sortBy([...scope.imports.values()], (i) => i.local),
    exports: sortBy(dedupe(exports, (e) => `${e.name}\0${e.local}`), (e) => `${e.name}\0${e.local}`),
    reExports: sortBy(reExports, (r) => `${r.name}\0${r.specifier}\0${r.imported}`),
    state: sortBy([...scope.state.values()], (s) => s.name),
    functions: sortBy(functions, (f) => f.name),
    instances: sortBy([...scope.instances.values()], (i) => i.local),
    classes: [...scope.classes.keys()].sort(),
    values: sortBy([...scope.consts.entries()].filter(([n]) => !scope.state.has(n)).map(([name, e]) => valueFact(ctx, name, e)), (v) => v.name),
    changesetFactories: [],
    routes: routeEntries(ctx),
    keyAnnotations: typeKeyAnnotations(ctx),
    aliases: sortBy([...scope.aliases.entries()].map(([local, target]) => ({ local, target })), (a) => a.local),
    usesLiveViewJs,
  };
  const broadcastTypes = broadcastTypesIn(ctx.sf);
  if (broadcastTypes.length > 0) summary.broadcastTypes = broadcastTypes;
  const mutatesImports = [...mutated].filter((n) => scope.imports.has(n) && scope.imports.get(n)!.imported !== "*").sort();
  if (mutatesImports.length > 0) summary.mutatesImports = mutatesImports;
  return { summary, scope };
}

/** What a module constant is: a literal, or the result of a call (whose callee tells what its methods do). */
function valueFact(ctx: FileContext, name: string, e0: ts.Expression): ModuleSummary["values"][number] {
  const e = unwrap(e0);
  if (ts.isStringLiteralLike(e)) return { name, kind: "literal", string: e.text };
  if (ts.isNumericLiteral(e) || ts.isTemplateExpression(e) || ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e) || ts.isRegularExpressionLiteral(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword || ts.isPrefixUnaryExpression(e) || ts.isBinaryExpression(e))
    return { name, kind: "literal" };
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    // `z.object({...}).refine(...)`: the chain starts at `z.object`.
    let inner: ts.Expression = e;
    for (;;) {
      const u = unwrap(inner);
      if ((ts.isCallExpression(u) || ts.isNewExpression(u)) ) {
        const callee = unwrap(u.expression);
        if (ts.isPropertyAccessExpression(callee) && (ts.isCallExpression(unwrap(callee.expression)) || ts.isNewExpression(unwrap(callee.expression)))) inner = callee.expression;
        else {
          const ap = accessPath(callee);
          if (ap && ap.root !== "this") return { name, kind: "call", callee: { local: ap.root, member: ap.path, at: locOf(ctx, u) } };
          return { name, kind: "other" };
        }
      } else return { name, kind: "other" };
    }
  }
  return { name, kind: "other" };
}

/** Router maps: string keys that look like paths, bound to a view reference. */
function routeEntries(ctx: FileContext): { path: string; view: CalleeRef }[] {
  const out: { path: string; view: CalleeRef }[] = [];
  if (!/["'`]\//.test(ctx.text)) return out;
  const refOf = (e0: ts.Expression): CalleeRef | undefined => {
    const e = unwrap(e0);
    const ap = accessPath(ts.isNewExpression(e) ? e.expression : e);
    return ap && ap.root !== "this" ? { local: ap.root, member: ap.path, at: locOf(ctx, e) } : undefined;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && (ts.isStringLiteral(node.name) || ts.isNoSubstitutionTemplateLiteral(node.name)) && node.name.text.startsWith("/")) {
      const ref = refOf(node.initializer);
      if (ref) out.push({ path: node.name.text, view: ref });
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(node.left)) {
      const key = unwrap(node.left.argumentExpression);
      if (ts.isStringLiteralLike(key) && key.text.startsWith("/")) {
        const ref = refOf(node.right);
        if (ref) out.push({ path: key.text, view: ref });
      }
    }
  };
  walkTree(ctx.sf, visit);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function dedupe<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(key(i)) ? false : (seen.add(key(i)), true)));
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function elementRoot(e: ts.Expression): { root: string } | undefined {
  let n = unwrap(e);
  while (ts.isElementAccessExpression(n) || ts.isPropertyAccessExpression(n)) n = unwrap(n.expression);
  if (ts.isIdentifier(n)) return { root: n.text };
  if (n.kind === ts.SyntaxKind.ThisKeyword) return { root: "this" };
  return undefined;
}

export function isFunctionExpr(e: ts.Node): e is ts.ArrowFunction | ts.FunctionExpression {
  const n = ts.isParenthesizedExpression(e) ? unwrap(e) : e;
  return ts.isArrowFunction(n) || ts.isFunctionExpression(n);
}

const QUERY_METHODS = new Set(["filter", "find", "findIndex", "findLast", "slice", "some", "every", "get", "has", "at", "indexOf", "includes", "map", "sort", "toSorted", "reduce", "flatMap", "length"]);

/**
 * A module-level collection of records that stands for a table: read through an exported function
 * (a query: filtered, sliced, looked up, handed out), or too big to be a rendering constant.
 * Small lookup tables of plain values (select options of strings, unit names) are not tables.
 */
function dataTableReason(ctx: FileContext, scope: ModuleScope, name: string, exports: ExportFact[], decl: ts.Node): string | undefined {
  const init = scope.consts.get(name);
  if (!init) return undefined;
  const e = unwrap(init);
  const rows = ts.isArrayLiteralExpression(e) ? e.elements : ts.isObjectLiteralExpression(e) ? e.properties.map((p) => (ts.isPropertyAssignment(p) ? p.initializer : p)) : undefined;
  if (!rows) return undefined;
  const records = rows.filter((r) => ts.isObjectLiteralExpression(unwrap(r as ts.Expression))).length;
  if (records === 0) return undefined;
  const size = e.end - e.getStart(ctx.sf);
  if (records >= 20 || size > 3000) return `${records} records (${size} characters) of data: too big to be a rendering constant`;
  const exported = new Set(exports.map((x) => x.local));
  for (const [fname, fn] of scope.functions) {
    if (!exported.has(fname)) continue;
    // an exported function that hands out or queries the rows is the module's data API: the rows stand for a table
    if (readsAsQuery(fn, name)) return `rows read through the exported query ${fname}(): it stands for a table`;
  }
  void decl;
  return undefined;
}

/** `name.filter(...)`, `name.find(...)`, `name[i]`, `name.slice(...)` inside fn. */
function readsAsQuery(fn: ts.Node, name: string): boolean {
  let found = false;
  walkTree(fn, (n) => {
    if (found) return false;
    if (ts.isIdentifier(n) && n.text === name) {
      const p = n.parent;
      if ((ts.isPropertyAccessExpression(p) && p.expression === n && QUERY_METHODS.has(p.name.text)) || (ts.isElementAccessExpression(p) && p.expression === n) || ts.isSpreadElement(p) || ts.isReturnStatement(p) || (ts.isForOfStatement(p) && p.expression === n)) {
        found = true;
        return false;
      }
    }
  }, true);
  return found;
}

/** The first call that makes a value differ per process or per run (Math.random, Date.now, new Date()), anywhere in a const's initializer. */
function seededAtLoad(init: ts.Expression): string | undefined {
  let found: string | undefined;
  walkTree(init, (n) => {
    if (found) return false;
    if (ts.isNewExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "Date" && !n.arguments?.length) found = "new Date()";
    else if (ts.isCallExpression(n)) {
      const ap = accessPath(n.expression);
      const last = ap?.path[ap.path.length - 1];
      if (ap && last && NONDETERMINISTIC[ap.root]?.has(last)) found = `${ap.root}.${last}()`;
      else if (ap && ap.path.length === 0 && ap.root === "randomUUID") found = "randomUUID()";
    }
    return !found;
  });
  return found;
}

function containerKind(e: ts.Expression): string | undefined {
  if (ts.isArrayLiteralExpression(e)) return "array";
  if (ts.isObjectLiteralExpression(e)) return "object";
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression)) {
    const n = e.expression.text;
    if (n === "Map" || n === "WeakMap") return "map";
    if (n === "Set" || n === "WeakSet") return "set";
    if (n === "Array") return "array";
  }
  return undefined;
}

function declareVariable(
  ctx: FileContext,
  scope: ModuleScope,
  d: ts.VariableDeclaration,
  isConst: boolean,
  letNames: Map<string, ts.Node>,
  containers: Map<string, { kind: string; node: ts.Node }>,
  addImport: (local: string, specifier: string, imported: string, typeOnly: boolean, node: ts.Node) => void,
): void {
  const init = d.initializer ? unwrap(d.initializer) : undefined;
  // CommonJS requires: `const lv = require("x")`, `const { a, b: c } = require("x")`, `const a = require("x").a`.
  if (init) {
    const spec = requireSpecifier(init);
    if (spec !== undefined) {
      if (ts.isIdentifier(d.name)) addImport(d.name.text, spec, "*", false, d);
      else if (ts.isObjectBindingPattern(d.name))
        for (const el of d.name.elements) if (ts.isIdentifier(el.name)) addImport(el.name.text, spec, propName(el.propertyName ?? el.name) ?? el.name.text, false, el);
      return;
    }
    if (ts.isPropertyAccessExpression(init) && ts.isIdentifier(d.name)) {
      const inner = requireSpecifier(init.expression);
      if (inner !== undefined) {
        addImport(d.name.text, inner, init.name.text, false, d);
        return;
      }
    }
  }
  if (!ts.isIdentifier(d.name)) {
    // `const { a, b } = ns` where ns is a namespace import or object: aliases.
    if (init && ts.isObjectBindingPattern(d.name)) {
      const ap = accessPath(init);
      if (ap) for (const el of d.name.elements) if (ts.isIdentifier(el.name)) scope.aliases.set(el.name.text, { local: ap.root, member: [...ap.path, propName(el.propertyName ?? el.name) ?? el.name.text], at: locOf(ctx, el) });
    }
    if (!isConst) for (const n of boundNames(d.name)) letNames.set(n, d);
    return;
  }
  const name = d.name.text;
  if (!isConst) letNames.set(name, d);
  if (!init) return;
  declareValue(scope, name, init, isConst, containers, ctx, d);
}

/** The `type` of every message the module broadcasts or publishes ("*" for one it cannot read). */
function broadcastTypesIn(sf: ts.SourceFile): string[] {
  const types = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && (node.expression.name.text === "broadcast" || node.expression.name.text === "publish") && node.arguments.length >= 2) {
      const message = unwrap(node.arguments[1]!);
      const type = ts.isObjectLiteralExpression(message)
        ? message.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propName(p.name) === "type")?.initializer
        : undefined;
      types.add(type && ts.isStringLiteralLike(unwrap(type)) ? (unwrap(type) as ts.StringLiteralLike).text : "*");
    }
  };
  walkTree(sf, visit);
  return [...types].sort();
}

/**
 * A memoising cache: an unexported Map whose every use is `cache.get(k)`, `cache.has(k)` or
 * `cache.set(k, …)` with one key `k`, a parameter of the one function that holds them all. Whoever
 * calls the function gets what it would compute anyway: the cache is no state anyone can observe.
 */
function isMemoCache(sf: ts.SourceFile, name: string, kind: string, exports: ExportFact[]): boolean {
  if (kind !== "map" || exports.some((e) => e.local === name)) return false;
  let owner: ts.Node | undefined;
  let key: string | undefined;
  let ok = true;
  const visit = (node: ts.Node): boolean => {
    if (!ok) return false;
    if (ts.isIdentifier(node) && node.text === name && !(ts.isVariableDeclaration(node.parent) && node.parent.name === node) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) {
      const access = node.parent;
      const call = ts.isPropertyAccessExpression(access) && access.expression === node && ts.isCallExpression(access.parent) && access.parent.expression === access ? access.parent : undefined;
      const arg = call?.arguments[0];
      let fn: ts.Node | undefined = node.parent;
      while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
      const param = arg && ts.isIdentifier(arg) && fn && ts.isFunctionLike(fn) && fn.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === arg.text) ? arg.text : undefined;
      if (!call || !["get", "has", "set"].includes((access as ts.PropertyAccessExpression).name.text) || !param || (owner && owner !== fn) || (key && key !== param)) ok = false;
      owner = fn;
      key = param;
    }
    return true;
  };
  walkTree(sf, visit);
  return ok && owner !== undefined;
}

function declareValue(scope: ModuleScope, name: string, init: ts.Expression, isConst: boolean, containers: Map<string, { kind: string; node: ts.Node }>, ctx?: FileContext, node?: ts.Node): void {
  const e = unwrap(init);
  if (isFunctionExpr(e)) {
    scope.functions.set(name, e);
    return;
  }
  if (ts.isClassExpression(e)) {
    scope.classes.set(name, e);
    return;
  }
  const kind = containerKind(e);
  if (kind) containers.set(name, { kind, node: node ?? e });
  if (ts.isObjectLiteralExpression(e)) scope.objects.set(name, e);
  if (ts.isNewExpression(e) && ctx) {
    const ap = accessPath(e.expression);
    if (ap && !kind) scope.instances.set(name, { local: name, classRef: { local: ap.root, member: ap.path, at: locOf(ctx, e) } });
  }
  if (isConst && ctx && (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e))) {
    const ap = accessPath(e);
    if (ap) {
      scope.aliases.set(name, { local: ap.root, member: ap.path, at: locOf(ctx, e) });
      return;
    }
  }
  scope.consts.set(name, e);
}

function declareCommonJsExport(ctx: FileContext, scope: ModuleScope, expr: ts.Expression, exports: ExportFact[], reExports: ReExportFact[], containers: Map<string, { kind: string; node: ts.Node }>): void {
  if (!ts.isBinaryExpression(expr) || expr.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const ap = accessPath(expr.left);
  if (!ap) return;
  const isModuleExports = ap.root === "module" && ap.path[0] === "exports";
  const isExports = ap.root === "exports";
  if (!isModuleExports && !isExports) return;
  const rest = isModuleExports ? ap.path.slice(1) : ap.path;
  const right = unwrap(expr.right);
  if (rest.length === 0) {
    const spec = requireSpecifier(right);
    if (spec !== undefined) {
      reExports.push({ specifier: spec, name: "*", imported: "*" });
      return;
    }
    if (ts.isIdentifier(right)) exports.push({ name: "default", local: right.text });
    else if (ts.isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        const pname = propName(p.name as ts.PropertyName);
        if (!pname) continue;
        if (ts.isShorthandPropertyAssignment(p)) exports.push({ name: pname, local: pname });
        else if (ts.isPropertyAssignment(p) && ts.isIdentifier(unwrap(p.initializer))) exports.push({ name: pname, local: (unwrap(p.initializer) as ts.Identifier).text });
        else if (ts.isPropertyAssignment(p)) {
          declareValue(scope, `exports.${pname}`, p.initializer, true, containers, ctx, p);
          exports.push({ name: pname, local: `exports.${pname}` });
        } else if (ts.isMethodDeclaration(p)) {
          scope.functions.set(`exports.${pname}`, p);
          exports.push({ name: pname, local: `exports.${pname}` });
        }
      }
      exports.push({ name: "default", local: "module.exports" });
      scope.objects.set("module.exports", right);
    } else {
      declareValue(scope, "default", right, true, containers, ctx, expr);
      exports.push({ name: "default", local: "default" });
    }
    return;
  }
  if (rest.length === 1) {
    const name = rest[0]!;
    if (ts.isIdentifier(right)) exports.push({ name, local: right.text });
    else {
      declareValue(scope, `exports.${name}`, right, true, containers, ctx, expr);
      exports.push({ name, local: `exports.${name}` });
    }
  }
}

/** Fields of a class changed outside the constructor (or containers changed anywhere): the instance holds state. */
function mutableFields(cls: ts.ClassLikeDeclaration): Set<string> {
  const out = new Set<string>();
  for (const m of cls.members) {
    const inCtor = ts.isConstructorDeclaration(m);
    // Created once per member, not per node (closures per node cost a measurable share of the walk).
    const markThis = (t: ts.Expression, viaContainer: boolean) => {
      const ap = accessPath(t) ?? undefined;
      let n = unwrap(t);
      while (ts.isElementAccessExpression(n)) n = unwrap(n.expression);
      const ap2 = ap ?? accessPath(n);
      if (ap2 && ap2.root === "this" && ap2.path.length >= 1 && (!inCtor || viaContainer || ap2.path.length > 1 || n !== unwrap(t))) out.add(ap2.path[0]!);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind)) markThis(node.left, false);
      else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) markThis(node.operand, false);
      else if (ts.isDeleteExpression(node)) markThis(node.expression, true);
      else if (ts.isCallExpression(node)) {
        const ap = accessPath(node.expression);
        if (ap && ap.root === "this" && ap.path.length >= 2 && MUTATING_METHODS.has(ap.path[ap.path.length - 1]!) && !inCtor) out.add(ap.path[0]!);
      }
    };
    if (!ts.isPropertyDeclaration(m)) walkTree(m, visit, true);
    else if (m.initializer) walkTree(m.initializer, visit, true);
  }
  return out;
}

/** Direct effects and calls of one function body. `className` set for methods (for `this`). */
export function analyzeFunction(ctx: FileContext, scope: ModuleScope, name: string, fn: ts.Node, className: string | undefined): FunctionFact {
  const effects: DirectEffect[] = [];
  const calls: CalleeRef[] = [];
  const locals = collectLocals(fn);
  collectBodyEffects(ctx, scope, fn, locals, className, effects, calls);
  // A part blanked out for nesting too deep (depth.ts) may do anything: callers must not take the function for pure.
  for (const region of ctx.deep ?? []) {
    if (region.start < fn.getEnd() && fn.getStart(ctx.sf) < region.end) effects.push({ kind: "unknown", detail: "code nested too deep to analyze", at: `${ctx.path}:${lineOf(ctx, region.start)}`, pos: region.start });
  }
  return {
    name,
    at: locOf(ctx, fn),
    async: isAsync(fn),
    effects: sortEffects(effects),
    calls: sortCalls(calls),
  };
}

export function sortEffects(effects: DirectEffect[]): DirectEffect[] {
  const seen = new Set<string>();
  return effects
    .filter((e) => {
      const k = `${e.kind}\0${e.detail}\0${e.at}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => compareLoc(a.at, b.at) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0));
}

export function sortCalls(calls: CalleeRef[]): CalleeRef[] {
  const seen = new Set<string>();
  return calls
    .filter((c) => {
      const k = `${c.local}.${c.member.join(".")}\0${c.at}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => compareLoc(a.at, b.at) || (`${a.local}.${a.member.join(".")}` < `${b.local}.${b.member.join(".")}` ? -1 : 1));
}

/** Names declared inside a function (params, variables, nested functions): they shadow module names. */
export function collectLocals(fn: ts.Node): Set<string> {
  const out = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isBindingElement(node)) {
      if (ts.isIdentifier(node.name)) out.add(node.name.text);
    } else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name && node !== fn) out.add(node.name.text);
    else if (ts.isCatchClause(node) && node.variableDeclaration) boundNames(node.variableDeclaration.name, [...out]).forEach((n) => out.add(n));
  };
  walkTree(fn, visit, true);
  return out;
}

/** "module state rows (Map)", "data table customers (rows read through …)": what a read or write of it touches. */
export function stateLabel(s: ModuleStateFact): string {
  if (s.kind === "table") return `data table ${s.name} (${s.why})`;
  if (s.kind === "seeded") return `data ${s.name} (${s.why})`;
  const label = s.kind === "let" || s.kind === "var" ? "variable" : s.kind === "map" ? "Map" : s.kind === "set" ? "Set" : s.kind;
  return `module state ${s.name} (${label})`;
}

function stateDetail(scope: ModuleScope, name: string, write: boolean): string {
  const s = scope.state.get(name)!;
  return `${write ? "writes" : "reads"} ${stateLabel(s)}`;
}

/** Walks a body and records effects/calls that reach beyond it. Shared with the view-model pass. */
export function collectBodyEffects(
  ctx: FileContext,
  scope: ModuleScope,
  /** One node, or a list walked in order with one visitor (the view-model pass passes a handler's statements). */
  root: ts.Node | readonly ts.Node[],
  locals: Set<string>,
  className: string | undefined,
  effects: DirectEffect[],
  calls: CalleeRef[],
  includeRoot = false,
  /** Awaiting a call on these (the socket) is not an effect of its own: the socket operation is judged by what it does. */
  skipAwaitRoots?: ReadonlySet<string>,
  /** Statements judged elsewhere (a polling timer's start: browser code). */
  skip?: ReadonlySet<ts.Node>,
): void {
  const fields = className ? scope.classFields.get(className) : undefined;
  const isModuleName = (n: string) => !locals.has(n);
  const visit = (node: ts.Node): boolean => {
    if (skip?.has(node)) return false;
    if (ts.isAwaitExpression(node) && !awaitsSkipped(node.expression, skipAwaitRoots)) effects.push({ kind: "await", detail: `await ${node.expression.getText(ctx.sf).slice(0, 80)}`, at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
    else if (ts.isForOfStatement(node) && node.awaitModifier) effects.push({ kind: "await", detail: "for await", at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = unwrap(node.expression);
      if (ts.isIdentifier(callee)) {
        const n = callee.text;
        if (!isModuleName(n)) {
          /* local closure: its body is walked as part of this one */
        } else if (n === "fetch" && !scope.imports.has(n)) effects.push({ kind: "io", detail: "fetch", at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
        else if (TIMER_FUNCTIONS.has(n) && !scope.imports.has(n)) effects.push({ kind: "timer", detail: n, at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
        else if (n === "Date" && ts.isNewExpression(node) && !node.arguments?.length) effects.push({ kind: "nondeterministic", detail: "new Date()", at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
        else if (scope.state.has(n)) effects.push({ kind: "module-state-read", detail: stateDetail(scope, n, false), at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
        else if (isModuleCallable(scope, n)) calls.push({ local: n, member: [], at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
      } else {
        const ap = accessPath(callee);
        if (ap) {
          const last = ap.path[ap.path.length - 1];
          if (ap.root === "this") {
            if (fields && ap.path.length >= 2 && fields.has(ap.path[0]!)) {
              const write = MUTATING_METHODS.has(last!);
              effects.push({ kind: write ? "module-state-write" : "module-state-read", detail: `${write ? "writes" : "reads"} instance state ${className}.${ap.path[0]}`, at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
            } else if (className && ap.path.length === 1) calls.push({ local: className, member: ap.path, at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
          } else if (isModuleName(ap.root)) {
            const nd = NONDETERMINISTIC[ap.root];
            if (nd && last && nd.has(last) && !scope.imports.has(ap.root)) effects.push({ kind: "nondeterministic", detail: `${ap.root}.${last}`, at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
            else if (scope.state.has(ap.root) && !scope.instances.has(ap.root)) {
              const write = !!last && MUTATING_METHODS.has(last);
              effects.push({ kind: write ? "module-state-write" : "module-state-read", detail: stateDetail(scope, ap.root, write), at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
            } else if (isModuleCallable(scope, ap.root) && ap.path.length > 0) calls.push({ local: ap.root, member: ap.path, at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
          }
        }
      }
    } else if (ts.isPropertyAccessExpression(node)) {
      // Only the outermost access of a chain, or `this.x`, can match: the path is not taken at every
      // link of a long chain (that was quadratic).
      const outermost = !ts.isPropertyAccessExpression(node.parent);
      const ap = outermost || unwrap(node.expression).kind === ts.SyntaxKind.ThisKeyword ? accessPath(node) : undefined;
      if (ap && ap.root === "process" && ap.path[0] === "env" && isModuleName("process") && outermost) {
        effects.push({ kind: "env", detail: `process.${ap.path.join(".")}`, at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
      } else if (ap && ap.root === "this" && fields && fields.has(ap.path[0]!) && ap.path.length === 1) {
        const write = isWriteTarget(node);
        effects.push({ kind: write ? "module-state-write" : "module-state-read", detail: `${write ? "writes" : "reads"} instance state ${className}.${ap.path[0]}`, at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
      }
    } else if (ts.isIdentifier(node) && scope.state.has(node.text) && isModuleName(node.text) && isValueReference(node)) {
      const write = isWriteTarget(node);
      effects.push({ kind: write ? "module-state-write" : "module-state-read", detail: stateDetail(scope, node.text, write), at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
    } else if (ts.isIdentifier(node) && isModuleName(node.text) && scope.imports.has(node.text) && isValueReference(node) && !isCalleePosition(node)) {
      // An imported value read (not called): it may be mutable state of another module.
      calls.push({ local: node.text, member: memberPathAfter(node), at: locOf(ctx, node), pos: node.getStart(ctx.sf), read: true });
    }
    return true;
  };
  walkTree(root, visit, !includeRoot);
}

function awaitsSkipped(e: ts.Expression, roots: ReadonlySet<string> | undefined): boolean {
  if (!roots) return false;
  const u = unwrap(e);
  if (!ts.isCallExpression(u)) return false;
  const ap = accessPath(u.expression);
  return !!ap && roots.has(ap.root);
}

function memberPathAfter(id: ts.Identifier): string[] {
  const path: string[] = [];
  let n: ts.Node = id;
  while (ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n && !ts.isCallExpression(n.parent.parent)) {
    path.push(n.parent.name.text);
    n = n.parent;
  }
  return path.slice(0, 1);
}

function isCalleePosition(id: ts.Identifier): boolean {
  let n: ts.Node = id;
  while (ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n) n = n.parent;
  return (ts.isCallExpression(n.parent) || ts.isNewExpression(n.parent)) && n.parent.expression === n;
}

/** An identifier used as a value (not a declaration name, property name or type). */
export function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if ((ts.isPropertyAccessExpression(p) && p.name === id) || (ts.isPropertyAssignment(p) && p.name === id)) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isExportSpecifier(p)) return false;
  if (ts.isTypeReferenceNode(p) || ts.isQualifiedName(p) || ts.isTypeQueryNode(p)) return false;
  return true;
}

/** The outermost access expression containing `node` is the target of an assignment/update/delete. */
function isWriteTarget(node: ts.Node): boolean {
  let n: ts.Node = node;
  while ((ts.isPropertyAccessExpression(n.parent) || ts.isElementAccessExpression(n.parent)) && n.parent.expression === n) n = n.parent;
  const p = n.parent;
  if (ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return true;
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return true;
  if (ts.isDeleteExpression(p)) return true;
  return false;
}

export type { InstanceFact };
