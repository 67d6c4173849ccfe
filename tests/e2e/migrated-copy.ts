// A copy of the example app with some views migrated (`migrate apply --only …`), served by the copy's
// own src/server.ts in a child process (a fresh module graph), and a Chromium to look at it. Shared by
// the e2e tests; each test names its views and gets its own copy.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const FIXTURE = join(REPO, "fixtures", "example-app");

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

export function migrate(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [join(REPO, "bin", "migrate.js"), ...args], { cwd: REPO, encoding: "utf8" });
}

/** Copies the example app to tmp/<label>-<pid> (inside the repo, so `@liveview-migrate/runtime/*`, liveviewjs,
 *  zod... resolve from it) and applies the chosen views; throws with apply's output if it fails. */
export function migratedCopy(label: string, only: string[], prepare?: (copy: string) => void): { copy: string; applyOutput: string } {
  const copy = join(REPO, "tmp", `${label}-${process.pid}`);
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(join(REPO, "tmp"), { recursive: true });
  cpSync(FIXTURE, copy, { recursive: true });
  prepare?.(copy);
  const applied = migrate("apply", copy, "--allow-dirty", "--no-report", ...only.flatMap((view) => ["--only", view]));
  const applyOutput = applied.stdout + applied.stderr;
  if (applied.status !== 0) throw new Error(`apply failed (${applied.status}):\n${applyOutput}`);
  return { copy, applyOutput };
}

export interface CopyServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts the copy's `startServer(0)` in a child; resolves with its URL once it listens. */
export function startCopyServer(copy: string): Promise<CopyServer> {
  // liveviewjs 0.8.1 fetches its mime table from a CDN and leaves the rejection unhandled: offline (this
  // machine, CI) that killed the copy's server mid-run, at a moment that depends on DNS. A warning, here.
  const child: ChildProcess = spawn(process.execPath, ["--unhandled-rejections=warn", "--import", "tsx", join(REPO, "tests", "e2e", "partial-apply.serve.ts"), copy], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d)); // liveviewjs logs its offline mime fetch failure here
  let stopping = false;
  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ url: (JSON.parse(line) as { url: string }).url, stop });
    });
    child.once("exit", (code, signal) => {
      reject(new Error(`copy's server exited (${code}) before listening:\n${stderr}`));
      // after listening (a refused connection in a test then): say why, for whoever reads the run
      if (!stopping) process.stderr.write(`copy's server exited (${code ?? signal}) while the tests ran:\n${stderr}\n`);
    });
  });
}
