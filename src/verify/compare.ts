// Runs the original and the migrated view side by side, the same steps on both, and compares the
// normalized HTML of every client after each step. Scripted mode runs given steps; explore mode
// enumerates the bindings of the original's page and walks them breadth-first to depth K, every path
// from a fresh start (fresh module instances, so data is reset between paths).

import { DEFAULT_VIEW_TIMEOUT_MS } from "./defaults.ts";
import { createTwoFilesPatch } from "diff";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { Window } from "happy-dom";
import { describeStep, enumerateSteps, type ClientStep } from "./actions.ts";
import { importFresh } from "./bundle.ts";
import { startOriginalSession } from "./liveview-driver.ts";
import { normalizeHtml } from "./normalize.ts";
import { BundleError, bundleView, findMigratedViews, pickComponent, type MigratedView, type OriginalSource, type ViewBundles } from "./project.ts";
import { findLeaks, loadPlan, serverStateOf, type BundleLeak, type ServerState } from "./bundle-data.ts";
import { trackResources, type Resources } from "./resources.ts";
import { AppIndex, ownPath, type FoundRouter, type ViewRef } from "../discovery/routers.ts";
import { MigratedPageFailed, startMigratedSession } from "./runtime-driver.ts";
import { StepError, type SideSession } from "./session.ts";

export interface Divergence {
  /** 0 = first paint / join, N = after the Nth step of `path`. */
  step: number;
  path: string[];
  client: number;
  original: string;
  migrated: string;
  diff: string;
  /** What each side reported while getting there (the migrated page's console errors, LiveViewJS error replies). */
  errors?: { original: string[]; migrated: string[] };
}

export type ViewStatus = "equivalent" | "diverged" | "not-verifiable";

export interface ViewVerification {
  view: string;
  route?: string;
  /** Where the route came from: a router of the app (file:line), `--router`, or a path of verify's own. */
  mountedBy?: string;
  status: ViewStatus;
  /** Why a view is not verifiable (or what stopped exploring). */
  reason?: { code: string; message: string };
  paths: number;
  steps: number;
  clients: number;
  /** Deepest level explored (explore mode): every path of length ≤ depth that ran compared equal. */
  depth?: number;
  /** Explore mode: no sampling, every page reachable within the depth was explored. */
  complete?: boolean;
  divergence?: Divergence;
  /** The browser bundle holds server state (a module the plan says is server state, or its data): a failure however the HTML compares. */
  leaks?: BundleLeak[];
  /** Bytes of the component's browser bundle (the runtime client included). */
  bundleBytes?: number;
}

export interface VerifyOptions {
  mode: "explore" | "script";
  depth?: number;
  maxPaths?: number;
  /** Scripted mode: steps per route ("/counter") or per view file. */
  scripts?: Record<string, ClientStep[]>;
  /** Concrete values for route params (default "1"). */
  routeParams?: Record<string, string>;
  only?: string[];
  /** `<module>#<export>` (module relative to the root): the router to take routes from, instead of finding one. */
  router?: string;
  /** Time limit per view in ms (default 60 000): a view over it is not verifiable (TIMEOUT). */
  viewTimeout?: number;
  /** Check each browser bundle against the plan's server state (default true). */
  bundleCheck?: boolean;
  /** The plan to take server state from (a `migrate analyze --out` file); default: analyze the app now. */
  plan?: string;
  /** The app's stylesheet (visibility for JS show/hide/toggle); default: `.hidden` and `[hidden]` hide. */
  css?: string;
  onView?(result: ViewVerification): void;
  /** Views verified so far of those selected (the CLI's progress bar). */
  onProgress?(event: { phase: "verify"; done: number; total: number }): void;
}

export interface VerifyReport {
  schemaVersion: 1;
  root: string;
  mode: "explore" | "script";
  depth: number;
  views: ViewVerification[];
  summary: Record<ViewStatus, number>;
  /** Migrated views found (before --only) and how many of those selected were verified equivalent. */
  migrated: number;
  verified: number;
  /** The --only filter, when one was given. */
  only?: string[];
  /** Views whose browser bundle holds server state (counted apart from the HTML verdict). */
  leaking: number;
  /** The bundle check: done against the plan's N server modules, or skipped and why. */
  bundleCheck: { serverModules: number } | { skipped: string };
  /** The routers found in the app (by type or shape), where they are and how many routes verify can use. */
  routers: Array<{ file: string; line: number; name?: string; exportedAs?: string; by: "type" | "shape" | "option"; routes: number; unresolved: number }>;
}

