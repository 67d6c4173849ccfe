// `npm run build` (the packages' prepack scripts run a part of it): ESM JavaScript and .d.ts for the
// tool (src/ → dist/) and for @liveview-migrate/runtime (src/runtime/ → packages/runtime/dist/).
// JavaScript is TypeScript's per-file transpile (the sources are isolatedModules; `npm run typecheck`
// checks them), with `./x.ts` imports rewritten to `./x.js`; declarations come from tsc for what a
// user imports. Each output folder is cleaned first so no file of a removed module ships.
// Plain .mjs: it runs before anything is built.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const only = process.argv[2]; // "tool" | "runtime" | undefined (both)

const TARGETS = [
  // the npm start demo needs the checkout (fixtures/): not shipped
  { name: "tool", src: "src", out: "dist", config: "tsconfig.build.json", skip: ["apply/demo-example-app.ts"] },
  { name: "runtime", src: "src/runtime", out: "packages/runtime/dist", config: "packages/runtime/tsconfig.build.json", skip: [] },
];

const compilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  rewriteRelativeImportExtensions: true,
  isolatedModules: true,
};

for (const target of TARGETS) {
  if (only && only !== target.name) continue;
  const srcDir = join(root, target.src);
  const outDir = join(root, target.out);
  rmSync(outDir, { recursive: true, force: true });
  let count = 0;
  for (const entry of readdirSync(srcDir, { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath, entry.name);
    const rel = relative(srcDir, file).split("\\").join("/");
    if (!entry.isFile() || !rel.endsWith(".ts") || rel.endsWith(".d.ts") || target.skip.includes(rel)) continue;
    const { outputText, diagnostics } = ts.transpileModule(readFileSync(file, "utf8"), { compilerOptions, fileName: file, reportDiagnostics: true });
    if (diagnostics?.length) throw new Error(`${rel}: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, "\n")}`);
    const out = join(outDir, rel.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, outputText);
    count += 1;
  }
  execFileSync(process.execPath, [tsc, "-p", target.config], { cwd: root, stdio: "inherit" });
  process.stdout.write(`${target.name}: ${count} modules and their declarations in ${target.out}/\n`);
}
