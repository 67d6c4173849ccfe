// The app's routers: where each live view is mounted. Apply wires the migrated views into the router
// it finds here; verify mounts each view at its route. Nothing asks the project to have a router
// module. Routers are found by their type or their shape anywhere in the app (a value typed
// `LiveViewRouter`, or an object literal whose keys are paths and whose values are live views),
// exported or not, inline in a server setup call too. An unexported router cannot be imported, so
// what verify keeps of it is its path → view mapping, each view being a module and an export name
// that verify imports directly. A view no router maps gets a path of its own in verify (ownPath),
// with the route params its mount reads filled in.
//
// Everything here is syntax plus symbol resolution (ts-morph's TypeScript), never text matching;
// views and routers in plain .js files are found the same way (allowJs, JSDoc `@type`).

import { readFileSync } from "node:fs";
import { join, posix, relative, resolve, sep } from "node:path";
import fg from "fast-glob";
import { Project, ts } from "ts-morph";
import { readCompilerPaths, SYMBOL_COMPILER_OPTIONS } from "../analyzers/type_fallback.ts";

/** A live view as verify imports it: `import { <exportName> } from <file>`, instantiated when it is a class. */
export interface ViewRef {
  /** POSIX path relative to the app root. */
  file: string;
  /** The name the module exports it under ("default" for a default export). */
  exportName: string;
  /** The name it is declared with in its module (a class's or a variable's name). */
  localName?: string;
  /** The router holds `new <export>()` (a BaseLiveView class), not the export itself. */
  construct: boolean;
}

export interface FoundRoute {
  path: string;
  view: ViewRef;
}

export interface FoundRouter {
  /** POSIX path (relative to the root) and 1-based line of the router object. */
  file: string;
  line: number;
  /** The variable holding it, when it is held in one. */
  name?: string;
  /** The name its module exports it under, when it does. */
  exportedAs?: string;
  /** How it was recognised: its declared type, or its shape (path keys, live view values). */
  by: "type" | "shape";
  routes: FoundRoute[];
  /** Paths whose view verify cannot import (defined inline, not exported, built with arguments), and why. */
  unresolved: Array<{ path: string; why: string }>;
}

const SOURCE_GLOB = "**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}";
const IGNORE = ["**/node_modules/**", ".migrate/**", "**/dist/**", "**/build/**", "**/coverage/**", "**/*.d.ts", "**/*.component.*", "**/*.commands.*", "**/*.migrated.*", "**/*.test.*", "**/*.spec.*"];

const posixPath = (path: string) => path.split(sep).join(posix.sep);


/**
 * The app's sources as TypeScript sees them (lazily, once per verify run): routers, views and the
 * route params views read are all looked up here.
 */