interface Loaded {
  route: string;
  path: string;
  viewName: string;
  clients: number;
  bundles: ViewBundles;
  /** Where the original side's view comes from (a router verify imports, or the view's module). */
  source: OriginalSource;
  /** The view renders live components (LiveViewJS runs those through WsMessageRouter). */
  liveComponents: boolean;
  mountedBy: string;
}

/** The original side's router and view from a fresh instance of its bundle. */
function originalRouter(module: any, loaded: Pick<Loaded, "route" | "source" | "liveComponents">): { router: Record<string, unknown>; liveView: any; viewsWithLiveComponents: { has(view: unknown): boolean } } {
  const byFlag = { has: (view: unknown) => loaded.liveComponents || /\blive_component\b/.test(String((view as { render?: unknown } | undefined)?.render ?? "")) };
  if (loaded.source.kind === "router") {
    const router = module.__routerModule?.[loaded.source.exportName] as Record<string, unknown>;
    return { router, liveView: router?.[loaded.route], viewsWithLiveComponents: module.__routerModule?.viewsWithLiveComponents ?? byFlag };
  }
  const liveView = instantiate(module.__view?.[loaded.source.ref.exportName], loaded.source.ref);
  return { router: { [loaded.route]: liveView }, liveView, viewsWithLiveComponents: byFlag };
}

/** A router holds instances: `new X()` of a BaseLiveView class, the createLiveView object itself. */
function instantiate(value: unknown, ref: ViewRef): unknown {
  const isClass = typeof value === "function" && typeof (value as { prototype?: { render?: unknown } }).prototype?.render === "function";
  return ref.construct || isClass ? new (value as new () => unknown)() : value;
}

/** The export of a view module that is a live view: a createLiveView object or a BaseLiveView class. */
function liveViewExports(module: Record<string, unknown>): string[] {
  return Object.entries(module)
    .filter(([, v]) => (v && typeof v === "object" && typeof (v as { render?: unknown }).render === "function") || (typeof v === "function" && typeof (v as { prototype?: { render?: unknown } }).prototype?.render === "function"))
    .map(([k]) => k);
}

function prettyLines(html: string): string {
  return html.replace(/></g, ">\n<") + "\n";
}

export function htmlDiff(original: string, migrated: string): string {
  return createTwoFilesPatch("original", "migrated", prettyLines(original), prettyLines(migrated), "", "", { context: 2 });
}

/** Opens both sides fresh, runs `path`, compares after every step; returns the divergence or the original's final page. */
export async function runPath(loaded: Loaded, path: ClientStep[], css?: string, signal?: AbortSignal): Promise<{ divergence?: Divergence; finalHtml?: string; interval?: number; error?: StepError }> {
  if (signal?.aborted) return { error: new StepError("TIMEOUT", "the view's time limit passed") };
  // what each fresh instance opens (timers, channels) is closed when the path is done
  const resources: Resources[] = [trackResources(), trackResources()];
  let original: SideSession | undefined;
  let migrated: SideSession | undefined;
  try {
    const originalModule: any = await importFresh(loaded.bundles.original, resources[0]);
    const serverModule: any = await importFresh(loaded.bundles.server, resources[1]);
    const component = pickComponent(serverModule.__component, loaded.viewName);
    const { router, viewsWithLiveComponents } = originalRouter(originalModule, loaded);
    original = await startOriginalSession({
      router,
      viewsWithLiveComponents,
      path: loaded.path,
      clients: loaded.clients,
      clock: originalModule.__verifyClock,
      pubSub: originalModule.__appPubSub,
      css,
      signal,
    });
    try {
      migrated = await startMigratedSession({
        server: { ...serverModule, component, commands: serverModule.__commands?.default ?? serverModule.__commands, wiring: serverModule.__wiring, bridged: serverModule.__bridged, pubSub: serverModule.__appPubSub },
        clientCode: loaded.bundles.clientCode,
        route: loaded.route,
        path: loaded.path,
        clients: loaded.clients,
        css,
        signal,
      });
    } catch (error) {
      if (!(error instanceof MigratedPageFailed)) throw error;
      // the original rendered, the migrated page did not: that is what a user would see
      const a = normalizeHtml(original.html(0));
      const b = `(no page: ${error.message})`;
      return { divergence: { step: 0, path: [], client: 0, original: a, migrated: b, diff: htmlDiff(a, b), errors: { original: original.errors?.() ?? [], migrated: [error.message, ...error.details] } } };
    }
    const described: string[] = [];
    const compare = (step: number): Divergence | undefined => {
      for (let client = 0; client < loaded.clients; client++) {
        const a = normalizeHtml(original!.html(client));
        const b = normalizeHtml(migrated!.html(client));
        if (a !== b) {
          const errors = { original: original!.errors?.() ?? [], migrated: migrated!.errors?.() ?? [] };
          return { step, path: [...described], client, original: a, migrated: b, diff: htmlDiff(a, b), ...(errors.original.length || errors.migrated.length ? { errors } : {}) };
        }
      }
      return undefined;
    };
    let divergence = compare(0);
    if (divergence) return { divergence };
    for (let i = 0; i < path.length; i++) {
      const step = path[i]!;
      described.push(describeStep(step));
      await original.perform(step);
      await migrated.perform(step);
      if (signal?.aborted) return { error: new StepError("TIMEOUT", "the view's time limit passed") };
      divergence = compare(i + 1);
      if (divergence) return { divergence };
    }
    // a timer the original still runs (polling): explore lets its interval pass as a step of its own
    const interval: unknown = originalModule.__verifyClock?.nextInterval?.();
    return { finalHtml: original.html(0), ...(typeof interval === "number" ? { interval } : {}) };
  } catch (error) {
    if (signal?.aborted) return { error: new StepError("TIMEOUT", "the view's time limit passed") };
    if (error instanceof StepError) return { error };
    return { error: new StepError("SIDE_ERROR", error instanceof Error ? error.message : String(error)) };
  } finally {
    await original?.close().catch(() => {});
    await migrated?.close().catch(() => {});
    for (const r of resources) r.dispose();
  }
}

