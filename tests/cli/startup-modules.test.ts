// `migrate --help` (and any command's --help) loads the command definitions only: the work of each
// command (src/cli/run/*), the analyzer, apply, verify, the config schema and the heavy packages
// come when a command runs. This is what keeps the installed executable's start-up near bare node
// (bench/startup.bench.ts has the figures).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
/** A module hook that prints every module Node loads. */
const TRACE = `data:text/javascript,${encodeURIComponent(`export async function load(url, context, next) { process.stderr.write("LOADED " + url + "\\n"); return next(url, context); }`)}`;
const REGISTER = `data:text/javascript,${encodeURIComponent(`import { register } from "node:module"; register(${JSON.stringify(TRACE)});`)}`;

/** The URLs of the modules `migrate <args>` (the checkout's executable) loads. */
function modulesLoadedBy(args: string[]): string[] {
  const result = spawnSync(process.execPath, ["--import", REGISTER, "bin/migrate.js", ...args], { cwd: REPO, encoding: "utf8" });
  expect(result.stdout).toMatch(/^Usage: migrate/m);
  return result.stderr.split("\n").filter((line) => line.startsWith("LOADED ")).map((line) => line.slice("LOADED ".length));
}

describe("start-up", () => {
  it.each(["--help", "apply --help", "verify --help"])("migrate %s loads no command's work and no heavy package", (command) => {
    const result = modulesLoadedBy(command.split(" "));
    const ours = result.filter((url) => url.startsWith("file://" + REPO) && !url.includes("/node_modules/")).map((url) => url.slice(("file://" + REPO).length));
    const packages = [...new Set(result.filter((url) => url.includes("/node_modules/")).map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)![1]!))];
    expect(ours).toContain("src/cli/commands/apply.ts");
    expect(ours.filter((file) => file.startsWith("src/") && !/^src\/(cli\/(main|io|exit-codes|usage-error)\.ts|cli\/commands\/|config\/files\.ts|discovery\/(root|defaults)\.ts|pipeline\/shard\.ts|plan\/(build|types)\.ts|reports\/editor-link\.ts|verify\/(defaults|resources)\.ts)/.test(file))).toEqual([]);
    // tsx and its esbuild are the checkout's loader, not the tool's start-up
    expect(packages.filter((name) => !["tsx", "esbuild", "get-tsconfig", "resolve-pkg-maps"].includes(name)).sort()).toEqual(["commander", "picocolors"]);
  });
});
