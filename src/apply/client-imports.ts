// What a client component imports from the app, so its browser bundle carries no server code:
// - through a barrel (`index.ts` with `export … from`) it would get every module the barrel
//   re-exports, server ones included: each value is imported from the module that declares it.
// - from a module that also holds server code (a constant table or a schema next to a store), it
//   would get the whole module: the component gets its own copy of each pure value it uses, with
//   the pure declarations that value needs from there (a constant cannot tell two copies apart).
// Both follow the analyzer's module summaries and the plan's function effects. The bundle and type
// checks still run on the result: they are the safety net.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ts } from "ts-morph";
import { buildModuleSummary, type ModuleScope } from "../analyzers/1_module_summary.ts";
import { parse } from "../analyzers/ast.ts";
import type { ModuleSummary } from "../analyzers/facts.ts";
import { candidatesFor, isRelativeSpecifier } from "../analyzers/module_paths.ts";
import type { FunctionEffects } from "../plan/types.ts";
import { checkBundles } from "./checks/bundle-check.ts";
import type { NewFile } from "./edits.ts";
import { formatNewFile } from "./format-new-file.ts";
import { specifierInStyle, withoutExtension } from "../codemods/output-paths.ts";
import { declaredNames, freeNames } from "../codemods/dependencies.ts";
import { isServerEffect, packageEffect } from "../analyzers/effects.ts";
import { SERVER_EFFECTS } from "./checks/bundle-check.ts";

type Declared = { file: string; name: string } | undefined;

interface Redirect {
  /** The import declaration in the component text. */
  start: number;
  end: number;
  barrel: string;
  specifier: string;
  /** Imported name → the module that declares it (root-relative) and its name there. */
  values: Map<string, { file: string; name: string; local: string }>;
  /** Import specifiers that stay on the barrel (types, names declared in the barrel itself). */
  rest: { text: string; type: boolean }[];
}

