// `migrate build [dir]`: builds the browser bundles of the migrated views ahead of time (esbuild, the
// same build the runtime's server makes at run time in development) into build/client/: hashed files
// and a manifest.json the server reads at start instead of building. A production server needs it.

import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import fg from "fast-glob";
import { EXIT_FILES_FAILED, EXIT_OK } from "../exit-codes.ts";
import { say, type CliIo } from "../io.ts";
import { UsageError } from "../usage-error.ts";

const IGNORE = ["**/node_modules/**", "**/.git/**", ".migrate/**", "dist/**", "build/**"];

export async function runBuild(dir: string, options: { out: string; minify: boolean }, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, dir);
  if (!existsSync(root)) throw new UsageError(`${dir}: no such folder`);
  const files = (await fg("**/*.component.{ts,mts,js,mjs}", { cwd: root, ignore: IGNORE })).sort();
  // a migrated live component has no route, so no entry of its own (it is in its parents' bundles)
  const { CHILD_COMPONENT_NOTE } = await import("../../codemods/child-components.ts");
  const views = files.filter((file) => !readFileSync(join(root, file), "utf8").split("\n", 1)[0]!.includes(CHILD_COMPONENT_NOTE));
  if (views.length === 0) {
    io.stderr.write(`no migrated views in ${dir} (no *.component.* files): run \`migrate apply\` first\n`);
    return EXIT_FILES_FAILED;
  }
  // the components are imported to read their definitions: TypeScript ones through tsx's loader
  // (a checkout runs the tool's own sources under tsx already)
  if (views.some((file) => /\.m?ts$/.test(file)) && !import.meta.url.endsWith(".ts")) (await import("tsx/esm/api")).register();
  const { buildClientBundle, writeClientBuild } = await import("../../runtime/server/bundle.ts");
  const entries = [];
  for (const file of views) {
    const path = join(root, file);
    const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    const component = Object.values(mod).find((value): value is { name: string; render: unknown } => typeof value === "object" && value !== null && typeof (value as { render?: unknown }).render === "function" && typeof (value as { name?: unknown }).name === "string");
    if (!component) throw new UsageError(`${file} exports no component (a defineComponent definition)`);
    entries.push({ component: component as never, clientModule: path });
  }
  const bundle = await buildClientBundle(entries, { minify: options.minify });
  const out = resolve(root, options.out);
  rmSync(out, { recursive: true, force: true }); // old hashed files must not pile up
  const manifest = writeClientBuild(bundle, out);
  const bytes = [...bundle.assets.values()].reduce((sum, asset) => sum + asset.body.length, 0);
  say(io, `built ${Object.keys(manifest.entries).length} view${Object.keys(manifest.entries).length === 1 ? "" : "s"} into ${relative(io.cwd, out) || "."}: ${manifest.files.length} files, ${bytes} bytes\n`);
  return EXIT_OK;
}
