// The server wiring: the LiveViewJS router and server setup learn about the migrated views, so the
// app starts with the same command. A generated `<router>.migrated.ts` lists the migrated routes for
// the runtime's request handler; the file that sets up NodeExpressLiveViewServer mounts that handler
// before LiveViewJS's HTTP middleware (migrated routes answer first, the rest falls through to
// LiveViewJS: the same routes, side by side during a gradual migration).

import { posix } from "node:path";
import { ts } from "ts-morph";
import type { NewFile, TextEdit } from "../apply/edits.ts";
import { parseSource } from "./locate-view.ts";
import { generatedExt, specifierInStyle, withoutExtension } from "./output-paths.ts";
import { isJavaScriptFile } from "../apply/strip-types.ts";
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

/** A router of the app as apply needs it (found by discovery/routers.ts): its file and the views it maps. */
export interface AppRouter {
  file: string;
  /** The view's export name, and the name it is declared with where they differ. */
  routes: Array<{ path: string; viewFile: string; viewNames: string[] }>;
}

/** The deepest folder holding all of `files` (POSIX, with a trailing slash; "" at the root). */
function commonDirectory(files: readonly string[]): string {
  const parts = files.map((f) => posix.dirname(f).split("/").filter((p) => p !== "."));
  const common: string[] = [];
  for (let i = 0; parts.length > 0 && parts.every((p) => p[i] !== undefined && p[i] === parts[0]![i]); i++) common.push(parts[0]![i]!);
  return common.length ? common.join("/") + "/" : "";
}

