// `migrate init [dir]`: writes a commented config to start from — migrate.config.ts through the
// package's `defineConfig` when the project can import liveview-migrate, else migrate.config.json
// pointing at the JSON Schema the package ships. Never overwrites a config (--force does).

import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join, relative, resolve } from "node:path";
import { CONFIG_FILES } from "../../config/load.ts";
import { EXIT_FILES_FAILED, EXIT_OK } from "../exit-codes.ts";
import { say, type CliIo } from "../io.ts";
import { UsageError } from "../usage-error.ts";

export async function runInit(dir: string, options: { format?: string; force?: boolean }, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, dir);
  if (!existsSync(root)) throw new UsageError(`${dir}: no such folder`);
  if (options.format !== undefined && options.format !== "ts" && options.format !== "json") throw new UsageError(`--format must be ts or json, not ${JSON.stringify(options.format)}`);
  const importable = canImportTool(root);
  const format = options.format ?? (importable ? "ts" : "json");
  const existing = CONFIG_FILES.filter((name) => existsSync(join(root, name)));
  if (existing.length > 0 && !options.force) {
    io.stderr.write(`${existing.map((f) => join(dir, f)).join(", ")} already exists: left as it is (--force replaces it)\n`);
    return EXIT_FILES_FAILED;
  }
  const file = format === "ts" ? "migrate.config.ts" : "migrate.config.json";
  // the first config present wins: replacing one of another format must not leave it shadowing the new one
  const shadowing = existing.filter((name) => name !== file && CONFIG_FILES.indexOf(name) < CONFIG_FILES.indexOf(file));
  if (shadowing.length > 0) throw new UsageError(`${shadowing.join(", ")} would still be read before ${file}: remove it, or use --format ${shadowing[0]!.endsWith(".json") ? "json" : "ts"}`);
  await writeFile(join(root, file), format === "ts" ? TS_CONFIG : jsonConfig(root));
  say(io, `wrote ${relative(io.cwd, join(root, file)) || file}${format === "ts" || importable ? "" : " (liveview-migrate is not installed here: the $schema path resolves once it is)"}\n`);
  return EXIT_OK;
}

/** Does `import "liveview-migrate"` resolve from the app's folder (installed, or this package itself)? */
function canImportTool(root: string): boolean {
  try {
    createRequire(join(root, "package.json")).resolve("liveview-migrate/package.json");
    return true;
  } catch {
    try {
      createRequire(join(root, "package.json")).resolve("liveview-migrate");
      return true;
    } catch {
      return false;
    }
  }
}

// (Prose lines start with a capital letter; commented settings with a lowercase name, a quote or a brace.)
const TS_CONFIG = `// Settings for liveview-migrate; every field is optional (docs/cli.md, "The config file").
// The commands read this file from the app's folder.
import { defineConfig } from "liveview-migrate";

export default defineConfig({
  // Files to analyze (.gitignore syntax, relative to this folder); --include/--exclude add to them.
  // include: ["src/**"],
  // exclude: ["src/legacy/**"],

  // Decisions the analysis got wrong, per view (its id "<file>#<name>", or its bare name):
  // A key's class (ui | form | shared), an event's placement (client | server | split), or ignore: true.
  // views: {
  //   "src/views/todo.ts#todoView": { keys: { items: "shared" }, events: { add: "server" } },
  //   adminView: { ignore: true },
  // },

  // Modules whose use is always server work, and modules known to be pure (package names or globs).
  // serverOnly: ["src/db/**"],
  // clientSafe: ["src/lib/format.ts"],

  // The lowest confidence apply acts on: a view with a decision below it keeps a marker.
  // minConfidence: "medium",

  // Script src values of your LiveViewJS page layout that migrated pages do not need.
  // layout: { dropScripts: ["/js/index.js"] },

  // Where the HTML reports' file:line links go ({file}: absolute path, {line}: 1-based line).
  // report: { editorLink: "vscode://file{file}:{line}" },
});
`;

function jsonConfig(root: string): string {
  const schema = relative(root, join(root, "node_modules", "liveview-migrate", "schema", "migrate.config.schema.json")).split("\\").join("/");
  // JSON has no comments: the schema gives an editor every field, its values and what it does
  return `${JSON.stringify({ $schema: `./${schema}`, views: {} }, null, 2)}\n`;
}
