var __defProp = Object.defineProperty;
var __name = (target, value) => __defProp(target, "name", { value, configurable: true });

// src/analyzers/ast.ts
import { ts } from "ts-morph";
function scriptKindOf(path) {
  if (path.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (path.endsWith(".jsx")) return ts.ScriptKind.JSX;
  if (path.endsWith(".js") || path.endsWith(".mjs") || path.endsWith(".cjs")) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
__name(scriptKindOf, "scriptKindOf");
function parse(path, text) {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKindOf(path));
}
__name(parse, "parse");
function parseDiagnostics(sf) {
  return sf.parseDiagnostics ?? [];
}
__name(parseDiagnostics, "parseDiagnostics");
function lineOf(ctx, pos) {
  return ctx.sf.getLineAndCharacterOfPosition(pos).line + 1;
}
__name(lineOf, "lineOf");
function locOf(ctx, node) {
  return `${ctx.path}:${lineOf(ctx, node.getStart(ctx.sf))}`;
}
__name(locOf, "locOf");
function spanOf(ctx, node) {
  return { start: node.getStart(ctx.sf), end: node.getEnd() };
}
__name(spanOf, "spanOf");
function textOf(ctx, node, max = 200) {
  const t2 = node.getText(ctx.sf).replace(/\s+/g, " ").trim();
  return t2.length > max ? t2.slice(0, max - 1) + "\u2026" : t2;
}
__name(textOf, "textOf");
function unwrap(node) {
  let n = node;
  for (; ; ) {
    if (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isTypeAssertionExpression(n) || ts.isSatisfiesExpression(n)) n = n.expression;
    else return n;
  }
}
__name(unwrap, "unwrap");
function propName(name) {
  if (!name) return void 0;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const e = unwrap(name.expression);
    if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return e.text;
  }
  return void 0;
}
__name(propName, "propName");
function accessPath(node) {
  const path = [];
  let n = unwrap(node);
  for (; ; ) {
    if (ts.isPropertyAccessExpression(n)) {
      path.unshift(n.name.text);
      n = unwrap(n.expression);
    } else if (ts.isElementAccessExpression(n) && ts.isStringLiteralLike(unwrap(n.argumentExpression))) {
      path.unshift(unwrap(n.argumentExpression).text);
      n = unwrap(n.expression);
    } else break;
  }
  if (ts.isIdentifier(n)) return { root: n.text, rootNode: n, path };
  if (n.kind === ts.SyntaxKind.ThisKeyword) return { root: "this", rootNode: n, path };
  return void 0;
}
__name(accessPath, "accessPath");
function isAsync(fn) {
  return !!(ts.canHaveModifiers(fn) && ts.getModifiers(fn)?.some((m2) => m2.kind === ts.SyntaxKind.AsyncKeyword));
}
__name(isAsync, "isAsync");
function hasModifier(node, kind) {
  return !!(ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m2) => m2.kind === kind));
}
__name(hasModifier, "hasModifier");
function requireSpecifier(node) {
  const n = unwrap(node);
  if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "require" && n.arguments.length === 1) {
    const a = n.arguments[0];
    if (ts.isStringLiteralLike(a)) return a.text;
  }
  return void 0;
}
__name(requireSpecifier, "requireSpecifier");
function boundNames(name, out = []) {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) boundNames(el.name, out);
  return out;
}
__name(boundNames, "boundNames");
function sortBy(items, key) {
  return items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}
__name(sortBy, "sortBy");
function uniqSorted(items) {
  return [...new Set(items)].sort();
}
__name(uniqSorted, "uniqSorted");
function compareLoc(a, b) {
  const ia = a.lastIndexOf(":");
  const ib = b.lastIndexOf(":");
  const fa = a.slice(0, ia);
  const fb = b.slice(0, ib);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return Number(a.slice(ia + 1)) - Number(b.slice(ib + 1));
}
__name(compareLoc, "compareLoc");

