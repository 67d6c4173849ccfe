// Live components a view renders (`meta.live_component(X, props)`): which component plan each `X` is
// (through the view file's imports), and the import of the migrated X that replaces the LiveViewJS one.
// apply migrates those components first (migrate-view.ts, kind "component") and hands the outcome to
// the view's migration; a component that cannot be migrated keeps the view on LiveViewJS.

import { posix } from "node:path";
import { ts } from "ts-morph";
import type { ViewPlan } from "../plan/types.ts";
import { candidatesFor } from "../analyzers/module_paths.ts";
import { parseSource } from "./locate-view.ts";
import { specifierInStyle, withoutExtension } from "./output-paths.ts";

/** In a child component's generated header: verify and wiring tell it from a routed view's component. */
export const CHILD_COMPONENT_NOTE = "A child component (rendered with meta.live_component).";

export type ChildOutcome = { ok: true; componentFile: string; exportName: string } | { ok: false; reason: string };
/** What apply made of a component plan, by plan id (undefined: not migrated in this run). */
export type ChildLookup = (componentId: string) => ChildOutcome | undefined;

export interface RenderedComponent {
  /** The first argument of live_component as written. */
  text: string;
  pos: number;
  /** The identifier, when the argument is one. */
  local?: string;
  /** Module specifier and imported name of that identifier. */
  imported?: { specifier: string; name: string };
  plan?: ViewPlan;
  /** Defined in the view's own module (not imported). */
  sameModule?: boolean;
  /** Why no component plan was found. */
  problem?: string;
}

/** `live_component(X, …)` / `meta.live_component(X, …)` calls in the code, in order. */
export function liveComponentCalls(code: ts.Node, sf: ts.SourceFile): { text: string; pos: number; local?: string }[] {
  const calls: { text: string; pos: number; local?: string }[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      const arg = n.arguments[0];
      if (name === "live_component" && arg) calls.push({ text: arg.getText(sf), pos: n.getStart(sf), ...(ts.isIdentifier(arg) ? { local: arg.text } : {}) });
    }
    ts.forEachChild(n, visit);
  };
  visit(code);
  return calls;
}

/** The import binding `local` in the file: specifier and imported name ("default" for a default import). */
function importOf(sf: ts.SourceFile, local: string): { specifier: string; name: string; namespace?: boolean } | undefined {
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || !s.importClause || s.importClause.isTypeOnly) continue;
    const specifier = s.moduleSpecifier.text;
    if (s.importClause.name?.text === local) return { specifier, name: "default" };
    const bindings = s.importClause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === local) return { specifier, name: "*", namespace: true };
    if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) if (e.name.text === local) return { specifier, name: (e.propertyName ?? e.name).text };
  }
  return undefined;
}

/**
 * Which component plan each `live_component(X, …)` renders: X's import resolved against the plan's
 * component files (TS resolution: extension or none, `.js` for `.ts`, index files), else the
 * analyzer's resolution of the same name (re-exports) in `template.components`.
 */
export function resolveRendered(sf: ts.SourceFile, view: ViewPlan, components: readonly ViewPlan[], calls: { text: string; pos: number; local?: string }[]): RenderedComponent[] {
  return calls.map((call) => {
    const out: RenderedComponent = { ...call };
    if (!call.local) return { ...out, problem: "the component is not a plain identifier" };
    const imported = importOf(sf, call.local);
    // defined in the view's own module: it gets generated files of its own (output-paths.ts definitionPart)
    const local = !imported ? components.find((c) => c.kind === "component" && c.file === view.file && c.name === call.local) : undefined;
    if (local) return { ...out, plan: local, sameModule: true };
    if (!imported) return { ...out, problem: "it is not imported from a module of the project" };
    if (imported.namespace) return { ...out, problem: "it is used through a namespace import" };
    out.imported = imported;
    const candidates = new Set(candidatesFor(view.file, imported.specifier).map(withoutExtension));
    const analyzed = view.template.components.find((c) => c.name === call.local)?.file;
    const inFile = components.filter((c) => c.kind === "component" && (candidates.has(withoutExtension(c.file)) || c.file === analyzed));
    const plan = inFile.length === 1 ? inFile[0] : inFile.find((c) => c.name === imported.name);
    if (!plan) return { ...out, problem: inFile.length > 1 ? `${imported.specifier} defines several components` : `no live component found in ${imported.specifier}` };
    return { ...out, plan };
  });
}

/**
 * Component plans the views' files render, with the components those render, each after the ones it
 * renders (what apply migrates before the views, in that order).
 */
