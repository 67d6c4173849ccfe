// Which imports and top-level declarations the moved code needs, so a generated file carries exactly
// those (a client component must not import a server module it does not use). liveviewjs imports
// switch to the runtime: the template API by the same name, types through an alias.

import { ts } from "ts-morph";

export interface Range {
  start: number;
  end: number;
}

export const RUNTIME_CLIENT = "@liveview-migrate/runtime";
export const RUNTIME_SERVER = "@liveview-migrate/runtime/server";
/** The isomorphic template API (also what server-only files import it from). */
export const RUNTIME_TEMPLATE = "@liveview-migrate/runtime/template";
/** Not re-exported by the browser entry (only forms that validate in the browser pay its bytes). */
const TEMPLATE_ONLY = new Set(["newChangesetFactory"]);

/** liveviewjs names with a runtime equivalent (value imports keep their name). */
const RUNTIME_VALUES = new Set(["html", "safe", "join", "escapehtml", "form_for", "text_input", "telephone_input", "error_tag", "submit", "options_for_select", "live_patch", "live_title_tag", "live_file_input", "live_img_preview", "JS", "newChangesetFactory", "HtmlSafeString"]);
const RUNTIME_TYPES: Record<string, string> = { SessionData: "SessionData", LiveViewTemplate: "HtmlSafeString", LiveViewMeta: "RenderMeta", LiveComponentMeta: "RenderMeta", LiveViewChangeset: "LiveViewChangeset", LiveViewChangesetFactory: "LiveViewChangesetFactory", HtmlSafeString: "HtmlSafeString", UploadEntry: "UploadEntry", UploadConfig: "UploadConfig", UploadConfigOptions: "UploadOptions" };

export interface Dependencies {
  /** Import statements to write (text), liveviewjs ones already switched. */
  imports: string[];
  /** Top-level statements copied as they are (types, helpers), in source order. */
  declarations: string[];
  /** liveviewjs names the code uses that the runtime does not have. */
  unsupported: { name: string; pos: number }[];
  /** Server bindings of the view's file the code needs: never copied (one instance, on the server). */
  serverBindings: { name: string; statement: ts.Statement; imported: boolean }[];
  /** The runtime values the code uses, by their runtime names (`JS`: it renders JS commands). */
  runtimeValues: string[];
}

export function identifiersIn(sf: ts.SourceFile, ranges: readonly Range[]): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (!ranges.some((r) => node.end > r.start && node.getStart(sf) < r.end)) return;
    if (ts.isIdentifier(node) && ranges.some((r) => node.getStart(sf) >= r.start && node.end <= r.end)) {
      const parent = node.parent;
      if (!(ts.isPropertyAccessExpression(parent) && parent.name === node) && !(ts.isPropertyAssignment(parent) && parent.name === node)) names.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  return names;
}

/**
 * Names the generated code refers to but does not declare itself (property names excluded): what it
 * must import or copy. A render's `({ messages }) =>` declares `messages`; it needs no module binding.
 */
export function namesInCode(code: string): Set<string> {
  const sf = ts.createSourceFile("generated.ts", code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return freeNames(sf, sf);
}

/**
 * The free names of `root` (a file, or one top-level statement of it): identifiers used as values or
 * types that no function, block or parameter inside `root` declares. Shadowing is judged per function
 * (a name declared anywhere in a function hides the module binding in all of it): a close enough
 * reading for choosing what a generated file imports or copies.
 */
export function freeNames(sf: ts.SourceFile, root: ts.Node): Set<string> {
  const names = new Set<string>();
  const declared = new Map<ts.Node, Set<string>>();
  const scopeOf = (node: ts.Node): ts.Node => {
    for (let n = node.parent; n && n !== root.parent; n = n.parent) if (ts.isFunctionLike(n) || n === root) return n;
    return root;
  };
  const declare = (name: ts.BindingName, owner: ts.Node) => {
    const set = declared.get(owner) ?? new Set<string>();
    declared.set(owner, set);
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) set.add(n.text);
      else if (ts.isObjectBindingPattern(n) || ts.isArrayBindingPattern(n)) n.elements.forEach((e) => !ts.isOmittedExpression(e) && visit(e.name));
    };
    visit(name);
  };
  const collect = (node: ts.Node): void => {
    if (ts.isParameter(node)) declare(node.name, node.parent);
    else if (ts.isVariableDeclaration(node) && node !== root) declare(node.name, scopeOf(node));
    else if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name && node !== root) declare(node.name, scopeOf(node));
    else if (ts.isCatchClause(node) && node.variableDeclaration) declare(node.variableDeclaration.name, scopeOf(node));
    ts.forEachChild(node, collect);
  };
  collect(root);
  const isDeclaredAt = (id: ts.Identifier): boolean => {
    // root's own name is never declared by it (collect skips it); its parameters and locals are
    for (let n: ts.Node | undefined = id.parent; n && n !== root.parent; n = n.parent) if (declared.get(n)?.has(id.text)) return true;
    return false;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isBindingElement(parent) && (parent.propertyName === node || parent.name === node)) ||
        ((ts.isParameter(parent) || ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeAliasDeclaration(parent) || ts.isEnumDeclaration(parent) || ts.isEnumMember(parent) || ts.isTypeParameterDeclaration(parent)) && parent.name === node) ||
        ((ts.isMethodDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodSignature(parent) || ts.isPropertyDeclaration(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) && parent.name === node) ||
        (ts.isQualifiedName(parent) && parent.right === node) ||
        ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent);
      if (!isName && !isDeclaredAt(node)) names.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return names;
}