export class AppIndex {
  private project: Project;
  private checker: ts.TypeChecker;
  private routers?: FoundRouter[];

  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
    const { baseUrl, paths } = readCompilerPaths(root);
    this.project = new Project({
      compilerOptions: {
        ...SYMBOL_COMPILER_OPTIONS,
        jsx: ts.JsxEmit.Preserve,
        // names and exports are all this needs: no default library, no @types
        noLib: true,
        types: [],
        ...(baseUrl !== undefined ? { baseUrl: join(root, baseUrl) } : {}),
        ...(paths ? { paths } : {}),
      },
      skipAddingFilesFromTsConfig: true,
      // the app's own modules only: a router's views are the app's, and reading every package's types
      // (express, liveviewjs, zod...) would triple the time (liveviewjs names are recognised by import name)
      resolutionHost: (moduleResolutionHost, getCompilerOptions) => ({
        resolveModuleNames: (names, containingFile) =>
          names.map((name) => {
            const found = ts.resolveModuleName(name, containingFile, getCompilerOptions(), moduleResolutionHost).resolvedModule;
            return found && !found.isExternalLibraryImport && !found.resolvedFileName.includes("/node_modules/") ? found : undefined;
          }),
      }),
    });
    const files = fg.sync(SOURCE_GLOB, { cwd: this.root, ignore: IGNORE }).sort();
    for (const file of files) this.project.addSourceFileAtPath(join(this.root, file));
    this.checker = this.project.getTypeChecker().compilerObject;
  }

  private sourceFile(file: string): ts.SourceFile | undefined {
    return this.project.getSourceFile(join(this.root, file))?.compilerNode;
  }

  private rel(sf: ts.SourceFile): string {
    return posixPath(relative(this.root, sf.fileName));
  }

  /** Every router in the app, in file order. */
  findRouters(): FoundRouter[] {
    if (this.routers) return this.routers;
    const byDeclaration = new Map<ts.Node, FoundRouter>();
    const routers: FoundRouter[] = [];
    for (const wrapped of this.project.getSourceFiles()) {
      const sf = wrapped.compilerNode;
      if (sf.fileName.includes("/node_modules/") || !sf.fileName.startsWith(this.root + "/")) continue;
      const visit = (node: ts.Node): void => {
        if (ts.isObjectLiteralExpression(node)) {
          const router = this.routerOf(node, sf);
          if (router) {
            routers.push(router);
            const holder = holderDeclaration(node);
            if (holder) byDeclaration.set(holder, router);
          }
        } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(node.left)) {
          // router["/path"] = view, on a router declared elsewhere (often `const router: LiveViewRouter = {}`)
          this.addAssignedRoute(node.left, node.right, sf, byDeclaration, routers);
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    return (this.routers = routers.filter((r) => r.routes.length > 0 || r.unresolved.length > 0));
  }

  private routerOf(object: ts.ObjectLiteralExpression, sf: ts.SourceFile): FoundRouter | undefined {
    const typed = this.isTypedRouter(object);
    const routes: FoundRoute[] = [];
    const unresolved: FoundRouter["unresolved"] = [];
    let views = 0;
    for (const property of object.properties) {
      if (ts.isSpreadAssignment(property)) {
        // { ...otherRoutes }: the routes of the object that is spread, when it is an object literal
        const spread = this.objectLiteralOf(property.expression);
        if (spread) {
          const inner = this.routerOf(spread, sf);
          if (inner) {
            routes.push(...inner.routes);
            unresolved.push(...inner.unresolved);
            views += inner.routes.length + inner.unresolved.length;
          }
        }
        continue;
      }
      if (!ts.isPropertyAssignment(property)) continue;
      const path = pathKey(property.name);
      if (path === undefined) continue;
      const view = this.resolveView(property.initializer);
      if (!view) continue;
      views++;
      if ("why" in view) unresolved.push({ path, why: view.why });
      else routes.push({ path, view });
    }
    if (!typed && views === 0) return undefined;
    const holder = holderDeclaration(object);
    const name = holder && ts.isIdentifier(holder.name) ? holder.name.text : undefined;
    return {
      file: this.rel(sf),
      line: sf.getLineAndCharacterOfPosition(object.getStart(sf)).line + 1,
      name,
      exportedAs: holder ? this.exportNameOf(holder) : undefined,
      by: typed ? "type" : "shape",
      routes,
      unresolved,
    };
  }

  private addAssignedRoute(left: ts.ElementAccessExpression, right: ts.Expression, sf: ts.SourceFile, byDeclaration: Map<ts.Node, FoundRouter>, routers: FoundRouter[]): void {
    const path = ts.isStringLiteralLike(left.argumentExpression) && left.argumentExpression.text.startsWith("/") ? left.argumentExpression.text : undefined;
    if (path === undefined) return;
    const declaration = this.declarationOf(left.expression);
    if (!declaration || !ts.isVariableDeclaration(declaration)) return;
    const view = this.resolveView(right);
    if (!view) return;
    let router = byDeclaration.get(declaration);
    if (!router) {
      if (!this.isTypedRouter(declaration) && !(declaration.initializer && ts.isObjectLiteralExpression(skipOuter(declaration.initializer)))) return;
      const home = declaration.getSourceFile();
      router = {
        file: this.rel(home),
        line: home.getLineAndCharacterOfPosition(declaration.getStart(home)).line + 1,
        name: ts.isIdentifier(declaration.name) ? declaration.name.text : undefined,
        exportedAs: this.exportNameOf(declaration),
        by: this.isTypedRouter(declaration) ? "type" : "shape",
        routes: [],
        unresolved: [],
      };
      byDeclaration.set(declaration, router);
      routers.push(router);
    }
    if ("why" in view) router.unresolved.push({ path, why: view.why });
    else router.routes.push({ path, view });
    void sf;
  }

  /** Declared (or asserted) as `LiveViewRouter`, or given where one is expected (a server setup call's parameter). */
  private isTypedRouter(node: ts.Node): boolean {
    if (ts.isVariableDeclaration(node)) return this.namesRouterType(node.type ?? ts.getJSDocType(node));
    let current: ts.Node = node;
    while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isSatisfiesExpression(current.parent)) {
      const parent = current.parent;
      if ((ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)) && this.namesRouterType(parent.type)) return true;
      current = parent;
    }
    const parent = current.parent;
    if (ts.isVariableDeclaration(parent) && parent.initializer === current) return this.namesRouterType(parent.type ?? ts.getJSDocType(parent));
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(current as ts.Expression)) {
      // new NodeExpressLiveViewServer({ ... }, ...): the parameter's declared type says what it is
      try {
        const type = this.checker.getContextualType(current as ts.Expression);
        const alias = type?.aliasSymbol ?? type?.getSymbol();
        if (alias?.getName() === "LiveViewRouter") return true;
      } catch {}
    }
    return false;
  }

  private namesRouterType(type: ts.TypeNode | undefined): boolean {
    if (!type || !ts.isTypeReferenceNode(type)) return false;
    const name = ts.isIdentifier(type.typeName) ? type.typeName : type.typeName.right;
    return this.importedName(name) === "LiveViewRouter";
  }

  /** The name an identifier has where it comes from (through `import { X as Y }`), else its own. */
  private importedName(id: ts.Identifier): string {
    const symbol = this.checker.getSymbolAtLocation(id);
    const declaration = symbol?.declarations?.[0];
    if (declaration && ts.isImportSpecifier(declaration)) return (declaration.propertyName ?? declaration.name).text;
    return id.text;
  }

  private symbolOf(node: ts.Node): ts.Symbol | undefined {
    let symbol = this.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node) ? node.name : node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) {
      // through imports and re-exports to the declaration (an unresolved import keeps the alias)
      const target = this.checker.getAliasedSymbol(symbol);
      if (target?.declarations?.length) symbol = target;
    }
    return symbol;
  }

  private declarationOf(node: ts.Node): ts.Declaration | undefined {
    const symbol = this.symbolOf(node);
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  }

  private objectLiteralOf(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
    const inner = skipOuter(expression);
    if (ts.isObjectLiteralExpression(inner)) return inner;
    const declaration = this.declarationOf(inner);
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer) {
      const init = skipOuter(declaration.initializer);
      if (ts.isObjectLiteralExpression(init)) return init;
    }
    return undefined;
  }

  /** What a router's value is: an importable view, a view verify cannot import (and why), or no view at all. */
  resolveView(expression: ts.Expression, depth = 0): ViewRef | { why: string } | undefined {
    const node = skipOuter(expression);
    if (depth > 5) return undefined;
    if (ts.isNewExpression(node)) {
      const klass = this.declarationOf(node.expression);
      if (!klass || !(ts.isClassDeclaration(klass) || ts.isClassExpression(klass)) || !this.isLiveViewClass(klass)) return undefined;
      if (node.arguments?.length) return { why: `\`${node.getText()}\` is built with arguments` };
      const exportName = this.exportNameOf(klass);
      if (!exportName) return { why: `class ${klass.name?.text ?? "(anonymous)"} is not exported by ${this.rel(klass.getSourceFile())}` };
      return { file: this.rel(klass.getSourceFile()), exportName, localName: klass.name?.text, construct: true };
    }
    if (ts.isCallExpression(node)) return this.isCreateLiveView(node) ? { why: "the view is defined inline in the router" } : undefined;
    if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return undefined;
    const declaration = this.declarationOf(node);
    if (!declaration) return undefined;
    let isView = false;
    if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
      const init = skipOuter(declaration.initializer);
      if (ts.isCallExpression(init)) isView = this.isCreateLiveView(init);
      else if (ts.isNewExpression(init)) {
        const klass = this.declarationOf(init.expression);
        isView = !!klass && (ts.isClassDeclaration(klass) || ts.isClassExpression(klass)) && this.isLiveViewClass(klass);
      } else if (ts.isIdentifier(init) || ts.isPropertyAccessExpression(init)) {
        const inner = this.resolveView(init, depth + 1);
        if (!inner) return undefined;
        // `const view = otherView`: importing the variable is as good as importing what it holds
        const exportName = this.exportNameOf(declaration);
        if (exportName && ts.isIdentifier(declaration.name)) return { file: this.rel(declaration.getSourceFile()), exportName, localName: declaration.name.text, construct: false };
        return inner;
      }
    } else if (ts.isExportAssignment(declaration)) {
      const init = skipOuter(declaration.expression);
      isView = ts.isCallExpression(init) && this.isCreateLiveView(init);
      if (isView) return { file: this.rel(declaration.getSourceFile()), exportName: "default", construct: false };
    }
    if (!isView) return undefined;
    const name = ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
    const exportName = this.exportNameOf(declaration);
    if (!exportName) return { why: `${name ?? "the view"} is not exported by ${this.rel(declaration.getSourceFile())}` };
    return { file: this.rel(declaration.getSourceFile()), exportName, localName: name, construct: false };
  }

  private isCreateLiveView(call: ts.CallExpression): boolean {
    const callee = skipOuter(call.expression);
    if (ts.isIdentifier(callee)) return this.importedName(callee) === "createLiveView";
    return ts.isPropertyAccessExpression(callee) && callee.name.text === "createLiveView";
  }

  /** `class X extends BaseLiveView` (or a subclass of one), or a class with the LiveView members. */
  private isLiveViewClass(klass: ts.ClassLikeDeclaration, depth = 0): boolean {
    for (const clause of klass.heritageClauses ?? []) {
      for (const type of clause.types) {
        const expression = skipOuter(type.expression);
        const name = ts.isIdentifier(expression) ? this.importedName(expression) : ts.isPropertyAccessExpression(expression) ? expression.name.text : "";
        if (name === "BaseLiveView" || name === "LiveView") return true;
        if (clause.token === ts.SyntaxKind.ExtendsKeyword && depth < 5) {
          const base = this.declarationOf(expression);
          if (base && (ts.isClassDeclaration(base) || ts.isClassExpression(base)) && this.isLiveViewClass(base, depth + 1)) return true;
        }
      }
    }
    const members = new Set(klass.members.map((m) => (m.name && ts.isIdentifier(m.name) ? m.name.text : "")));
    return members.has("render") && (members.has("mount") || members.has("handleEvent"));
  }

  /** The name `declaration`'s module exports it under, if any. */
  private exportNameOf(declaration: ts.Declaration): string | undefined {
    const sf = declaration.getSourceFile();
    const moduleSymbol = this.checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) return undefined;
    const own = ts.isExportAssignment(declaration)
      ? undefined
      : this.checker.getSymbolAtLocation((declaration as ts.NamedDeclaration).name ?? declaration) ?? (declaration as { symbol?: ts.Symbol }).symbol;
    const exports = this.checker.getExportsOfModule(moduleSymbol);
    let found: string | undefined;
    for (const exported of exports) {
      let target = exported;
      if (target.flags & ts.SymbolFlags.Alias) target = this.checker.getAliasedSymbol(target);
      const matches = own ? target === own : target.declarations?.includes(declaration);
      // prefer the declared name over an alias (`export { x as y }` next to `export const x`)
      if (matches && (!found || exported.getName() === (own?.getName() ?? ""))) found = exported.getName();
    }
    return found;
  }

  /** Does the view's module render live components (`meta.live_component(...)` anywhere in it)? */
  mentionsLiveComponent(file: string): boolean {
    const sf = this.sourceFile(file);
    if (!sf) return false;
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (ts.isPropertyAccessExpression(node) && node.name.text === "live_component") found = true;
      else ts.forEachChild(node, visit);
    };
    visit(sf);
    return found;
  }

  /**
   * Names of the route params a view reads in `mount(socket, session, params)` (`params.id`,
   * `params["id"]`, destructuring), so a path of its own can carry them.
   */
  paramsRead(view: { file: string; exportName: string }): string[] {
    const sf = this.sourceFile(view.file);
    if (!sf) return [];
    const moduleSymbol = this.checker.getSymbolAtLocation(sf);
    const exported = moduleSymbol && this.checker.getExportsOfModule(moduleSymbol).find((s) => s.getName() === view.exportName);
    if (!exported) return [];
    const target = exported.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(exported) : exported;
    const declaration = target.valueDeclaration ?? target.declarations?.[0];
    if (!declaration) return [];
    let mount: ts.SignatureDeclaration | undefined;
    let klass: ts.ClassLikeDeclaration | undefined;
    if (ts.isClassDeclaration(declaration) || ts.isClassExpression(declaration)) klass = declaration;
    const init = ts.isVariableDeclaration(declaration) && declaration.initializer ? skipOuter(declaration.initializer) : ts.isExportAssignment(declaration) ? skipOuter(declaration.expression) : undefined;
    if (init && ts.isCallExpression(init) && init.arguments[0] && ts.isObjectLiteralExpression(skipOuter(init.arguments[0]))) {
      for (const property of (skipOuter(init.arguments[0]) as ts.ObjectLiteralExpression).properties) {
        if (!property.name || !ts.isIdentifier(property.name) || property.name.text !== "mount") continue;
        if (ts.isMethodDeclaration(property)) mount = property;
        else if (ts.isPropertyAssignment(property)) {
          const fn = skipOuter(property.initializer);
          if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) mount = fn;
        }
      }
    } else if (init && ts.isNewExpression(init)) {
      const decl = this.declarationOf(init.expression);
      if (decl && (ts.isClassDeclaration(decl) || ts.isClassExpression(decl))) klass = decl;
    }
    if (klass) mount = klass.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && !!m.name && ts.isIdentifier(m.name) && m.name.text === "mount");
    if (!mount) return [];
    // mount(socket, session, params) since 0.4; the older class API had mount(params, session, socket)
    const first = mount.parameters[0];
    const param = first && ts.isIdentifier(first.name) && /params/i.test(first.name.text) ? first : mount.parameters[2];
    return param ? namesRead(param, this.checker) : [];
  }
}

