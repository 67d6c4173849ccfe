// `npm run bench:wire`: the example app as LiveViewJS serves it vs. the same app after `migrate apply`,
// in Chromium through a 100 ms RTT proxy. Prints the tables and writes bench/results.md.
//
//   node --import tsx bench/wire/index.ts [--reuse-migrated] [--tabs 1,100,500]
//   node --import tsx bench/wire/index.ts --report-only   (re-renders bench/results.md from tmp/bench-wire-last.json)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";
import { startDelayProxy, type DelayProxy } from "./delay-proxy.ts";
import { measureRtt, runSessions, type ViewResult } from "./browser-session.ts";
import { SESSIONS } from "./sessions.ts";
import { liveViewTabs, pageLoadTabs, syncTabs, type MemoryResult } from "./memory.ts";
import { renderReadmeRows, renderResults, type RunFacts } from "./report.ts";

const repo = resolve(fileURLToPath(new URL("../../", import.meta.url)));
const migratedDir = join(repo, "tmp", "bench-wire-app");
const argv = process.argv.slice(2);
const tabsArg = argv.indexOf("--tabs");
const levels = tabsArg >= 0 ? argv[tabsArg + 1]!.split(",").map(Number) : [1, 100, 500];
const children: ChildProcess[] = [];
const proxies: DelayProxy[] = [];