export function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  }
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
    return [statement.name.text];
  }
  return [];
}

/**
 * `ranges` is the code being moved; `exclude` the statements that must not be copied (the view itself).
 * `runtimeModule` is where liveviewjs's template API comes from in the new file.
 */
/** `redirects`: local name → the import statement that replaces its binding (a migrated child component). */
/** `serverOnly`: the plan's server bindings of the view's file (module state, data, server objects). */
/** `liveviewjsVia`: local names bound to a liveviewjs export through a project module (the plan's `liveviewjsImports`). */
export function collectDependencies(sf: ts.SourceFile, generatedCode: string, exclude: readonly ts.Statement[], runtimeModule: string, runtimeTypeNames: readonly string[] = [], redirects: ReadonlyMap<string, string> = new Map(), serverOnly: ReadonlySet<string> = new Set(), liveviewjsVia: ReadonlyMap<string, string> = new Map(), packageVia: ReadonlyMap<string, { from: string; name: string }> = new Map()): Dependencies {
  const needed = namesInCode(generatedCode);
  const topLevel = sf.statements.filter((s) => !ts.isImportDeclaration(s) && !exclude.includes(s) && declaredNames(s).length > 0);
  const chosen = new Set<ts.Statement>();
  const serverBindings: Dependencies["serverBindings"] = [];
  const imports: string[] = [];
  // Fixpoint: a copied helper may need another helper or an import.
  for (let changed = true; changed; ) {
    changed = false;
    for (const statement of topLevel) {
      if (chosen.has(statement) || !declaredNames(statement).some((n) => needed.has(n))) continue;
      // a definition of this module that was migrated on its own (a live component): imported from its generated file
      const redirected = declaredNames(statement).find((n) => needed.has(n) && redirects.has(n));
      if (redirected) {
        if (!imports.includes(redirects.get(redirected)!)) imports.push(redirects.get(redirected)!);
        continue;
      }
      const server = declaredNames(statement).find((n) => needed.has(n) && serverOnly.has(n));
      if (server) {
        // a second copy would be a second instance of the state: the caller imports it (or refuses)
        if (!serverBindings.some((b) => b.statement === statement)) serverBindings.push({ name: server, statement, imported: false });
        continue;
      }
      chosen.add(statement);
      changed = true;
      for (const name of freeNames(sf, statement)) needed.add(name);
    }
  }
  const unsupported: Dependencies["unsupported"] = [];
  const runtimeValues: string[] = [];
  const runtimeTypes: string[] = [];
  const templateValues: string[] = [];
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (!clause) continue; // side-effect import: the moved code does not need it
    const typeOnly = clause.isTypeOnly;
    const bindings = clause.namedBindings;
    // liveviewjs's API switches to the runtime's: imported from liveviewjs, or through a project module that re-exports it (`deps.ts`)
    const switchToRuntime = (local: string, imported: string, isType: boolean, pos: number) => {
      if (!isType && RUNTIME_VALUES.has(imported) && TEMPLATE_ONLY.has(imported) && runtimeModule !== RUNTIME_TEMPLATE) templateValues.push(imported === local ? local : `${imported} as ${local}`);
      else if (!isType && RUNTIME_VALUES.has(imported)) runtimeValues.push(imported === local ? local : `${imported} as ${local}`);
      else if (RUNTIME_TYPES[imported]) runtimeTypes.push(RUNTIME_TYPES[imported] === local ? local : `${RUNTIME_TYPES[imported]} as ${local}`);
      else unsupported.push({ name: imported, pos });
    };
    if (from === "liveviewjs") {
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const local = element.name.text;
          if (!needed.has(local)) continue;
          switchToRuntime(local, (element.propertyName ?? element.name).text, typeOnly || element.isTypeOnly, element.getStart(sf));
        }
      }
      continue;
    }
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const local = element.name.text;
        if (!needed.has(local)) continue;
        if (liveviewjsVia.has(local)) switchToRuntime(local, liveviewjsVia.get(local)!, typeOnly || element.isTypeOnly, element.getStart(sf));
        // a package export re-exported by a project module: imported from the package itself (the module may carry server code)
        const via = packageVia.get(local);
        if (via) imports.push(`import ${typeOnly || element.isTypeOnly ? "type " : ""}{ ${via.name === local ? local : `${via.name} as ${local}`} } from ${JSON.stringify(via.from)};`);
      }
    }
    const parts: string[] = [];
    for (const local of [clause.name?.text, ...(bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.name.text) : []), bindings && ts.isNamespaceImport(bindings) ? bindings.name.text : undefined]) {
      if (local && needed.has(local) && redirects.has(local)) imports.push(redirects.get(local)!);
      if (local && needed.has(local) && serverOnly.has(local) && !typeOnly) serverBindings.push({ name: local, statement, imported: true });
    }
    if (clause.name && needed.has(clause.name.text) && !redirects.has(clause.name.text)) parts.push(clause.name.text);
    if (bindings && ts.isNamespaceImport(bindings) && needed.has(bindings.name.text)) parts.push(`* as ${bindings.name.text}`);
    if (bindings && ts.isNamedImports(bindings)) {
      const kept = bindings.elements.filter((e) => needed.has(e.name.text) && !redirects.has(e.name.text) && !liveviewjsVia.has(e.name.text) && !packageVia.has(e.name.text));
      // only types left: `import type`, so no bundler keeps the module for its side effects
      const onlyTypes = !typeOnly && parts.length === 0 && kept.length > 0 && kept.every((e) => e.isTypeOnly);
      if (onlyTypes) {
        imports.push(`import type { ${kept.map((e) => e.getText(sf).replace(/^type\s+/, "")).join(", ")} } from ${JSON.stringify(from)};`);
        continue;
      }
      if (kept.length > 0) parts.push(`{ ${kept.map((e) => e.getText(sf)).join(", ")} }`);
    }
    if (parts.length > 0) imports.push(`import ${typeOnly ? "type " : ""}${parts.join(", ")} from ${JSON.stringify(from)};`);
  }
  runtimeTypes.push(...runtimeTypeNames);
  const runtimeImports: string[] = [];
  const specifiers = [...new Set(runtimeValues)].sort().concat([...new Set(runtimeTypes)].sort().map((t) => `type ${t}`));
  if (specifiers.length > 0) runtimeImports.push(`import { ${specifiers.join(", ")} } from ${JSON.stringify(runtimeModule)};`);
  if (templateValues.length > 0) runtimeImports.push(`import { ${[...new Set(templateValues)].sort().join(", ")} } from ${JSON.stringify(RUNTIME_TEMPLATE)};`);
  return {
    imports: [...runtimeImports, ...imports],
    declarations: sf.statements.filter((s) => chosen.has(s)).map((s) => withLeadingComments(s, sf)),
    unsupported,
    serverBindings,
    runtimeValues: [...new Set([...runtimeValues, ...templateValues].map((v) => v.split(" as ")[0]!))],
  };
}

/** The statement with the comments directly above it (its doc comment moves with it). */
function withLeadingComments(statement: ts.Statement, sf: ts.SourceFile): string {
  const comments = ts.getLeadingCommentRanges(sf.text, statement.getFullStart()) ?? [];
  const start = comments.length > 0 ? comments[0]!.pos : statement.getStart(sf);
  return sf.text.slice(start, statement.end);
}