/** Property names read off a parameter: destructured in place, or `p.x`, `p["x"]`, `const { x } = p` in the body. */
function namesRead(param: ts.ParameterDeclaration, checker: ts.TypeChecker): string[] {
  const names = new Set<string>();
  const fromPattern = (pattern: ts.ObjectBindingPattern) => {
    for (const element of pattern.elements) {
      const key = element.propertyName ?? element.name;
      if (ts.isIdentifier(key) || ts.isStringLiteralLike(key)) names.add(key.text);
    }
  };
  if (ts.isObjectBindingPattern(param.name)) fromPattern(param.name);
  else if (ts.isIdentifier(param.name)) {
    const symbol = checker.getSymbolAtLocation(param.name);
    const isParam = (node: ts.Node) => ts.isIdentifier(node) && checker.getSymbolAtLocation(node) === symbol;
    const body = (param.parent as ts.FunctionLikeDeclaration).body;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && isParam(node.expression)) names.add(node.name.text);
      else if (ts.isElementAccessExpression(node) && isParam(node.expression) && ts.isStringLiteralLike(node.argumentExpression)) names.add(node.argumentExpression.text);
      else if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer && isParam(skipOuter(node.initializer))) fromPattern(node.name);
      ts.forEachChild(node, visit);
    };
    if (body) visit(body);
  }
  return [...names].filter((n) => /^[A-Za-z_$][\w$]*$/.test(n)).sort();
}