/** Follows exports to the module that declares them, reading modules under `root` as needed. */
function createExportResolver(root: string) {
  const modules = new Map<string, { summary: ModuleSummary; scope: ModuleScope; sf: ts.SourceFile } | null>();
  const moduleOf = async (file: string) => {
    if (!modules.has(file)) {
      const text = await readFile(join(root, file), "utf8").catch(() => null);
      const sf = text === null ? undefined : parse(file, text);
      modules.set(file, text === null || !sf ? null : { ...buildModuleSummary({ path: file, text, sf }), sf });
    }
    return modules.get(file)!;
  };
  const resolveFrom = async (from: string, specifier: string) => {
    for (const candidate of candidatesFor(from, specifier)) if (await moduleOf(candidate)) return candidate;
    return undefined;
  };
  /** The module that declares export `name` of `file`, through `export {…} from`, `export *` and import-then-export. */
  const declaring = async (file: string, name: string, seen = new Set<string>()): Promise<Declared> => {
    const key = `${file}\0${name}`;
    const module = await moduleOf(file);
    if (!module || seen.has(key)) return undefined;
    seen.add(key);
    const exported = module.summary.exports.find((e) => e.name === name);
    if (exported) {
      const imported = module.scope.imports.get(exported.local);
      if (!imported) return { file, name };
      if (!isRelativeSpecifier(imported.specifier) || imported.imported === "*") return undefined;
      const target = await resolveFrom(file, imported.specifier);
      return target ? declaring(target, imported.imported, seen) : undefined;
    }
    for (const re of module.summary.reExports) {
      if (re.name !== name && re.name !== "*") continue;
      if (re.imported === "*" && re.name !== "*") return undefined; // `export * as ns`: a namespace, not one module
      if (!isRelativeSpecifier(re.specifier)) continue;
      const target = await resolveFrom(file, re.specifier);
      const found: Declared = target ? await declaring(target, re.name === "*" ? name : re.imported, seen) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  return { resolveFrom, declaring, moduleOf };
}

/**
 * The plan's function effects plus an alias for every function a view imports through a barrel
 * (`import { createReview } from "../data"` → the effects of src/data/review.ts#createReview under
 * src/data/index.ts#createReview). The codemods look effects up by import path: without the alias a
 * data call through a barrel would look pure and stay in the browser.
 */
export async function withReExportedFunctions(root: string, views: { file: string; text: string }[], functions: FunctionEffects[]): Promise<FunctionEffects[]> {
  const idOf = (file: string, name: string) => `${withoutExtension(file)}#${name}`;
  const byId = new Map(functions.map((f) => [idOf(f.id.split("#")[0]!, f.id.split("#")[1]!), f]));
  const { resolveFrom, declaring } = createExportResolver(root);
  const aliases = new Map<string, FunctionEffects>();
  for (const view of views) {
    const sf = parse(view.file, view.text);
    for (const st of sf.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !isRelativeSpecifier(st.moduleSpecifier.text)) continue;
      const bindings = st.importClause?.namedBindings;
      if (st.importClause?.isTypeOnly || !bindings || !ts.isNamedImports(bindings)) continue;
      const barrel = await resolveFrom(view.file, st.moduleSpecifier.text);
      if (!barrel) continue;
      for (const el of bindings.elements) {
        const imported = (el.propertyName ?? el.name).text;
        if (el.isTypeOnly || byId.has(idOf(barrel, imported)) || aliases.has(idOf(barrel, imported))) continue;
        const found = await declaring(barrel, imported);
        const target = found && found.file !== barrel ? byId.get(idOf(found.file, found.name)) : undefined;
        if (target) aliases.set(idOf(barrel, imported), { ...target, id: `${barrel}#${imported}` });
      }
    }
  }
  return aliases.size > 0 ? [...functions, ...aliases.values()] : functions;
}

/** `import { a, b as c } from "./x"` value imports of the app (no default, namespace or `import type`). */
function namedRelativeImports(sf: ts.SourceFile): { st: ts.ImportDeclaration & { moduleSpecifier: ts.StringLiteral }; clause: ts.ImportClause & { namedBindings: ts.NamedImports } }[] {
  const out: ReturnType<typeof namedRelativeImports> = [];
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !isRelativeSpecifier(st.moduleSpecifier.text)) continue;
    const clause = st.importClause;
    if (!clause || clause.isTypeOnly || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) continue;
    out.push({ st: st as ts.ImportDeclaration & { moduleSpecifier: ts.StringLiteral }, clause: clause as ts.ImportClause & { namedBindings: ts.NamedImports } });
  }
  return out;
}

/** Rewrites, in place, the component files whose barrel imports would pull server-only code. */
export async function importFromDeclaringModules(root: string, components: NewFile[], functions: FunctionEffects[]): Promise<void> {
  const { resolveFrom, declaring } = createExportResolver(root);
  const plans = new Map<NewFile, Redirect[]>();
  for (const component of components) {
    const sf = parse(component.file, component.text);
    const redirects: Redirect[] = [];
    for (const { st, clause } of namedRelativeImports(sf)) {
      const barrel = await resolveFrom(component.file, st.moduleSpecifier.text);
      if (!barrel) continue;
      const redirect: Redirect = { start: st.getStart(sf), end: st.end, barrel, specifier: st.moduleSpecifier.text, values: new Map(), rest: [] };
      for (const el of clause.namedBindings.elements) {
        const imported = (el.propertyName ?? el.name).text;
        const found: Declared = el.isTypeOnly ? undefined : await declaring(barrel, imported);
        if (found && found.file !== barrel) redirect.values.set(imported, { ...found, local: el.name.text });
        else redirect.rest.push({ text: el.getText(sf).replace(/^type\s+/, ""), type: el.isTypeOnly });
      }
      if (redirect.values.size > 0) redirects.push(redirect);
    }
    if (redirects.length > 0) plans.set(component, redirects);
  }
  if (plans.size === 0) return;

  // only barrels that bring server-only code along are bypassed (one esbuild run for all of them)
  const barrels = [...new Set([...plans.values()].flat().map((r) => r.barrel))];
  const findings = await checkBundles({ root, entries: barrels, overlay: new Map(), functions });
  const tainted = new Set(findings.map((f) => f.entry));
  for (const [component, redirects] of plans) {
    let text = component.text;
    for (const r of redirects.filter((r) => tainted.has(r.barrel)).sort((a, b) => b.start - a.start)) {
      const byFile = new Map<string, string[]>();
      for (const [, v] of r.values) byFile.set(v.file, [...(byFile.get(v.file) ?? []), v.name === v.local ? v.name : `${v.name} as ${v.local}`]);
      const lines = [...byFile].map(([file, names]) => `import { ${names.join(", ")} } from ${JSON.stringify(specifierInStyle(component.file, file, r.specifier))};`);
      const values = r.rest.filter((x) => !x.type);
      if (values.length > 0) lines.unshift(`import { ${r.rest.map((x) => (x.type ? `type ${x.text}` : x.text)).join(", ")} } from ${JSON.stringify(r.specifier)};`);
      else if (r.rest.length > 0) lines.unshift(`import type { ${r.rest.map((x) => x.text).join(", ")} } from ${JSON.stringify(r.specifier)};`);
      text = text.slice(0, r.start) + lines.join("\n") + text.slice(r.end);
    }
    if (text !== component.text) component.text = await formatNewFile(join(root, component.file), text);
  }
}

