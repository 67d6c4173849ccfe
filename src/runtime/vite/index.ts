// `@liveview-migrate/runtime/vite`: for apps built with Vite, the migrated views' browser bundles come
// out of the app's own `vite build` instead of `migrate build`: one entry per component module apply
// wrote (`*.component.{ts,js}`), mounting it as the runtime's own build does, and a manifest.json in
// the format the server reads (ClientManifest, format 1). Files are written flat, as the server
// serves them by name from the build folder.
//
//   // vite.config.ts
//   import { liveviewMigrate } from "@liveview-migrate/runtime/vite";
//   export default { plugins: [liveviewMigrate()] };   // then `vite build` → build/client/
//
// Vite is the app's: nothing here imports it (the hooks are plain objects Vite calls).

import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pageEntry } from "../server/bundle.ts";

export interface LiveviewMigrateViteOptions {
  /** Where the bundles and manifest.json go, relative to Vite's root (default build/client, where the server looks). */
  outDir?: string;
  /** Component modules to build (absolute, or relative to Vite's root); default: every `*.component.*` under the root. */
  components?: string[];
}

/** The parts of Vite's Plugin this uses (structural: the app's Vite version brings the real type). */
export interface LiveviewMigrateVitePlugin {
  name: string;
  apply: "build";
  config(config: { root?: string }): Record<string, unknown>;
  resolveId(id: string): string | undefined;
  load(id: string): string | undefined;
  generateBundle(this: { emitFile(file: { type: "asset"; fileName: string; source: string }): unknown }, options: unknown, bundle: Record<string, BundleOutput>): void;
}

type BundleOutput = { type: "chunk"; isEntry: boolean; facadeModuleId: string | null; imports: string[] } | { type: "asset" };

interface ComponentModule {
  /** The component's runtime name (`name:` of its definition): the manifest's key. */
  name: string;
  path: string;
  uploads: boolean;
  sync: boolean;
}

const VIRTUAL = "lvm-entry:";
const RESOLVED = `\0${VIRTUAL}`;
const SKIP = new Set(["node_modules", ".git", ".migrate", "build", "dist"]);

export function liveviewMigrate(options: LiveviewMigrateViteOptions = {}): LiveviewMigrateVitePlugin {
  const modules = new Map<string, ComponentModule>();
  return {
    name: "liveview-migrate",
    apply: "build",
    config(config) {
      const root = resolve(config.root ?? process.cwd());
      const paths = options.components ? options.components.map((p) => resolve(root, p)) : componentFiles(root);
      for (const path of paths) {
        const component = readComponent(path);
        modules.set(component.name.replace(/[^A-Za-z0-9_-]/g, "_"), component);
      }
      if (modules.size === 0) throw new Error(`liveview-migrate: no migrated component (*.component.ts / .js) under ${root}: run \`migrate apply\` first`);
      const input = Object.fromEntries([...modules.keys()].map((id) => [id, `${VIRTUAL}${id}`]));
      const output = { entryFileNames: "[name]-[hash].js", chunkFileNames: "chunk-[hash].js", assetFileNames: "[name]-[hash][extname]" };
      return {
        build: {
          outDir: options.outDir ?? join("build", "client"),
          emptyOutDir: true,
          // the page preloads each entry's chunks itself (the manifest's imports)
          modulePreload: false,
          rollupOptions: { input, output },
        },
      };
    },
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const component = modules.get(id.slice(RESOLVED.length))!;
      // the runtime's own page entry (bundle.ts): uploads and the sync client only where declared
      return pageEntry({
        runtime: "@liveview-migrate/runtime",
        uploads: component.uploads ? "@liveview-migrate/runtime/uploads" : undefined,
        sync: component.sync ? "@liveview-migrate/runtime/sync" : undefined,
        component: `import * as mod from ${JSON.stringify(component.path)};`,
        find: `const component = Object.values(mod).find((v) => v && typeof v === "object" && v.name === ${JSON.stringify(component.name)} && typeof v.render === "function");\n`,
      });
    },
    generateBundle(_options, bundle) {
      const entries: Record<string, { file: string; imports: string[] }> = {};
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== "chunk" || !output.isEntry || !output.facadeModuleId?.startsWith(RESOLVED)) continue;
        entries[modules.get(output.facadeModuleId.slice(RESOLVED.length))!.name] = { file: fileName, imports: [...output.imports] };
      }
      const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      const manifest = { format: 1, entries: sorted, files: Object.keys(bundle).sort() };
      this.emitFile({ type: "asset", fileName: "manifest.json", source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
}

function componentFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...componentFiles(path));
    else if (/\.component\.(ts|mts|js|mjs)$/.test(entry.name)) found.push(path);
  }
  return found.sort();
}

/** The component a module apply wrote defines: its `name:` (the first property of defineComponent's object). */
function readComponent(path: string): ComponentModule {
  const text = readFileSync(path, "utf8");
  const name = /defineComponent\b[^(]*\(\s*\{\s*name:\s*("(?:[^"\\]|\\.)*")/.exec(text)?.[1];
  if (!name) throw new Error(`liveview-migrate: ${path} defines no component (defineComponent({ name: "…", … }))`);
  return { name: JSON.parse(name) as string, path, uploads: /^\s*uploads:\s*\{/m.test(text), sync: /^\s*sync:\s*\{/m.test(text) };
}
