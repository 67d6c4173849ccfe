// Finds what to verify in an app folder: views that apply migrated (a `<name>.component.ts` next to
// the original, its header naming the view), and the server wiring apply generated. Builds the three
// bundles a view needs. Where each view is mounted is routes.ts's business.

import { existsSync, readFileSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import fg from "fast-glob";
import { ts } from "ts-morph";
import { generatedFrom, type ViewRef } from "../discovery/routers.ts";
import { bundle, importFresh } from "./bundle.ts";
import { runtimeFile } from "../apply/checks/runtime-package.ts";
import { FEATURE_MODULES } from "../runtime/client/features.ts";
import { CHILD_COMPONENT_NOTE } from "../codemods/child-components.ts";

export interface MigratedView {
  /** POSIX path of the original, relative to the app root. */
  file: string;
  componentFile: string;
  commandsFile?: string;
  /** The original view's export name, from the component's header (`... from ./counter.ts (counterLiveView).`). */
  exportName?: string;
}

/** `src/views/counter.ts` with `src/views/counter.component.ts` (or `.component.js`) next to it. */
export async function findMigratedViews(root: string): Promise<MigratedView[]> {
  const components = await fg("**/*.component.{ts,js,mts,mjs}", { cwd: root, ignore: ["**/node_modules/**", ".migrate/**"] });
  const views: MigratedView[] = [];
  for (const componentFile of components.sort()) {
    const text = readFileSync(join(root, componentFile), "utf8");
    // a migrated live component has no route: it is verified through the views that render it
    if (text.split("\n", 1)[0]!.includes(CHILD_COMPONENT_NOTE)) continue;
    const header = generatedFrom(text);
    const stem = componentFile.replace(/\.component\.m?[jt]s$/, "");
    const named = header.from ? posix.join(posix.dirname(componentFile), header.from) : undefined;
    const file = named && existsSync(join(root, named)) ? named : [".ts", ".js", ".tsx", ".jsx", ".mts", ".mjs"].map((ext) => stem + ext).find((f) => existsSync(join(root, f)));
    if (!file) continue;
    const commandsFile = [".commands.ts", ".commands.js", ".commands.mts", ".commands.mjs"].map((ext) => stem + ext).find((f) => existsSync(join(root, f)));
    views.push({ file, componentFile, commandsFile, exportName: header.name });
  }
  return views;
}

/**
 * How the original side gets its view: from a router module verify imports (`--router`), or the
 * view's own module, mounted at a route of the app's router or at a path of its own.
 */
export type OriginalSource =
  | { kind: "router"; file: string; exportName: string }
  | { kind: "view"; ref: ViewRef };

export interface ViewBundles {
  original: string;
  server: string;
  clientCode: string;
  /** What the browser bundle is made of: root-relative module → bytes in the bundle. */
  clientInputs: Map<string, number>;
}

const abs = (root: string, file: string) => JSON.stringify(join(root, file));

/** A bundle that does not build, and which side it was for. */
export class BundleError extends Error {
  constructor(
    readonly side: "original" | "server" | "client",
    readonly cause: unknown,
  ) {
    super(`${side}: ${describeBuildError(cause)}`);
  }
}

function describeBuildError(error: unknown): string {
  const errors = (error as { errors?: Array<{ text: string; location?: { file: string; line: number } | null }> }).errors;
  if (errors?.length) return errors.map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ""}${e.text}`).join("; ");
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}

async function labelled<T>(side: BundleError["side"], work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw new BundleError(side, error);
  }
}

/**
 * The server wiring apply generated: a `<file>.migrated.ts` next to where the router was found (its
 * `migratedRoutes`, `migratedComponents`, `bridgePubSub`), and the pubsub the app's server file
 * hands to `bridgePubSub(sync, <pubSub>)`, as an import (name, file).
 */
export interface GeneratedWiring {
  migratedFile: string;
  pubSub?: { name: string; file: string };
  /**
   * Whether the migrated app bridges its pubsub into the sync log: a server file that imports the
   * routes and calls bridgePubSub, or no server file at all (the project is served by code it does not
   * hold, which mounts the routes and calls the bridge as the generated file documents). Without a
   * pubsub verify can import, the bridge follows LiveViewJS's SingleProcessPubSub, as the generated one does.
   */
  bridged: boolean;
}

const CODE_EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".jsx", ".mjs"];

/** The file a relative import names (with or without its extension, `.js` naming a `.ts` too). */
export function resolveRelativeImport(root: string, fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = posix.join(posix.dirname(fromFile), specifier);
  const stem = base.replace(/\.(m?[jt]sx?)$/, "");
  const candidates = [base, ...CODE_EXTENSIONS.map((ext) => stem + ext), ...CODE_EXTENSIONS.map((ext) => posix.join(base, "index" + ext))];
  return candidates.find((f) => existsSync(join(root, f)) && /\.(m?[jt]sx?)$/.test(f));
}

function parse(root: string, file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.Latest, true, /\.[jt]sx$/.test(file) ? ts.ScriptKind.TSX : undefined);
}

/** Relative imports of a module: local name → { imported name, file }. */
function importsOf(root: string, file: string, sf: ts.SourceFile): Map<string, { name: string; file: string }> {
  const out = new Map<string, { name: string; file: string }>();
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = resolveRelativeImport(root, file, statement.moduleSpecifier.text);
    const bindings = statement.importClause?.namedBindings;
    if (!target || !bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) out.set(element.name.text, { name: (element.propertyName ?? element.name).text, file: target });
  }
  return out;
}

export async function findGeneratedWiring(root: string, view: MigratedView): Promise<GeneratedWiring | undefined> {
  const migrated = (await fg("**/*.migrated.{ts,js,mts,mjs}", { cwd: root, ignore: ["**/node_modules/**", ".migrate/**"] })).sort();
  // the wiring that routes this view's component (a project can have several server files)
  const migratedFile = migrated.find((file) => [...importsOf(root, file, parse(root, file)).values()].some((i) => i.file === view.componentFile)) ?? (migrated.length === 1 ? migrated[0] : undefined);
  if (!migratedFile) return undefined;
  const files = await fg("**/*.{ts,js,mts,mjs}", { cwd: root, ignore: ["**/node_modules/**", ".migrate/**", "**/*.migrated.*", "**/*.component.*", "**/*.commands.*", "**/*.d.ts"] });
  let served = false;
  for (const file of files.sort()) {
    const sf = parse(root, file);
    const imports = importsOf(root, file, sf);
    if ([...imports.values()].some((i) => i.file === migratedFile)) served = true;
    const bridge = [...imports].find(([, i]) => i.name === "bridgePubSub" && i.file === migratedFile)?.[0];
    if (!bridge) continue;
    let call: ts.CallExpression | undefined;
    const visit = (node: ts.Node): void => {
      if (call) return;
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === bridge) call = node;
      else ts.forEachChild(node, visit);
    };
    visit(sf);
    if (!call) continue;
    // bridgePubSub(sync, pubSub?): the pubsub must come from a module verify can import
    const pubSubArg = call.arguments[1];
    const pubSub = pubSubArg && ts.isIdentifier(pubSubArg) ? imports.get(pubSubArg.text) : undefined;
    return { migratedFile, bridged: true, ...(pubSub ? { pubSub } : {}) };
  }
  return { migratedFile, bridged: !served };
}

export async function bundleView(root: string, source: OriginalSource, view: MigratedView, outDir: string): Promise<ViewBundles> {
  // per generated component (a module with several views has one per view)
  const id = view.componentFile.replace(/[^A-Za-z0-9]/g, "_");
  // the migrated side is served the way the generated app serves it: its routes and its pubsub bridge
  const wiring = await findGeneratedWiring(root, view);
  const original = await labelled("original", bundle({
    // the router's module only when the user named it (--router); otherwise the view's module alone:
    // a router that lives in a server file is never imported (it would start the server)
    entry:
      (source.kind === "router" ? `export * as __routerModule from ${abs(root, source.file)};\n` : `export const __routerModule = undefined;\n`) +
      `export * as __view from ${abs(root, view.file)};\nexport { __verifyClock } from "lvm-verify:clock";\n` +
      // the pubsub the app hands LiveViewJS (its server setup): what the app broadcasts reaches the original's subscriptions, as in the app
      (wiring?.pubSub ? `export { ${wiring.pubSub.name} as __appPubSub } from ${abs(root, wiring.pubSub.file)};\n` : `export const __appPubSub = undefined;\n`),
    outFile: join(outDir, `${id}.original.mjs`),
    platform: "node",
    original: true,
    clock: true,
    appRoot: root,
  }));
  const server = await labelled("server", bundle({
    entry:
      `export { createRequestHandler, createMemorySyncLog } from "@liveview-migrate/runtime/server";\n` +
      `export { renderFirstPaint } from ${JSON.stringify(runtimeFile("server/first-paint"))};\n` +
      `export { __verifyWallClock } from "lvm-verify:date";\n` +
      `export { lookupCommand, runCommand } from ${JSON.stringify(runtimeFile("server/commands"))};\n` +
      `export { sessionKeys, newSession, encodeSessionCookie } from ${JSON.stringify(runtimeFile("server/session"))};\n` +
      `export { stateCarrier } from ${JSON.stringify(runtimeFile("server/carried-state"))};\n` +
      `export * as __component from ${abs(root, view.componentFile)};\n` +

      (view.commandsFile ? `export * as __commands from ${abs(root, view.commandsFile)};\n` : `export const __commands = undefined;\n`) +
      (wiring ? `export * as __wiring from ${abs(root, wiring.migratedFile)};\nexport const __bridged = ${wiring.bridged};\n` : `export const __wiring = undefined;\nexport const __bridged = false;\n`) +
      (wiring?.pubSub ? `export { ${wiring.pubSub.name} as __appPubSub } from ${abs(root, wiring.pubSub.file)};\n` : `export const __appPubSub = undefined;\n`),
    outFile: join(outDir, `${id}.server.mjs`),
    platform: "node",
    appRoot: root,
  }));
  const clientInputs = new Map<string, number>();
  const client = await labelled("client", bundle({
    onInputs: (inputs) => {
      for (const [path, bytes] of inputs) clientInputs.set(relative(root, path).split(sep).join("/"), bytes);
    },
    // every optional feature too: the driver passes the component those the server's page bundle would (featuresOf)
    entry:
      `import { mount } from "@liveview-migrate/runtime";\nimport { featuresOf } from ${JSON.stringify(runtimeFile("client/features"))};\n` +
      Object.entries(FEATURE_MODULES).map(([feature, { export: name }]) => `import { ${name} as ${feature} } from "@liveview-migrate/runtime/${feature}";\n`).join("") +
      `import { __verifyWallClock } from "lvm-verify:date";\nimport * as mod from ${abs(root, view.componentFile)};\nglobalThis.__lvmVerify = { mount, featuresOf, features: { ${Object.keys(FEATURE_MODULES).join(", ")} }, module: mod, wallClock: __verifyWallClock };\n`,
    outFile: join(outDir, `${id}.client.js`),
    platform: "browser",
    appRoot: root,
  }));
  return { original, server, clientCode: readFileSync(client, "utf8"), clientInputs };
}

/** A component definition among a module's exports: the one named like the view, else the only one. */
export function pickComponent(mod: Record<string, unknown>, viewName: string): any {
  const defs = Object.entries(mod).filter(([, v]) => v && typeof v === "object" && typeof (v as any).render === "function" && "actions" in (v as object));
  return (defs.find(([k]) => k === viewName) ?? defs.find(([k]) => k === "default") ?? defs[0])?.[1];
}

export { importFresh, relative };