interface ModuleCopy {
  /** Top-level statements of the declaring module, in source order, `export` removed. */
  statements: string[];
  /** Imports the copied statements need, as the component must write them. */
  imports: string[];
  /** Every top-level name the copy declares. */
  names: string[];
}

/**
 * Gives each component its own copy of the pure values it imports from modules that also hold server
 * code, when the bundle check finds server code reachable from such a module. A value that needs
 * anything that is not pure (module state, an instance, a function with server effects, a `let`, a
 * class, a package not known to be pure, another module of the app) is left imported: the bundle check
 * then rolls the view back, as before.
 */
export async function copyPureImports(root: string, components: NewFile[], functions: FunctionEffects[]): Promise<void> {
  const { resolveFrom, declaring, moduleOf } = createExportResolver(root);
  const serverFunctions = new Set(functions.filter((f) => f.effects.some((e) => SERVER_EFFECTS.has(e))).map((f) => `${withoutExtension(f.id.split("#")[0]!)}#${f.id.split("#")[1]}`));
  type Wanted = { start: number; end: number; specifier: string; values: { imported: string; local: string; declared: { file: string; name: string } }[]; rest: { text: string; type: boolean }[] };
  const wanted = new Map<NewFile, Wanted[]>();
  for (const component of components) {
    const sf = parse(component.file, component.text);
    const list: Wanted[] = [];
    for (const { st, clause } of namedRelativeImports(sf)) {
      const target = await resolveFrom(component.file, st.moduleSpecifier.text);
      if (!target) continue;
      const entry: Wanted = { start: st.getStart(sf), end: st.end, specifier: st.moduleSpecifier.text, values: [], rest: [] };
      for (const el of clause.namedBindings.elements) {
        const declared = el.isTypeOnly ? undefined : await declaring(target, (el.propertyName ?? el.name).text);
        if (declared) entry.values.push({ imported: (el.propertyName ?? el.name).text, local: el.name.text, declared });
        else entry.rest.push({ text: el.getText(sf).replace(/^type\s+/, ""), type: el.isTypeOnly });
      }
      if (entry.values.length > 0) list.push(entry);
    }
    if (list.length > 0) wanted.set(component, list);
  }
  if (wanted.size === 0) return;
  const modules = [...new Set([...wanted.values()].flat().flatMap((w) => w.values.map((v) => v.declared.file)))].sort();
  const findings = await checkBundles({ root, entries: modules, overlay: new Map(), functions });
  const tainted = new Set(findings.map((f) => f.entry));

  /** The pure closure of `name` in `file`, as the component at `into` would write it; undefined when something in it is not pure. */
  const copyOf = async (file: string, names: string[], into: string): Promise<ModuleCopy | undefined> => {
    const module = await moduleOf(file);
    if (!module) return undefined;
    const { summary, scope, sf } = module;
    const topLevel = sf.statements.filter((s) => !ts.isImportDeclaration(s) && declaredNames(s).length > 0);
    const needed = new Set(names);
    const chosen = new Set<ts.Statement>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const statement of topLevel) {
        if (chosen.has(statement) || !declaredNames(statement).some((n) => needed.has(n))) continue;
        if (!pureDeclaration(statement, file, summary, serverFunctions)) return undefined;
        chosen.add(statement);
        changed = true;
        for (const name of freeNames(sf, statement)) needed.add(name);
      }
    }
    const declaredHere = new Set(topLevel.flatMap(declaredNames));
    const imports: string[] = [];
    for (const name of needed) {
      const imported = scope.imports.get(name);
      // a global: only the language's own (not `process`, `Deno`, `window`)
      if (!imported && !declaredHere.has(name) && !LANGUAGE_GLOBALS.has(name)) return undefined;
      if (!imported) continue;
      // a package known to be pure (zod), or a type; another module of the app is not followed here
      if (isRelativeSpecifier(imported.specifier)) {
        if (!imported.typeOnly) return undefined;
        imports.push(`import type { ${imported.imported === name ? name : `${imported.imported} as ${name}`} } from ${JSON.stringify(specifierInStyle(into, (await resolveFrom(file, imported.specifier)) ?? file, imported.specifier))};`);
        continue;
      }
      if (!imported.typeOnly && packageEffect(imported.specifier) !== "pure") return undefined;
      const binding = imported.imported === "*" ? `* as ${name}` : imported.imported === "default" ? name : `{ ${imported.imported === name ? name : `${imported.imported} as ${name}`} }`;
      imports.push(`import ${imported.typeOnly ? "type " : ""}${binding} from ${JSON.stringify(imported.specifier)};`);
    }
    const ordered = sf.statements.filter((s) => chosen.has(s));
    return { statements: ordered.map((s) => withoutExport(s, sf)), imports, names: ordered.flatMap(declaredNames) };
  };

  for (const [component, list] of wanted) {
    const sf = parse(component.file, component.text);
    const ownNames = new Set(sf.statements.filter((s) => !ts.isImportDeclaration(s)).flatMap(declaredNames));
    const edits: { start: number; end: number; text: string }[] = [];
    const copies: string[] = [];
    const copyImports: string[] = [];
    const copied = new Set<string>();
    for (const w of list) {
      const byModule = new Map<string, Wanted["values"]>();
      for (const v of w.values) if (tainted.has(v.declared.file)) byModule.set(v.declared.file, [...(byModule.get(v.declared.file) ?? []), v]);
      const moved = new Set<Wanted["values"][number]>();
      for (const [file, values] of byModule) {
        // copied under the name the component uses: only where the module's name is the local one
        if (values.some((v) => v.declared.name !== v.local)) continue;
        const copy = await copyOf(file, values.map((v) => v.declared.name), component.file);
        if (!copy || copy.names.some((n) => ownNames.has(n))) continue;
        copy.names.forEach((n) => copied.add(n));
        copies.push(`// from ${specifierInStyle(component.file, file, w.specifier)}, whose module also holds server code: the browser gets its own copy\n${copy.statements.join("\n\n")}`);
        copyImports.push(...copy.imports);
        values.forEach((v) => moved.add(v));
      }
      if (moved.size === 0) continue;
      const kept = w.values.filter((v) => !moved.has(v)).map((v) => (v.imported === v.local ? v.local : `${v.imported} as ${v.local}`));
      // a type the copy declares is the component's own now
      const types = w.rest.filter((r) => !copied.has(r.text));
      const specifiers = [...kept, ...types.map((r) => (r.type && kept.length > 0 ? `type ${r.text}` : r.text))];
      const line = specifiers.length === 0 ? "" : kept.length === 0 && types.every((r) => r.type) ? `import type { ${specifiers.join(", ")} } from ${JSON.stringify(w.specifier)};` : `import { ${specifiers.join(", ")} } from ${JSON.stringify(w.specifier)};`;
      edits.push({ start: w.start, end: w.end, text: line });
    }
    if (edits.length === 0) continue;
    let text = component.text;
    const lastImport = [...sf.statements].filter(ts.isImportDeclaration).pop()!;
    const at = lastImport.end;
    text = text.slice(0, at) + "\n" + [...new Set(copyImports)].join("\n") + "\n\n" + copies.join("\n\n") + "\n" + text.slice(at);
    for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    component.text = await formatNewFile(join(root, component.file), text);
  }
}

