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

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { ComponentDefinition } from "../contract.ts";
import { featuresOf, type Feature } from "../client/features.ts";
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
  /** What its page passes to mount (client/features.ts). */
  features: Feature[];
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
      // the runtime's own page entry (bundle.ts): each feature only where the component uses it
      return pageEntry({
        runtime: "@liveview-migrate/runtime",
        features: Object.fromEntries(component.features.map((feature) => [feature, `@liveview-migrate/runtime/${feature}`])),
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
  return { name: JSON.parse(name) as string, path, features: featuresOf(readDefinition(path, text, new Map())) };
}

/**
 * The keys of a component definition that tell which features its page needs, read off the module
 * apply wrote (Vite does not run it here): `uploads: {`, `sync: {`, `shared: {`, `load: { … }`,
 * `jsCommands: true`, and `components: [a, b]`, whose modules (the file's imports of a and b) are
 * read the same way. A key written otherwise is missed; mount then refuses the component, naming it.
 */
function readDefinition(path: string, text: string, read: Map<string, ComponentDefinition<any>>): ComponentDefinition<any> {
  const has = (key: string) => new RegExp(`^\\s*${key}:\\s*\\{\\s*[^\\s}]`, "m").test(text);
  const load = /^\s*load:\s*\{([^}]*)\}/m.exec(text)?.[1] ?? "";
  const loadKey = (key: string) => (new RegExp(`\\b${key}:\\s*[^\\s,}]`).test(load) ? "yes" : undefined);
  const def = {
    uploads: has("uploads") ? { file: {} } : undefined,
    sync: has("sync") ? { topic: "action" } : undefined,
    shared: has("shared") ? { key: "loader" } : undefined,
    load: { mount: loadKey("mount"), params: loadKey("params"), rerunOnConnect: /\brerunOnConnect:\s*true\b/.test(load) },
    jsCommands: /^\s*jsCommands:\s*true\b/m.test(text),
    components: [] as ComponentDefinition<any>[],
  } as unknown as ComponentDefinition<any>;
  read.set(path, def);
  const listed = /^\s*components:\s*\[([^\]]*)\]/m.exec(text)?.[1].split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  for (const local of listed) {
    const file = importedFile(path, text, local);
    // a child defined in this module: its keys are in this text already
    if (!file || file === path) continue;
    def.components!.push(read.get(file) ?? readDefinition(file, readFileSync(file, "utf8"), read));
  }
  return def;
}

/** The project file `local` is imported from (`import { local } …`, `import { x as local } …`, `import local …`), if relative and found. */
function importedFile(path: string, text: string, local: string): string | undefined {
  for (const [, whole, named, specifier] of text.matchAll(/^import\s+(?!type\b)([\w$]+)?\s*,?\s*(?:\{([^}]*)\})?\s*from\s*["']([^"']+)["']/gm)) {
    const names = (named ?? "").split(",").map((n) => n.trim().split(/\s+as\s+/).pop());
    if (whole !== local && !names.includes(local)) continue;
    if (!specifier!.startsWith(".")) return undefined;
    const base = resolve(dirname(path), specifier!);
    return [base, base.replace(/\.js$/, ".ts"), base.replace(/\.mjs$/, ".mts"), `${base}.ts`, `${base}.js`].find((candidate) => existsSync(candidate));
  }
  return undefined;
}
