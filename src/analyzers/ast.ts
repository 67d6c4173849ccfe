// Small helpers over the TypeScript syntax tree (the compiler bundled by ts-morph; syntactic only).

import { ts } from "ts-morph";
import type { Location, Span } from "../plan/types.ts";

export { ts };

export interface FileContext {
  path: string;
  text: string;
  sf: ts.SourceFile;
  /** Parts nested past the limit, blanked out of `text` before parsing (depth.ts): unknown code. */
  deep?: readonly Span[];
}

export function scriptKindOf(path: string): ts.ScriptKind {
  if (path.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (path.endsWith(".jsx")) return ts.ScriptKind.JSX;
  if (path.endsWith(".js") || path.endsWith(".mjs") || path.endsWith(".cjs")) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

export function parse(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKindOf(path));
}

/** Syntax errors the parser recorded (not type errors). */
export function parseDiagnostics(sf: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  return (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}

export function lineOf(ctx: FileContext, pos: number): number {
  return ctx.sf.getLineAndCharacterOfPosition(pos).line + 1;
}

export function locOf(ctx: FileContext, node: ts.Node): Location {
  return `${ctx.path}:${lineOf(ctx, node.getStart(ctx.sf))}`;
}

export function spanOf(ctx: FileContext, node: ts.Node): Span {
  return { start: node.getStart(ctx.sf), end: node.getEnd() };
}

export function textOf(ctx: FileContext, node: ts.Node, max = 200): string {
  const t = node.getText(ctx.sf).replace(/\s+/g, " ").trim();
  return t.length > max ? t.slice(0, max - 1) + "…" : t;
}

/** Strips parentheses, `as`, `satisfies`, `!` and type assertions. */
export function unwrap(node: ts.Expression): ts.Expression {
  let n: ts.Expression = node;
  for (;;) {
    if (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isTypeAssertionExpression(n) || ts.isSatisfiesExpression(n)) n = n.expression;
    else return n;
  }
}

/** Property name as a static string, or undefined when computed from a non-literal. */
export function propName(name: ts.PropertyName | ts.MemberName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const e = unwrap(name.expression);
    if (ts.isStringLiteralLike(e) || ts.isNumericLiteral(e)) return e.text;
  }
  return undefined;
}

/** `a.b.c` → { root: "a", path: ["b","c"] }; `this.x` → root "this"; element access with literal keys too. */
export function accessPath(node: ts.Expression): { root: string; rootNode: ts.Expression; path: string[] } | undefined {
  // Collected outermost first and reversed once: unshift per step is quadratic on long chains.
  const path: string[] = [];
  let n = unwrap(node);
  for (;;) {
    if (ts.isPropertyAccessExpression(n)) {
      path.push(n.name.text);
      n = unwrap(n.expression);
    } else if (ts.isElementAccessExpression(n) && ts.isStringLiteralLike(unwrap(n.argumentExpression))) {
      path.push((unwrap(n.argumentExpression) as ts.StringLiteral).text);
      n = unwrap(n.expression);
    } else break;
  }
  if (ts.isIdentifier(n)) return { root: n.text, rootNode: n, path: path.reverse() };
  if (n.kind === ts.SyntaxKind.ThisKeyword) return { root: "this", rootNode: n, path: path.reverse() };
  return undefined;
}

/**
 * Pre-order walk over `roots` and everything under them, in source order, like a visitor that calls
 * `ts.forEachChild(node, visit)` at its end, but with a stack of its own: a chain of any length
 * (`a + b + …`, `x.then().then()…`) cannot overflow the call stack. `visit` returns false to skip the
 * node's children. `childrenOnly`: start from the roots' children (`ts.forEachChild(root, visit)`).
 */
export function walkTree(roots: ts.Node | readonly ts.Node[], visit: (node: ts.Node) => boolean | void, childrenOnly = false): void {
  // One stack for every walk (a visitor may start another walk: it works above the current one's part).
  const base = pending.length;
  try {
    for (const root of isNodeList(roots) ? roots : [roots]) {
      if (childrenOnly) ts.forEachChild(root, pushPending);
      else pending.push(root);
    }
    reversePending(base);
    while (pending.length > base) {
      const node = pending.pop()!;
      if (visit(node) === false) continue;
      const from = pending.length;
      ts.forEachChild(node, pushPending);
      reversePending(from);
    }
  } finally {
    pending.length = base;
  }
}

const pending: ts.Node[] = [];

/** A module-level callback (not a closure per walk); returns nothing, so forEachChild goes on. */
function pushPending(child: ts.Node): void {
  pending.push(child);
}

/** Reverses pending[from..] in place: children are pushed in source order and popped first to last. */
function reversePending(from: number): void {
  for (let i = from, j = pending.length - 1; i < j; i++, j--) {
    const t = pending[i]!;
    pending[i] = pending[j]!;
    pending[j] = t;
  }
}

function isNodeList(x: ts.Node | readonly ts.Node[]): x is readonly ts.Node[] {
  return Array.isArray(x);
}

export function isFunctionLike(node: ts.Node): node is ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node);
}

export function isAsync(fn: ts.Node): boolean {
  return !!(ts.canHaveModifiers(fn) && ts.getModifiers(fn)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword));
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return !!(ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === kind));
}

/** `require("x")` → "x". */
export function requireSpecifier(node: ts.Expression): string | undefined {
  const n = unwrap(node);
  if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "require" && n.arguments.length === 1) {
    const a = n.arguments[0]!;
    if (ts.isStringLiteralLike(a)) return a.text;
  }
  return undefined;
}

/** Names bound by a binding pattern or identifier. */
export function boundNames(name: ts.BindingName, out: string[] = []): string[] {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) boundNames(el.name, out);
  return out;
}

export function sortBy<T>(items: T[], key: (t: T) => string): T[] {
  return items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

export function uniqSorted(items: Iterable<string>): string[] {
  return [...new Set(items)].sort();
}

/** Locations sort by file then numeric line. */
export function compareLoc(a: string, b: string): number {
  const ia = a.lastIndexOf(":");
  const ib = b.lastIndexOf(":");
  const fa = a.slice(0, ia);
  const fb = b.slice(0, ib);
  if (fa !== fb) return fa < fb ? -1 : 1;
  return Number(a.slice(ia + 1)) - Number(b.slice(ib + 1));
}

/** A top-level `function name() {}` or `const name = (…) => …` of the file. */
export function moduleFunction(sf: ts.SourceFile, name: string): ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | undefined {
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name?.text === name && st.body) return st;
    if (ts.isVariableStatement(st) && st.declarationList.flags & ts.NodeFlags.Const) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) return d.initializer;
      }
    }
  }
  return undefined;
}
