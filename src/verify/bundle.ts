// Bundles an app's modules once per verify run so each session can load a fresh instance of them
// (import "<bundle>?run=N"): every session starts from the same data, and nothing leaks between
// sessions. liveviewjs stays external on the original side, so the views and the WsHandler share one
// copy of it (its classes are checked with instanceof).

import { build, type Plugin } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { Script } from "node:vm";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { TRACKED_GLOBALS, type Resources } from "./resources.ts";
import { runtimePackageFiles, toolEntry } from "../apply/checks/runtime-package.ts";

const here = dirname(fileURLToPath(import.meta.url));
const toolRoot = resolve(here, "..", "..");
const requireFromTool = createRequire(join(toolRoot, "package.json"));

/** liveviewjs as the tool resolves it: the one the drivers import. */
export const LIVEVIEWJS_PATH = requireFromTool.resolve("liveviewjs").replace(/liveview\.js$/, "liveview.mjs");

const MIME_DB_URL = "https://cdn.jsdelivr.net/gh/jshttp/mime-db@master/db.json";
/** Enough of mime-db for the upload accept lists of typical apps. */
const MIME_DB = {
  "image/jpeg": { extensions: ["jpeg", "jpg"] },
  "image/png": { extensions: ["png"] },
  "image/gif": { extensions: ["gif"] },
  "image/webp": { extensions: ["webp"] },
  "application/pdf": { extensions: ["pdf"] },
  "text/plain": { extensions: ["txt"] },
  "text/csv": { extensions: ["csv"] },
};

let fetchStubbed = false;
/** liveviewjs fetches mime-db from a CDN when loaded; the machines are offline, so answer it locally. */
export function stubMimeDbFetch(): void {
  if (fetchStubbed) return;
  fetchStubbed = true;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (url === MIME_DB_URL) return new Response(JSON.stringify(MIME_DB), { headers: { "content-type": "application/json" } });
    return realFetch(input, init);
  }) as typeof fetch;
}

/** The parts of liveviewjs the drivers use (its package exports hide its types from node16 resolution). */
export interface LiveviewjsModule {
  WsHandler: new (ws: unknown, config: unknown) => { handleMsg(message: unknown): Promise<void>; close(): Promise<void> };
  WsMessageRouter: new (...args: unknown[]) => { onMessage(connectionId: string, data: string, ws: unknown, isBinary: boolean): Promise<void>; onClose(connectionId: string): Promise<void> };
  SingleProcessPubSub: new () => unknown;
  SessionFlashAdaptor: new () => unknown;
  matchRoute(router: unknown, path: string): [unknown, { params?: Record<string, string> }] | undefined;
  handleHttpLiveView(...args: any[]): Promise<unknown>;
}

let liveviewjs: Promise<LiveviewjsModule> | undefined;
export function loadLiveviewjs(): Promise<LiveviewjsModule> {
  stubMimeDbFetch();
  return (liveviewjs ??= import(pathToFileURL(LIVEVIEWJS_PATH).href) as Promise<LiveviewjsModule>);
}

/** The runtime's package names, pointed at this tool's copy of the runtime (migrated code imports them). */
export function runtimeAliases(): Record<string, string> {
  return { ...Object.fromEntries(runtimePackageFiles()), "liveview-migrate": toolEntry() };
}

export const TOOL_ROOT = toolRoot;

/** Injected into original-side bundles: timers the verifier advances by hand (views with setInterval). */
const CLOCK_MODULE = `
import { __verifyWallClock } from "lvm-verify:date";
const timers = new Map(); let now = 0; let nextId = 1;
export const __verifyClock = {
  get now() { return now; },
  pending() { return timers.size; },
  /** The shortest interval among the repeating timers (setInterval) still running: explore's tick step. */
  nextInterval() { let m; for (const t of timers.values()) if (t.every && (m === undefined || t.every < m)) m = t.every; return m; },
  /** Fires the earliest one-shot timeout (simulated latency), if any: settling a step does this. */
  fireNextTimeout() {
    let due; for (const t of timers.values()) if (!t.every && (!due || t.at < due.at)) due = t;
    if (!due) return false;
    timers.delete(due.id); if (due.at > now) now = due.at; due.fn(...due.args); return true;
  },
  async advance(ms, flush) {
    const end = now + ms;
    for (;;) {
      let due; for (const t of timers.values()) if (t.at <= end && (!due || t.at < due.at)) due = t;
      if (!due) break;
      // the wall clock reads the timer's own time while it runs
      __verifyWallClock.advance(due.at - now);
      now = due.at;
      if (due.every) due.at += due.every; else timers.delete(due.id);
      due.fn(...due.args);
      await flush();
    }
    __verifyWallClock.advance(end - now);
    now = end;
  },
  clear() { timers.clear(); },
};
function add(fn, ms, args, every) { const id = nextId++; const delay = Math.max(0, Number(ms) || 0); timers.set(id, { id, fn, args, at: now + delay, every: every ? Math.max(1, delay) : 0 }); return id; }
export function setTimeout(fn, ms, ...args) { return add(fn, ms, args, false); }
export function setInterval(fn, ms, ...args) { return add(fn, ms, args, true); }
export function clearTimeout(id) { timers.delete(id); }
export function clearInterval(id) { timers.delete(id); }
`;

