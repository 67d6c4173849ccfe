// Finds what to verify in an app folder: views that apply migrated (a `<name>.component.ts` next to
// the original), the app's router, and each view's route. Builds the three bundles a view needs.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import fg from "fast-glob";
import { bundle, importFresh } from "./bundle.ts";
import { CHILD_COMPONENT_NOTE } from "../codemods/child-components.ts";

export interface MigratedView {
  /** POSIX path of the original, relative to the app root. */
  file: string;
  componentFile: string;
  commandsFile?: string;
}

/** `src/views/counter.ts` with `src/views/counter.component.ts` next to it. */
export async function findMigratedViews(root: string): Promise<MigratedView[]> {
  const components = await fg("**/*.component.{ts,js}", { cwd: root, ignore: ["**/node_modules/**", ".migrate/**"] });
  const views: MigratedView[] = [];
  for (const componentFile of components.sort()) {
    const stem = componentFile.replace(/\.component\.(ts|js)$/, "");
    const file = [".ts", ".js", ".tsx", ".mjs"].map((ext) => stem + ext).find((f) => existsSync(join(root, f)));
    if (!file) continue;
    // a migrated live component has no route: it is verified through the views that render it
    if (readFileSync(join(root, componentFile), "utf8").split("\n", 1)[0]!.includes(CHILD_COMPONENT_NOTE)) continue;
    const commandsFile = [".commands.ts", ".commands.js"].map((ext) => stem + ext).find((f) => existsSync(join(root, f)));
    views.push({ file, componentFile, commandsFile });
  }
  return views;
}

/** The module exporting the app's LiveViewRouter (`router`): src/router.ts by convention, else the first file that builds one. */
export async function findRouterFile(root: string): Promise<string | undefined> {
  for (const candidate of ["src/router.ts", "src/router.js", "router.ts", "router.js"]) if (existsSync(join(root, candidate))) return candidate;
  const files = await fg("**/*.{ts,js}", { cwd: root, ignore: ["**/node_modules/**", "**/*.component.*", "**/*.commands.*"] });
  return files.sort().find((f) => /export\s+const\s+router\b/.test(readFileSync(join(root, f), "utf8")));
}

export interface ViewBundles {
  original: string;
  server: string;
  clientCode: string;
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
 * The server wiring apply generated: `<router>.migrated.ts` (migratedRoutes, bridgePubSub) and the
 * pubsub the app's server file hands to `bridgePubSub(<pubSub>, sync)`, as an import (name, file).
 */
export interface GeneratedWiring {
  migratedFile: string;
  pubSub?: { name: string; file: string };
}

export async function findGeneratedWiring(root: string, routerFile: string): Promise<GeneratedWiring | undefined> {
  const migratedFile = [".ts", ".js"].map((ext) => routerFile.replace(/\.(m?[jt]sx?)$/, "") + ".migrated" + ext).find((f) => existsSync(join(root, f)));
  if (!migratedFile) return undefined;
  const files = await fg("**/*.{ts,js,mts,mjs}", { cwd: root, ignore: ["**/node_modules/**", ".migrate/**", "**/*.migrated.*", "**/*.component.*", "**/*.commands.*"] });
  for (const file of files.sort()) {
    const text = readFileSync(join(root, file), "utf8");
    const call = /\bbridgePubSub\(\s*([A-Za-z_$][\w$]*)\s*,/.exec(text);
    if (!call) continue;
    const local = call[1]!;
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*["'](\.[^"']+)["']/g)) {
      for (const part of m[1]!.split(",")) {
        const [imported, alias] = part.trim().replace(/^type\s+/, "").split(/\s+as\s+/);
        if ((alias ?? imported) === local && imported) return { migratedFile, pubSub: { name: imported, file: join(dirname(file), m[2]!) } };
      }
    }
  }
  return { migratedFile };
}

export async function bundleView(root: string, routerFile: string, view: MigratedView, outDir: string): Promise<ViewBundles> {
  const id = view.file.replace(/[^A-Za-z0-9]/g, "_");
  // the migrated side is served the way the generated app serves it: its routes and its pubsub bridge
  const wiring = await findGeneratedWiring(root, routerFile);
  const original = await labelled("original", bundle({
    entry: `export * from ${abs(root, routerFile)};\nexport * as __view from ${abs(root, view.file)};\nexport { __verifyClock } from "lvm-verify:clock";\n`,
    outFile: join(outDir, `${id}.original.mjs`),
    platform: "node",
    original: true,
    clock: true,
    appRoot: root,
  }));
  const server = await labelled("server", bundle({
    entry:
      `export { createRequestHandler, createMemorySyncLog } from "liveview-migrate/server";\n` +
      `export { renderFirstPaint } from ${JSON.stringify(join(toolSrc(), "runtime/server/first-paint.ts"))};\n` +
      `export { sessionKeys, newSession, encodeSessionCookie } from ${JSON.stringify(join(toolSrc(), "runtime/server/session.ts"))};\n` +
      `export * as __component from ${abs(root, view.componentFile)};\n` +
      (view.commandsFile ? `export * as __commands from ${abs(root, view.commandsFile)};\n` : `export const __commands = undefined;\n`) +
      (wiring ? `export * as __wiring from ${abs(root, wiring.migratedFile)};\n` : `export const __wiring = undefined;\n`) +
      (wiring?.pubSub ? `export { ${wiring.pubSub.name} as __appPubSub } from ${abs(root, wiring.pubSub.file)};\n` : `export const __appPubSub = undefined;\n`),
    outFile: join(outDir, `${id}.server.mjs`),
    platform: "node",
    appRoot: root,
  }));
  const client = await labelled("client", bundle({
    // the upload machinery too, as the server's page bundle gives it to components that declare uploads
    entry: `import { mount } from "liveview-migrate/runtime";\nimport { createUploads } from "liveview-migrate/runtime/uploads";\nimport * as mod from ${abs(root, view.componentFile)};\nglobalThis.__lvmVerify = { mount, createUploads, module: mod };\n`,
    outFile: join(outDir, `${id}.client.js`),
    platform: "browser",
    appRoot: root,
  }));
  return { original, server, clientCode: readFileSync(client, "utf8") };
}

function toolSrc(): string {
  return join(new URL("..", import.meta.url).pathname);
}

/** A component definition among a module's exports: the one named like the view, else the only one. */
export function pickComponent(mod: Record<string, unknown>, viewName: string): any {
  const defs = Object.entries(mod).filter(([, v]) => v && typeof v === "object" && typeof (v as any).render === "function" && "actions" in (v as object));
  return (defs.find(([k]) => k === viewName) ?? defs.find(([k]) => k === "default") ?? defs[0])?.[1];
}

export { importFresh, relative };