export function componentsRenderedBy(views: readonly ViewPlan[], allPlans: readonly ViewPlan[], textOf: (file: string) => string | null): ViewPlan[] {
  const components = allPlans.filter((p) => p.kind === "component");
  const renders = (plan: ViewPlan): ViewPlan[] => {
    const text = textOf(plan.file);
    if (text === null || !text.includes("live_component")) return [];
    const sf = parseSource(plan.file, text);
    return resolveRendered(sf, plan, components, liveComponentCalls(sf, sf)).flatMap((r) => (r.plan && r.plan.id !== plan.id ? [r.plan] : []));
  };
  const order: ViewPlan[] = [];
  const seen = new Set<string>();
  const visit = (plan: ViewPlan): void => {
    if (seen.has(plan.id)) return;
    seen.add(plan.id);
    for (const child of renders(plan)) visit(child);
    order.push(plan);
  };
  for (const view of [...views].sort((a, b) => (a.id < b.id ? -1 : 1))) for (const child of renders(view)) visit(child);
  return order;
}

/** `import { shiftPicker } from "../components/shiftPicker.component.ts";` for the migrated child, in the original specifier's style. */
export function childImport(viewFile: string, local: string, originalSpecifier: string, child: { componentFile: string; exportName: string }): string {
  const rel = specifierInStyle(viewFile, child.componentFile, originalSpecifier);
  const binding = child.exportName === "default" ? local : child.exportName === local ? `{ ${local} }` : `{ ${child.exportName} as ${local} }`;
  return `import ${binding} from ${JSON.stringify(rel)};`;
}

/**
 * A component name for the runtime (command endpoints, registry), unique in the plan: the file's base
 * name; when another view or component has the same base name (five `index.ts` views, two views in one
 * module), the export's name; when that clashes too, the path and the export's name.
 */
export function uniqueComponentName(plan: ViewPlan, allPlans: readonly ViewPlan[]): string {
  const clean = (s: string) => s.replace(/[^\w-]/g, "_");
  const base = (file: string) => clean(posix.basename(file).replace(/\.[^.]+$/, ""));
  const others = allPlans.filter((p) => p.id !== plan.id);
  if (!others.some((p) => base(p.file) === base(plan.file))) return base(plan.file);
  if (plan.name !== "default" && !others.some((p) => p.name === plan.name)) return clean(plan.name);
  return clean(`${withoutExtension(plan.file)}_${plan.name}`);
}

/**
 * For the code moved to a view's component: each `live_component(X, …)` either imports the migrated X
 * (a redirect of X's import) or gives a LIVE_COMPONENT blocker naming X and why it stays on LiveViewJS.
 */
export function childRedirects(sf: ts.SourceFile, view: ViewPlan, movedCode: string, children: { plans: ViewPlan[]; outcome: ChildLookup } | undefined, pos: number): { redirects: Map<string, string>; blockers: { code: string; message: string; pos: number }[] } {
  const redirects = new Map<string, string>();
  const blockers: { code: string; message: string; pos: number }[] = [];
  const moved = ts.createSourceFile("moved.ts", movedCode, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const rendered = resolveRendered(sf, view, children?.plans ?? [], liveComponentCalls(moved, moved));
  const block = (what: string, why: string) => blockers.push({ code: "LIVE_COMPONENT", message: `renders the live component ${what}, which stays on LiveViewJS: ${why}`, pos });
  for (const r of rendered) {
    if (r.plan && r.sameModule && r.local) {
      const outcome = children?.outcome(r.plan.id);
      if (!outcome) block(`${r.local} (${r.plan.file})`, "it was not migrated in this run");
      else if (!outcome.ok) block(`${r.local} (${r.plan.file})`, outcome.reason);
      else {
        const style = sf.statements.find((st): st is ts.ImportDeclaration => ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && st.moduleSpecifier.text.startsWith("."));
        redirects.set(r.local, childImport(view.file, r.local, style ? (style.moduleSpecifier as ts.StringLiteral).text : view.file.endsWith(".ts") ? "./x" : `./x${posix.extname(view.file)}`, outcome));
      }
      continue;
    }
    if (!r.plan || !r.imported || !r.local) {
      block(r.text, r.problem ?? "it could not be resolved");
      continue;
    }
    const outcome = children?.outcome(r.plan.id);
    if (!outcome) block(`${r.local} (${r.plan.file})`, "it was not migrated in this run");
    else if (!outcome.ok) block(`${r.local} (${r.plan.file})`, outcome.reason);
    else redirects.set(r.local, childImport(view.file, r.local, r.imported.specifier, outcome));
  }
  // `live_component` mentioned but never called with a component (passed on, renamed): left to a person
  if (rendered.length === 0) blockers.push({ code: "LIVE_COMPONENT", message: "renders live components in a way the tool cannot follow (live_component is not called directly): migrate the components and the call by hand", pos });
  return { redirects, blockers };
}