/** 2026-01-01T09:30:00Z: the wall clock both sides start from (see DATE_MODULE). */
export const VERIFY_EPOCH = Date.UTC(2026, 0, 1, 9, 30, 0);

/**
 * The app's Date on both sides: the same fixed instant, advanced only by the verifier (a tick
 * step), so "saved at" times and other wall-clock readings render the same on both sides and from
 * one run to the next. Only the app's own files see it (the runtime and liveviewjs keep the real one).
 */
const DATE_MODULE = `
const RealDate = globalThis.Date;
let offset = 0;
export const __verifyWallClock = { get now() { return ${VERIFY_EPOCH} + offset; }, advance(ms) { offset += Math.max(0, Number(ms) || 0); } };
function VerifyDate(...args) {
  if (!new.target) return new RealDate(__verifyWallClock.now).toString();
  return Reflect.construct(RealDate, args.length ? args : [__verifyWallClock.now], new.target);
}
VerifyDate.prototype = RealDate.prototype;
VerifyDate.now = () => __verifyWallClock.now;
VerifyDate.parse = RealDate.parse;
VerifyDate.UTC = RealDate.UTC;
export { VerifyDate as Date };
`;

/** Files of the app (under root, outside node_modules) that mention Date import the verifier's one. */
/** `Math` for the app's modules with a seeded `random` (mulberry32): each bundle that loads starts the same sequence. */
const MATH_MODULE = `let seed = 0x2545f491;
const random = () => { seed = (seed + 0x6d2b79f5) | 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const seeded = Object.create(globalThis.Math, { random: { value: random } });
export { seeded as Math };
`;

/**
 * The machine's readings for the app's modules: the same on both sides (a dashboard of load and heap
 * compares behaviour, not two processes' noise). `os` keeps every other export.
 */
const OS_MODULE = `export * from "node:os";
import * as os from "node:os";
export const loadavg = () => [0.42, 0.4, 0.38];
export const freemem = () => 6 * 2 ** 30;
export const totalmem = () => 16 * 2 ** 30;
export const uptime = () => 86400;
export default { ...os, loadavg, freemem, totalmem, uptime };
`;
const PROCESS_MODULE = `const readings = {
  memoryUsage: Object.assign(() => ({ rss: 96 * 2 ** 20, heapTotal: 80 * 2 ** 20, heapUsed: 64 * 2 ** 20, external: 2 ** 20, arrayBuffers: 0 }), { rss: () => 96 * 2 ** 20 }),
  uptime: () => 3600,
  cpuUsage: () => ({ user: 0, system: 0 }),
};
export const process = new Proxy(globalThis.process, { get: (target, key) => (key in readings ? readings[key] : Reflect.get(target, key)) });
`;

function fixedDateForApp(root: string): Plugin {
  const prefix = resolve(root) + "/";
  const loaders: Record<string, "ts" | "tsx" | "js" | "jsx"> = { ".ts": "ts", ".mts": "ts", ".cts": "ts", ".tsx": "tsx", ".js": "js", ".mjs": "js", ".cjs": "js", ".jsx": "jsx" };
  return {
    name: "lvm-verify-fixed-date",
    setup(b) {
      const inApp = (path: string) => path.startsWith(prefix) && !path.includes("/node_modules/");
      b.onResolve({ filter: /^(node:)?os$/ }, (args) => (inApp(args.importer) ? { path: "lvm-verify:os", namespace: "lvm-verify" } : undefined));
      b.onLoad({ filter: /\.(m|c)?[jt]sx?$/ }, (args) => {
        if (!inApp(args.path)) return undefined;
        const text = readFileSync(args.path, "utf8");
        const date = /\bDate\b/.test(text);
        // data made at load with Math.random: the same seed on both sides, so both start from the same data
        const random = /\bMath\.random\b/.test(text);
        const machine = /\bprocess\.(memoryUsage|uptime|cpuUsage)\b/.test(text);
        if (!date && !random && !machine) return undefined;
        const ext = /\.[a-z]+$/.exec(args.path)![0];
        const prelude = `${date ? `import { Date } from "lvm-verify:date";\n` : ""}${random ? `import { Math } from "lvm-verify:math";\n` : ""}${machine ? `import { process } from "lvm-verify:process";\n` : ""}`;
        return { contents: `${prelude}${text}`, loader: loaders[ext] ?? "js", resolveDir: dirname(args.path) };
      });
    },
  };
}

function virtualModules(files: Record<string, string>): Plugin {
  return {
    name: "lvm-verify-virtual",
    setup(b) {
      b.onResolve({ filter: /^lvm-verify:/ }, (args) => ({ path: args.path, namespace: "lvm-verify" }));
      b.onLoad({ filter: /.*/, namespace: "lvm-verify" }, (args) => ({ contents: files[args.path], loader: "js", resolveDir: toolRoot }));
    },
  };
}