function pathKey(name: ts.PropertyName): string | undefined {
  const key = ts.isComputedPropertyName(name) ? name.expression : name;
  return ts.isStringLiteralLike(key) && key.text.startsWith("/") ? key.text : undefined;
}

function skipOuter(expression: ts.Expression): ts.Expression {
  let node = expression;
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) node = node.expression;
  return node;
}

/** The variable a router object is the value of (through parentheses and type assertions). */
function holderDeclaration(object: ts.Expression): ts.VariableDeclaration | undefined {
  let current: ts.Node = object;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isSatisfiesExpression(current.parent)) current = current.parent;
  return ts.isVariableDeclaration(current.parent) && current.parent.initializer === current ? current.parent : undefined;
}

/** The original view a generated component came from, from its first-line header. */
export function generatedFrom(componentText: string): { from?: string; name?: string } {
  const first = componentText.split("\n", 1)[0] ?? "";
  const marker = "// Generated by liveview-migrate from ";
  if (!first.startsWith(marker)) return {};
  const rest = first.slice(marker.length);
  const space = rest.indexOf(" ");
  const from = space < 0 ? rest : rest.slice(0, space);
  const open = rest.indexOf("(", space);
  const close = open < 0 ? -1 : rest.indexOf(")", open);
  const name = open >= 0 && close > open ? rest.slice(open + 1, close) : undefined;
  return { from: from.replace(/\.$/, ""), name };
}

/** A path of its own for a view no router maps: `/__verify/<n>/:param` for each param its mount reads. */
export function ownPath(n: number, params: string[]): string {
  return `/__verify/${n}${params.map((p) => `/:${p}`).join("")}`;
}