function stepsOf(html: string, interval?: number): ClientStep[] {
  const window = new Window();
  window.document.body.innerHTML = html;
  const steps = enumerateSteps(window.document.body as unknown as ParentNode);
  void window.happyDOM.close();
  // first, so a sampled level still lets time pass
  return interval === undefined ? steps : [{ kind: "tick", ms: interval, label: `${interval} ms pass` }, ...steps];
}

/** Where a view is mounted on both sides, decided before anything is bundled. */
interface Placement {
  source: OriginalSource;
  /** Known statically (a router of the app, a path of verify's own); for `--router`, found once the router is loaded. */
  route?: string;
  mountedBy: string;
  liveComponents: boolean;
}

function notVerifiable(view: string, code: string, message: string, extra: Partial<ViewVerification> = {}): ViewVerification {
  return { view, status: "not-verifiable", reason: { code, message }, paths: 0, steps: 0, clients: 0, ...extra };
}

async function load(root: string, view: MigratedView, placement: Placement, outDir: string, options: VerifyOptions, ownIndex: () => number, paramsRead: (ref: { file: string; exportName: string }) => string[]): Promise<Loaded | ViewVerification> {
  const id = view.file;
  // before the view is loaded, it is named as the component's header names it
  const named = view.exportName ? `${id}#${view.exportName}` : id;
  let bundles: ViewBundles;
  try {
    bundles = await bundleView(root, placement.source, view, outDir);
  } catch (error) {
    const side = error instanceof BundleError ? error.side : undefined;
    const what = side === "client" ? "the migrated component does not bundle for the browser" : side === "server" ? "the migrated component or its commands do not bundle for Node" : "the original view does not bundle";
    return notVerifiable(named, "BUNDLE_FAILED", `${what}: ${firstLine(error instanceof BundleError ? error.cause : error)}`);
  }
  const resources = trackResources();
  try {
    let originalModule: any;
    try {
      originalModule = await importFresh(bundles.original, resources);
    } catch (error) {
      return notVerifiable(named, "LOAD_FAILED", `the original view's modules throw when loaded: ${firstLine(error)}`);
    }
    const exported = Object.entries((originalModule.__view ?? {}) as Record<string, unknown>);
    let { source, route, mountedBy } = placement;
    let viewName = source.kind === "view" ? source.ref.exportName : view.exportName;
    if (source.kind === "router") {
      const router = originalModule.__routerModule?.[source.exportName] as Record<string, unknown> | undefined;
      if (!router || typeof router !== "object") return notVerifiable(named, "NO_ROUTER", `${source.file} exports no \`${source.exportName}\` (--router)`);
      for (const [path, liveView] of Object.entries(router)) {
        const hit = exported.find(([name, value]) => (!view.exportName || name === view.exportName) && (value === liveView || (typeof value === "function" && liveView instanceof (value as any))));
        if (hit) {
          route = path;
          viewName = hit[0];
          break;
        }
      }
      if (route === undefined) {
        // not in the router the user named: mounted on a path of its own, from its module
        source = { kind: "view", ref: { file: view.file, exportName: view.exportName ?? "", construct: false } };
        mountedBy = `no route of ${placement.mountedBy} renders this view: a path of its own`;
      }
    }
    if (source.kind === "view" && !source.ref.exportName) {
      // a component whose header names no view (written by hand): the module's only live view
      const candidates = liveViewExports(originalModule.__view ?? {});
      if (candidates.length !== 1) return notVerifiable(id, "NO_VIEW", candidates.length ? `${view.componentFile} names no view and ${view.file} exports several (${candidates.join(", ")})` : `${view.file} exports no live view`);
      source = { kind: "view", ref: { ...source.ref, exportName: candidates[0]! } };
      viewName = candidates[0];
    }
    if (source.kind === "view" && route === undefined) route = ownPath(ownIndex(), paramsRead(source.ref));
    const viewId = `${id}#${viewName ?? "?"}`;
    if (source.kind === "view" && originalModule.__view?.[source.ref.exportName] === undefined) return notVerifiable(viewId, "NO_VIEW", `${view.file} has no export \`${source.ref.exportName}\``, { route, mountedBy });
    const loadedish = { route: route!, source, liveComponents: placement.liveComponents };
    const { liveView } = originalRouter(originalModule, loadedish);
    let serverModule: any;
    try {
      serverModule = await importFresh(bundles.server, resources);
    } catch (error) {
      return notVerifiable(viewId, "LOAD_FAILED", `the migrated component or its commands throw when loaded: ${firstLine(error)}`, { route, mountedBy });
    }
    const component = pickComponent(serverModule.__component, viewName ?? "");
    if (!component) return notVerifiable(viewId, "NO_COMPONENT", `${view.componentFile} exports no defineComponent definition`, { route, mountedBy });
    const path = route!.replace(/:([A-Za-z_$][\w$]*)/g, (_, name: string) => options.routeParams?.[name] ?? "1");
    const subscribes = /\bsubscribe\(/.test(String(liveView?.mount ?? "")) || Object.keys(component.sync ?? {}).length > 0;
    return { ...loadedish, path, viewName: `${viewName}`, clients: subscribes ? 2 : 1, bundles, mountedBy };
  } finally {
    resources.dispose();
  }
}

function firstLine(error: unknown): string {
  const errors = (error as { errors?: Array<{ text: string; location?: { file: string; line: number } }> }).errors;
  if (errors?.length) return errors.map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ""}${e.text}`).join("; ");
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}

export async function verifyView(loaded: Loaded, viewId: string, options: VerifyOptions, signal?: AbortSignal): Promise<ViewVerification> {
  const base = { view: viewId, route: loaded.route, mountedBy: loaded.mountedBy, clients: loaded.clients };
  if (options.mode === "script") {
    const script = options.scripts?.[loaded.route] ?? options.scripts?.[viewId] ?? options.scripts?.[viewId.split("#")[0]!] ?? [];
    const result = await runPath(loaded, script, options.css, signal);
    if (result.divergence) return { ...base, status: "diverged", divergence: result.divergence, paths: 1, steps: script.length };
    if (result.error) return { ...base, status: "not-verifiable", reason: { code: result.error.code, message: result.error.message }, paths: 1, steps: script.length };
    return { ...base, status: "equivalent", paths: 1, steps: script.length };
  }
  const depth = options.depth ?? 3;
  const maxPaths = options.maxPaths ?? 60;
  // Breadth-first over paths; a page already seen (same original rendering) is not expanded again.
  // Within the path budget each level runs in full when it can, keeping one path for each deeper level
  // so a bounded run still reaches depth K; a level with more paths than that runs an even sample.
  const seen = new Set<string>();
  let frontier: ClientStep[][] = [[]];
  let paths = 0;
  let steps = 0;
  let deepest = 0;
  let sampled = false;
  for (let level = 0; level <= depth && frontier.length && paths < maxPaths; level++) {
    const share = Math.max(1, maxPaths - paths - (depth - level));
    const chosen = frontier.length > share ? spread(frontier, share) : frontier;
    if (chosen !== frontier) sampled = true;
    // past its share a level keeps going (within the budget) until some path opens the next level
    const order = chosen === frontier ? frontier : [...chosen, ...frontier.filter((p) => !chosen.includes(p))];
    const next: ClientStep[][] = [];
    let fallback: ClientStep[][] = [];
    let ran = 0;
    for (const path of order) {
      if (paths >= maxPaths || (ran >= chosen.length && (next.length > 0 || fallback.length > 0 || level === depth))) break;
      ran++;
      paths++;
      steps += path.length;
      const result = await runPath(loaded, path, options.css, signal);
      if (result.divergence) return { ...base, status: "diverged", divergence: result.divergence, paths, steps, depth: level };
      if (result.error) {
        if (path.length === 0 || result.error.code === "TIMEOUT") return { ...base, status: "not-verifiable", reason: { code: result.error.code, message: result.error.message }, paths, steps };
        continue;
      }
      deepest = level;
      const key = normalizeHtml(result.finalHtml!);
      if (level === depth) continue;
      if (seen.has(key)) {
        // a page seen before is not explored again, unless nothing else leads deeper (see below)
        if (!fallback.length) fallback = stepsOf(result.finalHtml!, result.interval).map((step) => [...path, step]);
        continue;
      }
      seen.add(key);
      for (const step of stepsOf(result.finalHtml!, result.interval)) next.push([...path, step]);
    }
    // Every page of this level was seen before (the view's pages close up before depth K, or the sample
    // missed the new ones): go on from a seen page, so paths of length K still run and are compared.
    if (!next.length && fallback.length) next.push(...fallback);
    frontier = next;
  }
  const reason = sampled ? { code: "SAMPLED", message: `${paths} paths, sampled where a level had more than its share of ${maxPaths}` } : undefined;
  return { ...base, status: "equivalent", paths, steps, depth: deepest, complete: !sampled, ...(reason ? { reason } : {}) };
}

/** `count` items spread evenly over `items` (first and last included). */
function spread<T>(items: T[], count: number): T[] {
  if (count >= items.length) return items;
  if (count === 1) return [items[0]!];
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]!);
}


/** Runs `work` with a time limit: past it, `signal` aborts (the drivers close what they opened) and the result is `late()`. */
async function withTimeLimit<T>(ms: number, work: (signal: AbortSignal) => Promise<T>, late: () => T): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), ms)));
  const running = work(controller.signal);
  try {
    const outcome = await Promise.race([running, timeout]);
    if (outcome !== "late") return outcome;
    controller.abort();
    // give the drivers a moment to close their servers and windows (they listen to the signal)
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([running.catch(() => {}), new Promise((r) => (grace = setTimeout(r, 2_000)))]);
    clearTimeout(grace);
    return late();
  } finally {
    clearTimeout(timer);
  }
}

/** `<module>#<export>` → the module (relative to root) and the export (default "router"). */
export function parseRouterOption(root: string, value: string): { file: string; exportName: string } {
  const hash = value.lastIndexOf("#");
  const module = hash > 0 ? value.slice(0, hash) : value;
  const exportName = hash > 0 ? value.slice(hash + 1) : "router";
  return { file: relative(root, resolve(root, module)).split(sep).join("/"), exportName };
}

/** Verifies every migrated view under `root`. */
export async function verifyProject(appRoot: string, options: VerifyOptions): Promise<VerifyReport> {
  const root = resolve(appRoot);
  const outDir = mkdtempSync(join(tmpdir(), "lvm-verify-"));
  const views: ViewVerification[] = [];
  const migrated = await findMigratedViews(root);
  const selected = migrated.filter((view) => !options.only?.length || options.only.some((o) => view.file.includes(o) || view.componentFile.includes(o) || view.exportName === o));
  let routers: VerifyReport["routers"] = [];
  let serverState: ServerState | undefined;
  let bundleCheck: VerifyReport["bundleCheck"] = { skipped: "nothing to check" };
  try {
    let index: AppIndex | undefined;
    const appIndex = () => (index ??= new AppIndex(root));
    const option = options.router ? parseRouterOption(root, options.router) : undefined;
    const found: FoundRouter[] = selected.length && !option ? appIndex().findRouters() : [];
    routers = option
      ? [{ file: option.file, line: 0, exportedAs: option.exportName, by: "option", routes: 0, unresolved: 0 }]
      : found.map((r) => ({ file: r.file, line: r.line, name: r.name, exportedAs: r.exportedAs, by: r.by, routes: r.routes.length, unresolved: r.unresolved.length }));
    let own = 0;
    if (selected.length && options.bundleCheck !== false) {
      try {
        serverState = serverStateOf(await loadPlan(root, options.plan), root);
        bundleCheck = { serverModules: serverState.modules.size };
      } catch (error) {
        bundleCheck = { skipped: `no plan: ${firstLine(error)}` };
      }
    } else bundleCheck = { skipped: options.bundleCheck === false ? "--no-bundle-check" : "nothing to check" };
    for (const view of selected) {
      options.onProgress?.({ phase: "verify", done: views.length, total: selected.length });
      const placement = place(view, option, found, appIndex);
      const limit = options.viewTimeout ?? DEFAULT_VIEW_TIMEOUT_MS;
      let leaks: BundleLeak[] | undefined;
      let bundleBytes: number | undefined;
      const result = await withTimeLimit(
        limit,
        async (signal) => {
          let loaded: Loaded | ViewVerification;
          try {
            loaded = await load(root, view, placement, outDir, options, () => ++own, (ref) => appIndex().paramsRead(ref));
          } catch (error) {
            return notVerifiable(view.exportName ? `${view.file}#${view.exportName}` : view.file, "LOAD_FAILED", firstLine(error));
          }
          if ("status" in loaded) return loaded;
          // what ships to the browser, checked before anything runs (a view that times out still gets it)
          leaks = serverState ? findLeaks(root, { inputs: loaded.bundles.clientInputs, code: loaded.bundles.clientCode }, serverState, readFileSync(join(root, view.file), "utf8")) : undefined;
          bundleBytes = Buffer.byteLength(loaded.bundles.clientCode);
          return verifyView(loaded, `${view.file}#${loaded.viewName}`, options, signal);
        },
        () => notVerifiable(`${view.file}${view.exportName ? `#${view.exportName}` : ""}`, "TIMEOUT", `not done within the time limit of ${limit} ms (--view-timeout); stopped`),
      );
      if (bundleBytes !== undefined) result.bundleBytes = bundleBytes;
      if (leaks?.length) result.leaks = leaks;
      views.push(result);
      options.onView?.(result);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  const summary = { equivalent: 0, diverged: 0, "not-verifiable": 0 } as Record<ViewStatus, number>;
  for (const v of views) summary[v.status]++;
  return {
    schemaVersion: 1,
    root,
    mode: options.mode,
    depth: options.depth ?? 3,
    views,
    summary,
    migrated: migrated.length,
    // equivalent and shipping no server state
    verified: views.filter((v) => v.status === "equivalent" && !v.leaks?.length).length,
    leaking: views.filter((v) => v.leaks?.length).length,
    bundleCheck,
    ...(options.only?.length ? { only: options.only } : {}),
    routers,
  };
}

/** Where a view is mounted: the router the user named, a route of a router found in the app, or a path of its own. */
function place(view: MigratedView, option: { file: string; exportName: string } | undefined, routers: FoundRouter[], index: () => AppIndex): Placement {
  const liveComponents = (() => {
    try {
      return index().mentionsLiveComponent(view.file);
    } catch {
      return false;
    }
  })();
  if (option) return { source: { kind: "router", ...option }, mountedBy: `--router ${option.file}#${option.exportName}`, liveComponents };
  for (const router of routers) {
    const route = router.routes.find((r) => r.view.file === view.file && (!view.exportName || r.view.exportName === view.exportName || r.view.localName === view.exportName));
    if (route) {
      const where = `${router.file}:${router.line}`;
      const how = router.exportedAs ? `exported as ${router.exportedAs}` : "not exported";
      return { source: { kind: "view", ref: route.view }, route: route.path, mountedBy: `router at ${where} (${router.name ? `\`${router.name}\`, ` : ""}${how}; found by its ${router.by})`, liveComponents };
    }
  }
  const unresolved = routers.flatMap((r) => r.unresolved.map((u) => `${u.path}: ${u.why}`));
  return {
    source: { kind: "view", ref: { file: view.file, exportName: view.exportName ?? "", construct: false } },
    mountedBy: routers.length ? `no router of the app maps this view${unresolved.length ? ` (routes verify cannot import: ${unresolved.slice(0, 3).join("; ")})` : ""}: a path of its own` : "no router in the app: a path of its own",
    liveComponents,
  };
}