function externalLiveviewjs(): Plugin {
  return {
    name: "lvm-verify-liveviewjs",
    setup(b) {
      b.onResolve({ filter: /^liveviewjs$/ }, () => ({ path: "liveviewjs", external: true }));
    },
  };
}

/** The Redis client (reached through the server runtime's index) is big and never used here: load it from the tool, once. */
function externalServerOnlyPackages(): Plugin {
  return {
    name: "lvm-verify-server-packages",
    setup(b) {
      b.onResolve({ filter: /^(redis|@redis\/.*)$/ }, (args) => ({ path: args.path, external: true }));
    },
  };
}

export interface BundleRequest {
  /** JS source of the entry module (absolute import paths). */
  entry: string;
  outFile: string;
  platform: "node" | "browser";
  /** Original side: liveviewjs shared with the drivers (import of "liveviewjs" left external). */
  original?: boolean;
  /** Replace timers with a hand-driven clock (exported by the entry as __verifyClock). */
  clock?: boolean;
  /** The app's root: its files get the verifier's fixed Date (the same instant on every side). */
  appRoot?: string;
  /** Receives what each input contributes to the output (absolute path → bytes). */
  onInputs?: (inputs: Map<string, number>) => void;
}

export async function bundle(request: BundleRequest): Promise<string> {
  const files: Record<string, string> = { "lvm-verify:entry": request.entry, "lvm-verify:clock": CLOCK_MODULE, "lvm-verify:date": DATE_MODULE, "lvm-verify:math": MATH_MODULE, "lvm-verify:os": OS_MODULE, "lvm-verify:process": PROCESS_MODULE };
  const result = await build({
    entryPoints: ["lvm-verify:entry"],
    bundle: true,
    write: false,
    // Node bundles are CommonJS run through a vm.Script (see loadFresh): instances the GC can reclaim.
    format: request.platform === "browser" ? "iife" : "cjs",
    // CommonJS has no import.meta: every module sees the bundle's own URL (runtime code only uses it to find files)
    define: request.platform === "node" ? { "import.meta.url": "__lvmImportMetaUrl", "import.meta.dirname": "__dirname", "import.meta.filename": "__filename" } : undefined,
    platform: request.platform,
    target: request.platform === "browser" ? "es2022" : "node20",
    logLevel: "silent",
    alias: runtimeAliases(),
    // an app copied outside a checkout (tests, CI) still finds zod and friends in the tool's node_modules
    nodePaths: [join(toolRoot, "node_modules")],
    inject: request.clock ? ["lvm-verify:clock"] : [],
    metafile: request.onInputs !== undefined,
    plugins: [virtualModules(files), ...(request.appRoot ? [fixedDateForApp(request.appRoot)] : []), ...(request.original ? [externalLiveviewjs()] : []), ...(request.platform === "node" ? [externalServerOnlyPackages()] : [])],
  });
  if (request.onInputs && result.metafile) {
    const output = Object.values(result.metafile.outputs)[0];
    const inputs = new Map<string, number>();
    for (const [path, info] of Object.entries(output?.inputs ?? {})) if (!path.includes(":")) inputs.set(resolve(process.cwd(), path), info.bytesInOutput);
    request.onInputs(inputs);
  }
  mkdirSync(dirname(request.outFile), { recursive: true });
  writeFileSync(request.outFile, result.outputFiles[0]!.text);
  return request.outFile;
}

// Before anything can load liveviewjs (bundles import it too).
stubMimeDbFetch();

const scripts = new Map<string, Script>();

/**
 * A fresh instance of a bundled Node module: every call runs the bundle again, so its modules (the
 * app's data stores included) start from their initial state. Unlike `import("...?run=N")`, nothing
 * is kept in Node's module cache, so a long explore run does not grow without bound.
 */
export async function importFresh<T = Record<string, unknown>>(file: string, resources?: Resources): Promise<T> {
  const lv = await loadLiveviewjs();
  let script = scripts.get(file);
  if (!script) {
    // timers and channels are the wrapper's parameters: what this instance opens is `resources`' to close
    script = new Script(`(function (exports, require, module, __filename, __dirname, __lvmImportMetaUrl, ${TRACKED_GLOBALS.join(", ")}) {${readFileSync(file, "utf8")}\n})`, { filename: file });
    scripts.set(file, script);
  }
  const module = { exports: {} as Record<string, unknown> };
  const load = (id: string) => (id === "liveviewjs" ? lv : requireFromTool(id));
  const globals = TRACKED_GLOBALS.map((name) => (resources ? resources.globals[name] : (globalThis as Record<string, unknown>)[name]));
  (script.runInThisContext() as Function)(module.exports, load, module, file, dirname(file), pathToFileURL(file).href, ...globals);
  return module.exports as T;
}
