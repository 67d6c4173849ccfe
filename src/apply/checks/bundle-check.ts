// Server-only code must never reach the browser: bundle every migrated component for the browser
// (esbuild, with a metafile) from the files as they will be after apply, and find server-only
// modules in each bundle with the import chain that brought them in.

import { readFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { build, type Metafile, type Plugin } from "esbuild";
import type { FunctionEffects } from "../../plan/types.ts";
import { runtimePackageFiles } from "./runtime-package.ts";

export interface BundleFinding {
  /** Root-relative path of the component entry. */
  entry: string;
  /** The server-only module (root-relative path, or a package / node: name). */
  module: string;
  why: string;
  /** entry → … → module */
  chain: string[];
}

export interface BundleCheckInput {
  root: string;
  /** Root-relative paths of component files to bundle. */
  entries: string[];
  /** Files as they will be after apply (root-relative → text); read from disk otherwise. */
  overlay: Map<string, string>;
  functions: FunctionEffects[];
}

export const SERVER_EFFECTS = new Set(["io", "node-builtin", "env", "timer", "pubsub", "module-state-read", "module-state-write", "session"]);
const SERVER_PACKAGES = new Set(["liveviewjs", "@liveviewjs/express", "@liveview-migrate/runtime/server", "redis", "express", "express-session", "ws"]);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const PROBE = Symbol("resolve probe");

const isBare = (path: string) => !path.startsWith(".") && !isAbsolute(path);

/** Modules the plan says have server effects (by root-relative file). */
export function serverModulesFromPlan(functions: FunctionEffects[]): Map<string, string> {
  const modules = new Map<string, string>();
  for (const fn of functions) {
    const effects = fn.effects.filter((e) => SERVER_EFFECTS.has(e));
    if (effects.length === 0) continue;
    const file = fn.id.split("#")[0]!;
    if (!modules.has(file)) modules.set(file, `${fn.id} has server effects (${effects.join(", ")})`);
  }
  return modules;
}

export async function checkBundles(input: BundleCheckInput): Promise<BundleFinding[]> {
  const serverModules = serverModulesFromPlan(input.functions);
  const findings: BundleFinding[] = [];
  const external = new Map<string, string>();
  const plugin: Plugin = {
    name: "lvm-overlay",
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        // generated files are not on disk yet: resolve them from the overlay
        if (args.kind === "entry-point" && input.overlay.has(rel(input.root, args.path))) return { path: args.path };
        // …and so are the files they import from each other (a view's migrated child components)
        if (args.path.startsWith(".") && args.importer) {
          const target = join(dirname(args.importer), args.path);
          const hit = [target, target.replace(/\.js$/, ".ts"), `${target}.ts`].find((p) => input.overlay.has(rel(input.root, p)));
          if (hit) return { path: hit };
        }
        // the browser runtime is client-safe by construction (its own tests hold it to that)
        if (args.path === "@liveview-migrate/runtime" || args.path === "@liveview-migrate/runtime/template") return { path: args.path, external: true };
        if (BUILTINS.has(args.path) || SERVER_PACKAGES.has(args.path)) {
          external.set(args.path, rel(input.root, args.importer));
          return { path: args.path, external: true };
        }
        // any other @liveview-migrate/runtime/* name is the tool's copy of the runtime, wherever the project is
        const own = runtimePackageFiles().get(args.path);
        if (own) return { path: own };
        if (args.pluginData === PROBE || !isBare(args.path)) return undefined;
        // a package the project imports but that is not installed where it sits (e.g. a copy outside
        // its repo): not known server-only, so it stays out of the bundle like a CDN import would
        const found = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: PROBE });
        return found.errors.length > 0 ? { path: args.path, external: true } : { path: found.path, namespace: found.namespace, external: found.external, sideEffects: found.sideEffects };
      });
      b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        const key = rel(input.root, args.path);
        const text = input.overlay.get(key) ?? (await readFile(args.path, "utf8"));
        return { contents: text, loader: args.path.endsWith("x") ? "tsx" : args.path.endsWith(".js") || args.path.endsWith(".mjs") ? "js" : "ts", resolveDir: dirname(args.path) };
      });
    },
  };
  const build1 = async (entries: string[]): Promise<Metafile | string> => {
    try {
      const result = await build({ entryPoints: entries.map((e) => join(input.root, e)), bundle: true, write: false, metafile: true, platform: "browser", format: "esm", logLevel: "silent", absWorkingDir: input.root, outdir: join(input.root, ".migrate", "bundle-check"), plugins: [plugin] });
      return result.metafile;
    } catch (error) {
      return firstLine(error);
    }
  };
  let metafile = await build1(input.entries);
  if (typeof metafile === "string") {
    // one entry does not build: find which, one by one, so the others are still checked together
    const ok: string[] = [];
    for (const entry of input.entries) {
      const single = await build1([entry]);
      if (typeof single === "string") findings.push({ entry, module: entry, why: `the component does not bundle for the browser: ${single}`, chain: [entry] });
      else ok.push(entry);
    }
    if (ok.length === 0) return findings;
    metafile = await build1(ok);
    if (typeof metafile === "string") return findings;
  }
  const graph = new Map<string, string[]>();
  for (const [path, info] of Object.entries(metafile.inputs)) graph.set(normal(input.root, path), info.imports.map((i) => (i.external ? i.path : normal(input.root, i.path))));
  const bad = new Map<string, string>();
  for (const path of graph.keys()) {
    const why = serverModules.get(path) ?? (await envReader(input, path));
    if (why) bad.set(path, why);
  }
  for (const [name] of external) bad.set(name, BUILTINS.has(name) ? `${name} is a Node built-in` : `${name} is a server package`);
  for (const entry of input.entries) {
    const reachable = reach(graph, entry);
    for (const [module, why] of [...bad].sort()) if (reachable.has(module)) findings.push({ entry, module, why, chain: chainTo(graph, entry, module) });
  }
  return findings;
}

function reach(graph: Map<string, string[]>, from: string): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) for (const next of graph.get(queue.shift()!) ?? []) if (!seen.has(next)) (seen.add(next), queue.push(next));
  return seen;
}

async function envReader(input: BundleCheckInput, path: string): Promise<string | undefined> {
  if (path.startsWith("node_modules/") || path.includes("/node_modules/") || path.startsWith("..")) return undefined;
  const text = input.overlay.get(path) ?? (await readFile(join(input.root, path), "utf8").catch(() => ""));
  return /\bprocess\.env\b/.test(text) ? `${path} reads process.env` : undefined;
}

function chainTo(graph: Map<string, string[]>, from: string, to: string): string[] {
  const previous = new Map<string, string>();
  const queue = [from];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === to) break;
    for (const next of graph.get(node) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, node);
      queue.push(next);
    }
  }
  const chain = [to];
  while (previous.has(chain[0]!)) chain.unshift(previous.get(chain[0]!)!);
  return chain;
}

function rel(root: string, path: string): string {
  return relative(root, path).split("\\").join("/");
}

function normal(root: string, metaPath: string): string {
  const absolute = isAbsolute(metaPath) ? metaPath : resolve(root, metaPath);
  return rel(root, absolute);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n").slice(0, 3).join(" ");
}
