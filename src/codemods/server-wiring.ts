// The server wiring: the LiveViewJS router and server setup learn about the migrated views, so the
// app starts with the same command. A generated `<router>.migrated.ts` lists the migrated routes for
// the runtime's request handler; the file that sets up NodeExpressLiveViewServer mounts that handler
// before LiveViewJS's HTTP middleware (migrated routes answer first, the rest falls through to
// LiveViewJS: the same routes, side by side during a gradual migration).

import { posix } from "node:path";
import { ts } from "ts-morph";
import type { NewFile, TextEdit } from "../apply/edits.ts";
import { parseSource } from "./locate-view.ts";
import { withoutExtension } from "./output-paths.ts";
import { LAYOUT_IMPORT, LAYOUT_SOURCE, layoutOption, liveViewTemplates } from "./layout-wiring.ts";

export interface MigratedComponent {
  viewFile: string;
  viewName: string;
  componentFile: string;
  exportName: string;
  commandsFile?: string;
  /** A child component (rendered with live_component): no route; registered when it has commands. */
  child?: boolean;
}

export interface WiringResult {
  newFiles: NewFile[];
  edits: TextEdit[];
  notes: string[];
  warnings: string[];
  /** Files read or written: the wiring's all-or-nothing unit. */
  files: string[];
}

export const WIRING_MARK = "liveview-migrate: migrated views";

interface RouteEntry {
  path: string;
  viewFile: string;
  viewName: string;
}

/** Routes of a `LiveViewRouter` object literal whose values are imported view identifiers. */
export function readRouter(file: string, text: string): { name: string; routes: RouteEntry[] } | undefined {
  const sf = parseSource(file, text);
  const imports = new Map<string, { from: string; name: string }>();
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || !s.importClause) continue;
    const from = s.moduleSpecifier.text;
    if (!from.startsWith(".")) continue;
    const resolved = posix.normalize(posix.join(posix.dirname(file), from));
    if (s.importClause.name) imports.set(s.importClause.name.text, { from: resolved, name: "default" });
    const bindings = s.importClause.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) imports.set(e.name.text, { from: resolved, name: (e.propertyName ?? e.name).text });
  }
  for (const s of sf.statements) {
    if (!ts.isVariableStatement(s)) continue;
    for (const d of s.declarationList.declarations) {
      const typed = d.type?.getText(sf) === "LiveViewRouter";
      if (!typed || !d.initializer || !ts.isObjectLiteralExpression(d.initializer) || !ts.isIdentifier(d.name)) continue;
      const routes: RouteEntry[] = [];
      for (const p of d.initializer.properties) {
        if (!ts.isPropertyAssignment(p) || !ts.isStringLiteralLike(p.name)) continue;
        // `"/x": xView`, or a class-based view instantiated in place: `"/x": new XLiveView()`
        const init = p.initializer;
        const ref = ts.isIdentifier(init) ? init : ts.isNewExpression(init) && ts.isIdentifier(init.expression) && !init.arguments?.length ? init.expression : undefined;
        if (!ref) continue;
        const imported = imports.get(ref.text);
        if (imported) routes.push({ path: p.name.text, viewFile: imported.from, viewName: imported.name });
      }
      return { name: d.name.text, routes };
    }
  }
  return undefined;
}