/** A declaration that is the same whoever holds a copy: types, functions without server effects, consts built from literals or pure calls. */
function pureDeclaration(statement: ts.Statement, file: string, summary: ModuleSummary, serverFunctions: ReadonlySet<string>): boolean {
  const names = declaredNames(statement);
  if (names.some((n) => summary.state.some((s) => s.name === n) || summary.instances.some((i) => i.local === n))) return false;
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return true;
  if (ts.isFunctionDeclaration(statement)) return !serverFunctions.has(`${withoutExtension(file)}#${names[0]}`) && !summary.functions.some((f) => f.name === names[0] && f.effects.some((e) => isServerEffect(e.kind)));
  if (ts.isVariableStatement(statement)) {
    if (!(statement.declarationList.flags & ts.NodeFlags.Const)) return false;
    return statement.declarationList.declarations.every((d) => !!d.initializer && pureInitializer(d.initializer) && !serverFunctions.has(`${withoutExtension(file)}#${ts.isIdentifier(d.name) ? d.name.text : ""}`));
  }
  return false;
}

/** Globals a copy may use: the language's own, the same in every JavaScript runtime. */
const LANGUAGE_GLOBALS = new Set(["const" /* `as const` */, "undefined", "NaN", "Infinity", "Object", "Array", "String", "Number", "Boolean", "BigInt", "Symbol", "JSON", "Math", "Date", "RegExp", "Map", "Set", "WeakMap", "WeakSet", "Promise", "Error", "TypeError", "RangeError", "Intl", "parseInt", "parseFloat", "isNaN", "isFinite", "encodeURIComponent", "decodeURIComponent", "structuredClone"]);
/** Calls whose value differs between a load on the server and one in each browser. */
const LOAD_TIME_CHANGING = new Set(["Math.random", "Date.now", "performance.now", "crypto.randomUUID", "crypto.getRandomValues"]);

