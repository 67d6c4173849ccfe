// The packages as a user gets them (issue 15): `npm pack` both (their prepack builds them), install the
// tarballs into fresh projects outside this checkout with liveviewjs 0.8.1 (the npm cache first), and
// use them as documented: `npx migrate --version`, analyze, apply, build; the migrated app starts with
// plain node (a plain-JS project, after `npm prune --omit=dev`: no tool installed) and with the
// project's own TypeScript setup (tsc, nodenext, then node), and Chromium drives a client action and a
// command on each; the TypeScript project type-checks under nodenext, node16 and bundler (strict,
// exactOptionalPropertyTypes, skipLibCheck off). Nothing here runs on this checkout's sources.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, REPO } from "../e2e/migrated-copy.ts";

const TOOL_VERSION = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version;
const RUNTIME = "@liveview-migrate/runtime";

/** The environment of a user's shell: no source condition (vitest.config.ts), no npm script variables. */
const USER_ENV: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== "NODE_OPTIONS" && !key.toLowerCase().startsWith("npm_")));
USER_ENV.npm_config_update_notifier = "false";
USER_ENV.npm_config_fund = "false";
USER_ENV.npm_config_audit = "false";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...USER_ENV, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs and insists on exit 0 (the output is in the error otherwise). */
async function ok(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const result = await run(command, args, cwd, env);
  if (result.code !== 0) throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

interface Server {
  url: string;
  child: ChildProcess;
}

/** Starts the app's main module (prints `{"url": …}` once listening) as production would. */
function startApp(cwd: string, main: string): Promise<Server> {
  // liveviewjs 0.8.1 fetches a mime table from a CDN at load and leaves the failure unhandled (offline here)
  const child = spawn(process.execPath, ["--unhandled-rejections=warn", main], { cwd, env: { ...USER_ENV, NODE_ENV: "production", SESSION_SECRET: "packed-test-secret-0123456789", PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ url: (JSON.parse(line) as { url: string }).url, child });
    });
    child.once("exit", (code) => reject(new Error(`${main} exited (${code}) before listening:\n${stderr}`)));
  });
}

function stop(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => server.child.once("exit", () => r()));
  server.child.kill("SIGTERM");
  return exited;
}

let work: string;
let js: string;
let tsApp: string;
let browser: Browser;
const servers: Server[] = [];
let tarballs: { tool: string; runtime: string };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "lvm-packed-"));
  browser = await launchChromium();
  // both prepack scripts run: the tool's builds dist/, the runtime's packages/runtime/dist/
  const [tool, runtime] = await Promise.all([
    ok("npm", ["pack", "--json", "--pack-destination", work], REPO),
    ok("npm", ["pack", "--json", "--pack-destination", work, "--workspace", "packages/runtime"], REPO),
  ]);
  const fileOf = (r: Run) => join(work, (JSON.parse(r.stdout.slice(r.stdout.indexOf("["))) as { filename: string }[])[0]!.filename);
  tarballs = { tool: fileOf(tool), runtime: fileOf(runtime) };

  js = join(work, "app-js");
  tsApp = join(work, "app-ts");
  cpSync(join(REPO, "fixtures", "package-app", "js"), js, { recursive: true });
  cpSync(join(REPO, "fixtures", "package-app", "ts"), tsApp, { recursive: true });
  // what an app writes: the runtime a dependency, the tool a devDependency
  const withDeps = (dir: string, dev: Record<string, string>) => {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
    pkg.dependencies = { [RUNTIME]: `file:${tarballs.runtime}`, liveviewjs: "0.8.1", "@liveviewjs/express": "0.8.1", express: "^4.21.0" };
    pkg.devDependencies = { "liveview-migrate": `file:${tarballs.tool}`, ...dev };
    writeFileSync(join(dir, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
  };
  withDeps(js, {});
  withDeps(tsApp, { typescript: "~5.9.0", "@types/node": "^20.19.0", "@types/express": "^4.17.21" });
  await Promise.all([js, tsApp].map((dir) => ok("npm", ["install", "--prefer-offline"], dir)));
}, 300_000);

