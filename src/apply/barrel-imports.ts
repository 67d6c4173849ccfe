// A client component that imports helpers through a barrel (`index.ts` with `export … from`) gets
// every module the barrel re-exports in its bundle, server ones included. When the bundle check
// finds server-only code behind such a barrel, the component imports each value from the module
// that declares it instead (followed with the analyzer's module summaries). Types stay on the barrel
// as `import type` (erased). The bundle check still runs on the result: it is the safety net.

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
  const modules = new Map<string, { summary: ModuleSummary; scope: ModuleScope } | null>();
  const moduleOf = async (file: string) => {
    if (!modules.has(file)) {
      const text = await readFile(join(root, file), "utf8").catch(() => null);
      modules.set(file, text === null ? null : buildModuleSummary({ path: file, text, sf: parse(file, text) }));
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
  return { resolveFrom, declaring };
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

/** Rewrites, in place, the component files whose barrel imports would pull server-only code. */
export async function importFromDeclaringModules(root: string, components: NewFile[], functions: FunctionEffects[]): Promise<void> {
  const { resolveFrom, declaring } = createExportResolver(root);
  const plans = new Map<NewFile, Redirect[]>();
  for (const component of components) {
    const sf = parse(component.file, component.text);
    const redirects: Redirect[] = [];
    for (const st of sf.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !isRelativeSpecifier(st.moduleSpecifier.text)) continue;
      const clause = st.importClause;
      if (!clause || clause.isTypeOnly || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) continue;
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