// src/analyzers/annotations.ts
var CLASS_RE = /@migrate\s+(ui|form|shared)\b/;
var IGNORE_RE = /@migrate-ignore\b/;
function leadingComments(ctx, node) {
  return (ts.getLeadingCommentRanges(ctx.text, node.getFullStart()) ?? []).map((r) => ctx.text.slice(r.pos, r.end));
}
__name(leadingComments, "leadingComments");
function classAnnotation(ctx, node) {
  let n = node;
  for (let i = 0; n && i < 6; i++, n = n.parent) {
    for (const c of leadingComments(ctx, n)) {
      const m2 = CLASS_RE.exec(c);
      if (m2) return { class: m2[1], at: locOf(ctx, n) };
    }
    if (ts.isStatement(n) || ts.isClassElement(n)) break;
  }
  return void 0;
}
__name(classAnnotation, "classAnnotation");
function ignoreAnnotation(ctx, node) {
  let n = node;
  while (n && !ts.isSourceFile(n)) {
    if (leadingComments(ctx, n).some((c) => IGNORE_RE.test(c))) return locOf(ctx, n);
    if (ts.isStatement(n) && ts.isSourceFile(n.parent)) break;
    n = n.parent;
  }
  return void 0;
}
__name(ignoreAnnotation, "ignoreAnnotation");
function typeKeyAnnotations(ctx) {
  const out = [];
  if (!ctx.text.includes("@migrate")) return out;
  const visit = /* @__PURE__ */ __name((node) => {
    if (ts.isPropertySignature(node)) {
      const key = propName(node.name);
      const a = key ? leadingComments(ctx, node).map((c) => CLASS_RE.exec(c)).find(Boolean) : void 0;
      if (key && a) out.push({ key, class: a[1], at: locOf(ctx, node) });
    }
    ts.forEachChild(node, visit);
  }, "visit");
  visit(ctx.sf);
  return out.sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
__name(typeKeyAnnotations, "typeKeyAnnotations");

// src/analyzers/1_module_summary.ts
var MUTATING_METHODS = /* @__PURE__ */ new Set([
  "push",
  "pop",
  "shift",
  "unshift",
  "splice",
  "sort",
  "reverse",
  "fill",
  "copyWithin",
  "set",
  "delete",
  "clear",
  "add"
]);
var TIMER_FUNCTIONS = /* @__PURE__ */ new Set(["setInterval", "setTimeout", "setImmediate"]);
var NONDETERMINISTIC = {
  Math: /* @__PURE__ */ new Set(["random"]),
  Date: /* @__PURE__ */ new Set(["now"]),
  crypto: /* @__PURE__ */ new Set(["randomUUID", "getRandomValues"]),
  performance: /* @__PURE__ */ new Set(["now"])
};
function emptyScope() {
  return { imports: /* @__PURE__ */ new Map(), functions: /* @__PURE__ */ new Map(), state: /* @__PURE__ */ new Map(), instances: /* @__PURE__ */ new Map(), classes: /* @__PURE__ */ new Map(), objects: /* @__PURE__ */ new Map(), consts: /* @__PURE__ */ new Map(), aliases: /* @__PURE__ */ new Map(), classFields: /* @__PURE__ */ new Map() };
}
__name(emptyScope, "emptyScope");
function isModuleCallable(scope, name) {
  return scope.imports.has(name) || scope.functions.has(name) || scope.instances.has(name) || scope.classes.has(name) || scope.objects.has(name) || scope.aliases.has(name) || scope.consts.has(name);
}
__name(isModuleCallable, "isModuleCallable");
function buildModuleSummary(ctx) {
  const scope = emptyScope();
  const exports = [];
  const reExports = [];
  const functions = [];
  const letNames = /* @__PURE__ */ new Map();
  const containers = /* @__PURE__ */ new Map();
  let usesLiveViewJs = false;
  const addImport = /* @__PURE__ */ __name((local, specifier, imported, typeOnly, node) => {
    if (specifier === "liveviewjs" || specifier.startsWith("@liveviewjs/")) usesLiveViewJs = true;
    scope.imports.set(local, { local, specifier, imported, typeOnly, at: locOf(ctx, node) });
  }, "addImport");
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
        else if (!typeOnly) {
          for (const el of st.exportClause.elements) if (!el.isTypeOnly) reExports.push({ ...base, name: propName(el.name), imported: propName(el.propertyName ?? el.name) });
        }
      } else if (st.exportClause && ts.isNamedExports(st.exportClause) && !typeOnly) {
        for (const el of st.exportClause.elements) if (!el.isTypeOnly) exports.push({ name: propName(el.name), local: propName(el.propertyName ?? el.name) });
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
  const reassigned = /* @__PURE__ */ new Set();
  const mutated = /* @__PURE__ */ new Set();
  const visit = /* @__PURE__ */ __name((node) => {
    if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind)) markTarget(node.left);
    else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) markTarget(node.operand);
    else if (ts.isDeleteExpression(node)) markTarget(node.expression);
    else if (ts.isCallExpression(node)) {
      const ap = accessPath(node.expression);
      if (ap && ap.path.length >= 1 && MUTATING_METHODS.has(ap.path[ap.path.length - 1])) mutated.add(ap.root);
    }
    ts.forEachChild(node, visit);
  }, "visit");
  const markTarget = /* @__PURE__ */ __name((target) => {
    const t2 = unwrap(target);
    if (ts.isIdentifier(t2)) reassigned.add(t2.text);
    else {
      const ap = accessPath(t2) ?? elementRoot(t2);
      if (ap) mutated.add(ap.root);
    }
  }, "markTarget");
  visit(ctx.sf);
  for (const [name, node] of letNames) if (reassigned.has(name)) scope.state.set(name, { name, kind: "let", at: locOf(ctx, node) });
  for (const [name, c] of containers) if (mutated.has(name) || reassigned.has(name)) scope.state.set(name, { name, kind: c.kind, at: locOf(ctx, c.node) });
  for (const [name, cls] of scope.classes) scope.classFields.set(name, mutableFields(cls));
  for (const inst of scope.instances.values()) {
    const fields = scope.classFields.get(inst.classRef.local);
    if (inst.classRef.member.length === 0 && fields && fields.size > 0 && !scope.state.has(inst.local)) {
      scope.state.set(inst.local, { name: inst.local, kind: "instance", at: inst.classRef.at });
    }
  }
  for (const [name, node] of scope.functions) functions.push(analyzeFunction(ctx, scope, name, node, void 0));
  for (const [cname, cls] of scope.classes) {
    for (const m2 of cls.members) {
      const mname = propName(m2.name);
      if (!mname) continue;
      const fn = ts.isMethodDeclaration(m2) || ts.isGetAccessor(m2) || ts.isSetAccessor(m2) || ts.isConstructorDeclaration(m2) ? m2 : ts.isPropertyDeclaration(m2) && m2.initializer && isFunctionExpr(m2.initializer) ? m2.initializer : void 0;
      if (fn) functions.push(analyzeFunction(ctx, scope, `${cname}.${ts.isConstructorDeclaration(m2) ? "constructor" : mname}`, fn, cname));
    }
  }
  for (const [oname, obj] of scope.objects) {
    for (const p of obj.properties) {
      const pname = propName(p.name);
      if (!pname) continue;
      const fn = ts.isMethodDeclaration(p) ? p : ts.isPropertyAssignment(p) && isFunctionExpr(p.initializer) ? p.initializer : void 0;
      if (fn) functions.push(analyzeFunction(ctx, scope, `${oname}.${pname}`, fn, void 0));
    }
  }
  const summary = {
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
    usesLiveViewJs
  };
  return { summary, scope };
}
__name(buildModuleSummary, "buildModuleSummary");
function valueFact(ctx, name, e0) {
  const e = unwrap(e0);
  if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e) || ts.isTemplateExpression(e) || ts.isArrayLiteralExpression(e) || ts.isObjectLiteralExpression(e) || ts.isRegularExpressionLiteral(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword || ts.isPrefixUnaryExpression(e) || ts.isBinaryExpression(e))
    return { name, kind: "literal" };
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    let inner = e;
    for (; ; ) {
      const u = unwrap(inner);
      if (ts.isCallExpression(u) || ts.isNewExpression(u)) {
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
__name(valueFact, "valueFact");
function routeEntries(ctx) {
  const out = [];
  if (!/["'`]\//.test(ctx.text)) return out;
  const refOf = /* @__PURE__ */ __name((e0) => {
    const e = unwrap(e0);
    const ap = accessPath(ts.isNewExpression(e) ? e.expression : e);
    return ap && ap.root !== "this" ? { local: ap.root, member: ap.path, at: locOf(ctx, e) } : void 0;
  }, "refOf");
  const visit = /* @__PURE__ */ __name((node) => {
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
    ts.forEachChild(node, visit);
  }, "visit");
  visit(ctx.sf);
  return out.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
__name(routeEntries, "routeEntries");
function dedupe(items, key) {
  const seen = /* @__PURE__ */ new Set();
  return items.filter((i) => seen.has(key(i)) ? false : (seen.add(key(i)), true));
}
__name(dedupe, "dedupe");
function isAssignmentOperator(kind) {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}
__name(isAssignmentOperator, "isAssignmentOperator");
function elementRoot(e) {
  let n = unwrap(e);
  while (ts.isElementAccessExpression(n) || ts.isPropertyAccessExpression(n)) n = unwrap(n.expression);
  if (ts.isIdentifier(n)) return { root: n.text };
  if (n.kind === ts.SyntaxKind.ThisKeyword) return { root: "this" };
  return void 0;
}
__name(elementRoot, "elementRoot");
function isFunctionExpr(e) {
  const n = ts.isParenthesizedExpression(e) ? unwrap(e) : e;
  return ts.isArrowFunction(n) || ts.isFunctionExpression(n);
}
__name(isFunctionExpr, "isFunctionExpr");
function containerKind(e) {
  if (ts.isArrayLiteralExpression(e)) return "array";
  if (ts.isObjectLiteralExpression(e)) return "object";
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression)) {
    const n = e.expression.text;
    if (n === "Map" || n === "WeakMap") return "map";
    if (n === "Set" || n === "WeakSet") return "set";
    if (n === "Array") return "array";
  }
  return void 0;
}
__name(containerKind, "containerKind");
function declareVariable(ctx, scope, d, isConst, letNames, containers, addImport) {
  const init = d.initializer ? unwrap(d.initializer) : void 0;
  if (init) {
    const spec = requireSpecifier(init);
    if (spec !== void 0) {
      if (ts.isIdentifier(d.name)) addImport(d.name.text, spec, "*", false, d);
      else if (ts.isObjectBindingPattern(d.name)) {
        for (const el of d.name.elements) if (ts.isIdentifier(el.name)) addImport(el.name.text, spec, propName(el.propertyName ?? el.name) ?? el.name.text, false, el);
      }
      return;
    }
    if (ts.isPropertyAccessExpression(init) && ts.isIdentifier(d.name)) {
      const inner = requireSpecifier(init.expression);
      if (inner !== void 0) {
        addImport(d.name.text, inner, init.name.text, false, d);
        return;
      }
    }
  }
  if (!ts.isIdentifier(d.name)) {
    if (init && ts.isObjectBindingPattern(d.name)) {
      const ap = accessPath(init);
      if (ap) {
        for (const el of d.name.elements) if (ts.isIdentifier(el.name)) scope.aliases.set(el.name.text, { local: ap.root, member: [...ap.path, propName(el.propertyName ?? el.name) ?? el.name.text], at: locOf(ctx, el) });
      }
    }
    if (!isConst) for (const n of boundNames(d.name)) letNames.set(n, d);
    return;
  }
  const name = d.name.text;
  if (!isConst) letNames.set(name, d);
  if (!init) return;
  declareValue(scope, name, init, isConst, containers, ctx, d);
}
__name(declareVariable, "declareVariable");
function declareValue(scope, name, init, isConst, containers, ctx, node) {
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
__name(declareValue, "declareValue");
function declareCommonJsExport(ctx, scope, expr, exports, reExports, containers) {
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
    if (spec !== void 0) {
      reExports.push({ specifier: spec, name: "*", imported: "*" });
      return;
    }
    if (ts.isIdentifier(right)) exports.push({ name: "default", local: right.text });
    else if (ts.isObjectLiteralExpression(right)) {
      for (const p of right.properties) {
        const pname = propName(p.name);
        if (!pname) continue;
        if (ts.isShorthandPropertyAssignment(p)) exports.push({ name: pname, local: pname });
        else if (ts.isPropertyAssignment(p) && ts.isIdentifier(unwrap(p.initializer))) exports.push({ name: pname, local: unwrap(p.initializer).text });
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
    const name = rest[0];
    if (ts.isIdentifier(right)) exports.push({ name, local: right.text });
    else {
      declareValue(scope, `exports.${name}`, right, true, containers, ctx, expr);
      exports.push({ name, local: `exports.${name}` });
    }
  }
}
__name(declareCommonJsExport, "declareCommonJsExport");
function mutableFields(cls) {
  const out = /* @__PURE__ */ new Set();
  for (const m2 of cls.members) {
    const inCtor = ts.isConstructorDeclaration(m2);
    const markThis = /* @__PURE__ */ __name((t2, viaContainer) => {
      const ap = accessPath(t2) ?? void 0;
      let n = unwrap(t2);
      while (ts.isElementAccessExpression(n)) n = unwrap(n.expression);
      const ap2 = ap ?? accessPath(n);
      if (ap2 && ap2.root === "this" && ap2.path.length >= 1 && (!inCtor || viaContainer || ap2.path.length > 1 || n !== unwrap(t2))) out.add(ap2.path[0]);
    }, "markThis");
    const visit = /* @__PURE__ */ __name((node) => {
      if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind)) markThis(node.left, false);
      else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) markThis(node.operand, false);
      else if (ts.isDeleteExpression(node)) markThis(node.expression, true);
      else if (ts.isCallExpression(node)) {
        const ap = accessPath(node.expression);
        if (ap && ap.root === "this" && ap.path.length >= 2 && MUTATING_METHODS.has(ap.path[ap.path.length - 1]) && !inCtor) out.add(ap.path[0]);
      }
      ts.forEachChild(node, visit);
    }, "visit");
    if (!ts.isPropertyDeclaration(m2)) ts.forEachChild(m2, visit);
    else if (m2.initializer) ts.forEachChild(m2.initializer, visit);
  }
  return out;
}
__name(mutableFields, "mutableFields");
function analyzeFunction(ctx, scope, name, fn, className) {
  const effects = [];
  const calls = [];
  const locals = collectLocals(fn);
  collectBodyEffects(ctx, scope, fn, locals, className, effects, calls);
  return {
    name,
    at: locOf(ctx, fn),
    async: isAsync(fn),
    effects: sortEffects(effects),
    calls: sortCalls(calls)
  };
}
__name(analyzeFunction, "analyzeFunction");
function sortEffects(effects) {
  const seen = /* @__PURE__ */ new Set();
  return effects.filter((e) => {
    const k = `${e.kind}\0${e.detail}\0${e.at}`;
    return seen.has(k) ? false : (seen.add(k), true);
  }).sort((a, b) => compareLoc(a.at, b.at) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.detail < b.detail ? -1 : a.detail > b.detail ? 1 : 0));
}
__name(sortEffects, "sortEffects");
function sortCalls(calls) {
  const seen = /* @__PURE__ */ new Set();
  return calls.filter((c) => {
    const k = `${c.local}.${c.member.join(".")}\0${c.at}`;
    return seen.has(k) ? false : (seen.add(k), true);
  }).sort((a, b) => compareLoc(a.at, b.at) || (`${a.local}.${a.member.join(".")}` < `${b.local}.${b.member.join(".")}` ? -1 : 1));
}
__name(sortCalls, "sortCalls");
function collectLocals(fn) {
  const out = /* @__PURE__ */ new Set();
  const visit = /* @__PURE__ */ __name((node) => {
    if (ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isBindingElement(node)) {
      if (ts.isIdentifier(node.name)) out.add(node.name.text);
    } else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name && node !== fn) out.add(node.name.text);
    else if (ts.isCatchClause(node) && node.variableDeclaration) boundNames(node.variableDeclaration.name, [...out]).forEach((n) => out.add(n));
    ts.forEachChild(node, visit);
  }, "visit");
  ts.forEachChild(fn, visit);
  return out;
}
__name(collectLocals, "collectLocals");
function stateDetail(scope, name, write) {
  const s = scope.state.get(name);
  const label = s.kind === "let" || s.kind === "var" ? "variable" : s.kind === "map" ? "Map" : s.kind === "set" ? "Set" : s.kind;
  return `${write ? "writes" : "reads"} module state ${name} (${label})`;
}
__name(stateDetail, "stateDetail");
function collectBodyEffects(ctx, scope, root2, locals, className, effects, calls, includeRoot = false, skipAwaitRoots) {
  const fields = className ? scope.classFields.get(className) : void 0;
  const isModuleName = /* @__PURE__ */ __name((n) => !locals.has(n), "isModuleName");
  const visit = /* @__PURE__ */ __name((node) => {
    if (ts.isAwaitExpression(node) && !awaitsSkipped(node.expression, skipAwaitRoots)) effects.push({ kind: "await", detail: `await ${node.expression.getText(ctx.sf).slice(0, 80)}`, at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
    else if (ts.isForOfStatement(node) && node.awaitModifier) effects.push({ kind: "await", detail: "for await", at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = unwrap(node.expression);
      if (ts.isIdentifier(callee)) {
        const n = callee.text;
        if (!isModuleName(n)) {
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
            if (fields && ap.path.length >= 2 && fields.has(ap.path[0])) {
              const write = MUTATING_METHODS.has(last);
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
      const ap = accessPath(node);
      if (ap && ap.root === "process" && ap.path[0] === "env" && isModuleName("process") && !ts.isPropertyAccessExpression(node.parent)) {
        effects.push({ kind: "env", detail: `process.${ap.path.join(".")}`, at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
      } else if (ap && ap.root === "this" && fields && fields.has(ap.path[0]) && ap.path.length === 1) {
        const write = isWriteTarget(node);
        effects.push({ kind: write ? "module-state-write" : "module-state-read", detail: `${write ? "writes" : "reads"} instance state ${className}.${ap.path[0]}`, at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
      }
    } else if (ts.isIdentifier(node) && scope.state.has(node.text) && isModuleName(node.text) && isValueReference(node)) {
      const write = isWriteTarget(node);
      effects.push({ kind: write ? "module-state-write" : "module-state-read", detail: stateDetail(scope, node.text, write), at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
    } else if (ts.isIdentifier(node) && isModuleName(node.text) && scope.imports.has(node.text) && isValueReference(node) && !isCalleePosition(node)) {
      calls.push({ local: node.text, member: memberPathAfter(node), at: locOf(ctx, node), pos: node.getStart(ctx.sf), read: true });
    }
    ts.forEachChild(node, visit);
  }, "visit");
  const roots = isNodeList(root2) ? root2 : [root2];
  for (const r of roots) {
    if (includeRoot) visit(r);
    else ts.forEachChild(r, visit);
  }
}
__name(collectBodyEffects, "collectBodyEffects");
function isNodeList(x) {
  return Array.isArray(x);
}
__name(isNodeList, "isNodeList");
function awaitsSkipped(e, roots) {
  if (!roots) return false;
  const u = unwrap(e);
  if (!ts.isCallExpression(u)) return false;
  const ap = accessPath(u.expression);
  return !!ap && roots.has(ap.root);
}
__name(awaitsSkipped, "awaitsSkipped");
function memberPathAfter(id) {
  const path = [];
  let n = id;
  while (ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n && !ts.isCallExpression(n.parent.parent)) {
    path.push(n.parent.name.text);
    n = n.parent;
  }
  return path.slice(0, 1);
}
__name(memberPathAfter, "memberPathAfter");
function isCalleePosition(id) {
  let n = id;
  while (ts.isPropertyAccessExpression(n.parent) && n.parent.expression === n) n = n.parent;
  return (ts.isCallExpression(n.parent) || ts.isNewExpression(n.parent)) && n.parent.expression === n;
}
__name(isCalleePosition, "isCalleePosition");
function isValueReference(id) {
  const p = id.parent;
  if (!p) return false;
  if (ts.isPropertyAccessExpression(p) && p.name === id || ts.isPropertyAssignment(p) && p.name === id) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isExportSpecifier(p)) return false;
  if (ts.isTypeReferenceNode(p) || ts.isQualifiedName(p) || ts.isTypeQueryNode(p)) return false;
  return true;
}
__name(isValueReference, "isValueReference");
function isWriteTarget(node) {
  let n = node;
  while ((ts.isPropertyAccessExpression(n.parent) || ts.isElementAccessExpression(n.parent)) && n.parent.expression === n) n = n.parent;
  const p = n.parent;
  if (ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return true;
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return true;
  if (ts.isDeleteExpression(p)) return true;
  return false;
}
__name(isWriteTarget, "isWriteTarget");

// src/analyzers/2_detect_views.ts
var FACTORY_KIND = { createLiveView: "view", createLiveComponent: "component" };
var BASE_KIND = {
  BaseLiveView: { kind: "view", legacy: false },
  BaseLiveComponent: { kind: "component", legacy: false },
  BaseLiveViewComponent: { kind: "view", legacy: true }
};
var INTERFACE_KIND = { LiveView: "view", LiveComponent: "component", LiveViewComponent: "view" };
function resolvePackageRef(scope, expr) {
  const ap = accessPath(expr);
  if (!ap) return void 0;
  let root2 = ap.root;
  let path = ap.path;
  for (let i = 0; i < 5 && scope.aliases.has(root2) && !scope.imports.has(root2); i++) {
    const a = scope.aliases.get(root2);
    root2 = a.local;
    path = [...a.member, ...path];
  }
  const imp = scope.imports.get(root2);
  if (!imp) return void 0;
  if (imp.specifier === "liveviewjs") {
    if (imp.imported === "*" || imp.imported === "default") {
      const rest = path[0] === "default" ? path.slice(1) : path;
      return rest.length === 1 ? { via: "liveviewjs", name: rest[0] } : void 0;
    }
    return path.length === 0 ? { via: "liveviewjs", name: imp.imported } : void 0;
  }
  if (imp.specifier.startsWith("node:")) return void 0;
  return { via: "project", import: imp, member: path };
}
__name(resolvePackageRef, "resolvePackageRef");
function detectViews(ctx, scope, exports) {
  const out = [];
  const visit = /* @__PURE__ */ __name((node) => {
    if (ts.isCallExpression(node) && node.arguments.length >= 1) {
      const found = detectFactoryCall(ctx, scope, node);
      if (found) {
        const { name, exported } = viewName(ctx, node, exports);
        out.push({ node, definition: found.definition, name, exported, kind: found.kind, api: found.kind === "component" ? "createLiveComponent" : "createLiveView", detection: found.detection });
      }
    } else if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      const found = detectClass(scope, node);
      if (found) {
        const { name, exported } = viewName(ctx, node, exports);
        out.push({ node, definition: node, name, exported, kind: found.kind, api: found.legacy ? "legacy-class" : "class", detection: found.detection });
      }
    }
    ts.forEachChild(node, visit);
  }, "visit");
  visit(ctx.sf);
  return out;
}
__name(detectViews, "detectViews");
function definitionObject(scope, arg) {
  if (!arg) return void 0;
  const a = unwrap(arg);
  if (ts.isObjectLiteralExpression(a)) return a;
  if (ts.isIdentifier(a)) return scope.objects.get(a.text);
  return void 0;
}
__name(definitionObject, "definitionObject");
function hasMember(obj, name) {
  const members = ts.isObjectLiteralExpression(obj) ? obj.properties : obj.members;
  return members.some((m2) => propName(m2.name) === name);
}
__name(hasMember, "hasMember");
function detectFactoryCall(ctx, scope, call) {
  const def = definitionObject(scope, call.arguments[0]);
  if (!def) return void 0;
  const ref = resolvePackageRef(scope, call.expression);
  if (ref?.via === "liveviewjs") {
    const kind2 = FACTORY_KIND[ref.name];
    return kind2 ? { definition: def, kind: kind2, detection: { via: "liveviewjs" } } : void 0;
  }
  if (!hasMember(def, "render")) return void 0;
  if (ref?.via === "project") {
    const kind2 = hasMember(def, "update") || /component/i.test([ref.import.imported, ...ref.member].join(".")) ? "component" : "view";
    return { definition: def, kind: kind2, detection: { via: "project", import: ref.import, member: ref.member } };
  }
  const callee = unwrap(call.expression);
  const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
  const kind = FACTORY_KIND[calleeName];
  if (kind && !scope.functions.has(calleeName)) return { definition: def, kind, detection: { via: "shape" } };
  void ctx;
  return void 0;
}
__name(detectFactoryCall, "detectFactoryCall");
function detectClass(scope, cls) {
  for (const clause of cls.heritageClauses ?? []) {
    for (const t2 of clause.types) {
      const ref = resolvePackageRef(scope, t2.expression);
      if (clause.token === ts.SyntaxKind.ExtendsKeyword) {
        if (ref?.via === "liveviewjs" && BASE_KIND[ref.name]) {
          const b = BASE_KIND[ref.name];
          return { kind: b.kind, legacy: b.legacy || isLegacyClass(cls), detection: { via: "liveviewjs" } };
        }
        if (ref?.via === "project" && hasMember(cls, "render")) {
          const kind = /component/i.test([ref.import.imported, ...ref.member].join(".")) && !/viewcomponent/i.test(ref.import.imported) ? "component" : "view";
          return { kind, legacy: isLegacyClass(cls), detection: { via: "project", import: ref.import, member: ref.member } };
        }
      } else if (ref?.via === "liveviewjs" && INTERFACE_KIND[ref.name] && hasMember(cls, "render")) {
        return { kind: INTERFACE_KIND[ref.name], legacy: ref.name === "LiveViewComponent" || isLegacyClass(cls), detection: { via: "liveviewjs" } };
      }
    }
  }
  return void 0;
}
__name(detectClass, "detectClass");
function isLegacyClass(cls) {
  const members = ts.isObjectLiteralExpression(cls) ? cls.properties : cls.members;
  for (const m2 of members) {
    if (!ts.isMethodDeclaration(m2)) continue;
    const name = propName(m2.name);
    if (name === "handleEvent" && m2.parameters.length >= 3) return true;
    if (name === "mount" && m2.parameters.length >= 3) {
      const first = m2.parameters[0];
      const third = m2.parameters[2];
      const firstType = first.type?.getText() ?? "";
      const thirdType = third.type?.getText() ?? "";
      if (/Socket/.test(thirdType) && !/Socket/.test(firstType)) return true;
      if (!first.type && ts.isIdentifier(third.name) && /socket/i.test(third.name.text) && !(ts.isIdentifier(first.name) && /socket/i.test(first.name.text))) return true;
    }
  }
  return false;
}
__name(isLegacyClass, "isLegacyClass");
function viewName(ctx, node, exports) {
  const pick = /* @__PURE__ */ __name((local) => {
    const names = exports.filter((e) => e.local === local).map((e) => e.name);
    if (names.includes(local)) return { name: local, exported: true };
    const named = names.filter((n) => n !== "default").sort();
    if (named.length) return { name: named[0], exported: true };
    if (names.includes("default")) return { name: "default", exported: true };
    return { name: local, exported: false };
  }, "pick");
  if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name && ts.isClassDeclaration(node)) {
    const isDefault = ts.getModifiers(node)?.some((m2) => m2.kind === ts.SyntaxKind.DefaultKeyword);
    if (isDefault) return { name: "default", exported: true };
    return pick(node.name.text);
  }
  let p = node.parent;
  let child = node;
  while (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isNonNullExpression(p)) {
    child = p;
    p = p.parent;
  }
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return pick(p.name.text);
  if (ts.isExportAssignment(p)) return { name: "default", exported: true };
  if (ts.isClassDeclaration(node) && !node.name) return { name: "default", exported: true };
  if (ts.isBinaryExpression(p) && p.right === child) {
    const ap = accessPath(p.left);
    if (ap && ap.root === "module" && ap.path.length === 1 && ap.path[0] === "exports") return { name: "default", exported: true };
    if (ap && (ap.root === "exports" && ap.path.length === 1 || ap.root === "module" && ap.path[0] === "exports" && ap.path.length === 2))
      return { name: ap.path[ap.path.length - 1], exported: true };
  }
  if (ts.isPropertyAssignment(p)) {
    const key = propName(p.name);
    if (key) return { name: key, exported: false };
  }
  return { name: `view@${locOf(ctx, node).split(":").pop()}`, exported: false };
}
__name(viewName, "viewName");

// src/analyzers/4_template.ts
var HELPERS = /* @__PURE__ */ new Set([
  "form_for",
  "text_input",
  "telephone_input",
  "error_tag",
  "submit",
  "options_for_select",
  "live_patch",
  "live_title_tag",
  "live_file_input",
  "live_img_preview",
  "safe",
  "join",
  "escapehtml"
]);
var FIELD_HELPERS = /* @__PURE__ */ new Set(["text_input", "telephone_input", "live_file_input"]);
var PLACEHOLDER = /\u0001(\d+)\u0001/g;
function buildTemplateFacts(ctx, scope, render, reads, isMeta) {
  const bindings = [];
  const helpers = /* @__PURE__ */ new Set();
  const forms = [];
  const components = [];
  const fieldHelperFields = [];
  const formForCalls = [];
  const helperName = /* @__PURE__ */ __name((callee) => {
    const c = unwrap(callee);
    if (ts.isIdentifier(c)) {
      const imp = scope.imports.get(c.text);
      const n = imp && imp.imported !== "*" && imp.imported !== "default" ? imp.imported : c.text;
      return HELPERS.has(n) || n === "live_component" ? n : void 0;
    }
    if (ts.isPropertyAccessExpression(c)) {
      const ap = accessPath(c);
      if (ap && ap.path.length === 1 && ap.path[0] === "live_component") return "live_component";
      if (ap && ap.path.length === 1 && HELPERS.has(ap.path[0]) && scope.imports.get(ap.root)?.specifier === "liveviewjs") return ap.path[0];
    }
    return void 0;
  }, "helperName");
  const visit = /* @__PURE__ */ __name((node) => {
    if (ts.isTaggedTemplateExpression(node) && /(^|\.)html$/.test(node.tag.getText(ctx.sf))) scanTemplate(node.template);
    else if (ts.isCallExpression(node)) {
      const h = helperName(node.expression);
      if (h) {
        helpers.add(h);
        if (h === "live_component") {
          const c = node.arguments[0];
          if (c) components.push({ name: textOf(ctx, c, 80), at: locOf(ctx, node) });
        } else if (FIELD_HELPERS.has(h)) {
          const f = node.arguments[1];
          if (f && ts.isStringLiteralLike(unwrap(f))) fieldHelperFields.push(unwrap(f).text);
        } else if (h === "form_for") {
          const opts = node.arguments[2] ? unwrap(node.arguments[2]) : void 0;
          const rec = { at: locOf(ctx, node) };
          if (opts && ts.isObjectLiteralExpression(opts)) {
            for (const p of opts.properties) {
              if (!ts.isPropertyAssignment(p)) continue;
              const k = propName(p.name);
              const v = unwrap(p.initializer);
              if (!ts.isStringLiteralLike(v)) continue;
              if (k === "phx_submit") rec.event = v.text;
              if (k === "phx_change") rec.changeEvent = v.text;
              if (k === "phx_submit" || k === "phx_change") bindings.push({ attr: k.replace("_", "-"), value: v.text, dynamic: false, at: locOf(ctx, p) });
            }
          }
          formForCalls.push(rec);
        }
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(unwrap(node.expression))) {
      const n = unwrap(node.expression).text;
      const imp = scope.imports.get(n);
      if ((imp?.imported ?? n) === "JS") helpers.add("JS");
    }
    ts.forEachChild(node, visit);
  }, "visit");
  const scanTemplate = /* @__PURE__ */ __name((tpl) => {
    const pieces = [];
    const exprs = [];
    let combined = "";
    const addLiteral = /* @__PURE__ */ __name((lit, startTrim, endTrim) => {
      const start = lit.getStart(ctx.sf) + startTrim;
      const end = lit.getEnd() - endTrim;
      pieces.push({ cStart: combined.length, srcStart: start });
      combined += ctx.text.slice(start, end);
    }, "addLiteral");
    if (ts.isNoSubstitutionTemplateLiteral(tpl)) addLiteral(tpl, 1, 1);
    else {
      addLiteral(tpl.head, 1, 2);
      tpl.templateSpans.forEach((span, i) => {
        combined += `${i}`;
        exprs.push(span.expression);
        addLiteral(span.literal, 1, ts.isTemplateTail(span.literal) ? 1 : 2);
      });
    }
    const locAt = /* @__PURE__ */ __name((ci) => {
      let p = pieces[0];
      for (const q of pieces) if (q.cStart <= ci) p = q;
      return `${ctx.path}:${lineOf(ctx, p.srcStart + Math.max(0, ci - p.cStart))}`;
    }, "locAt");
    const valueOf = /* @__PURE__ */ __name((raw) => {
      const only = /^\u0001(\d+)\u0001$/.exec(raw);
      if (only) {
        const e = unwrap(exprs[Number(only[1])]);
        if (ts.isStringLiteralLike(e)) return { value: e.text, dynamic: false };
      }
      if (raw.includes("")) return { value: raw.replace(PLACEHOLDER, (_m, i) => "${" + textOf(ctx, exprs[Number(i)], 80) + "}"), dynamic: true };
      return { value: raw, dynamic: false };
    }, "valueOf");
    const attrRe = /(?:^|[\s"'])(phx-[a-z0-9_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;
    for (const m2 of combined.matchAll(attrRe)) {
      const raw = m2[2] ?? m2[3] ?? m2[4] ?? "";
      const { value, dynamic } = valueOf(raw);
      bindings.push({ attr: m2[1].toLowerCase(), value, dynamic, at: locAt(m2.index ?? 0) });
    }
    const formRe = /<form\b([^>]*)>/gi;
    for (const m2 of combined.matchAll(formRe)) {
      const attrs = m2[1] ?? "";
      const get = /* @__PURE__ */ __name((name) => {
        const r = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "i").exec(attrs);
        return r ? valueOf(r[1] ?? r[2] ?? "") : void 0;
      }, "get");
      const submit = get("phx-submit");
      const change = get("phx-change");
      const startIdx = (m2.index ?? 0) + m2[0].length;
      const endIdx = combined.indexOf("</form", startIdx);
      const inner = combined.slice(startIdx, endIdx < 0 ? void 0 : endIdx);
      const fields = [];
      for (const f of inner.matchAll(/<(?:input|select|textarea)\b[^>]*?\bname\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
        const v = valueOf(f[1] ?? f[2] ?? "");
        if (!v.dynamic) fields.push(v.value);
      }
      forms.push({ event: submit && !submit.dynamic ? submit.value : void 0, changeEvent: change && !change.dynamic ? change.value : void 0, fields: uniqSorted(fields), at: locAt(m2.index ?? 0) });
    }
  }, "scanTemplate");
  visit(render);
  for (const f of formForCalls) forms.push({ event: f.event, changeEvent: f.changeEvent, fields: uniqSorted(fieldHelperFields), at: f.at });
  void isMeta;
  return {
    reads: uniqSorted(reads),
    bindings: sortBy(bindings, (b) => `${b.attr}\0${b.value}`).sort((a, b) => compareLoc(a.at, b.at) || (a.attr < b.attr ? -1 : a.attr > b.attr ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
    helpers: uniqSorted(helpers),
    forms: forms.sort((a, b) => compareLoc(a.at, b.at)).map((f) => clean(f)),
    components: components.sort((a, b) => compareLoc(a.at, b.at) || (a.name < b.name ? -1 : 1)),
    span: { start: render.getStart(ctx.sf), end: render.getEnd() }
  };
}
__name(buildTemplateFacts, "buildTemplateFacts");
function clean(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
}
__name(clean, "clean");

// src/analyzers/3_view_model.ts
var SOCKET_OPS = /* @__PURE__ */ new Set([
  "pageTitle",
  "pushEvent",
  "pushPatch",
  "pushRedirect",
  "putFlash",
  "allowUpload",
  "cancelUpload",
  "uploadedEntries",
  "consumeUploadedEntries",
  "repeat"
]);
var UPLOAD_OPS = /* @__PURE__ */ new Set(["uploadedEntries", "consumeUploadedEntries"]);
var TIMERS = /* @__PURE__ */ new Set(["setInterval", "setTimeout"]);
var CURRENT_PARAMS = {
  mount: ["socket", "session", "params"],
  handleParams: ["url", "socket"],
  handleEvent: ["event", "socket"],
  handleInfo: ["info", "socket"],
  render: ["context", "meta"],
  update: ["socket"],
  shutdown: ["none", "context"]
};
var LEGACY_PARAMS = {
  mount: ["params", "session", "socket"],
  handleParams: ["params", "url", "socket"],
  handleEvent: ["eventType", "event", "socket"],
  handleInfo: ["info", "socket"],
  render: ["context", "meta"],
  update: ["socket"],
  shutdown: ["none", "context"]
};
var COMPONENT_PARAMS = { ...CURRENT_PARAMS, mount: ["socket"] };
function buildViewModel({ ctx, scope, view, changesetFactories, errors }) {
  const legacy = view.api === "legacy-class";
  const hasAnnotations = ctx.text.includes("@migrate");
  const paramTable = legacy ? LEGACY_PARAMS : view.kind === "component" ? COMPONENT_PARAMS : CURRENT_PARAMS;
  const members = handlerMembers(scope, view.definition);
  const markers = [];
  let dynamicKeys = false;
  const handlers = {};
  for (const [name, fn] of members) handlers[name] = spanOf(ctx, fn);
  const viewClassName = !ts.isObjectLiteralExpression(view.definition) && view.definition.name && scope.classes.has(view.definition.name.text) ? view.definition.name.text : void 0;
  const newAcc = /* @__PURE__ */ __name(() => ({ writes: [], reads: [], calls: [], effects: [], sendsInfo: [], timerInfos: [], subscribes: [], socketOps: [] }), "newAcc");
  const envFor = /* @__PURE__ */ __name((name, fn, handler) => {
    const roles = /* @__PURE__ */ new Map();
    const params = fn.parameters ?? [];
    const table = paramTable[name] ?? [];
    params.forEach((p, i) => bindParam(p.name, table[i] ?? "none", roles));
    const env = { handler, roles, defs: /* @__PURE__ */ new Map(), locals: /* @__PURE__ */ new Set(), depth: 0, following: /* @__PURE__ */ new Set([fn]), legacyReturns: legacy && (name === "mount" || name === "handleEvent" || name === "handleParams" || name === "handleInfo") };
    prescan(fn, env);
    return env;
  }, "envFor");
  const evalValue = /* @__PURE__ */ __name((e0, env, res, seen, depth) => {
    if (depth > 14 || seen.has(e0)) return;
    seen.add(e0);
    const e = unwrap(e0);
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
          if (d.member !== void 0) evalMember(d.expr, [d.member], d.env ?? env, res, seen, depth + 1);
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
    if (ts.isBinaryExpression(e)) {
      evalValue(e.left, env, res, seen, depth + 1);
      evalValue(e.right, env, res, seen, depth + 1);
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
  }, "evalValue");
  const moduleValue = /* @__PURE__ */ __name((name, path, node, res, seen, depth) => {
    if (name === "process" && path[0] === "env") return void res.sources.add("env");
    const c = scope.consts.get(name);
    if (c && !scope.state.has(name)) {
      const modEnv = { handler: "<module>", roles: /* @__PURE__ */ new Map(), defs: /* @__PURE__ */ new Map(), locals: /* @__PURE__ */ new Set(), depth: 0, following: /* @__PURE__ */ new Set(), legacyReturns: false };
      return evalValue(c, modEnv, res, seen, depth + 1);
    }
    if (scope.state.has(name) || scope.imports.has(name) || scope.aliases.has(name) || scope.instances.has(name)) {
      res.calls.push({ local: name, member: path.slice(0, 1), at: locOf(ctx, node), pos: node.getStart(ctx.sf), read: true });
    }
  }, "moduleValue");
  const evalMember = /* @__PURE__ */ __name((root2, path, env, res, seen, depth) => {
    const r0 = unwrap(root2);
    if (ts.isIdentifier(r0)) {
      const r = env.roles.get(r0.text);
      if (r) return addRole(r, path, res);
      const defs = env.defs.get(r0.text);
      if (defs) {
        for (const d of defs) evalMember(d.expr, d.member !== void 0 ? [d.member, ...path] : path, d.env ?? env, res, seen, depth + 1);
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
  }, "evalMember");
  const addRole = /* @__PURE__ */ __name((r, path, res) => {
    switch (r.role) {
      case "event":
      case "eventType":
        res.sources.add("event-param");
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
        res.deps.add(r.key);
        break;
      case "socket":
        if (path[0] === "context" && path[1]) res.deps.add(path[1]);
        else if (path[0] === "url") res.sources.add("url");
        else res.sources.add("literal");
        break;
      default:
        break;
    }
  }, "addRole");
  const isLocalChangeset = /* @__PURE__ */ __name((name, env) => (env.defs.get(name) ?? []).some((d) => {
    const x = unwrap(d.expr);
    return ts.isCallExpression(x) && /newChangesetFactory$/.test(x.expression.getText(ctx.sf));
  }), "isLocalChangeset");
  const annotationCache = /* @__PURE__ */ new Map();
  const annotated = /* @__PURE__ */ __name((node) => {
    if (!hasAnnotations) return void 0;
    if (!annotationCache.has(node)) annotationCache.set(node, classAnnotation(ctx, node));
    return annotationCache.get(node);
  }, "annotated");
  const recordWrite = /* @__PURE__ */ __name((key, valueNode, whole, env, acc, temporary) => {
    const res = { sources: /* @__PURE__ */ new Set(), calls: [], deps: /* @__PURE__ */ new Set() };
    if (valueNode) evalValue(valueNode, env, res, /* @__PURE__ */ new Set(), 0);
    if (env.handler.startsWith("handleInfo")) res.sources.add("info");
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
      ...annotated(whole) ? { annotation: annotated(whole) } : {}
    });
  }, "recordWrite");
  const dynamic = /* @__PURE__ */ __name((node, why) => {
    dynamicKeys = true;
    markers.push({ code: "DYNAMIC_KEYS", message: `assign with keys the analysis cannot read (${why}): decide this view's state by hand`, at: locOf(ctx, node), span: spanOf(ctx, node) });
    errors.push({ file: ctx.path, code: "DYNAMIC_KEYS", message: `${locOf(ctx, node)}: ${why} in ${view.name}; its keys cannot be classified` });
  }, "dynamic");
  const assignObject = /* @__PURE__ */ __name((arg, call, env, acc, temporary, depth = 0) => {
    if (!arg) return;
    const a = unwrap(arg);
    if (ts.isObjectLiteralExpression(a)) {
      for (const p of a.properties) {
        if (ts.isSpreadAssignment(p)) {
          const s = unwrap(p.expression);
          const ap = accessPath(s);
          const r = ap ? env.roles.get(ap.root) : void 0;
          if (r && (r.role === "socket" && ap.path.join(".") === "context" || r.role === "context" && ap.path.length === 0)) continue;
          assignObject(s, p, env, acc, temporary, depth + 1);
          continue;
        }
        const key = propName(p.name);
        if (key === void 0) {
          dynamic(p, `computed key ${textOf(ctx, p.name, 60)}`);
          continue;
        }
        if (ts.isPropertyAssignment(p)) recordWrite(key, p.initializer, p, env, acc, temporary);
        else if (ts.isShorthandPropertyAssignment(p)) recordWrite(key, p.name, p, env, acc, temporary);
        else recordWrite(key, void 0, p, env, acc, temporary);
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
      const objs = defs.filter((d) => d.member === void 0 && ts.isObjectLiteralExpression(unwrap(d.expr)));
      if (objs.length > 0 && objs.length === defs.length) {
        for (const d of objs) assignObject(d.expr, call, env, acc, temporary, depth + 1);
        return;
      }
      const r = env.roles.get(a.text);
      if (r?.role === "context") return;
      return dynamic(call, `a variable object \`${a.text}\``);
    }
    dynamic(call, ts.isCallExpression(a) ? `the result of \`${textOf(ctx, a, 60)}\`` : `\`${textOf(ctx, a, 60)}\``);
  }, "assignObject");
  const walk = /* @__PURE__ */ __name((nodes, env, acc, withEffects = true) => {
    const socketNames = new Set([...env.roles].filter(([, r]) => r.role === "socket").map(([n]) => n));
    if (withEffects) collectBodyEffects(ctx, scope, nodes, env.locals, viewClassName, acc.effects, acc.calls, true, socketNames);
    const visit = /* @__PURE__ */ __name((node, inTimer, fnDepth) => {
      if (ts.isCallExpression(node)) {
        const callee = unwrap(node.expression);
        const ap = accessPath(callee);
        const role = ap ? env.roles.get(ap.root) : void 0;
        if (ap && role?.role === "socket" && ap.path.length === 1) {
          const op = ap.path[0];
          if (op === "assign" || op === "tempAssign") assignObject(node.arguments[0], node, env, acc, op === "tempAssign");
          else if (op === "sendInfo") {
            const name = infoName(node.arguments[0]);
            if (inTimer) acc.timerInfos.push(name);
            else {
              acc.sendsInfo.push(name);
              acc.calls.push({ local: "@info", member: [name], at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
            }
          } else if (op === "subscribe") {
            acc.subscribes.push(node.arguments[0] ? textOf(ctx, node.arguments[0], 80) : "?");
            acc.effects.push({ kind: "pubsub", detail: `subscribe ${node.arguments[0] ? textOf(ctx, node.arguments[0], 60) : ""}`.trim(), at: locOf(ctx, node), pos: node.getStart(ctx.sf) });
          } else if (SOCKET_OPS.has(op)) acc.socketOps.push(op);
        } else if (ts.isIdentifier(callee) && TIMERS.has(callee.text) && !env.locals.has(callee.text)) {
          for (const a of node.arguments) visit(a, true, fnDepth);
          return;
        } else if (ts.isIdentifier(callee) && scope.functions.has(callee.text) && !env.locals.has(callee.text) && env.depth < 4) {
          follow(scope.functions.get(callee.text), node, env, acc, inTimer);
        } else if (ap && ap.path.length === 1 && role === void 0 && ap.root === "this") {
          const m2 = classMethod(view.definition, ap.path[0]);
          if (m2 && env.depth < 4) follow(m2, node, env, acc, inTimer);
        }
      } else if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
        const ap = accessPath(node);
        if (ap && !(ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node)) {
          const r = env.roles.get(ap.root);
          if (r?.role === "socket" && ap.path[0] === "context") {
            if (ap.path[1]) acc.reads.push({ key: ap.path[1], in: env.handler, at: locOf(ctx, node) });
            else if (ts.isVariableDeclaration(node.parent) && ts.isObjectBindingPattern(node.parent.name)) readPattern(node.parent.name, env, acc);
          } else if (r?.role === "context") {
            if (ap.path[0]) acc.reads.push({ key: ap.path[0], in: env.handler, at: locOf(ctx, node) });
          }
        }
      } else if (ts.isIdentifier(node)) {
        const r = env.roles.get(node.text);
        if (r?.role === "contextKey" && !ts.isBindingElement(node.parent) && !ts.isParameter(node.parent)) acc.reads.push({ key: r.key, in: env.handler, at: locOf(ctx, node) });
        if (r?.role === "context" && ts.isVariableDeclaration(node.parent) && node.parent.initializer === node && ts.isObjectBindingPattern(node.parent.name)) readPattern(node.parent.name, env, acc);
      } else if (ts.isReturnStatement(node) && env.legacyReturns && fnDepth === 0 && node.expression) {
        const r = unwrap(node.expression);
        if (ts.isObjectLiteralExpression(r)) assignObject(r, node, env, acc, false);
      }
      if (ts.isElementAccessExpression(node) && isTypeExpr(node.argumentExpression, env) && ts.isCallExpression(node.parent) && node.parent.expression === node) {
        markers.push({ code: "DYNAMIC_EVENT", message: `events dispatched through \`${textOf(ctx, node, 60)}\`: each event's handler cannot be located`, at: locOf(ctx, node), span: spanOf(ctx, node) });
      }
      const nextDepth = isFunctionExpr(node) || ts.isFunctionDeclaration(node) ? fnDepth + 1 : fnDepth;
      ts.forEachChild(node, (c) => visit(c, inTimer, nextDepth));
    }, "visit");
    for (const n of nodes) visit(n, false, 0);
  }, "walk");
  const readPattern = /* @__PURE__ */ __name((pattern, env, acc) => {
    for (const el of pattern.elements) {
      const key = propName(el.propertyName ?? el.name);
      if (key) acc.reads.push({ key, in: env.handler, at: locOf(ctx, el) });
    }
  }, "readPattern");
  const follow = /* @__PURE__ */ __name((fn, call, env, acc, inTimer) => {
    if (env.following.has(fn)) return;
    const params = fn.parameters ?? [];
    const roles = /* @__PURE__ */ new Map();
    const argDefs = /* @__PURE__ */ new Map();
    let anyRole = false;
    call.arguments.forEach((a, i) => {
      const x = unwrap(a);
      const p = params[i];
      if (!p) return;
      if (ts.isIdentifier(x) && env.roles.has(x.text)) {
        bindParam(p.name, env.roles.get(x.text).role, roles, env.roles.get(x.text).key);
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
    const sub = { handler: env.handler, roles, defs: argDefs, locals: /* @__PURE__ */ new Set(), depth: env.depth + 1, following: /* @__PURE__ */ new Set([...env.following, fn]), legacyReturns: false };
    prescan(fn, sub);
    walk(bodyNodes(fn), sub, { ...acc, effects: [] });
    void inTimer;
  }, "follow");
  const isTypeExpr = /* @__PURE__ */ __name((e0, env) => {
    const e = unwrap(e0);
    if (ts.isIdentifier(e)) {
      const r = env.roles.get(e.text)?.role;
      return r === "eventType" || r === "infoType" || r === "info";
    }
    if (ts.isPropertyAccessExpression(e) && e.name.text === "type" && ts.isIdentifier(unwrap(e.expression))) {
      const r = env.roles.get(unwrap(e.expression).text)?.role;
      return r === "event" || r === "info";
    }
    return false;
  }, "isTypeExpr");
  const prescan = /* @__PURE__ */ __name((fn, env) => {
    const visit = /* @__PURE__ */ __name((node) => {
      if ((ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isBindingElement(node)) && ts.isIdentifier(node.name)) env.locals.add(node.name.text);
      else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) env.locals.add(node.name.text);
      if (ts.isVariableDeclaration(node) && node.initializer) {
        const init = unwrap(node.initializer);
        const ap = accessPath(init);
        const r = ap ? env.roles.get(ap.root) : void 0;
        if (ts.isIdentifier(node.name)) {
          if (r && (r.role === "event" || r.role === "info") && ap.path.length === 1 && ap.path[0] === "type") env.roles.set(node.name.text, { role: r.role === "event" ? "eventType" : "infoType" });
          else if (r && r.role === "socket" && ap.path.length === 1 && ap.path[0] === "context") env.roles.set(node.name.text, { role: "context" });
          else if (r && r.role === "context" && ap.path.length === 1) env.roles.set(node.name.text, { role: "contextKey", key: ap.path[0] });
          else pushDef(env, node.name.text, { expr: node.initializer });
        } else if (ts.isObjectBindingPattern(node.name)) {
          for (const el of node.name.elements) {
            if (!ts.isIdentifier(el.name)) continue;
            const prop = propName(el.propertyName ?? el.name) ?? el.name.text;
            if (r && (r.role === "event" || r.role === "info") && ap.path.length === 0 && prop === "type") env.roles.set(el.name.text, { role: r.role === "event" ? "eventType" : "infoType" });
            else if (r && r.role === "socket" && ap.path.join(".") === "context") env.roles.set(el.name.text, { role: "contextKey", key: prop });
            else if (r && r.role === "context" && ap.path.length === 0) env.roles.set(el.name.text, { role: "contextKey", key: prop });
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
      }
      ts.forEachChild(node, visit);
    }, "visit");
    ts.forEachChild(fn, visit);
  }, "prescan");
  const facts2 = /* @__PURE__ */ __name((acc) => ({
    reads: uniqSorted(acc.reads.map((r) => r.key)),
    writes: uniqSorted(acc.writes.map((w) => w.key)),
    calls: sortCalls(acc.calls),
    effects: sortEffects(acc.effects),
    sendsInfo: uniqSorted(acc.sendsInfo),
    subscribes: uniqSorted(acc.subscribes),
    socketOps: uniqSorted(acc.socketOps)
  }), "facts");
  const allWrites = [];
  const allReads = [];
  const lifecycle = {};
  const events = [];
  const infos = [];
  const timerInfos = [];
  const sentInfos = [];
  const collect = /* @__PURE__ */ __name((acc) => {
    allWrites.push(...acc.writes);
    allReads.push(...acc.reads);
    timerInfos.push(...acc.timerInfos);
    sentInfos.push(...acc.sendsInfo);
  }, "collect");
  for (const name of ["mount", "handleParams", "update", "shutdown"]) {
    const fn = members.get(name);
    if (!fn) continue;
    const env = envFor(name, fn, name);
    const acc = newAcc();
    walk(bodyNodes(fn), env, acc);
    collect(acc);
    lifecycle[name] = facts2(acc);
  }
  const render = members.get("render");
  let template = { reads: [], bindings: [], helpers: [], forms: [], components: [] };
  if (render) {
    const env = envFor("render", render, "render");
    const acc = newAcc();
    walk(bodyNodes(render), env, acc, false);
    allReads.push(...acc.reads);
    template = buildTemplateFacts(ctx, scope, render, acc.reads.map((r) => r.key), (id) => env.roles.get(id)?.role === "meta");
  }
  const dispatchHandler = /* @__PURE__ */ __name((name, out, fallbackNames) => {
    const fn = members.get(name);
    if (!fn) return;
    const env0 = envFor(name, fn, name);
    const { branches, common } = findBranches(bodyNodes(fn), (e) => isTypeExpr(e, env0), (e) => stringCasesWith(e, (x) => isTypeExpr(x, env0)));
    const runBranch = /* @__PURE__ */ __name((evName, nodes, spanNode) => {
      const env = { ...env0, handler: `${name}:${evName}` };
      const acc = newAcc();
      walk([...common, ...nodes], env, acc);
      collect(acc);
      out.push({ name: evName, at: locOf(ctx, spanNode), span: spanOf(ctx, spanNode), ...facts2(acc) });
    }, "runBranch");
    if (branches.length > 0) {
      for (const b of branches) for (const n of b.names) runBranch(n, b.nodes, b.spanNode);
    } else {
      const names = fallbackNames();
      for (const n of names.length ? names : [name === "handleEvent" ? "*" : "*"]) runBranch(n, [], fn);
    }
  }, "dispatchHandler");
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
    handlers: Object.fromEntries(Object.entries(handlers).sort(([a], [b]) => a < b ? -1 : 1)),
    writes: dedupeWrites(allWrites),
    reads: dedupeReads(allReads),
    events: sortBy(dedupeByName(events), (e) => e.name),
    infos: sortBy(dedupeByName(infos), (e) => e.name),
    lifecycle,
    timerInfos: uniqSorted(timerInfos),
    template,
    markers: dedupeMarkers(markers),
    dynamicKeys,
    ...hasAnnotations && ignoreAnnotation(ctx, view.node) ? { ignored: ignoreAnnotation(ctx, view.node) } : {}
  };
}
__name(buildViewModel, "buildViewModel");
function isEventBinding(attr) {
  return /^phx-(click|change|submit|blur|focus|keydown|keyup|window-keydown|window-keyup|window-focus|window-blur|click-away|capture-click)$/.test(attr);
}
__name(isEventBinding, "isEventBinding");
function dedupeByName(items) {
  const seen = /* @__PURE__ */ new Set();
  return items.filter((i) => seen.has(i.name) ? false : (seen.add(i.name), true));
}
__name(dedupeByName, "dedupeByName");
function dedupeWrites(ws) {
  const seen = /* @__PURE__ */ new Set();
  return ws.filter((w) => {
    const k = `${w.key}\0${w.handler}\0${w.span.start}`;
    return seen.has(k) ? false : (seen.add(k), true);
  }).sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : a.span.start - b.span.start || (a.handler < b.handler ? -1 : a.handler > b.handler ? 1 : 0));
}
__name(dedupeWrites, "dedupeWrites");
function dedupeReads(rs) {
  const seen = /* @__PURE__ */ new Set();
  return rs.filter((r) => {
    const k = `${r.key}\0${r.in}\0${r.at}`;
    return seen.has(k) ? false : (seen.add(k), true);
  }).sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : compareLoc(a.at, b.at) || (a.in < b.in ? -1 : a.in > b.in ? 1 : 0));
}
__name(dedupeReads, "dedupeReads");
function dedupeMarkers(ms) {
  const seen = /* @__PURE__ */ new Set();
  return ms.filter((m2) => {
    const k = `${m2.code}\0${m2.span?.start}`;
    return seen.has(k) ? false : (seen.add(k), true);
  }).sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0) || (a.code < b.code ? -1 : 1));
}
__name(dedupeMarkers, "dedupeMarkers");
function pushDef(env, name, def) {
  const list = env.defs.get(name);
  if (list) list.push(def);
  else env.defs.set(name, [def]);
}
__name(pushDef, "pushDef");
function namesOf(name) {
  if (ts.isIdentifier(name)) return [name.text];
  const out = [];
  for (const el of name.elements) if (!ts.isOmittedExpression(el)) out.push(...namesOf(el.name));
  return out;
}
__name(namesOf, "namesOf");
function bindParam(name, role, roles, key) {
  if (ts.isIdentifier(name)) {
    roles.set(name.text, { role, key });
    return;
  }
  if (!ts.isObjectBindingPattern(name)) return;
  for (const el of name.elements) {
    if (!ts.isIdentifier(el.name)) continue;
    const prop = propName(el.propertyName ?? el.name) ?? el.name.text;
    if (role === "event" || role === "info") roles.set(el.name.text, { role: prop === "type" && !el.dotDotDotToken ? role === "event" ? "eventType" : "infoType" : role });
    else if (role === "context") roles.set(el.name.text, el.dotDotDotToken ? { role: "context" } : { role: "contextKey", key: prop });
    else if (role === "socket") roles.set(el.name.text, { role: "none" });
    else roles.set(el.name.text, { role });
  }
}
__name(bindParam, "bindParam");
function infoName(arg) {
  if (!arg) return "?";
  const a = unwrap(arg);
  if (ts.isStringLiteralLike(a)) return a.text;
  if (ts.isObjectLiteralExpression(a)) {
    for (const p of a.properties) if (ts.isPropertyAssignment(p) && propName(p.name) === "type" && ts.isStringLiteralLike(unwrap(p.initializer))) return unwrap(p.initializer).text;
  }
  return "?";
}
__name(infoName, "infoName");
function forEachReturn(body, f) {
  const visit = /* @__PURE__ */ __name((n) => {
    if (ts.isReturnStatement(n) && n.expression) f(n.expression);
    if (isFunctionExpr(n) || ts.isFunctionDeclaration(n)) return;
    ts.forEachChild(n, visit);
  }, "visit");
  visit(body);
}
__name(forEachReturn, "forEachReturn");
function bodyNodes(fn) {
  const body = fn.body;
  if (!body) return [];
  return ts.isBlock(body) ? body.statements : [body];
}
__name(bodyNodes, "bodyNodes");
function classMethod(def, name) {
  const members = ts.isObjectLiteralExpression(def) ? def.properties : def.members;
  for (const m2 of members) {
    if (propName(m2.name) !== name) continue;
    if (ts.isMethodDeclaration(m2)) return m2;
    if ((ts.isPropertyAssignment(m2) || ts.isPropertyDeclaration(m2)) && m2.initializer && isFunctionExpr(m2.initializer)) return unwrap(m2.initializer);
  }
  return void 0;
}
__name(classMethod, "classMethod");
function handlerMembers(scope, def) {
  const out = /* @__PURE__ */ new Map();
  const members = ts.isObjectLiteralExpression(def) ? def.properties : def.members;
  for (const m2 of members) {
    const name = propName(m2.name);
    if (!name) continue;
    if (ts.isMethodDeclaration(m2)) out.set(name, m2);
    else if ((ts.isPropertyAssignment(m2) || ts.isPropertyDeclaration(m2)) && m2.initializer) {
      const init = unwrap(m2.initializer);
      if (isFunctionExpr(init)) out.set(name, init);
      else if (ts.isIdentifier(init) && scope.functions.has(init.text)) out.set(name, scope.functions.get(init.text));
    } else if (ts.isShorthandPropertyAssignment(m2) && scope.functions.has(name)) out.set(name, scope.functions.get(name));
  }
  return out;
}
__name(handlerMembers, "handlerMembers");
function findBranches(statements, isType, cases) {
  const branches = [];
  const common = [];
  const scan = /* @__PURE__ */ __name((stmts) => {
    for (const st of stmts) {
      if (ts.isSwitchStatement(st) && isType(st.expression)) {
        let pending = [];
        for (const clause of st.caseBlock.clauses) {
          if (ts.isCaseClause(clause)) {
            const e = unwrap(clause.expression);
            if (ts.isStringLiteralLike(e)) pending.push(e.text);
          }
          if (clause.statements.length > 0) {
            if (ts.isCaseClause(clause) && pending.length) branches.push({ names: pending, nodes: clause.statements, spanNode: clause });
            pending = [];
          }
        }
        continue;
      }
      if (ts.isIfStatement(st) && cases(st.expression)) {
        let cur = st;
        while (cur && ts.isIfStatement(cur)) {
          const names = cases(cur.expression);
          if (!names) {
            common.push(cur);
            break;
          }
          branches.push({ names, nodes: [cur.thenStatement], spanNode: cur.thenStatement });
          cur = cur.elseStatement;
        }
        continue;
      }
      if (ts.isTryStatement(st) && containsDispatch(st.tryBlock.statements, isType, cases)) {
        scan(st.tryBlock.statements);
        continue;
      }
      common.push(st);
    }
  }, "scan");
  scan(statements);
  return { branches, common };
}
__name(findBranches, "findBranches");
function containsDispatch(stmts, isType, cases) {
  return stmts.some((s) => ts.isSwitchStatement(s) && isType(s.expression) || ts.isIfStatement(s) && !!cases(s.expression));
}
__name(containsDispatch, "containsDispatch");
function stringCasesWith(e0, isType) {
  const e = unwrap(e0);
  if (!ts.isBinaryExpression(e)) return void 0;
  const op = e.operatorToken.kind;
  if (op === ts.SyntaxKind.BarBarToken) {
    const l = stringCasesWith(e.left, isType);
    const r = stringCasesWith(e.right, isType);
    return l && r ? [...l, ...r] : void 0;
  }
  if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken) {
    const l = unwrap(e.left);
    const r = unwrap(e.right);
    if (isType(l) && ts.isStringLiteralLike(r)) return [r.text];
    if (isType(r) && ts.isStringLiteralLike(l)) return [l.text];
  }
  return void 0;
}
__name(stringCasesWith, "stringCasesWith");

// src/analyzers/analyze_file.ts
var EMPTY_MODULE = { imports: [], exports: [], reExports: [], state: [], functions: [], instances: [], classes: [], values: [], changesetFactories: [], routes: [], keyAnnotations: [], aliases: [], usesLiveViewJs: false };
function analyzeSource(input, _options) {
  const errors = [];
  let sf;
  try {
    sf = parse(input.path, input.text);
  } catch (e) {
    return { path: input.path, module: EMPTY_MODULE, views: [], errors: [{ file: input.path, code: "PARSE_ERROR", message: `the parser failed: ${e.message}` }] };
  }
  const ctx = { path: input.path, text: input.text, sf };
  const diags = parseDiagnostics(sf);
  if (diags.length > 0) {
    const d = diags[0];
    const msg = ts.flattenDiagnosticMessageText(d.messageText, " ");
    const more = diags.length > 1 ? ` (and ${diags.length - 1} more)` : "";
    return { path: input.path, module: EMPTY_MODULE, views: [], errors: [{ file: input.path, code: "PARSE_ERROR", message: `syntax error at line ${lineOf(ctx, d.start ?? 0)}: ${msg}${more}` }] };
  }
  try {
    const { summary, scope } = buildModuleSummary(ctx);
    const changesetFactories = /* @__PURE__ */ new Set();
    for (const [name, init] of scope.consts) {
      const e = unwrap(init);
      if (ts.isCallExpression(e)) {
        const ref = resolvePackageRef(scope, e.expression);
        if (ref?.via === "liveviewjs" && ref.name === "newChangesetFactory") changesetFactories.add(name);
      }
    }
    summary.changesetFactories = [...changesetFactories].sort();
    const detected = detectViews(ctx, scope, summary.exports);
    const views = detected.map((view) => buildViewModel({ ctx, scope, view, changesetFactories, errors }));
    views.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : a.span.start - b.span.start);
    return { path: input.path, module: summary, views, errors: sortErrors(errors) };
  } catch (e) {
    return { path: input.path, module: EMPTY_MODULE, views: [], errors: [{ file: input.path, code: "ANALYZER_ERROR", message: `analysis failed: ${e.message}` }] };
  }
}
__name(analyzeSource, "analyzeSource");
function sortErrors(errors) {
  const seen = /* @__PURE__ */ new Set();
  return errors.filter((e) => {
    const k = `${e.code}\0${e.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  }).sort((a, b) => a.code < b.code ? -1 : a.code > b.code ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
__name(sortErrors, "sortErrors");

// src/analyzers/5_resolve.ts
import { readFileSync } from "node:fs";
import { join, posix as posix2 } from "node:path";

// src/analyzers/module_paths.ts
import { posix } from "node:path";
var SOURCE_EXTS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
var JS_TO_TS = {
  ".js": [".ts", ".tsx", ".js", ".jsx"],
  ".jsx": [".tsx", ".jsx"],
  ".mjs": [".mts", ".mjs"],
  ".cjs": [".cts", ".cjs"]
};
function isRelativeSpecifier(spec) {
  return spec === "." || spec === ".." || spec.startsWith("./") || spec.startsWith("../") || spec.startsWith("/");
}
__name(isRelativeSpecifier, "isRelativeSpecifier");
function candidatesFor(fromFile, spec) {
  if (!isRelativeSpecifier(spec)) return [];
  const base = spec.startsWith("/") ? posix.normalize(spec.slice(1)) : posix.normalize(posix.join(posix.dirname(fromFile), spec));
  return candidatesForBase(base);
}
__name(candidatesFor, "candidatesFor");
function candidatesForBase(base) {
  const ext = posix.extname(base);
  const out = [];
  if (JS_TO_TS[ext]) {
    const stem = base.slice(0, -ext.length);
    for (const e of JS_TO_TS[ext]) out.push(stem + e);
  } else if (SOURCE_EXTS.includes(ext)) {
    out.push(base);
  } else {
    for (const e of SOURCE_EXTS) out.push(base + e);
    for (const e of SOURCE_EXTS) out.push(`${base}/index${e}`);
  }
  return out;
}
__name(candidatesForBase, "candidatesForBase");

// src/analyzers/5_resolve.ts
function buildProjectIndex(facts2, root2) {
  const files2 = new Map(facts2.map((f) => [f.path, f]));
  const functions = /* @__PURE__ */ new Map();
  for (const f of facts2) for (const fn of f.module.functions) functions.set(`${f.path}#${fn.name}`, fn);
  const { mappings, baseUrl } = readPathMappings(root2);
  const moduleCache = /* @__PURE__ */ new Map();
  const firstExisting = /* @__PURE__ */ __name((cands) => cands.find((c) => files2.has(c)), "firstExisting");
  const resolveModule = /* @__PURE__ */ __name((from, spec) => {
    const key = isRelativeSpecifier(spec) ? `${posix2.dirname(from)}\0${spec}` : `\0${spec}`;
    if (moduleCache.has(key)) return moduleCache.get(key);
    let out;
    if (isRelativeSpecifier(spec)) out = firstExisting(candidatesFor(from, spec));
    else {
      for (const m2 of mappings) {
        if (m2.wildcard ? spec.startsWith(m2.prefix) && spec.endsWith(m2.suffix) && spec.length >= m2.prefix.length + m2.suffix.length : spec === m2.prefix) {
          const star = m2.wildcard ? spec.slice(m2.prefix.length, spec.length - m2.suffix.length) : "";
          for (const t2 of m2.targets) {
            out = firstExisting(candidatesForBase(posix2.normalize(t2.replace("*", star))));
            if (out) break;
          }
          if (out) break;
        }
      }
      if (!out && baseUrl !== void 0) out = firstExisting(candidatesForBase(posix2.normalize(posix2.join(baseUrl, spec))));
    }
    moduleCache.set(key, out);
    return out;
  }, "resolveModule");
  const resolveRef = /* @__PURE__ */ __name((path, ref, read = false, depth = 0) => {
    if (depth > 16) return { kind: "unresolved", why: "resolution too deep (cycle?)" };
    const f = files2.get(path);
    if (!f) return { kind: "unresolved", why: `${path} was not analyzed` };
    const m2 = f.module;
    const { local, member } = ref;
    for (let k = member.length; k >= 0; k--) {
      const name = [local, ...member.slice(0, k)].join(".");
      if (functions.has(`${path}#${name}`)) return { kind: "function", id: `${path}#${name}` };
    }
    if (local === "module.exports" && member.length > 0) {
      const named = m2.exports.find((e) => e.name === member[0] && e.local !== "module.exports");
      if (named) return resolveRef(path, { local: named.local, member: member.slice(1) }, read, depth + 1);
    }
    const state = m2.state.find((s) => s.name === local);
    if (state && state.kind !== "instance") {
      const last = member[member.length - 1];
      const write = !read && !!last && MUTATING_METHODS.has(last);
      const label = state.kind === "let" || state.kind === "var" ? "variable" : state.kind === "map" ? "Map" : state.kind === "set" ? "Set" : state.kind;
      return { kind: "state", id: `${path}#${local}`, detail: `${write ? "writes" : "reads"} module state ${local} (${label}) in ${path}`, write };
    }
    if (m2.changesetFactories.includes(local)) return { kind: "changeset", id: `${path}#${local}` };
    if (m2.classes.includes(local)) {
      if (member.length === 0) return functions.has(`${path}#${local}.constructor`) ? { kind: "function", id: `${path}#${local}.constructor` } : { kind: "class", path, name: local };
      return { kind: "unresolved", why: `${local}.${member.join(".")} is not a method of ${local}` };
    }
    const inst = m2.instances.find((i) => i.local === local);
    if (inst) {
      const cls = resolveRef(path, inst.classRef, false, depth + 1);
      if (cls.kind === "class") {
        if (member.length === 0) return { kind: "value", id: `${path}#${local}` };
        const id = `${cls.path}#${cls.name}.${member[0]}`;
        return functions.has(id) ? { kind: "function", id } : { kind: "unresolved", why: `${cls.name} has no method ${member[0]}` };
      }
      if (cls.kind === "function" && cls.id.endsWith(".constructor")) {
        const base = cls.id.slice(0, -".constructor".length);
        if (member.length === 0) return { kind: "value", id: `${path}#${local}` };
        const id = `${base}.${member[0]}`;
        return functions.has(id) ? { kind: "function", id } : { kind: "unresolved", why: `no method ${member[0]}` };
      }
      if (cls.kind === "liveviewjs") return { kind: "liveviewjs", name: cls.name, member };
      if (cls.kind === "package") return { kind: "package", specifier: cls.specifier, name: cls.name, member };
      return cls;
    }
    const value = m2.values.find((v) => v.name === local);
    if (value && member.length > 0 && !read) {
      if (value.kind === "literal") return { kind: "value", id: `${path}#${local}` };
      if (value.kind === "call" && value.callee) {
        const made = resolveRef(path, value.callee, false, depth + 1);
        if (made.kind === "package") return { ...made, member: [...made.member, ...member] };
        if (made.kind === "value") return { kind: "value", id: `${path}#${local}` };
        if (made.kind === "liveviewjs") return { kind: "liveviewjs", name: made.name, member: [...made.member, ...member] };
        if (made.kind === "class") {
          const id = `${made.path}#${made.name}.${member[0]}`;
          return functions.has(id) ? { kind: "function", id } : { kind: "unresolved", why: `${made.name} has no method ${member[0]}` };
        }
        if (made.kind === "function" && made.id.endsWith(".constructor")) {
          const id = `${made.id.slice(0, -".constructor".length)}.${member[0]}`;
          return functions.has(id) ? { kind: "function", id } : { kind: "unresolved", why: `no method ${member[0]}` };
        }
        return { kind: "unresolved", why: `${local} is built by ${[value.callee.local, ...value.callee.member].join(".")}(); the methods of its result cannot be followed` };
      }
    }
    if (value && value.kind === "call" && value.callee && member.length === 0 && !read) {
      const made = resolveRef(path, value.callee, false, depth + 1);
      if (made.kind === "liveviewjs" && made.name === "newChangesetFactory" && made.member.length === 0) return { kind: "changeset", id: `${path}#${local}` };
    }
    const alias = m2.aliases.find((a) => a.local === local);
    if (alias) return resolveRef(path, { local: alias.target.local, member: [...alias.target.member, ...member] }, read, depth + 1);
    const imp = m2.imports.find((i) => i.local === local);
    if (imp) {
      const target = resolveModule(path, imp.specifier);
      if (!target) {
        if (imp.specifier === "liveviewjs") {
          const rest = imp.imported === "*" || imp.imported === "default" ? member[0] === "default" ? member.slice(1) : member : member;
          const name = imp.imported === "*" || imp.imported === "default" ? rest[0] ?? "*" : imp.imported;
          return { kind: "liveviewjs", name, member: imp.imported === "*" || imp.imported === "default" ? rest.slice(1) : rest };
        }
        if (isRelativeSpecifier(imp.specifier)) return { kind: "unresolved", why: `cannot find module ${imp.specifier} from ${path}` };
        return { kind: "package", specifier: imp.specifier, name: imp.imported, member };
      }
      if (imp.imported === "*") {
        if (member.length === 0) return { kind: "value", id: `${target}#*` };
        return resolveExport(target, member[0], member.slice(1), read, depth + 1);
      }
      return resolveExport(target, imp.imported, member, read, depth + 1);
    }
    if (m2.exports.some((e) => e.local === local) || local === "default") {
      const obj = m2.functions.some((fn) => fn.name.startsWith(`${local}.`));
      if (obj && member.length > 0) return { kind: "unresolved", why: `${local}.${member.join(".")} not found` };
    }
    if (member.length === 0 || read) return { kind: "value", id: `${path}#${local}` };
    return { kind: "unresolved", why: `${local}.${member.join(".")} is a method of a value the analysis cannot follow` };
  }, "resolveRef");
  const resolveExport = /* @__PURE__ */ __name((path, name, member, read, depth) => {
    if (depth > 16) return { kind: "unresolved", why: "re-export chain too deep (cycle?)" };
    const f = files2.get(path);
    if (!f) return { kind: "unresolved", why: `${path} was not analyzed` };
    const ex = f.module.exports.find((e) => e.name === name);
    if (ex) return resolveRef(path, { local: ex.local, member }, read, depth + 1);
    for (const re of f.module.reExports) {
      if (re.name !== name) continue;
      const target = resolveModule(path, re.specifier);
      if (!target) {
        if (re.specifier === "liveviewjs") return re.imported === "*" ? { kind: "liveviewjs", name: member[0] ?? "*", member: member.slice(1) } : { kind: "liveviewjs", name: re.imported, member };
        return { kind: "package", specifier: re.specifier, name: re.imported, member };
      }
      if (re.imported === "*") return member.length ? resolveExport(target, member[0], member.slice(1), read, depth + 1) : { kind: "value", id: `${target}#*` };
      return resolveExport(target, re.imported, member, read, depth + 1);
    }
    for (const re of f.module.reExports) {
      if (re.name !== "*") continue;
      const target = resolveModule(path, re.specifier);
      if (!target) {
        if (re.specifier === "liveviewjs") return { kind: "liveviewjs", name, member };
        continue;
      }
      const t2 = resolveExport(target, name, member, read, depth + 1);
      if (t2.kind !== "unresolved") return t2;
    }
    if (name === "default") {
      const cjs = f.module.exports.find((e) => e.name === member[0]);
      if (cjs && member.length > 0) return resolveRef(path, { local: cjs.local, member: member.slice(1) }, read, depth + 1);
    }
    return { kind: "unresolved", why: `${path} has no export ${name}` };
  }, "resolveExport");
  return { files: files2, functions, resolveModule, resolveRef: /* @__PURE__ */ __name((p, r, read) => resolveRef(p, r, read), "resolveRef") };
}
__name(buildProjectIndex, "buildProjectIndex");
function readPathMappings(root2) {
  try {
    const text = readFileSync(join(root2, "tsconfig.json"), "utf8");
    const parsed = ts.parseConfigFileTextToJson("tsconfig.json", text);
    const co = parsed.config?.compilerOptions ?? {};
    const baseUrl = co.baseUrl !== void 0 ? posix2.normalize(co.baseUrl.replace(/^\.\/?/, "") || ".") : void 0;
    const base = baseUrl ?? ".";
    const mappings = [];
    for (const [pattern, targets] of Object.entries(co.paths ?? {}).sort(([a], [b]) => b.length - a.length)) {
      const star = pattern.indexOf("*");
      mappings.push({
        prefix: star >= 0 ? pattern.slice(0, star) : pattern,
        suffix: star >= 0 ? pattern.slice(star + 1) : "",
        wildcard: star >= 0,
        targets: targets.map((t2) => posix2.normalize(posix2.join(base, t2)))
      });
    }
    return { mappings, baseUrl };
  } catch {
    return { mappings: [] };
  }
}
__name(readPathMappings, "readPathMappings");

// src/analyzers/effects.ts
var SERVER_EFFECTS = /* @__PURE__ */ new Set([
  "await",
  "io",
  "node-builtin",
  "env",
  "timer",
  "pubsub",
  "module-state-read",
  "module-state-write",
  "session"
]);
function isServerEffect(kind) {
  return SERVER_EFFECTS.has(kind);
}
__name(isServerEffect, "isServerEffect");
var NODE_BUILTINS = /* @__PURE__ */ new Set([
  "fs",
  "fs/promises",
  "net",
  "tls",
  "http",
  "https",
  "http2",
  "child_process",
  "cluster",
  "dgram",
  "dns",
  "os",
  "worker_threads",
  "crypto",
  "zlib",
  "stream",
  "readline",
  "v8",
  "vm",
  "process",
  "path",
  "url",
  "util",
  "events",
  "buffer",
  "perf_hooks",
  "async_hooks",
  "inspector",
  "module",
  "repl",
  "tty",
  "timers",
  "timers/promises"
]);
var PURE_NODE_BUILTINS = /* @__PURE__ */ new Set(["path", "url", "util", "events", "buffer"]);
var IO_PACKAGES = /* @__PURE__ */ new Set([
  "pg",
  "postgres",
  "mysql",
  "mysql2",
  "mongodb",
  "mongoose",
  "redis",
  "ioredis",
  "@prisma/client",
  "prisma",
  "knex",
  "sequelize",
  "typeorm",
  "drizzle-orm",
  "better-sqlite3",
  "sqlite3",
  "sqlite",
  "axios",
  "node-fetch",
  "got",
  "undici",
  "superagent",
  "nodemailer",
  "amqplib",
  "kafkajs",
  "bullmq",
  "@aws-sdk",
  "aws-sdk",
  "firebase-admin",
  "@supabase/supabase-js",
  "bcrypt",
  "bcryptjs",
  "jsonwebtoken",
  "express-session",
  "cookie",
  "stripe"
]);
var PURE_PACKAGES = /* @__PURE__ */ new Set([
  "zod",
  "lodash",
  "lodash-es",
  "date-fns",
  "dayjs",
  "classnames",
  "clsx",
  "ramda",
  "validator",
  "yup",
  "superstruct",
  "immer",
  "fast-deep-equal",
  "deep-equal",
  "marked",
  "escape-html",
  "he",
  "qs",
  "query-string",
  "slugify",
  "nanoid",
  "uuid"
]);
var NONDETERMINISTIC_PACKAGES = /* @__PURE__ */ new Set(["nanoid", "uuid"]);
function packageName(specifier) {
  const s = specifier.startsWith("node:") ? specifier.slice(5) : specifier;
  const parts = s.split("/");
  if (s.startsWith("@")) return parts.slice(0, 2).join("/");
  if (NODE_BUILTINS.has(s)) return s;
  return parts[0];
}
__name(packageName, "packageName");
function isNodeBuiltin(specifier) {
  return specifier.startsWith("node:") || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split("/")[0]);
}
__name(isNodeBuiltin, "isNodeBuiltin");
function packageEffect(specifier) {
  const spec = specifier.startsWith("node:") ? specifier.slice(5) : specifier;
  if (isNodeBuiltin(specifier)) return PURE_NODE_BUILTINS.has(spec.split("/")[0]) ? "pure" : "node-builtin";
  const pkg = packageName(spec);
  if (pkg === "liveviewjs" || pkg.startsWith("@liveviewjs/")) return "pure";
  if (NONDETERMINISTIC_PACKAGES.has(pkg)) return "nondeterministic";
  if (PURE_PACKAGES.has(pkg)) return "pure";
  if (IO_PACKAGES.has(pkg) || IO_PACKAGES.has(pkg.split("/")[0])) return "io";
  return "unknown";
}
__name(packageEffect, "packageEffect");

// src/analyzers/6_effects.ts
var LIVEVIEWJS_PUBSUB = /* @__PURE__ */ new Set(["SingleProcessPubSub", "RedisPubSub", "PubSub"]);
var PUBSUB_METHODS = /* @__PURE__ */ new Set(["broadcast", "publish", "subscribe", "unsubscribe"]);
function targetEffects(target, ref, rules) {
  const out = /* @__PURE__ */ new Map();
  const add = /* @__PURE__ */ __name((kind, detail) => out.set(kind, { kind, chain: [detail], at: ref.at }), "add");
  if (target.kind === "package" && !ref.read && rules?.serverOnly(target.specifier)) {
    add("io", `${target.specifier} (serverOnly in migrate.config)`);
    return out;
  }
  if (target.kind === "package" && rules?.clientSafe(target.specifier)) return out;
  switch (target.kind) {
    case "state":
      add(target.write ? "module-state-write" : "module-state-read", target.detail);
      break;
    case "liveviewjs":
      if ((LIVEVIEWJS_PUBSUB.has(target.name) || target.name === "*") && PUBSUB_METHODS.has(target.member[target.member.length - 1] ?? "")) add("pubsub", `liveviewjs ${target.name}.${target.member.join(".")}`);
      break;
    case "package": {
      if (ref.read) break;
      if (target.specifier.startsWith("@liveviewjs/") && LIVEVIEWJS_PUBSUB.has(target.name) && PUBSUB_METHODS.has(target.member[target.member.length - 1] ?? "")) {
        add("pubsub", `${target.specifier} ${target.name}.${target.member.join(".")}`);
        break;
      }
      const e = packageEffect(target.specifier);
      if (e !== "pure") add(e, `${target.specifier}${target.name === "*" || target.name === "default" ? "" : `.${target.name}`}${target.member.length ? "." + target.member.join(".") : ""}`);
      break;
    }
    case "unresolved":
      if (ref.local === "fetch" && ref.member.length === 0) add("io", "fetch");
      else if (!ref.read) add("unknown", `${[ref.local, ...ref.member].join(".")}: ${target.why}`);
      break;
    default:
      break;
  }
  return out;
}
__name(targetEffects, "targetEffects");
function computeEffects(index, fallback, rules) {
  const byFunction = /* @__PURE__ */ new Map();
  const resolve = /* @__PURE__ */ __name((path, ref) => {
    const t2 = index.resolveRef(path, ref, ref.read);
    if (t2.kind !== "unresolved" || ref.read || ref.pos === void 0 || !fallback || ref.local === "fetch" && ref.member.length === 0) return t2;
    return fallback.resolveCall(path, ref.pos) ?? t2;
  }, "resolve");
  const edges = /* @__PURE__ */ new Map();
  const ids = [...index.functions.keys()].sort();
  for (const id of ids) {
    const fn = index.functions.get(id);
    const path = id.slice(0, id.indexOf("#"));
    const set = /* @__PURE__ */ new Map();
    byFunction.set(id, set);
    edges.set(id, []);
    if (rules?.clientSafe(path)) continue;
    if (rules?.serverOnly(path)) {
      set.set("io", { kind: "io", chain: [id, `${path} is serverOnly in migrate.config`], at: `${path}:1` });
      continue;
    }
    for (const e of fn.effects) if (!set.has(e.kind)) set.set(e.kind, { kind: e.kind, chain: [id, e.detail], at: e.at });
    const out = [];
    for (const call of fn.calls) {
      const target = resolve(path, call);
      if (target.kind === "function") {
        if (!call.read && target.id !== id) out.push(target.id);
      } else
        for (const [k, v] of targetEffects(target, call, rules)) if (!set.has(k)) set.set(k, { kind: k, chain: [id, ...v.chain], at: v.at });
    }
    byFunction.set(id, set);
    edges.set(id, [...new Set(out)]);
  }
  for (let changed = true, rounds = 0; changed && rounds < 64; rounds++) {
    changed = false;
    const snapshot = new Map([...byFunction].map(([k, v]) => [k, new Map(v)]));
    for (const id of ids) {
      const set = byFunction.get(id);
      for (const callee of edges.get(id)) {
        for (const [k, v] of snapshot.get(callee) ?? []) {
          if (set.has(k)) continue;
          set.set(k, { kind: k, chain: [id, ...v.chain], at: v.at });
          changed = true;
        }
      }
    }
  }
  const callCache = /* @__PURE__ */ new Map();
  const ofCall = /* @__PURE__ */ __name((path, ref) => {
    const key = `${path}\0${ref.local}\0${ref.member.join(".")}\0${ref.read ? 1 : 0}\0${ref.pos ?? ""}\0${ref.at}`;
    const hit = callCache.get(key);
    if (hit) return hit;
    const target = resolve(path, ref);
    let out;
    if (target.kind === "function") out = { target, effects: ref.read ? /* @__PURE__ */ new Map() : byFunction.get(target.id) ?? /* @__PURE__ */ new Map() };
    else out = { target, effects: targetEffects(target, ref, rules) };
    callCache.set(key, out);
    return out;
  }, "ofCall");
  const reachable = /* @__PURE__ */ __name((start) => {
    const seen = /* @__PURE__ */ new Set();
    const stack = [...start];
    while (stack.length) {
      const id = stack.pop();
      if (seen.has(id) || !byFunction.has(id)) continue;
      seen.add(id);
      stack.push(...edges.get(id) ?? []);
    }
    return [...seen].sort();
  }, "reachable");
  return { byFunction, ofCall, reachable, edges };
}
__name(computeEffects, "computeEffects");

// src/analyzers/type_fallback.ts
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import { join as join2, posix as posix3, relative, sep } from "node:path";
import { Project, ts as ts2 } from "ts-morph";
function createTypeFallback(root2, hasFunction) {
  let project;
  let checker;
  let failed = false;
  const cache = /* @__PURE__ */ new Map();
  const init = /* @__PURE__ */ __name(() => {
    if (project || failed) return !failed;
    try {
      const { baseUrl, paths } = readCompilerPaths(root2);
      project = new Project({
        compilerOptions: {
          allowJs: true,
          checkJs: false,
          noEmit: true,
          skipLibCheck: true,
          esModuleInterop: true,
          allowImportingTsExtensions: true,
          moduleResolution: ts2.ModuleResolutionKind.Node10,
          module: ts2.ModuleKind.ESNext,
          target: ts2.ScriptTarget.ES2022,
          ...baseUrl !== void 0 ? { baseUrl: join2(root2, baseUrl) } : {},
          ...paths ? { paths } : {}
        },
        skipAddingFilesFromTsConfig: true
      });
      return true;
    } catch {
      failed = true;
      return false;
    }
  }, "init");
  const resolveCall = /* @__PURE__ */ __name((path, pos) => {
    const key = `${path}\0${pos}`;
    if (cache.has(key)) return cache.get(key);
    let out;
    try {
      out = resolveUncached(path, pos);
    } catch {
      out = void 0;
    }
    cache.set(key, out);
    return out;
  }, "resolveCall");
  const resolveUncached = /* @__PURE__ */ __name((path, pos) => {
    const abs = join2(root2, path);
    if (!existsSync(abs) || !init()) return void 0;
    let sf = project.getSourceFile(abs);
    if (!sf) {
      sf = project.addSourceFileAtPath(abs);
      project.resolveSourceFileDependencies();
      checker = void 0;
    }
    checker ??= project.getTypeChecker().compilerObject;
    let node = sf.compilerNode;
    const find = /* @__PURE__ */ __name((n) => {
      if (n.getStart(sf.compilerNode) === pos && (ts2.isCallExpression(n) || ts2.isNewExpression(n))) return n;
      if (n.pos > pos || n.end < pos) return void 0;
      return ts2.forEachChild(n, find);
    }, "find");
    node = find(sf.compilerNode);
    if (!node) return void 0;
    const callee = node.expression;
    const at = ts2.isPropertyAccessExpression(callee) ? callee.name : callee;
    let sym = checker.getSymbolAtLocation(at);
    if (sym && sym.flags & ts2.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    const decl = sym?.declarations?.[0];
    if (!decl) return void 0;
    const file = decl.getSourceFile().fileName;
    const nm = file.lastIndexOf("/node_modules/");
    if (nm >= 0) {
      const rest = file.slice(nm + "/node_modules/".length).split("/");
      const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
      const spec = pkg === "@types" ? rest[1] : pkg;
      return { kind: "package", specifier: spec === "node" ? "node:" + (rest[2] ?? "").replace(/\.d\.ts$/, "") : spec, name: sym.name, member: [] };
    }
    if (file.includes("/typescript/lib/lib.")) return { kind: "value", id: `lib#${sym.name}` };
    const rel = relative(root2, file).split(sep).join(posix3.sep);
    const name = qualifiedName(decl);
    if (!name) return void 0;
    const id = `${rel}#${name}`;
    return hasFunction(id) ? { kind: "function", id } : void 0;
  }, "resolveUncached");
  return { resolveCall };
}
__name(createTypeFallback, "createTypeFallback");
function qualifiedName(decl) {
  const own = decl.name;
  const name = own && (ts2.isIdentifier(own) || ts2.isStringLiteral(own)) ? own.text : void 0;
  if (ts2.isFunctionDeclaration(decl)) return name ?? "default";
  if (ts2.isVariableDeclaration(decl)) return name;
  const parent = decl.parent;
  if ((ts2.isMethodDeclaration(decl) || ts2.isPropertyDeclaration(decl) || ts2.isGetAccessor(decl)) && ts2.isClassLike(parent)) return parent.name ? `${parent.name.text}.${name}` : void 0;
  if ((ts2.isMethodDeclaration(decl) || ts2.isPropertyAssignment(decl) || ts2.isShorthandPropertyAssignment(decl)) && ts2.isObjectLiteralExpression(parent)) {
    const holder = parent.parent;
    if (ts2.isVariableDeclaration(holder) && ts2.isIdentifier(holder.name)) return `${holder.name.text}.${name}`;
  }
  return void 0;
}
__name(qualifiedName, "qualifiedName");
function readCompilerPaths(root2) {
  try {
    const text = readFileSync2(join2(root2, "tsconfig.json"), "utf8");
    const co = ts2.parseConfigFileTextToJson("tsconfig.json", text).config?.compilerOptions ?? {};
    return { baseUrl: co.baseUrl ?? (co.paths ? "." : void 0), paths: co.paths };
  } catch {
    return {};
  }
}
__name(readCompilerPaths, "readCompilerPaths");

// src/analyzers/reasons.ts
var REASONS = {
  USER_OVERRIDE: { rank: 100, short: "set by the user", long: "The class was forced by configuration or an inline annotation." },
  DYNAMIC_KEYS: { rank: 95, class: "shared", short: "dynamic keys", long: "An assign in this view has keys the analysis cannot read (computed keys, a call result or a variable object); the view is left on the server until a person decides." },
  INFO_FROM_PUBSUB: { rank: 92, class: "shared", short: "updated by pubsub", long: "Written in handleInfo for a message that arrives through a pubsub subscription: other users change it." },
  SERVER_TIMER: { rank: 91, class: "shared", short: "updated by a server timer", long: "Written in handleInfo for a message a server timer (setInterval/setTimeout) sends." },
  SESSION: { rank: 90, class: "shared", short: "from the session", long: "Derived from session data (user, role, permissions): the server must own and recompute it." },
  ENV: { rank: 89, class: "shared", short: "from process.env", long: "Derived from environment variables, which exist only on the server." },
  EFFECTFUL_CALL: { rank: 88, class: "shared", short: "from a call with server effects", long: "The value comes from a function that does I/O, touches module-level state, a store, pubsub or node built-ins (possibly several calls away)." },
  AWAIT: { rank: 87, class: "shared", short: "from an awaited value", long: "The value is awaited: I/O or another asynchronous server operation." },
  DERIVED_FROM_SHARED: { rank: 86, class: "shared", short: "derived from shared state", long: "Computed from another key that is shared." },
  INFO_UNKNOWN_ORIGIN: { rank: 85, class: "shared", short: "written in handleInfo (origin unknown)", long: "Written in handleInfo for a message whose sender the analysis cannot find." },
  UNKNOWN_CALLEE: { rank: 84, class: "shared", short: "calls something the analysis cannot see into", long: "The value comes from a function the analysis cannot resolve; kept on the server to be safe." },
  CHANGESET: { rank: 70, class: "form", short: "a changeset", long: "Built by a changeset factory (newChangesetFactory): form data with its validation result." },
  UPLOAD: { rank: 69, class: "form", short: "upload entries", long: "Holds upload entries of a form." },
  FORM_BINDING: { rank: 68, class: "form", short: "bound to a form", long: "Written from the params of a phx-change/phx-submit event: data of a form being edited." },
  DERIVED_FROM_FORM: { rank: 67, class: "form", short: "derived from form state", long: "Computed from another key that is form data." },
  ROUTE_PARAM: { rank: 40, class: "ui", short: "from route or query params", long: "Derived from the URL: route params or query params; the client can read them itself." },
  EVENT_PARAM: { rank: 38, class: "ui", short: "from event params", long: "Written from the params of a client event (click, key) in this tab." },
  PURE_CALL: { rank: 36, class: "ui", short: "from a pure function", long: "Computed by functions without server effects from ui values." },
  DERIVED_FROM_UI: { rank: 35, class: "ui", short: "derived from ui state", long: "Computed from other keys of this view that are ui state." },
  SELF_INFO: { rank: 34, class: "ui", short: "written by a message the view sends itself", long: "Written in handleInfo for a message the view sends itself with sendInfo; the value itself has no server effect." },
  LITERAL: { rank: 30, class: "ui", short: "from literals", long: "Written only from literal values." },
  NEVER_WRITTEN_STATICALLY: { rank: 10, class: "ui", short: "no visible writes", long: "Read by the view but never assigned where the analysis can see it." },
  // Event placement reasons
  EVENT_SERVER_EFFECT: { rank: 80, short: "the handler has server effects", long: "The handler calls something with server effects or awaits; it becomes a server command." },
  EVENT_WRITES_SHARED: { rank: 75, short: "the handler writes shared state", long: "The handler writes a key the server owns; the write happens in a command." },
  EVENT_UNKNOWN_CALLEE: { rank: 78, short: "the handler calls something unresolved", long: "The handler calls a function the analysis cannot see into; it stays on the server." },
  EVENT_SPLIT: { rank: 70, short: "ui update plus a server part", long: "The handler updates ui/form state at once and has a server part: a client action that then calls a command." },
  EVENT_UI_ONLY: { rank: 30, short: "touches only ui/form state", long: "The handler reads and writes only ui/form state and has no server effects: a client action with no network." },
  EVENT_NO_HANDLER: { rank: 20, short: "no handler branch found", long: "The template sends this event but no handler branch for it was found." },
  // Markers
  UNKNOWN_EFFECT: { rank: 60, short: "unknown effect", long: "A call whose effects the analysis cannot determine." },
  DYNAMIC_EVENT: { rank: 60, short: "dynamic event dispatch", long: "Events are dispatched through a computed lookup; each event's handler cannot be located." },
  LEGACY_API: { rank: 50, short: "older LiveViewJS API", long: "A class using the 0.0\u20130.3 API (mount(params, session, socket), handleEvent(event, params, socket))." }
};
function reasonRank(code) {
  return REASONS[code]?.rank ?? 0;
}
__name(reasonRank, "reasonRank");
function reasonInfo(code) {
  return REASONS[code];
}
__name(reasonInfo, "reasonInfo");
var CLASS_STRICTNESS = { ui: 0, form: 1, shared: 2 };
function stricter(a, b) {
  return CLASS_STRICTNESS[a] >= CLASS_STRICTNESS[b] ? a : b;
}
__name(stricter, "stricter");

// src/analyzers/7_classify.ts
var LOW_CONFIDENCE = /* @__PURE__ */ new Set(["UNKNOWN_CALLEE", "DYNAMIC_KEYS", "INFO_UNKNOWN_ORIGIN", "NEVER_WRITTEN_STATICALLY"]);
var MEDIUM_CONFIDENCE = /* @__PURE__ */ new Set(["DERIVED_FROM_FORM", "SELF_INFO"]);
function formatChain(v) {
  return v.chain.join(" \u2192 ");
}
__name(formatChain, "formatChain");
function writeEvidence(c, w) {
  const ev = [];
  const add = /* @__PURE__ */ __name((code, message) => ev.push({ code, message, at: w.at }), "add");
  const where = w.handler;
  const sources = new Set(w.sources);
  if (where.startsWith("handleInfo:")) {
    const info = where.slice("handleInfo:".length);
    const origin = c.infoOrigin(info);
    if (origin.startsWith("subscribe")) add("INFO_FROM_PUBSUB", `written in handleInfo (${info}) from ${origin}`);
    else if (origin === "setInterval") add("SERVER_TIMER", `written in handleInfo (${info}) sent by a server timer`);
    else if (origin === "sendInfo") add("SELF_INFO", `written in handleInfo (${info}), a message the view sends itself`);
    else add("INFO_UNKNOWN_ORIGIN", `written in handleInfo (${info}); its sender is unknown`);
    sources.delete("info");
  }
  if (sources.has("session")) add("SESSION", `written from the session in ${where}: ${w.expr}`);
  if (sources.has("env")) add("ENV", `written from process.env in ${where}: ${w.expr}`);
  if (sources.has("await")) add("AWAIT", `written from an awaited value in ${where}: ${w.expr}`);
  if (sources.has("changeset")) add("CHANGESET", `a changeset in ${where}: ${w.expr}`);
  if (sources.has("upload")) add("UPLOAD", `upload entries in ${where}`);
  let pureCalls = 0;
  for (const call of w.calls) {
    const { target, effects } = c.effects.ofCall(c.path, call);
    const server = [...effects.values()].filter((e) => isServerEffect(e.kind));
    const unknown = effects.get("unknown");
    const name = [call.local, ...call.member].join(".");
    if (server.length > 0) add("EFFECTFUL_CALL", `written from ${name}${call.read ? "" : "()"} in ${where}: ${name} \u2192 ${formatChain(server[0])}`);
    else if (unknown) add("UNKNOWN_CALLEE", `written from ${name}() in ${where}, which the analysis cannot follow (${unknown.chain[unknown.chain.length - 1]})`);
    else if (target.kind === "changeset") add("CHANGESET", `a changeset from ${name}() in ${where}`);
    else pureCalls++;
  }
  if (sources.has("event-param")) {
    const event = where.startsWith("handleEvent:") ? where.slice("handleEvent:".length) : void 0;
    const direct = w.calls.length === 0 && !sources.has("changeset");
    if (event && c.formEvents.has(event) && direct) add("FORM_BINDING", `written from the params of form event ${event}: ${w.expr}`);
    else add("EVENT_PARAM", `written from event params in ${where}: ${w.expr}`);
  }
  if (sources.has("route-param") || sources.has("url")) add("ROUTE_PARAM", `written from ${sources.has("url") ? "the URL" : "route params"} in ${where}: ${w.expr}`);
  if (pureCalls > 0 || sources.has("pure-call")) add("PURE_CALL", `computed by pure functions in ${where}: ${w.expr}`);
  if (sources.has("literal") && ev.length === 0 && w.stateDeps.length === 0) add("LITERAL", `a literal in ${where}: ${w.expr}`);
  if (sources.has("unknown")) add("UNKNOWN_CALLEE", `value of unknown origin in ${where}: ${w.expr}`);
  if (ev.length === 0 && w.stateDeps.length === 0) add("LITERAL", `a literal or its own previous value in ${where}: ${w.expr}`);
  return { evidence: ev, deps: w.stateDeps };
}
__name(writeEvidence, "writeEvidence");
var DERIVED = { shared: "DERIVED_FROM_SHARED", form: "DERIVED_FROM_FORM", ui: "DERIVED_FROM_UI" };
function classifyKeys(c) {
  const view = c.view;
  const keys = new Set(view.writes.map((w) => w.key));
  const readOnly = /* @__PURE__ */ new Set();
  if (view.kind === "view") {
    for (const r of view.reads) if (!keys.has(r.key)) readOnly.add(r.key);
  }
  const base = /* @__PURE__ */ new Map();
  const deps = /* @__PURE__ */ new Map();
  for (const key of keys) {
    const ev = [];
    const ds = [];
    for (const w of view.writes.filter((x) => x.key === key)) {
      const r = writeEvidence(c, w);
      ev.push(...r.evidence);
      for (const d of r.deps) ds.push({ dep: d, at: w.at, handler: w.handler });
    }
    base.set(key, ev);
    deps.set(key, ds);
  }
  for (const key of readOnly) {
    base.set(key, [
      view.dynamicKeys ? { code: "DYNAMIC_KEYS", message: `read by the view but only assigned through keys the analysis cannot read`, at: view.reads.find((r) => r.key === key).at } : { code: "NEVER_WRITTEN_STATICALLY", message: `read in ${view.reads.find((r) => r.key === key).in} but never assigned where the analysis can see it`, at: view.reads.find((r) => r.key === key).at }
    ]);
    deps.set(key, []);
  }
  const classOf = /* @__PURE__ */ __name((ev) => ev.reduce((acc, e) => stricter(acc, reasonInfo(e.code)?.class ?? "ui"), "ui"), "classOf");
  const cls = /* @__PURE__ */ new Map();
  for (const [k, ev] of base) cls.set(k, classOf(ev));
  for (let changed = true, i = 0; changed && i < 32; i++) {
    changed = false;
    for (const [k, ds] of deps) {
      let next = cls.get(k);
      for (const d of ds) if (cls.has(d.dep) && d.dep !== k) next = stricter(next, cls.get(d.dep));
      if (next !== cls.get(k)) {
        cls.set(k, next);
        changed = true;
      }
    }
  }
  const out = [];
  for (const key of [...base.keys()].sort()) {
    const ev = [...base.get(key)];
    for (const d of deps.get(key)) {
      const dc = cls.get(d.dep);
      if (!dc) continue;
      ev.push({ code: DERIVED[dc], message: `derived from ${dc} key ${d.dep} in ${d.handler}`, at: d.at });
    }
    const reasons = dedupeReasons(ev);
    const klass = cls.get(key);
    out.push({
      key,
      class: klass,
      confidence: confidenceOf(reasons),
      reasons,
      writes: view.writes.filter((w) => w.key === key).map((w) => ({ handler: w.handler, at: w.at, sources: effectiveSources(c, w), expr: w.expr, span: w.span, ...w.calls.length ? { calls: w.calls.map((call) => callRecord(c, call)) } : {} })),
      reads: view.reads.filter((r) => r.key === key).map((r) => ({ in: r.in, at: r.at })),
      ...view.writes.some((w) => w.key === key && w.temporary) ? { temporary: true } : {}
    });
  }
  return out;
}
__name(classifyKeys, "classifyKeys");
function callRecord(c, call) {
  const { target, effects } = c.effects.ofCall(c.path, call);
  return { callee: [call.local, ...call.member].join("."), at: call.at, ...target.kind === "function" ? { target: target.id } : {}, effects: [...effects.keys()].sort() };
}
__name(callRecord, "callRecord");
function effectiveSources(c, w) {
  const s = new Set(w.sources);
  for (const call of w.calls) {
    const { effects, target } = c.effects.ofCall(c.path, call);
    if ([...effects.keys()].some(isServerEffect)) s.add("effectful-call");
    else if (effects.has("unknown")) s.add("unknown");
    else if (target.kind === "changeset") s.add("changeset");
    else if (!call.read) s.add("pure-call");
  }
  if (w.stateDeps.length) s.add("state");
  return [...s].sort();
}
__name(effectiveSources, "effectiveSources");
function dedupeReasons(ev) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const e of ev) {
    const k = `${e.code}\0${e.at}\0${e.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ code: e.code, message: e.message, at: e.at });
  }
  return out.sort((a, b) => reasonRank(b.code) - reasonRank(a.code) || compareLoc(a.at, b.at) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}
__name(dedupeReasons, "dedupeReasons");
function confidenceOf(reasons) {
  const top = reasons[0];
  if (!top) return "low";
  if (LOW_CONFIDENCE.has(top.code)) return "low";
  const strongest = REASONS[top.code];
  if (reasons.some((r) => LOW_CONFIDENCE.has(r.code))) return strongest && "class" in strongest && strongest.class === "shared" ? "medium" : "low";
  if (MEDIUM_CONFIDENCE.has(top.code)) return "medium";
  return "high";
}
__name(confidenceOf, "confidenceOf");

// src/analyzers/8_place_events.ts
function placeEvents(path, view, keys, effects) {
  const classOf = new Map(keys.map((k) => [k.key, k.class]));
  const infos = new Map(view.infos.map((i) => [i.name, i]));
  const serverPartOf = /* @__PURE__ */ __name((h, seen) => {
    const out2 = { effects: [], unknown: [] };
    for (const e of h.effects) if (isServerEffect(e.kind)) out2.effects.push({ code: "EVENT_SERVER_EFFECT", message: e.detail, at: e.at });
    for (const call of h.calls) {
      if (call.local === "@info") {
        const name2 = call.member[0];
        const info = infos.get(name2) ?? infos.get("*");
        if (!info || seen.has(info.name)) continue;
        seen.add(info.name);
        const sub = serverPartOf(info, seen);
        const sharedWrites = info.writes.filter((k) => classOf.get(k) === "shared");
        if (sub.effects.length || sharedWrites.length) out2.effects.push({ code: "EVENT_SERVER_EFFECT", message: `sends itself ${name2}, whose handler ${sub.effects[0]?.message ?? `writes shared ${sharedWrites.join(", ")}`}`, at: call.at });
        out2.unknown.push(...sub.unknown);
        continue;
      }
      const { effects: eff } = effects.ofCall(path, call);
      const server = [...eff.values()].find((e) => isServerEffect(e.kind));
      const name = [call.local, ...call.member].join(".");
      if (server) out2.effects.push({ code: "EVENT_SERVER_EFFECT", message: `calls ${name} \u2192 ${formatChain(server)}`, at: call.at });
      else if (eff.has("unknown")) out2.unknown.push({ code: "EVENT_UNKNOWN_CALLEE", message: `calls ${name}, which the analysis cannot follow`, at: call.at });
    }
    return out2;
  }, "serverPartOf");
  const decide = /* @__PURE__ */ __name((ev) => {
    const part = serverPartOf(ev, /* @__PURE__ */ new Set());
    const sharedWrites = ev.writes.filter((k) => classOf.get(k) === "shared");
    const clientWrites = ev.writes.filter((k) => classOf.get(k) === "ui" || classOf.get(k) === "form");
    const reasons = [...part.effects, ...part.unknown];
    for (const k of sharedWrites) reasons.push({ code: "EVENT_WRITES_SHARED", message: `writes shared key ${k}`, at: writeAt(view, ev.name, k) ?? ev.at });
    const server = reasons.length > 0;
    let placement;
    if (server && clientWrites.length > 0) {
      placement = "split";
      reasons.push({ code: "EVENT_SPLIT", message: `updates ${clientWrites.join(", ")} at once; the rest runs as a command`, at: ev.at });
    } else if (server) placement = "server";
    else {
      placement = "client";
      reasons.push({ code: "EVENT_UI_ONLY", message: ev.writes.length ? `writes only ui/form keys ${ev.writes.join(", ")}; no server effects` : "writes no key and has no server effects", at: ev.at });
    }
    const dynamic = view.dynamicKeys && view.writes.length === 0;
    const confidence = part.unknown.length > 0 || ev.name === "*" || view.dynamicKeys && view.markers.some((m2) => m2.code === "DYNAMIC_KEYS" && m2.span && m2.span.start >= ev.span.start && m2.span.end <= ev.span.end + 1) || dynamic ? "low" : placement === "split" ? "medium" : "high";
    return {
      name: ev.name,
      placement,
      confidence,
      reasons: sortReasons(reasons),
      reads: ev.reads,
      writes: ev.writes,
      span: ev.span,
      at: ev.at,
      bindings: bindingsFor(view, ev.name)
    };
  }, "decide");
  const out = view.events.map(decide);
  const handled = new Set(view.events.map((e) => e.name));
  for (const b of view.template.bindings) {
    if (b.dynamic || handled.has(b.value) || !isEventAttr(b.attr) || view.events.some((e) => e.name === "*")) continue;
    handled.add(b.value);
    if (!view.handlers.handleEvent) continue;
    out.push({ name: b.value, placement: "client", confidence: "low", reasons: [{ code: "EVENT_NO_HANDLER", message: `${b.attr}="${b.value}" has no handler branch in this view`, at: b.at }], reads: [], writes: [], at: b.at, bindings: bindingsFor(view, b.value) });
  }
  return out.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
__name(placeEvents, "placeEvents");
function isEventAttr(attr) {
  return /^phx-(click|change|submit|blur|focus|keydown|keyup|window-keydown|window-keyup|window-focus|window-blur|click-away|capture-click)$/.test(attr);
}
__name(isEventAttr, "isEventAttr");
function bindingsFor(view, name) {
  return uniqSorted(view.template.bindings.filter((b) => !b.dynamic && b.value === name && isEventAttr(b.attr)).map((b) => b.attr));
}
__name(bindingsFor, "bindingsFor");
function writeAt(view, event, key) {
  return view.writes.find((w) => w.key === key && w.handler === `handleEvent:${event}`)?.at;
}
__name(writeAt, "writeAt");
function sortReasons(rs) {
  const seen = /* @__PURE__ */ new Set();
  return rs.filter((r) => {
    const k = `${r.code}\0${r.at}\0${r.message}`;
    return seen.has(k) ? false : (seen.add(k), true);
  }).sort((a, b) => reasonRank(b.code) - reasonRank(a.code) || compareLoc(a.at, b.at) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}
__name(sortReasons, "sortReasons");

// src/analyzers/9_overrides.ts
import ignore from "ignore";
var STRICTNESS = { ui: 0, form: 1, shared: 2 };
function overrideKey(decision, forced, from, kind) {
  const analyzed = decision.override?.analyzed ?? decision.class;
  const against = decision.reasons.find((r) => r.code !== "USER_OVERRIDE");
  const warning = STRICTNESS[analyzed] > STRICTNESS[forced] && against ? `forced ${forced}, but the analysis found ${analyzed}: ${against.message} (${against.at})` : void 0;
  const at = /:\d+$/.test(from) ? from : against?.at ?? decision.writes[0]?.at ?? "unknown:0";
  return {
    ...decision,
    class: forced,
    confidence: "high",
    reasons: [{ code: "USER_OVERRIDE", message: `${REASONS.USER_OVERRIDE.short}: ${forced} (${kind} ${from})`, at }, ...decision.reasons.filter((r) => r.code !== "USER_OVERRIDE")],
    override: { from, kind, analyzed, ...warning ? { warning } : {} }
  };
}
__name(overrideKey, "overrideKey");
function applyAnnotations(state, view, file) {
  return state.map((d) => {
    const onWrite = view.writes.find((w) => w.key === d.key && w.annotation)?.annotation;
    const onType = file.module.keyAnnotations.find((a2) => a2.key === d.key);
    const a = onWrite ?? onType;
    return a ? overrideKey(d, a.class, a.at, "annotation") : d;
  });
}
__name(applyAnnotations, "applyAnnotations");
function isConfigOverrides(value) {
  return !!value && typeof value === "object" && typeof value.file === "string" && typeof value.config === "object";
}
__name(isConfigOverrides, "isConfigOverrides");
function viewEntries(overrides, id, name) {
  const views = overrides?.config.views ?? {};
  return Object.keys(views).filter((ref) => ref === id || ref === name).sort().map((ref) => ({ ref, entry: views[ref] }));
}
__name(viewEntries, "viewEntries");
function applyConfigKeys(state, overrides, id, name) {
  const entries = viewEntries(overrides, id, name);
  if (!entries.length) return state;
  return state.map((d) => {
    for (const { ref, entry } of entries) {
      const forced = entry.keys?.[d.key];
      if (forced) return overrideKey(d, forced, `${overrides.file}:views.${ref}.keys.${d.key}`, "config");
    }
    return d;
  });
}
__name(applyConfigKeys, "applyConfigKeys");
function applyConfigEvents(events, overrides, id, name) {
  const entries = viewEntries(overrides, id, name);
  if (!entries.length) return events;
  return events.map((e) => {
    for (const { ref, entry } of entries) {
      const forced = entry.events?.[e.name];
      if (!forced) continue;
      const from = `${overrides.file}:views.${ref}.events.${e.name}`;
      return {
        ...e,
        placement: forced,
        confidence: "high",
        reasons: [{ code: "USER_OVERRIDE", message: `${REASONS.USER_OVERRIDE.short}: ${forced} (config ${from})`, at: e.at }, ...e.reasons.filter((r) => r.code !== "USER_OVERRIDE")],
        override: { from, kind: "config", analyzed: e.override?.analyzed ?? e.placement }
      };
    }
    return e;
  });
}
__name(applyConfigEvents, "applyConfigEvents");
function unknownConfigNames(overrides, views) {
  if (!overrides) return [];
  const out = [];
  for (const [ref, entry] of Object.entries(overrides.config.views ?? {}).sort(([a], [b]) => a < b ? -1 : 1)) {
    const matched = views.filter((v) => v.id === ref || v.name === ref);
    if (!matched.length) {
      out.push({ file: overrides.file, code: "CONFIG_UNKNOWN_VIEW", message: `views.${ref}: no view with this id or name was found` });
      continue;
    }
    for (const key of Object.keys(entry.keys ?? {}).sort())
      if (!matched.some((v) => v.state.some((k) => k.key === key))) out.push({ file: overrides.file, code: "CONFIG_UNKNOWN_KEY", message: `views.${ref}.keys.${key}: the view assigns no key "${key}" (keys: ${uniqueNames(matched.flatMap((v) => v.state.map((k) => k.key)))})` });
    for (const ev of Object.keys(entry.events ?? {}).sort())
      if (!matched.some((v) => v.events.some((e) => e.name === ev))) out.push({ file: overrides.file, code: "CONFIG_UNKNOWN_EVENT", message: `views.${ref}.events.${ev}: the view handles no event "${ev}" (events: ${uniqueNames(matched.flatMap((v) => v.events.map((e) => e.name)))})` });
  }
  return out;
}
__name(unknownConfigNames, "unknownConfigNames");
function uniqueNames(names) {
  const u = [...new Set(names)].sort();
  return u.length ? u.join(", ") : "none";
}
__name(uniqueNames, "uniqueNames");
function moduleRulesFrom(overrides) {
  const cfg = overrides?.config;
  if (!cfg?.serverOnly?.length && !cfg?.clientSafe?.length) return void 0;
  const matcher = /* @__PURE__ */ __name((entries = []) => {
    const globs = ignore().add(entries);
    return (name) => entries.some((e) => name === e || name.startsWith(`${e}/`)) || !name.startsWith("/") && !name.startsWith("node:") && safeIgnores(globs, name);
  }, "matcher");
  return { serverOnly: matcher(cfg.serverOnly), clientSafe: matcher(cfg.clientSafe) };
}
__name(moduleRulesFrom, "moduleRulesFrom");
function safeIgnores(globs, name) {
  try {
    return globs.ignores(name);
  } catch {
    return false;
  }
}
__name(safeIgnores, "safeIgnores");

// src/analyzers/merge.ts
var FACTORY_KIND2 = { createLiveView: "view", createLiveComponent: "component", BaseLiveView: "view", BaseLiveComponent: "component", BaseLiveViewComponent: "view" };
function mergeAll(facts2, options) {
  const sorted = [...facts2].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const index = buildProjectIndex(sorted, options.root);
  const effects = computeEffects(index, createTypeFallback(options.root, (id) => index.functions.has(id)), moduleRulesFrom(isConfigOverrides(options.overrides) ? options.overrides : void 0));
  const views = [];
  const errors = [];
  const usedFunctions = /* @__PURE__ */ new Set();
  const overrides = isConfigOverrides(options.overrides) ? options.overrides : void 0;
  for (const file of sorted) {
    for (const view of file.views) {
      try {
        const kind = confirmView(index, file.path, view);
        if (!kind) continue;
        views.push(planView(index, effects, file, { ...view, kind }, usedFunctions, overrides));
      } catch (e) {
        errors.push({ file: file.path, code: "ANALYZER_ERROR", message: `merging view ${view.name} failed: ${e.message}` });
      }
    }
  }
  assignRoutes(index, sorted, views);
  const seen = /* @__PURE__ */ new Map();
  for (const v of views) {
    const n = seen.get(v.id) ?? 0;
    seen.set(v.id, n + 1);
    if (n > 0) {
      v.name = `${v.name}~${n + 1}`;
      v.id = `${v.file}#${v.name}`;
    }
  }
  const functions = effects.reachable(usedFunctions).map((id) => {
    const set = effects.byFunction.get(id);
    const kinds = [...set.keys()].sort();
    return { id, effects: kinds, via: kinds.map((k) => ({ effect: k, chain: set.get(k).chain, at: set.get(k).at })) };
  });
  views.sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  errors.push(...unknownConfigNames(overrides, views));
  return { views, functions, errors };
}
__name(mergeAll, "mergeAll");
function assignRoutes(index, files2, views) {
  const byLocal = /* @__PURE__ */ new Map();
  for (const v of views) {
    byLocal.set(`${v.file}#${v.name}`, v);
    const file = index.files.get(v.file);
    for (const e of file?.module.exports ?? []) if (e.name === v.name) byLocal.set(`${v.file}#${e.local}`, v);
  }
  for (const f of files2) {
    for (const r of f.module.routes) {
      const t2 = index.resolveRef(f.path, r.view, true);
      const key = t2.kind === "value" || t2.kind === "function" ? t2.id.replace(/\.constructor$/, "") : t2.kind === "class" ? `${t2.path}#${t2.name}` : void 0;
      const v = key ? byLocal.get(key) : void 0;
      if (v && v.route === void 0) v.route = r.path;
    }
  }
}
__name(assignRoutes, "assignRoutes");
function confirmView(index, path, view) {
  if (view.detection.via !== "project") return view.kind;
  const imp = view.detection.import;
  const target = index.resolveRef(path, { local: imp.local, member: view.detection.member ?? [] });
  if (target.kind === "liveviewjs" && target.member.length === 0 && FACTORY_KIND2[target.name]) return FACTORY_KIND2[target.name];
  return void 0;
}
__name(confirmView, "confirmView");
function infoOriginFor(view) {
  const handlers = [...Object.values(view.lifecycle), ...view.events, ...view.infos];
  const sent = new Set(handlers.flatMap((h) => h.sendsInfo));
  const timers = new Set(view.timerInfos);
  const topics = uniqSorted(handlers.flatMap((h) => h.subscribes));
  return (name) => {
    if (name === "*") {
      if (topics.length) return `subscribe:${topics.join(",")}`;
      if (timers.size) return "setInterval";
      if (sent.size) return "sendInfo";
      return "unknown";
    }
    if (timers.has(name)) return "setInterval";
    if (sent.has(name)) return "sendInfo";
    if (topics.length) return `subscribe:${topics.join(",")}`;
    return "unknown";
  };
}
__name(infoOriginFor, "infoOriginFor");
function planView(index, effects, file, view, used, overrides) {
  const path = file.path;
  const infoOrigin = infoOriginFor(view);
  const formEvents = /* @__PURE__ */ new Set();
  for (const f of view.template.forms) {
    if (f.event) formEvents.add(f.event);
    if (f.changeEvent) formEvents.add(f.changeEvent);
  }
  for (const b of view.template.bindings) if (!b.dynamic && (b.attr === "phx-change" || b.attr === "phx-submit")) formEvents.add(b.value);
  const id = `${path}#${view.name}`;
  const state = applyConfigKeys(applyAnnotations(classifyKeys({ path, view, effects, infoOrigin, formEvents }), view, file), overrides, id, view.name);
  const events = applyConfigEvents(placeEvents(path, view, state, effects), overrides, id, view.name);
  const configIgnore = viewEntries(overrides, id, view.name).find((e) => e.entry.ignore);
  const infos = view.infos.map((i) => ({ name: i.name, origin: infoOrigin(i.name), writes: i.writes, at: i.at, span: i.span }));
  const markers = [...view.markers];
  const handlers = [...Object.entries(view.lifecycle).map(([n, h]) => ({ name: n, h })), ...view.events.map((e) => ({ name: `handleEvent:${e.name}`, h: e })), ...view.infos.map((i) => ({ name: `handleInfo:${i.name}`, h: i }))];
  const seenUnknown = /* @__PURE__ */ new Set();
  for (const { h } of handlers) {
    for (const call of h.calls) {
      if (call.local === "@info") continue;
      const { target, effects: eff } = effects.ofCall(path, call);
      if (target.kind === "function") used.add(target.id);
      const unknown = eff.get("unknown");
      if (unknown && !seenUnknown.has(call.at + call.local)) {
        seenUnknown.add(call.at + call.local);
        markers.push({ code: "UNKNOWN_EFFECT", message: `cannot tell what ${[call.local, ...call.member].join(".")}() does (${unknown.chain[unknown.chain.length - 1]}); check it runs safely where it is placed`, at: call.at, ...call.pos !== void 0 ? { span: { start: call.pos, end: call.pos } } : {} });
      }
    }
  }
  for (const w of view.writes) for (const call of w.calls) {
    const { target } = effects.ofCall(path, call);
    if (target.kind === "function") used.add(target.id);
  }
  const template = {
    ...view.template,
    components: view.template.components.map((c) => {
      const t2 = index.resolveRef(path, { local: c.name.split(".")[0], member: c.name.split(".").slice(1) }, true);
      const file2 = t2.kind === "value" || t2.kind === "function" ? t2.id.slice(0, t2.id.indexOf("#")) : void 0;
      return file2 ? { ...c, file: file2 } : c;
    })
  };
  const blocked = view.dynamicKeys || markers.some((m2) => m2.code === "DYNAMIC_EVENT");
  return {
    id: `${path}#${view.name}`,
    file: path,
    name: view.name,
    kind: view.kind,
    api: view.api,
    at: view.at,
    span: view.span,
    state,
    events,
    infos: infos.sort((a, b) => a.name < b.name ? -1 : 1),
    template,
    markers: markers.sort((a, b) => compareLoc(a.at, b.at) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.message < b.message ? -1 : 1)),
    handlers: view.handlers,
    migration: view.ignored ? { status: "ignored", reason: `@migrate-ignore at ${view.ignored}` } : configIgnore ? { status: "ignored", reason: `ignored by ${overrides.file}:views.${configIgnore.ref}.ignore` } : blocked ? { status: "blocked", reason: view.dynamicKeys ? "DYNAMIC_KEYS" : "DYNAMIC_EVENT" } : { status: "pending" }
  };
}
__name(planView, "planView");

// src/analyzers/index.ts
function analyzeFile(input, options) {
  return analyzeSource(input, options);
}
__name(analyzeFile, "analyzeFile");
function mergeFacts(facts2, options) {
  return mergeAll(facts2, options);
}
__name(mergeFacts, "mergeFacts");

// bench/.prof-tmp/run.ts
import { readFileSync as readFileSync3 } from "node:fs";
import { join as join3 } from "node:path";
import fg from "fast-glob";
var root = process.argv[2] ?? "/work/main/bench/.corpus/1000";
var files = fg.sync("src/**/*.{ts,tsx,js,mjs,cjs}", { cwd: root }).sort();
var inputs = files.map((f) => ({ path: f, text: readFileSync3(join3(root, f), "utf8") }));
var c0 = process.cpuUsage();
var t = performance.now();
var facts = inputs.map((x) => analyzeFile(x, { root }));
var ta = performance.now() - t;
var ca = process.cpuUsage(c0).user / 1e3;
c0 = process.cpuUsage();
t = performance.now();
var m = mergeFacts(facts, { root });
var tm = performance.now() - t;
console.log(`${inputs.length} files analyze wall ${(ta / inputs.length).toFixed(2)} ms/file cpu ${(ca / inputs.length).toFixed(2)}; merge ${tm.toFixed(0)} ms; views ${m.views.length}`);