afterAll(async () => {
  await Promise.all(servers.map(stop));
  await browser?.close().catch(() => {});
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A client action (no request) and a command (one POST) on the migrated /signup page. */
async function driveSignup(url: string): Promise<void> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const requests: string[] = [];
  page.on("request", (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
  const scripts: string[] = [];
  page.on("response", (r) => r.request().resourceType() === "script" && scripts.push(`${r.status()} ${new URL(r.url()).pathname}`));
  await page.goto(`${url}/signup`);
  expect(await page.locator("[data-lvm-root=signup]").count()).toBe(1); // served by the runtime, not LiveViewJS
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toMatch(/^200 /);

  const before = requests.length;
  await page.locator("#hint").click();
  await page.locator("#hint-text").waitFor();
  expect(requests.slice(before)).toEqual([]); // the client action ran in the browser

  await page.locator("input[name=name]").fill("Ada");
  await page.locator("button", { hasText: "Sign up" }).click();
  await page.waitForFunction(() => document.querySelector("#total")?.textContent === "1 signed up");
  expect(requests.slice(before).filter((r) => r.startsWith("POST "))).toHaveLength(1); // the command
  expect(errors).toEqual([]);
  await page.close();
}

describe("the packed packages in a fresh project", () => {
  it("npm ls is clean in both projects, and the tarballs carry the build, LICENSE, README and docs (no sources)", async () => {
    await Promise.all([ok("npm", ["ls", "--all"], js), ok("npm", ["ls", "--all"], tsApp)]);
    const tool = join(js, "node_modules", "liveview-migrate");
    const runtime = join(js, "node_modules", RUNTIME);
    for (const file of ["LICENSE", "README.md", "docs/cli.md", "dist/cli/bin.js", "dist/index.d.ts"]) expect(existsSync(join(tool, file)), file).toBe(true);
    // every document the README links to (the links work in the installed package too)
    const links = [...readFileSync(join(REPO, "README.md"), "utf8").matchAll(/\]\(([^)#:]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(existsSync(join(tool, link)), link).toBe(true);
    for (const file of ["LICENSE", "README.md", "dist/server/index.js", "dist/server/index.d.ts", "dist/client/index.js"]) expect(existsSync(join(runtime, file)), file).toBe(true);
    expect(readdirSync(tool, { recursive: true }).map(String).filter((f) => !f.startsWith("node_modules") && f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]); // no sources
    expect(existsSync(join(runtime, "src"))).toBe(false);
    // the runtime's own dependencies only: no tool, no compiler, no bundler
    const runtimePkg = JSON.parse(readFileSync(join(runtime, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(Object.keys(runtimePkg.dependencies).sort()).toEqual(["morphdom"]);
  });

  it("plain JS: --version, analyze, apply, build; the app runs on node with only production dependencies", { timeout: 180_000 }, async () => {
    expect((await ok("npx", ["migrate", "--version"], js)).stdout.trim()).toBe(TOOL_VERSION);
    expect((await ok("npx", ["migrate", "analyze", ".", "--no-report"], js)).stdout).toMatch(/Views 1\b/);
    expect((await ok("npx", ["migrate", "apply", ".", "--allow-dirty", "--no-report"], js)).stdout).toContain("1 migrated");
    // generated code imports the runtime package, never the tool
    const generated = ["src/views/signup.component.js", "src/views/signup.commands.js", "src/router.migrated.js", "src/server.js"].map((f) => readFileSync(join(js, f), "utf8"));
    expect(generated.join("\n")).not.toMatch(/from "liveview-migrate/);
    expect(generated[0]).toContain(`from "${RUNTIME}"`);
    // the commands' schemas use the app's zod, which apply lists next to the runtime the app already lists
    expect(generated[1]).toContain(`import { z } from "zod";`);
    const { dependencies } = JSON.parse(readFileSync(join(js, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    expect(dependencies).toMatchObject({ [RUNTIME]: `file:${tarballs.runtime}`, zod: expect.stringMatching(/^\^3\./) });
    expect((await ok("npx", ["migrate", "build", "."], js)).stdout).toMatch(/^built 1 view into build\/client/m);
    const manifest = JSON.parse(readFileSync(join(js, "build/client/manifest.json"), "utf8")) as { entries: Record<string, { file: string }>; files: string[] };
    expect(Object.keys(manifest.entries)).toEqual(["signup"]);
    expect(manifest.files.every((f) => existsSync(join(js, "build/client", f)))).toBe(true);

    // production: the tool and its dependencies (esbuild, ts-morph, …) removed
    await ok("npm", ["prune", "--omit=dev", "--prefer-offline"], js);
    expect(existsSync(join(js, "node_modules", "liveview-migrate"))).toBe(false);
    expect(existsSync(join(js, "node_modules", "esbuild"))).toBe(false);
    await ok("npm", ["ls", "--omit=dev"], js);

    // without the client build, production refuses to start, and says what to run
    renameSync(join(js, "build"), join(js, "build-aside"));
    const refused = await run(process.execPath, ["--unhandled-rejections=warn", "src/main.js"], js, { NODE_ENV: "production", SESSION_SECRET: "packed-test-secret-0123456789", PORT: "0" });
    renameSync(join(js, "build-aside"), join(js, "build"));
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("npx migrate build");

    const server = await startApp(js, "src/main.js");
    servers.push(server);
    await driveSignup(server.url);
  });

  it("TypeScript (nodenext, strict, exactOptionalPropertyTypes): apply, build, tsc under nodenext/node16/bundler with no errors, the compiled app runs", { timeout: 180_000 }, async () => {
    expect((await ok("npx", ["migrate", "--version"], tsApp)).stdout.trim()).toBe(TOOL_VERSION);
    expect((await ok("npx", ["migrate", "apply", ".", "--allow-dirty", "--no-report"], tsApp)).stdout).toContain("1 migrated");
    expect((await ok("npx", ["migrate", "build", "."], tsApp)).stdout).toMatch(/^built 1 view/m);
    // tsconfig.json is the app's own build (nodenext, src/ → dist/, the packages' .d.ts checked too)
    const checks = await Promise.all(["tsconfig.json", "tsconfig.node16.json", "tsconfig.bundler.json"].map((config) => run("npx", ["tsc", "-p", config], tsApp)));
    expect(checks.map((c) => c.stdout + c.stderr)).toEqual(["", "", ""]);
    expect(checks.map((c) => c.code)).toEqual([0, 0, 0]);
    expect(readdirSync(join(tsApp, "dist", "views")).sort()).toEqual(["signup.commands.js", "signup.component.js", "signup.js"]);

    const server = await startApp(tsApp, "dist/main.js");
    servers.push(server);
    await driveSignup(server.url);
  });
});
