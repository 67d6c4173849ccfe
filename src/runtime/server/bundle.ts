// The browser bundle: one esbuild build for all routes (bundle, minify, ESM, code splitting so the
// runtime is one shared chunk). File names carry a content hash, so they are served as immutable and
// a restarted server (same sources) serves the same URLs. Built ahead of time (`migrate build` writes
// the files and a manifest.json, see writeClientBuild) the server only reads them; building at run
// time, the first time a page is asked for, is the development convenience.

import type { Plugin } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { ComponentDefinition } from "../contract.ts";
import { FEATURE_MODULES, featuresOf, type Feature } from "../client/features.ts";

export interface ClientEntry {
  component: ComponentDefinition<any>;
  /** Absolute path or file: URL of the module exporting the component. */
  clientModule: string | URL;
}

export interface ClientAsset {
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

export interface ClientBundle {
  /** Asset file name → contents. */
  assets: Map<string, ClientAsset>;
  /** Component name → entry file name and the chunks it imports (preloaded by the page). */
  entries: Map<string, { file: string; imports: string[] }>;
}

// src/runtime/*.ts in a checkout, dist/*.js in the published package
const ext = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
const runtimeEntry = fileURLToPath(new URL(`../client/index${ext}`, import.meta.url));
const templateEntry = fileURLToPath(new URL(`../template/index${ext}`, import.meta.url));
const runtimeRoot = fileURLToPath(new URL("..", import.meta.url));
/** The names components import the browser runtime by: one copy of it in the bundle, this one. */
const RUNTIME_ALIASES = { "@liveview-migrate/runtime": runtimeEntry, "@liveview-migrate/runtime/template": templateEntry };

export function modulePath(clientModule: string | URL): string {
  const text = String(clientModule);
  return text.startsWith("file:") ? fileURLToPath(text) : text;
}

export async function buildClientBundle(entries: ClientEntry[], options: { minify?: boolean } = {}): Promise<ClientBundle> {
  const unique = new Map<string, ClientEntry>();
  for (const entry of entries) unique.set(entry.component.name, entry);
  const sources = new Map<string, string>();
  const componentOf = new Map<string, string>();
  for (const [name, entry] of unique) {
    const path = modulePath(entry.clientModule);
    const exportName = await findExport(path, entry.component);
    let id = name.replace(/[^A-Za-z0-9_-]/g, "_");
    if (sources.has(id)) id += `-${sources.size}`;
    componentOf.set(id, name);
    // each feature's module only in the pages of components that use it
    const features = featuresOf(entry.component).map((feature) => [feature, fileURLToPath(new URL(`../client/${FEATURE_MODULES[feature].file}${ext}`, import.meta.url))] as const);
    sources.set(id, pageEntry({ runtime: runtimeEntry, features: Object.fromEntries(features), component: `import { ${exportName} as component } from ${JSON.stringify(path)};` }));
  }

  const virtualEntries: Plugin = {
    name: "lvm-entries",
    setup(b) {
      b.onResolve({ filter: /^lvm-entry:/ }, (args) => ({ path: args.path.slice("lvm-entry:".length), namespace: "lvm-entry" }));
      b.onLoad({ filter: /.*/, namespace: "lvm-entry" }, (args) => ({ contents: sources.get(args.path), loader: "js", resolveDir: runtimeRoot }));
    },
  };
  // only processes that build load it (a server with a client build never does)
  const { build } = await import("esbuild").catch((error: unknown) => {
    throw new Error("@liveview-migrate/runtime/server: building the client bundle at run time needs esbuild installed (npm install --save-dev esbuild), or build it ahead of time with `npx migrate build`", { cause: error });
  });
  const result = await build({
    entryPoints: [...sources.keys()].map((id) => ({ in: `lvm-entry:${id}`, out: id })),
    bundle: true,
    minify: options.minify ?? true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    splitting: true,
    write: false,
    metafile: true,
    absWorkingDir: runtimeRoot,
    outdir: `${runtimeRoot}/.lvm-client`,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    alias: RUNTIME_ALIASES,
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    logLevel: "silent",
    plugins: [virtualEntries],
  });

  const bundle: ClientBundle = { assets: new Map(), entries: new Map() };
  for (const file of result.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf("/") + 1);
    const body = Buffer.from(file.contents);
    bundle.assets.set(name, assetOf(body));
  }
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    if (!meta.entryPoint?.startsWith("lvm-entry:")) continue;
    const name = componentOf.get(meta.entryPoint.slice("lvm-entry:".length))!;
    const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);
    bundle.entries.set(name, { file: baseName(output), imports: meta.imports.filter((i) => i.kind === "import-statement").map((i) => baseName(i.path)) });
  }
  return bundle;
}