function relativeImport(fromFile: string, toFile: string): string {
  const rel = posix.relative(posix.dirname(fromFile), toFile);
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/** Finds `app.use(<server>.httpMiddleware())` in a file that creates a NodeExpressLiveViewServer. */
function findMiddlewareUse(sf: ts.SourceFile): ts.ExpressionStatement | undefined {
  if (!sf.text.includes("NodeExpressLiveViewServer")) return undefined;
  let found: ts.ExpressionStatement | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isExpressionStatement(node) && ts.isCallExpression(node.expression)) {
      const call = node.expression;
      const arg = call.arguments[0];
      if (ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === "use" && arg && ts.isCallExpression(arg) && ts.isPropertyAccessExpression(arg.expression) && arg.expression.name.text === "httpMiddleware") {
        found = node;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

export function wireServer(files: Map<string, string>, migrated: MigratedComponent[], layout: { dropScripts?: string[] } = {}): WiringResult {
  const result: WiringResult = { newFiles: [], edits: [], notes: [], warnings: [], files: [] };
  if (migrated.length === 0) return result;
  const routerFile = [...files.keys()].sort().find((f) => readRouter(f, files.get(f)!)?.routes.length);
  if (!routerFile) {
    result.warnings.push("no LiveViewRouter object found: add the migrated components to createRequestHandler's routes by hand");
    return result;
  }
  const router = readRouter(routerFile, files.get(routerFile)!)!;
  const generatedFile = withoutExtension(routerFile) + ".migrated.ts";
  const imports: string[] = [`import type { RouteDefinition, SyncLog } from "liveview-migrate/server";`];
  const entries: string[] = [];
  const byView = new Map(migrated.map((m) => [`${withoutExtension(m.viewFile)}#${m.viewName}`, m]));
  let n = 0;
  for (const route of router.routes) {
    const m = byView.get(`${withoutExtension(route.viewFile)}#${route.viewName}`);
    if (!m) continue;
    n += 1;
    const local = `component${n}`;
    imports.push(m.exportName === "default" ? `import ${local} from ${JSON.stringify(relativeImport(generatedFile, m.componentFile))};` : `import { ${m.exportName} as ${local} } from ${JSON.stringify(relativeImport(generatedFile, m.componentFile))};`);
    if (m.commandsFile) imports.push(`import commands${n} from ${JSON.stringify(relativeImport(generatedFile, m.commandsFile))};`);
    entries.push(`  { path: ${JSON.stringify(route.path)}, component: ${local},${m.commandsFile ? ` commands: commands${n},` : ""} clientModule: new URL(${JSON.stringify(relativeImport(generatedFile, m.componentFile))}, import.meta.url) },`);
  }
  if (entries.length === 0) return result;
  // the app's LiveViewJS page and wrapper templates, from the file that mounts its middleware (layout-wiring.ts)
  const serverEntry = [...files].sort().find(([file, text]) => findMiddlewareUse(parseSource(file, text)));
  const templates = serverEntry ? liveViewTemplates(parseSource(serverEntry[0], serverEntry[1])) : undefined;
  // child components with commands: registered so their command endpoints answer
  const children = migrated.filter((m) => m.child && m.commandsFile).sort((a, b) => (a.componentFile < b.componentFile ? -1 : 1));
  const childEntries = children.map((m, i) => {
    const local = `child${i + 1}`;
    imports.push(m.exportName === "default" ? `import ${local} from ${JSON.stringify(relativeImport(generatedFile, m.componentFile))};` : `import { ${m.exportName} as ${local} } from ${JSON.stringify(relativeImport(generatedFile, m.componentFile))};`);
    imports.push(`import childCommands${i + 1} from ${JSON.stringify(relativeImport(generatedFile, m.commandsFile!))};`);
    return `  { component: ${local}, commands: childCommands${i + 1} },`;
  });
  if (children.length > 0) imports[0] = `import type { RequestHandlerOptions, RouteDefinition, SyncLog } from "liveview-migrate/server";`;
  const childSource = children.length > 0 ? `/** Child components (rendered with live_component) that have commands: createRequestHandler's \`components\`. */\nexport const migratedComponents: NonNullable<RequestHandlerOptions["components"]> = [\n${childEntries.join("\n")}\n];\n\n` : "";
  result.newFiles.push({
    file: generatedFile,
    text: `// Generated by liveview-migrate: the routes of the migrated views, served by the runtime's request handler.\n// Views not listed here are still served by LiveViewJS (${posix.basename(routerFile)}).\n${[...imports.map((line, i) => (i === 0 && templates ? line.replace("import type { ", "import type { LayoutMeta, ") : line)), ...(templates ? [LAYOUT_IMPORT] : [])].join("\n")}\n\nexport const migratedRoutes: RouteDefinition[] = [\n${entries.join("\n")}\n];\n\n${childSource}${BRIDGE_SOURCE}${templates ? LAYOUT_SOURCE : ""}`,
  });
  result.files.push(generatedFile);
  result.notes.push(`${generatedFile}: ${entries.length} route(s) served by the runtime`);

  for (const [file, text] of [...files].sort()) {
    const sf = parseSource(file, text);
    const use = findMiddlewareUse(sf);
    if (!use) continue;
    result.files.push(file);
    if (text.includes(WIRING_MARK)) {
      // wired by an earlier apply; child components with commands may be new since
      if (children.length > 0 && !text.includes("migratedComponents")) result.edits.push(...childComponentEdits(file, text));
      return result;
    }
    const app = ((use.expression as ts.CallExpression).expression as ts.PropertyAccessExpression).expression.getText(sf);
    const pubSub = pubSubOption(sf);
    if (!pubSub) result.warnings.push(`${file}: no pubSub option on NodeExpressLiveViewServer found: broadcasts of the app will not reach migrated components (call bridgePubSub(yourPubSub, sync) by hand)`);
    const lineStart = text.lastIndexOf("\n", use.getStart(sf) - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const lastImport = [...sf.statements].filter(ts.isImportDeclaration).pop();
    const importAt = lastImport ? lastImport.end : 0;
    result.edits.push({
      file,
      start: importAt,
      end: importAt,
      text: `\nimport { createMemorySyncLog, expressMiddleware } from "liveview-migrate/server";\nimport { ${pubSub ? "bridgePubSub, " : ""}${templates ? "liveViewLayout, " : ""}${children.length > 0 ? "migratedComponents, " : ""}migratedRoutes } from ${JSON.stringify(relativeImport(file, generatedFile))};`,
    });
    result.edits.push({
      file,
      start: lineStart,
      end: lineStart,
      text: [
        `${indent}// ${WIRING_MARK} are served by the runtime first; every other route falls through to LiveViewJS.`,
        `${indent}const migratedSync = createMemorySyncLog();`,
        ...(pubSub ? [`${indent}// what the app broadcasts on its pubsub (data modules, commands, LiveViewJS views) reaches the migrated components' sync topics`, `${indent}void bridgePubSub(${pubSub}, migratedSync);`] : []),
        `${indent}${app}.use(`,
        `${indent}  expressMiddleware({`,
        `${indent}    routes: migratedRoutes,`,
        ...(children.length > 0 ? [`${indent}    components: migratedComponents,`] : []),
        `${indent}    sync: migratedSync,`,
        ...(templates ? [`${indent}    // migrated pages in the app's own page shell (the templates LiveViewJS renders pages with)`, `${indent}    layout: ${layoutOption(templates, layout.dropScripts)},`] : []),
        `${indent}    secret: process.env.SESSION_SECRET ?? "liveview-migrate-dev-secret-change-me",`,
        `${indent}    // the express session (user, role) reaches commands as ctx.session`,
        `${indent}    getSession: (req) => ({ ...((req as unknown as { session?: Record<string, unknown> }).session ?? {}) }),`,
        `${indent}  }),`,
        `${indent});`,
        "",
      ].join("\n"),
    });
    result.notes.push(`${file}: runtime handler mounted before LiveViewJS's httpMiddleware`);
    return result;
  }
  result.warnings.push("no `app.use(<server>.httpMiddleware())` next to a NodeExpressLiveViewServer found: mount createRequestHandler({ routes: migratedRoutes }) by hand");
  return result;
}

/** A server file wired before the app had child components with commands: import and pass `migratedComponents`. */
function childComponentEdits(file: string, text: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const importLine = /import \{ ([^}]*\bmigratedRoutes\b[^}]*) \} from ["'][^"']+["'];/.exec(text);
  const routes = /^([ \t]*)routes: migratedRoutes,\n/m.exec(text);
  if (!importLine || !routes) return edits;
  const names = importLine[1]!;
  const at = importLine.index + "import { ".length + names.indexOf("migratedRoutes");
  edits.push({ file, start: at, end: at, text: "migratedComponents, " });
  const after = routes.index + routes[0].length;
  edits.push({ file, start: after, end: after, text: `${routes[1]}components: migratedComponents,\n` });
  return edits;
}

/** `new NodeExpressLiveViewServer(router, template, title, { pubSub, ... })` → the pubSub expression's text. */
function pubSubOption(sf: ts.SourceFile): string | undefined {
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isNewExpression(node) && node.expression.getText(sf) === "NodeExpressLiveViewServer") {
      for (const arg of node.arguments ?? []) {
        if (!ts.isObjectLiteralExpression(arg)) continue;
        for (const p of arg.properties) {
          if (p.name?.getText(sf) !== "pubSub") continue;
          if (ts.isShorthandPropertyAssignment(p)) found = p.name.text;
          else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.initializer) || ts.isPropertyAccessExpression(p.initializer))) found = p.initializer.getText(sf);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * The pubsub bridge, generated next to the routes: the app keeps its own pubsub (data modules and the
 * views still on LiveViewJS broadcast and subscribe there); every topic a migrated component follows
 * is subscribed on it and each message is appended to the runtime's sync log, which the browsers follow.
 */
const BRIDGE_SOURCE = `/** Republishes the app's pubsub topics that migrated components follow (\`sync\`) into the runtime's sync log. */
export function bridgePubSub(
  pubSub: { subscribe(topic: string, subscriber: (message: { type: string }) => void): Promise<unknown> },
  sync: SyncLog,
): Promise<unknown[]> {
  const topics = [...new Set(migratedRoutes.flatMap((route) => Object.keys(route.component.sync ?? {})))].sort();
  return Promise.all(topics.map((topic) => pubSub.subscribe(topic, (message) => void sync.append(topic, { ...message }))));
}
`;