/** Literals, functions, and calls (what they call is judged as a name the copy needs); never `new`. */
function pureInitializer(expression: ts.Expression): boolean {
  let pure = true;
  const visit = (node: ts.Node): void => {
    if (!pure) return;
    if (ts.isCallExpression(node) && LOAD_TIME_CHANGING.has(node.expression.getText())) pure = false;
    else if (ts.isNewExpression(node) || ts.isAwaitExpression(node) || ts.isYieldExpression(node) || ts.isDeleteExpression(node) || ts.isTaggedTemplateExpression(node)) pure = false;
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) pure = false;
    else if (ts.isFunctionLike(node)) return; // a function's body runs when called, by whoever holds it
    else ts.forEachChild(node, visit);
  };
  visit(expression);
  return pure;
}

/** The statement's text without its `export` (a copy is the component's own, not part of its API). */
function withoutExport(statement: ts.Statement, sf: ts.SourceFile): string {
  const text = statement.getText(sf);
  const exported = ts.canHaveModifiers(statement) ? ts.getModifiers(statement)?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword) : undefined;
  if (!exported) return text;
  const offset = exported.getStart(sf) - statement.getStart(sf);
  return text.slice(0, offset) + text.slice(exported.end - statement.getStart(sf)).replace(/^\s+/, "");
}
