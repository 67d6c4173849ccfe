// Pass 2: find the views and components in a file. A view is a createLiveView/createLiveComponent call
// or a class extending BaseLiveView/BaseLiveComponent (or implementing LiveView), reached however the
// package was imported: named, aliased, namespace, default, CommonJS require, or through the project's
// own modules (recorded as "project" detections and confirmed in mergeFacts by following re-exports).

import { ts, type FileContext, accessPath, locOf, propName, spanOf, unwrap, walkTree } from "./ast.ts";
import type { ModuleScope } from "./1_module_summary.ts";
import type { DetectionFact, ExportFact, ImportFact } from "./facts.ts";
import type { ViewApi, ViewKind } from "../plan/types.ts";

const FACTORY_KIND: Record<string, ViewKind> = { createLiveView: "view", createLiveComponent: "component" };
const BASE_KIND: Record<string, { kind: ViewKind; legacy: boolean }> = {
  BaseLiveView: { kind: "view", legacy: false },
  BaseLiveComponent: { kind: "component", legacy: false },
  BaseLiveViewComponent: { kind: "view", legacy: true },
};
const INTERFACE_KIND: Record<string, ViewKind> = { LiveView: "view", LiveComponent: "component", LiveViewComponent: "view" };

export type PackageRef = { via: "liveviewjs"; name: string } | { via: "project"; import: ImportFact; member: string[] };

/** What a callee/heritage expression refers to: a liveviewjs export, or something from a project module. */
export function resolvePackageRef(scope: ModuleScope, expr: ts.Expression): PackageRef | undefined {
  const ap = accessPath(expr);
  if (!ap) return undefined;
  let root = ap.root;
  let path = ap.path;
  for (let i = 0; i < 5 && scope.aliases.has(root) && !scope.imports.has(root); i++) {
    const a = scope.aliases.get(root)!;
    root = a.local;
    path = [...a.member, ...path];
  }
  const imp = scope.imports.get(root);
  if (!imp) return undefined;
  if (imp.specifier === "liveviewjs") {
    if (imp.imported === "*" || imp.imported === "default") {
      // `import LV from "liveviewjs"` / `require("liveviewjs")`: CJS interop puts exports on the default.
      const rest = path[0] === "default" ? path.slice(1) : path;
      return rest.length === 1 ? { via: "liveviewjs", name: rest[0]! } : undefined;
    }
    return path.length === 0 ? { via: "liveviewjs", name: imp.imported } : undefined;
  }
  if (imp.specifier.startsWith("node:")) return undefined;
  return { via: "project", import: imp, member: path };
}

export interface DetectedView {
  node: ts.CallExpression | ts.ClassLikeDeclaration;
  /** The definition object (createLiveView's argument) or the class. */
  definition: ts.ObjectLiteralExpression | ts.ClassLikeDeclaration;
  name: string;
  exported: boolean;
  kind: ViewKind;
  api: ViewApi;
  detection: DetectionFact;
}

export function detectViews(ctx: FileContext, scope: ModuleScope, exports: ExportFact[]): DetectedView[] {
  const out: DetectedView[] = [];
  const visit = (node: ts.Node): void => {
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
  };
  walkTree(ctx.sf, visit);
  // two views made by one function: the second and later get their place among them (`make()@2`)
  const seen = new Map<string, number>();
  for (const view of out) {
    if (!view.name.endsWith("()")) continue;
    const n = (seen.get(view.name) ?? 0) + 1;
    seen.set(view.name, n);
    if (n > 1) view.name = `${view.name}@${n}`;
  }
  return out;
}

function definitionObject(scope: ModuleScope, arg: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  if (!arg) return undefined;
  const a = unwrap(arg);
  if (ts.isObjectLiteralExpression(a)) return a;
  if (ts.isIdentifier(a)) return scope.objects.get(a.text);
  return undefined;
}

function hasMember(obj: ts.ObjectLiteralExpression | ts.ClassLikeDeclaration, name: string): boolean {
  const members: readonly ts.Node[] = ts.isObjectLiteralExpression(obj) ? obj.properties : obj.members;
  return members.some((m) => propName((m as ts.NamedDeclaration).name as ts.PropertyName) === name);
}

function detectFactoryCall(ctx: FileContext, scope: ModuleScope, call: ts.CallExpression): { definition: ts.ObjectLiteralExpression; kind: ViewKind; detection: DetectionFact } | undefined {
  const def = definitionObject(scope, call.arguments[0]);
  if (!def) return undefined;
  const ref = resolvePackageRef(scope, call.expression);
  if (ref?.via === "liveviewjs") {
    const kind = FACTORY_KIND[ref.name];
    return kind ? { definition: def, kind, detection: { via: "liveviewjs" } } : undefined;
  }
  if (!hasMember(def, "render")) return undefined;
  if (ref?.via === "project") {
    // Kind is settled in merge from the name the chain ends at; the member names give a first guess.
    const kind: ViewKind = hasMember(def, "update") || /component/i.test([ref.import.imported, ...ref.member].join(".")) ? "component" : "view";
    return { definition: def, kind, detection: { via: "project", import: ref.import, member: ref.member } };
  }
  // No import binding at all (a global, a bundle): accept the package's own factory names on the shape.
  const callee = unwrap(call.expression);
  const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
  const kind = FACTORY_KIND[calleeName];
  if (kind && !scope.functions.has(calleeName)) return { definition: def, kind, detection: { via: "shape" } };
  void ctx;
  return undefined;
}