/**
 * The module a page loads: mounts its component with only the features it uses (`features`: each
 * one's module, for those in `featuresOf(component)`), so the upload machinery, the sync client, the
 * loaders, child components and the JS command runner are in the bundles of the pages that need them.
 * Also written by the Vite plugin (src/runtime/vite).
 */
export function pageEntry(parts: { runtime: string; features: Partial<Record<Feature, string>>; component: string; find?: string }): string {
  // each feature from its own module, not the runtime's index: with code splitting, what the index
  // re-exports lands in the chunk every page shares
  const features = (Object.entries(parts.features) as [Feature, string][]).map(([feature, from]) => ({ feature, from, name: FEATURE_MODULES[feature].export }));
  return (
    `import { mount } from ${JSON.stringify(parts.runtime)};\n` +
    features.map((f) => `import { ${f.name} } from ${JSON.stringify(f.from)};\n`).join("") +
    `${parts.component}\n${parts.find ?? ""}` +
    `mount(component${features.length ? `, { ${features.map((f) => `${f.feature}: ${f.name}`).join(", ")} }` : ""});\n`
  );
}

function assetOf(body: Buffer): ClientAsset {
  return { body, gzip: gzipSync(body, { level: 9 }), etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 16)}"` };
}

/** The export of the client module that is this component (by identity, else by name). */
async function findExport(path: string, component: ComponentDefinition<any>): Promise<string> {
  const mod: Record<string, unknown> = await import(pathToFileURL(path).href);
  const names = Object.keys(mod);
  const found =
    names.find((name) => mod[name] === component) ??
    names.find((name) => (mod[name] as ComponentDefinition | undefined)?.name === component.name && typeof (mod[name] as ComponentDefinition).render === "function");
  if (!found) throw new Error(`@liveview-migrate/runtime/server: ${path} exports no component named "${component.name}"`);
  return found === "default" ? "default" : found;
}

/** manifest.json of a client build: what the server needs to serve it without building. */
export interface ClientManifest {
  format: 1;
  /** Component name → its entry file and the chunks it imports (all in the manifest's folder). */
  entries: Record<string, { file: string; imports: string[] }>;
  files: string[];
}

export const MANIFEST = "manifest.json";
/** Where `migrate build` writes, under the app's root (the folder of its package.json). */
export const CLIENT_BUILD_DIR = join("build", "client");

/** Writes the bundle's files and its manifest into `dir` (made if missing); returns the manifest. */
export function writeClientBuild(bundle: ClientBundle, dir: string): ClientManifest {
  mkdirSync(dir, { recursive: true });
  const manifest: ClientManifest = { format: 1, entries: Object.fromEntries([...bundle.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), files: [...bundle.assets.keys()].sort() };
  for (const [name, asset] of bundle.assets) writeFileSync(join(dir, name), asset.body);
  writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}

/** A client build read back (files into memory, gzipped once); throws when it lacks a route's component. */
export function readClientBuild(dir: string, components: readonly string[]): ClientBundle {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), "utf8")) as ClientManifest;
  if (manifest.format !== 1) throw new Error(`@liveview-migrate/runtime/server: ${join(dir, MANIFEST)} has format ${String(manifest.format)}; this runtime reads format 1 (run \`npx migrate build\` again)`);
  const missing = components.filter((name) => !manifest.entries[name]);
  if (missing.length > 0) throw new Error(`@liveview-migrate/runtime/server: the client build in ${dir} has no bundle for ${missing.map((m) => `"${m}"`).join(", ")}: it is older than the routes (run \`npx migrate build\` again)`);
  const bundle: ClientBundle = { assets: new Map(), entries: new Map(Object.entries(manifest.entries)) };
  for (const name of manifest.files) {
    const body = readFileSync(join(dir, name));
    bundle.assets.set(name, assetOf(body));
  }
  return bundle;
}

/** The app's client build, if one was made: build/client/ in the folder of the package.json nearest the first route's module. */
export function findClientBuild(entries: readonly ClientEntry[]): string | undefined {
  const first = entries[0];
  if (!first) return undefined;
  for (let dir = dirname(modulePath(first.clientModule)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) {
      const candidate = join(dir, CLIENT_BUILD_DIR);
      return existsSync(join(candidate, MANIFEST)) ? candidate : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}
