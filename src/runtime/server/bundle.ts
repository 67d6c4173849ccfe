// The browser bundle: one esbuild build for all routes (bundle, minify, ESM, code splitting so the
// runtime is one shared chunk). File names carry a content hash, so they are served as immutable and
// a restarted server (same sources) serves the same URLs.

import type { Plugin } from "esbuild";
import { createHash } from "node:crypto";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { ComponentDefinition } from "../contract.ts";

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

const runtimeEntry = fileURLToPath(new URL("../client/index.ts", import.meta.url));
const templateEntry = fileURLToPath(new URL("../template/index.ts", import.meta.url));
const uploadsEntry = fileURLToPath(new URL("../client/uploads.ts", import.meta.url));
const packageRoot = fileURLToPath(new URL("../../..", import.meta.url));

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
    // the upload machinery only in the pages of components that declare uploads
    const uploads = Object.keys(entry.component.uploads ?? {}).length > 0;
    sources.set(
      id,
      `import { mount } from ${JSON.stringify(runtimeEntry)};\n` +
        (uploads ? `import { createUploads } from ${JSON.stringify(uploadsEntry)};\n` : "") +
        `import { ${exportName} as component } from ${JSON.stringify(path)};\n` +
        `mount(component${uploads ? ", { uploads: createUploads }" : ""});\n`,
    );
  }

  const virtualEntries: Plugin = {
    name: "lvm-entries",
    setup(b) {
      b.onResolve({ filter: /^lvm-entry:/ }, (args) => ({ path: args.path.slice("lvm-entry:".length), namespace: "lvm-entry" }));
      b.onLoad({ filter: /.*/, namespace: "lvm-entry" }, (args) => ({ contents: sources.get(args.path), loader: "js", resolveDir: packageRoot }));
    },
  };
  const { build } = await import("esbuild"); // only processes that serve pages load it
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
    absWorkingDir: packageRoot,
    outdir: `${packageRoot}/.lvm-client`,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    alias: { "liveview-migrate/runtime": runtimeEntry, "liveview-migrate/template": templateEntry },
    define: { "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    logLevel: "silent",
    plugins: [virtualEntries],
  });

  const bundle: ClientBundle = { assets: new Map(), entries: new Map() };
  for (const file of result.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf("/") + 1);
    const body = Buffer.from(file.contents);
    bundle.assets.set(name, { body, gzip: gzipSync(body, { level: 9 }), etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 16)}"` });
  }
  for (const [output, meta] of Object.entries(result.metafile.outputs)) {
    if (!meta.entryPoint?.startsWith("lvm-entry:")) continue;
    const name = componentOf.get(meta.entryPoint.slice("lvm-entry:".length))!;
    const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);
    bundle.entries.set(name, { file: baseName(output), imports: meta.imports.filter((i) => i.kind === "import-statement").map((i) => baseName(i.path)) });
  }
  return bundle;
}

/** The export of the client module that is this component (by identity, else by name). */
async function findExport(path: string, component: ComponentDefinition<any>): Promise<string> {
  const mod: Record<string, unknown> = await import(pathToFileURL(path).href);
  const names = Object.keys(mod);
  const found =
    names.find((name) => mod[name] === component) ??
    names.find((name) => (mod[name] as ComponentDefinition | undefined)?.name === component.name && typeof (mod[name] as ComponentDefinition).render === "function");
  if (!found) throw new Error(`liveview-migrate/server: ${path} exports no component named "${component.name}"`);
  return found === "default" ? "default" : found;
}