function detectClass(scope: ModuleScope, cls: ts.ClassLikeDeclaration): { kind: ViewKind; legacy: boolean; detection: DetectionFact } | undefined {
  for (const clause of cls.heritageClauses ?? []) {
    for (const t of clause.types) {
      const ref = resolvePackageRef(scope, t.expression);
      if (clause.token === ts.SyntaxKind.ExtendsKeyword) {
        if (ref?.via === "liveviewjs" && BASE_KIND[ref.name]) {
          const b = BASE_KIND[ref.name]!;
          return { kind: b.kind, legacy: b.legacy || isLegacyClass(cls), detection: { via: "liveviewjs" } };
        }
        if (ref?.via === "project" && hasMember(cls, "render")) {
          const kind: ViewKind = /component/i.test([ref.import.imported, ...ref.member].join(".")) && !/viewcomponent/i.test(ref.import.imported) ? "component" : "view";
          return { kind, legacy: isLegacyClass(cls), detection: { via: "project", import: ref.import, member: ref.member } };
        }
      } else if (ref?.via === "liveviewjs" && INTERFACE_KIND[ref.name] && hasMember(cls, "render")) {
        return { kind: INTERFACE_KIND[ref.name]!, legacy: ref.name === "LiveViewComponent" || isLegacyClass(cls), detection: { via: "liveviewjs" } };
      }
    }
  }
  return undefined;
}

/** 0.0–0.3 signatures: handleEvent(event, params, socket), mount(params, session, socket). */
export function isLegacyClass(cls: ts.ClassLikeDeclaration | ts.ObjectLiteralExpression): boolean {
  const members: readonly ts.Node[] = ts.isObjectLiteralExpression(cls) ? cls.properties : cls.members;
  for (const m of members) {
    if (!ts.isMethodDeclaration(m)) continue;
    const name = propName(m.name);
    if (name === "handleEvent" && m.parameters.length >= 3) return true;
    if (name === "mount" && m.parameters.length >= 3) {
      const first = m.parameters[0]!;
      const third = m.parameters[2]!;
      const firstType = first.type?.getText() ?? "";
      const thirdType = third.type?.getText() ?? "";
      if (/Socket/.test(thirdType) && !/Socket/.test(firstType)) return true;
      if (!first.type && ts.isIdentifier(third.name) && /socket/i.test(third.name.text) && !(ts.isIdentifier(first.name) && /socket/i.test(first.name.text))) return true;
    }
  }
  return false;
}

/** Name per the plan's id rule: exported name, "default", or the local name. */
function viewName(ctx: FileContext, node: ts.Node, exports: ExportFact[]): { name: string; exported: boolean } {
  const pick = (local: string): { name: string; exported: boolean } => {
    const names = exports.filter((e) => e.local === local).map((e) => e.name);
    if (names.includes(local)) return { name: local, exported: true };
    const named = names.filter((n) => n !== "default").sort();
    if (named.length) return { name: named[0]!, exported: true };
    if (names.includes("default")) return { name: "default", exported: true };
    return { name: local, exported: false };
  };
  if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name && ts.isClassDeclaration(node)) {
    const isDefault = ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    if (isDefault) return { name: "default", exported: true };
    return pick(node.name.text);
  }
  let p: ts.Node = node.parent;
  let child: ts.Node = node;
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
    if (ap && ((ap.root === "exports" && ap.path.length === 1) || (ap.root === "module" && ap.path[0] === "exports" && ap.path.length === 2)))
      return { name: ap.path[ap.path.length - 1]!, exported: true };
  }
  if (ts.isPropertyAssignment(p)) {
    const key = propName(p.name);
    if (key) return { name: key, exported: false };
  }
  // made by a function: named after it (stable when lines above move, as markers apply writes do)
  for (let up: ts.Node | undefined = p; up && !ts.isSourceFile(up); up = up.parent) {
    if (!ts.isFunctionLike(up)) continue;
    const fn = up.name && ts.isIdentifier(up.name) ? up.name.text : ts.isVariableDeclaration(up.parent) && ts.isIdentifier(up.parent.name) ? up.parent.name.text : undefined;
    if (fn) return { name: `${fn}()`, exported: false };
    break;
  }
  return { name: `view@${locOf(ctx, node).split(":").pop()}`, exported: false };
}

export { spanOf };
