// Finds a view's definition in its source (the `createLiveView({...})` call bound to the plan's
// view name) and the parts codemods move: each handler's parameters and body, as TS AST positions.

import { ts } from "ts-morph";
import { moduleFunction } from "../analyzers/ast.ts";

export interface FunctionPart {
  name: string;
  /** The property (method, or `name: arrow/function`) in the object literal. */
  property: ts.ObjectLiteralElementLike;
  fn: ts.ArrowFunction | ts.FunctionExpression | ts.MethodDeclaration | ts.FunctionDeclaration;
  params: string[];
  isAsync: boolean;
  /** Body block, or the expression of an expression-bodied arrow. */
  body: ts.Block | ts.Expression;
}

export interface LocatedView {
  sourceFile: ts.SourceFile;
  /** The top-level statement that defines the view. */
  statement: ts.Statement;
  /** The createLiveView call (absent for a class-based view). */
  call?: ts.CallExpression;
  /** A `class X extends BaseLiveView` view: its methods are the parts. */
  isClass?: boolean;
  /** Type arguments as written: Context, Events, Infos. */
  typeArgs: string[];
  parts: Map<string, FunctionPart>;
  /** Properties that are not functions (kept as they are or blocked). */
  otherProperties: ts.ObjectLiteralElementLike[];
  exported: boolean;
}

export type LocateResult = { ok: true; view: LocatedView } | { ok: false; code: string; message: string; pos: number };

export function parseSource(file: string, text: string): ts.SourceFile {
  const kind = file.endsWith(".js") || file.endsWith(".mjs") ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

/** Local names under which `createLiveView` is imported from liveviewjs (aliases included). */
function createLiveViewNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (statement.moduleSpecifier.text !== "liveviewjs") continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        if ((element.propertyName ?? element.name).text === "createLiveView") names.add(element.name.text);
      }
    }
  }
  return names;
}

/**
 * `factoryResolved`: the analyzer already resolved the callee to liveviewjs's factory (a live component
 * imported through a namespace, an alias or a project re-export): any call given an object literal is it.
 */
export function locateView(sf: ts.SourceFile, viewName: string, factoryResolved = false): LocateResult {
  const factories = createLiveViewNames(sf);
  for (const statement of sf.statements) {
    let call: ts.Expression | undefined;
    let exported = false;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === viewName) call = declaration.initializer;
      }
      exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
    } else if (ts.isExportAssignment(statement) && viewName === "default") {
      call = statement.expression;
      exported = true;
    } else if (ts.isClassDeclaration(statement) && (statement.name?.text === viewName || (viewName === "default" && !statement.name))) {
      return locateClassView(sf, statement);
    }
    if (!call) continue;
    if (!ts.isCallExpression(call) || (!factoryResolved && (!ts.isIdentifier(call.expression) || !(factories.has(call.expression.text) || call.expression.text === "createLiveView")))) {
      return { ok: false, code: "UNRECOGNISED_VIEW", message: "the view is not a direct createLiveView({...}) call: migrate it by hand", pos: statement.getStart(sf) };
    }
    const arg = call.arguments[0];
    if (!arg || !ts.isObjectLiteralExpression(arg)) {
      return { ok: false, code: "UNRECOGNISED_VIEW", message: "createLiveView is not given an object literal: migrate it by hand", pos: call.getStart(sf) };
    }
    const parts = new Map<string, FunctionPart>();
    const otherProperties: ts.ObjectLiteralElementLike[] = [];
    for (const property of arg.properties) {
      const part = functionPart(property, sf);
      if (part) parts.set(part.name, part);
      else otherProperties.push(property);
    }
    return { ok: true, view: { sourceFile: sf, statement, call, typeArgs: (call.typeArguments ?? []).map((t) => t.getText(sf)), parts, otherProperties, exported } };
  }
  return { ok: false, code: "VIEW_NOT_FOUND", message: `no definition named ${viewName} was found`, pos: 0 };
}

function functionPart(property: ts.ObjectLiteralElementLike, sf: ts.SourceFile): FunctionPart | undefined {
  let fn: FunctionPart["fn"] | ts.FunctionDeclaration | undefined;
  if (ts.isMethodDeclaration(property)) fn = property;
  else if (ts.isPropertyAssignment(property) && (ts.isArrowFunction(property.initializer) || ts.isFunctionExpression(property.initializer))) fn = property.initializer;
  // `mount: onMount` / `{ mount }`: a handler given by reference to a function of this module
  else if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.initializer)) fn = moduleFunction(sf, property.initializer.text);
  else if (ts.isShorthandPropertyAssignment(property)) fn = moduleFunction(sf, property.name.text);
  if (!fn || !fn.body || !property.name || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return undefined;
  return {
    name: property.name.text,
    property,
    fn,
    params: fn.parameters.map((p) => p.name.getText(sf)),
    isAsync: fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) ?? false,
    body: fn.body,
  };
}


/**
 * `class X extends BaseLiveView<Ctx, Events, Infos> { mount() {} handleEvent() {} render() {} }`: the
 * methods are the same parts as createLiveView's. Fields, a constructor or `this` mean per-instance
 * state the component model has no place for: left to a person.
 */
function locateClassView(sf: ts.SourceFile, statement: ts.ClassDeclaration): LocateResult {
  const heritage = statement.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  if (!heritage || heritage.expression.getText(sf) !== "BaseLiveView") return { ok: false, code: "CLASS_VIEW", message: "the class does not extend BaseLiveView directly: migrate it by hand", pos: statement.getStart(sf) };
  const parts = new Map<string, FunctionPart>();
  for (const member of statement.members) {
    const part = ts.isMethodDeclaration(member) && !member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ? functionPart(member, sf) : undefined;
    if (!part) return { ok: false, code: "CLASS_VIEW", message: "the class has fields, a constructor or static members (per-instance state): move them into state or a module by hand", pos: member.getStart(sf) };
    if (usesThis(part.fn)) return { ok: false, code: "CLASS_VIEW", message: `${part.name} uses \`this\`: call the helper as a plain function first`, pos: member.getStart(sf) };
    parts.set(part.name, part);
  }
  const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false;
  return { ok: true, view: { sourceFile: sf, statement, isClass: true, typeArgs: (heritage.typeArguments ?? []).map((t) => t.getText(sf)), parts, otherProperties: [], exported } };
}

function usesThis(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (n.kind === ts.SyntaxKind.ThisKeyword) found = true;
    // a nested function has its own `this`
    else if (!(ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n))) ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}
