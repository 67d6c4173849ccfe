// `npm run build` (and prepack): the tool's dist/ and @liveview-migrate/runtime's packages/runtime/dist/,
// each cleaned first so no file of a removed module is shipped. Plain .mjs: it runs before anything is built.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const only = process.argv[2]; // "tool" | "runtime" | undefined (both)

for (const [name, dir, config] of [
  ["tool", "dist", "tsconfig.build.json"],
  ["runtime", "packages/runtime/dist", "packages/runtime/tsconfig.build.json"],
]) {
  if (only && only !== name) continue;
  rmSync(new URL(`../${dir}`, import.meta.url), { recursive: true, force: true });
  execFileSync(process.execPath, [tsc, "-p", config], { cwd: root, stdio: "inherit" });
}