function relativePath(fromFile: string, toFile: string): string {
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

export function wireServer(files: Map<string, string>, migrated: MigratedComponent[], routers: readonly AppRouter[], layout: { dropScripts?: string[] } = {}): WiringResult {
  const result: WiringResult = { newFiles: [], edits: [], notes: [], warnings: [], files: [] };
  if (migrated.length === 0) return result;
  // imports follow the app's own style, read from its server file: `./x.js` (nodenext), `./x.ts` or `./x`
  const styleSample = [...files.values()].map((text) => /\bfrom\s+["'](\.\.?\/[^"']+)["']/.exec(text)?.[1]).find(Boolean);
  const relativeImport = (fromFile: string, toFile: string) => (styleSample ? specifierInStyle(fromFile, toFile, styleSample) : relativePath(fromFile, toFile));
  const byView = new Map(migrated.map((m) => [`${withoutExtension(m.viewFile)}#${m.viewName}`, m]));
  const migratedAt = (route: AppRouter["routes"][number]) => route.viewNames.map((name) => byView.get(`${withoutExtension(route.viewFile)}#${name}`)).find(Boolean);
  // the routes file lives next to the router that maps migrated views; with none, next to the views
  const router = [...routers].sort((a, b) => (a.file < b.file ? -1 : 1)).find((r) => r.routes.some((route) => migratedAt(route)));
  const routed = new Set<MigratedComponent>();
  const imports: string[] = [`import { SingleProcessPubSub } from "liveviewjs";`, `import type { RouteDefinition, SyncLog } from "@liveview-migrate/runtime/server";`];
  const generatedFile = router ? withoutExtension(router.file) + ".migrated" + generatedExt(router.file) : `${commonDirectory(migrated.filter((m) => !m.child).map((m) => m.viewFile))}routes.migrated${generatedExt(migrated[0]!.viewFile)}`;
  const entries: string[] = [];
  const unrouted: string[] = [];
  let n = 0;
  const importComponent = (m: MigratedComponent): string => {
    n += 1;
    const local = `component${n}`;
    imports.push(m.exportName === "default" ? `import ${local} from ${JSON.stringify(relativeImport(generatedFile, m.componentFile))};` : `import { ${m.exportName} as ${local} } from ${JSON.stringify(relativeImport(generatedFile, m.componentFile))};`);
    if (m.commandsFile) imports.push(`import commands${n} from ${JSON.stringify(relativeImport(generatedFile, m.commandsFile))};`);
    return `component: ${local},${m.commandsFile ? ` commands: commands${n},` : ""} clientModule: new URL(${JSON.stringify(relativePath(generatedFile, m.componentFile))}, import.meta.url)`;
  };
  for (const route of router?.routes ?? []) {
    const m = migratedAt(route);
    if (!m) continue;
    routed.add(m);
    entries.push(`  { path: ${JSON.stringify(route.path)}, ${importComponent(m)} },`);
  }
  // migrated views no router maps: listed by name, for the user to give a path
  for (const m of migrated) {
    if (m.child || routed.has(m)) continue;
    unrouted.push(`  ${JSON.stringify(m.viewName)}: { ${importComponent(m)} },`);
  }
  if (entries.length === 0 && unrouted.length === 0) return result;
  if (unrouted.length > 0) result.warnings.push(`${unrouted.length} migrated view(s) that no router maps are listed in ${generatedFile} as migratedViews: give each a path in the runtime handler's routes`);
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
  if (children.length > 0) imports[1] = `import type { RequestHandlerOptions, RouteDefinition, SyncLog } from "@liveview-migrate/runtime/server";`;
  const childSource = children.length > 0 ? `/** Child components (rendered with live_component) that have commands: createRequestHandler's \`components\`. */\nexport const migratedComponents: NonNullable<RequestHandlerOptions["components"]> = [\n${childEntries.join("\n")}\n];\n\n` : "";
  result.newFiles.push({
    file: generatedFile,
    text:
      `// Generated by liveview-migrate: the routes of the migrated views, served by the runtime's request handler.\n` +
      (router ? `// Views not listed here are still served by LiveViewJS (${posix.basename(router.file)}).\n` : `// No router of the app maps these views: give each a path where the app builds its routes.\n`) +
      `${[...imports.map((line, i) => (i === 1 && templates ? line.replace("import type { ", "import type { LayoutMeta, ") : line)), ...(templates ? [LAYOUT_IMPORT] : [])].join("\n")}\n\n` +
      `export const migratedRoutes: RouteDefinition[] = [\n${entries.join("\n")}\n];\n\n` +
      (unrouted.length > 0 ? `/** Migrated views that no router maps, by name: \`{ path: "/…", ...migratedViews.name }\` is a route. */\nexport const migratedViews: Record<string, Omit<RouteDefinition, "path">> = {\n${unrouted.join("\n")}\n};\n\n` : "") +
      `${childSource}${bridgeSource(unrouted.length > 0)}\n${SECRETS_SOURCE}${templates ? LAYOUT_SOURCE : ""}`,
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
    // no pubSub option: LiveViewJS's default, a SingleProcessPubSub, which the bridge follows by default
    const pubSub = pubSubOption(sf);
    if (pubSub === null) result.warnings.push(`${file}: the pubSub given to NodeExpressLiveViewServer is not a name apply can pass on: broadcasts of the app will not reach migrated components until you call bridgePubSub(migratedSync, yourPubSub)`);
    const lineStart = text.lastIndexOf("\n", use.getStart(sf) - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const lastImport = [...sf.statements].filter(ts.isImportDeclaration).pop();
    const importAt = lastImport ? lastImport.end : 0;
    result.edits.push({
      file,
      start: importAt,
      end: importAt,
      text: `\nimport { createMemorySyncLog, expressMiddleware } from "@liveview-migrate/runtime/server";\nimport { ${pubSub !== null ? "bridgePubSub, " : ""}${templates ? "liveViewLayout, " : ""}${children.length > 0 ? "migratedComponents, " : ""}migratedRoutes, migratedSessionSecrets } from ${JSON.stringify(relativeImport(file, generatedFile))};`,
    });
    result.edits.push({
      file,
      start: lineStart,
      end: lineStart,
      text: [
        `${indent}// ${WIRING_MARK} are served by the runtime first; every other route falls through to LiveViewJS.`,
        `${indent}const migratedSync = createMemorySyncLog();`,
        ...(pubSub !== null ? [`${indent}// what the app broadcasts on its pubsub (data modules, commands, LiveViewJS views) reaches the migrated components' sync topics`, `${indent}void bridgePubSub(migratedSync${pubSub ? `, ${pubSub}` : ""});`] : []),
        `${indent}${app}.use(`,
        `${indent}  expressMiddleware({`,
        `${indent}    routes: migratedRoutes,`,
        ...(children.length > 0 ? [`${indent}    components: migratedComponents,`] : []),
        `${indent}    sync: migratedSync,`,
        ...(templates ? [`${indent}    // migrated pages in the app's own page shell (the templates LiveViewJS renders pages with)`, `${indent}    layout: ${layoutOption(templates, layout.dropScripts)},`] : []),
        `${indent}    // SESSION_SECRET (comma-separated to rotate: the first signs); required when NODE_ENV=production`,
        `${indent}    secret: migratedSessionSecrets(),`,
        `${indent}    // the express session (user, role) reaches commands as ctx.session`,
        // a plain-JS server file gets no TypeScript (this edit is not type-stripped like new files are)
        `${indent}    getSession: (req) => ({ ...(${isJavaScriptFile(file) ? "req.session" : "(req as unknown as { session?: Record<string, unknown> }).session"} ?? {}) }),`,
        `${indent}  }),`,
        `${indent});`,
        "",
      ].join("\n"),
    });
    result.notes.push(`${file}: runtime handler mounted before LiveViewJS's httpMiddleware`);
    return result;
  }
  result.warnings.push(`no \`app.use(<server>.httpMiddleware())\` next to a NodeExpressLiveViewServer found: mount expressMiddleware({ routes: migratedRoutes, sync }) from ${generatedFile} where the app is served, and call bridgePubSub(sync) there so the app's broadcasts reach migrated views`);
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

/**
 * `new NodeExpressLiveViewServer(router, template, title, { pubSub, ... })` → the pubSub expression's
 * text; undefined when there is no such option (LiveViewJS then uses a SingleProcessPubSub); null when
 * it is an expression apply cannot repeat (`pubSub: new RedisPubSub(...)`).
 */
function pubSubOption(sf: ts.SourceFile): string | undefined | null {
  let found: string | undefined | null;
  const visit = (node: ts.Node): void => {
    if (found !== undefined) return;
    if (ts.isNewExpression(node) && node.expression.getText(sf) === "NodeExpressLiveViewServer") {
      for (const arg of node.arguments ?? []) {
        if (!ts.isObjectLiteralExpression(arg)) continue;
        for (const p of arg.properties) {
          if (p.name?.getText(sf) !== "pubSub") continue;
          if (ts.isShorthandPropertyAssignment(p)) found = p.name.text;
          else if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.initializer) || ts.isPropertyAccessExpression(p.initializer))) found = p.initializer.getText(sf);
          else found = null;
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
 * Without a pubsub it follows LiveViewJS's default: every SingleProcessPubSub of a process shares one
 * emitter, so a new one hears what the app broadcasts on its own.
 */
/** The session secrets the generated server passes the runtime: from the environment, never a public default in production. */
const SECRETS_SOURCE = `/**
 * The secrets that sign session cookies and CSRF tokens: SESSION_SECRET, comma-separated to rotate (the
 * first signs, every one verifies). Without it the server refuses to start when NODE_ENV=production;
 * in development it warns and uses a fixed secret anyone can read.
 */
export function migratedSessionSecrets(env: Record<string, string | undefined> = process.env): string[] {
  const secrets = (env.SESSION_SECRET ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (secrets.length > 0) return secrets;
  if (env.NODE_ENV === "production") throw new Error("SESSION_SECRET is not set: the migrated views' session cookies need a secret of 16 bytes or more (comma-separate several to rotate)");
  console.warn("liveview-migrate: SESSION_SECRET is not set; using a development secret anyone can read (set it before deploying)");
  return ["liveview-migrate-dev-secret-change-me"];
}
`;

function bridgeSource(unrouted: boolean): string {
  const components = unrouted ? "[...migratedRoutes, ...Object.values(migratedViews)]" : "migratedRoutes";
  return `/** Republishes the app's pubsub topics that migrated components follow (\`sync\`) into the runtime's sync log. */
export function bridgePubSub(
  sync: SyncLog,
  pubSub: { subscribe(topic: string, subscriber: (message: { type: string }) => void): Promise<unknown> } = new SingleProcessPubSub(),
): Promise<unknown[]> {
  const topics = [...new Set(${components}.flatMap((route) => Object.keys(route.component.sync ?? {})))].sort();
  return Promise.all(topics.map((topic) => pubSub.subscribe(topic, (message) => void sync.append(topic, { ...message }))));
}
`;
}