/** Copies the example app into the package's ignored tmp/ (so `liveview-migrate/*` resolves) and migrates it. */
function prepareMigratedApp(): string[] {
  if (argv.includes("--reuse-migrated") && existsSync(join(migratedDir, "src", "router.migrated.ts"))) return migratedRoutes();
  rmSync(migratedDir, { recursive: true, force: true });
  cpSync(join(repo, "fixtures", "example-app"), migratedDir, { recursive: true });
  const run = spawnSync(process.execPath, [join(repo, "bin", "migrate.js"), "apply", migratedDir, "--allow-dirty", "--no-report"], { cwd: repo, encoding: "utf8" });
  if (run.status !== 0 && run.status !== 2) throw new Error(`migrate apply failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return migratedRoutes();
}

function migratedRoutes(): string[] {
  const text = readFileSync(join(migratedDir, "src", "router.migrated.ts"), "utf8");
  return [...text.matchAll(/path: "([^"]+)"/g)].map((m) => m[1]!);
}

async function startChild(kind: "original" | "migrated" | "sample"): Promise<{ child: ChildProcess; front: number; app: number }> {
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", join(repo, "bench", "wire", "serve.ts"), kind, migratedDir], {
    cwd: repo,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  children.push(child);
  const stderr: string[] = [];
  child.stderr!.on("data", (d: Buffer) => stderr.push(d.toString()));
  child.on("exit", (code, signal) => {
    if (!stopped.has(child)) console.error(`  [${kind} server exited: code ${code} signal ${signal}] ${stderr.join("").split("\n").filter((l) => !/fetch failed|ENOTFOUND|getaddrinfo|at |cause|errno|code:|syscall|hostname|^\s*[}{]?$/.test(l)).slice(-10).join("\n")}`);
  });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.on("line", (l) => l.startsWith("{") && resolve(l));
    child.once("exit", () => reject(new Error(`${kind} server did not start:\n${stderr.join("")}`)));
  });
  return { child, ...(JSON.parse(line) as { front: number; app: number }) };
}

const stopped = new WeakSet<ChildProcess>();
function cleanup(): void {
  for (const c of children) {
    stopped.add(c);
    if (c.exitCode === null && c.pid) c.kill("SIGTERM");
  }
  for (const p of proxies) void p.close();
}
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});

async function main() {
  const started = Date.now();
  console.log("Preparing the migrated app (migrate apply on a copy of fixtures/example-app)…");
  const migrated = new Set(prepareMigratedApp());
  // Same sessions on both sides.
  const sessions = SESSIONS;

  const [original, migratedApp] = await Promise.all([startChild("original"), startChild("migrated")]);
  const [originalProxy, migratedProxy] = await Promise.all([startDelayProxy(original.front, 50), startDelayProxy(migratedApp.front, 50)]);
  proxies.push(originalProxy, migratedProxy);
  const originalUrl = `http://127.0.0.1:${originalProxy.port}`;
  const migratedUrl = `http://127.0.0.1:${migratedProxy.port}`;

  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const chromiumVersion = browser.version();
  let originalResults: ViewResult[] = [];
  let migratedResults: ViewResult[] = [];
  let rtt = { original: { min: 0, median: 0 }, migrated: { min: 0, median: 0 } };
  try {
    rtt = { original: await measureRtt(browser, originalUrl), migrated: await measureRtt(browser, migratedUrl) };
    console.log(`In-page fetch round trip through the delay proxy (min / median of 5): original ${rtt.original.min.toFixed(1)} / ${rtt.original.median.toFixed(1)} ms, migrated ${rtt.migrated.min.toFixed(1)} / ${rtt.migrated.median.toFixed(1)} ms`);
    const log = (side: string) => (r: ViewResult) => console.log(`  ${side} ${r.path}: load ${r.load.ms} ms, ${r.steps.length} interactions`);
    console.log("Sessions on the original (LiveViewJS)…");
    originalResults = await runSessions(browser, originalUrl, sessions, { waitMs: 900, settleMs: 120, quietMs: 300, liveViewJs: true }, log("original"));
    console.log("Sessions on the migrated app…");
    migratedResults = await runSessions(
      browser,
      migratedUrl,
      sessions,
      { waitMs: 900, settleMs: 120, quietMs: 300, liveViewJs: false },
      log("migrated"),
    );
    // migrated routes are not LiveViewJS pages: runSessions waits for phx-connected only where asked
  } finally {
    await browser.close();
  }
  await new Promise((r) => setTimeout(r, 2000));
  const originalAlive = original.child.exitCode === null;
  const migratedAlive = migratedApp.child.exitCode === null;

  console.log(`Server memory per tab at ${levels.join(", ")} tabs (forced GC before each reading)…`);
  const memory: MemoryResult[] = [];
  // fresh servers, so the browser sessions' leftovers do not blur the readings
  cleanup();
  children.length = 0;
  const [o2, m2] = await Promise.all([startChild("original"), startChild("migrated")]);
  for (const path of ["/counter", "/signup"]) memory.push(await liveViewTabs(o2.app, o2.front, path, levels));
  for (const path of ["/counter", "/signup"]) memory.push(await pageLoadTabs(m2.app, m2.front, path, levels));
  // control: a plain express route in the same server (express-session lookup, no runtime)
  memory.push({ ...(await pageLoadTabs(m2.app, m2.front, "/favicon.ico", levels)), label: "control: express route /favicon.ico in the migrated server (no runtime)" });
  // a migrated view with sync: one SSE stream per tab (the roster follows the "volunteers" topic)
  memory.push(await syncTabs(m2.app, m2.front, "/volunteers", ["volunteers"], levels));

  const facts: RunFacts = {
    date: new Date().toISOString(),
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    node: process.version,
    chromium: chromiumVersion,
    rtt,
    loadavg: loadavg(),
    seconds: Math.round((Date.now() - started) / 1000),
    migratedRoutes: [...migrated],
    serversSurvived: { original: originalAlive, migrated: migratedAlive },
  };
  // raw numbers for whoever wants to dig (tmp/ is ignored by git)
  writeFileSync(lastRun, JSON.stringify({ facts, originalResults, migratedResults, memory }, null, 1));
  writeReport(facts, originalResults, migratedResults, memory);
}

const lastRun = join(repo, "tmp", "bench-wire-last.json");

function writeReport(facts: RunFacts, originalResults: ViewResult[], migratedResults: ViewResult[], memory: MemoryResult[]): void {
  const labels = JSON.parse(readFileSync(join(repo, "fixtures", "example-app", "labels.json"), "utf8")) as { views: Record<string, { events?: Record<string, { placement: string }> }> };
  const placements = Object.fromEntries(Object.entries(labels.views).map(([id, v]) => [id, Object.fromEntries(Object.entries(v.events ?? {}).map(([e, x]) => [e, x.placement]))]));
  const text = renderResults(facts, originalResults, migratedResults, memory, placements);
  console.log("\n" + text);
  writeFileSync(join(repo, "bench", "results.md"), text + "\n");
  console.log("\nWritten to bench/results.md");
  console.log("\nREADME per-view rows (README.md's wire table is written by hand):\n" + renderReadmeRows(originalResults, migratedResults));
}

if (argv.includes("--report-only")) {
  const last = JSON.parse(readFileSync(lastRun, "utf8")) as { facts: RunFacts; originalResults: ViewResult[]; migratedResults: ViewResult[]; memory: MemoryResult[] };
  writeReport(last.facts, last.originalResults, last.migratedResults, last.memory);
  process.exit(0);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanup);
