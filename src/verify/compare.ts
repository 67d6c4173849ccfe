// Runs the original and the migrated view side by side, the same steps on both, and compares the
// normalized HTML of every client after each step. Scripted mode runs given steps; explore mode
// enumerates the bindings of the original's page and walks them breadth-first to depth K, every path
// from a fresh start (fresh module instances, so data is reset between paths).

import { createTwoFilesPatch } from "diff";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Window } from "happy-dom";
import { describeStep, enumerateSteps, type ClientStep } from "./actions.ts";
import { importFresh } from "./bundle.ts";
import { startOriginalSession } from "./liveview-driver.ts";
import { normalizeHtml } from "./normalize.ts";
import { BundleError, bundleView, findMigratedViews, findRouterFile, pickComponent, type MigratedView, type ViewBundles } from "./project.ts";
import { startMigratedSession } from "./runtime-driver.ts";
import { StepError, type SideSession } from "./session.ts";

export interface Divergence {
  /** 0 = first paint / join, N = after the Nth step of `path`. */
  step: number;
  path: string[];
  client: number;
  original: string;
  migrated: string;
  diff: string;
}

export type ViewStatus = "equivalent" | "diverged" | "not-verifiable";

export interface ViewVerification {
  view: string;
  route?: string;
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
  /** The app's stylesheet (visibility for JS show/hide/toggle); default: `.hidden` and `[hidden]` hide. */
  css?: string;
  onView?(result: ViewVerification): void;
}

export interface VerifyReport {
  schemaVersion: 1;
  root: string;
  mode: "explore" | "script";
  depth: number;
  views: ViewVerification[];
  summary: Record<ViewStatus, number>;
}

interface Loaded {
  route: string;
  path: string;
  viewName: string;
  clients: number;
  bundles: ViewBundles;
  routerFile: string;
}

function prettyLines(html: string): string {
  return html.replace(/></g, ">\n<") + "\n";
}

export function htmlDiff(original: string, migrated: string): string {
  return createTwoFilesPatch("original", "migrated", prettyLines(original), prettyLines(migrated), "", "", { context: 2 });
}

/** Opens both sides fresh, runs `path`, compares after every step; returns the divergence or the original's final page. */
export async function runPath(loaded: Loaded, path: ClientStep[], css?: string): Promise<{ divergence?: Divergence; finalHtml?: string; error?: StepError }> {
  const originalModule: any = await importFresh(loaded.bundles.original);
  const serverModule: any = await importFresh(loaded.bundles.server);
  const component = pickComponent(serverModule.__component, loaded.viewName);
  let original: SideSession | undefined;
  let migrated: SideSession | undefined;
  try {
    original = await startOriginalSession({
      router: originalModule.router,
      viewsWithLiveComponents: originalModule.viewsWithLiveComponents,
      path: loaded.path,
      clients: loaded.clients,
      clock: originalModule.__verifyClock,
      css,
    });
    migrated = await startMigratedSession({
      server: { ...serverModule, component, commands: serverModule.__commands?.default ?? serverModule.__commands, wiring: serverModule.__wiring, pubSub: serverModule.__appPubSub },
      clientCode: loaded.bundles.clientCode,
      route: loaded.route,
      path: loaded.path,
      clients: loaded.clients,
      css,
    });
    const described: string[] = [];
    const compare = (step: number): Divergence | undefined => {
      for (let client = 0; client < loaded.clients; client++) {
        const a = normalizeHtml(original!.html(client));
        const b = normalizeHtml(migrated!.html(client));
        if (a !== b) return { step, path: [...described], client, original: a, migrated: b, diff: htmlDiff(a, b) };
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
      divergence = compare(i + 1);
      if (divergence) return { divergence };
    }
    return { finalHtml: original.html(0) };
  } catch (error) {
    if (error instanceof StepError) return { error };
    return { error: new StepError("SIDE_ERROR", error instanceof Error ? error.message : String(error)) };
  } finally {
    await original?.close().catch(() => {});
    await migrated?.close().catch(() => {});
  }
}

function stepsOf(html: string): ClientStep[] {
  const window = new Window();
  window.document.body.innerHTML = html;
  const steps = enumerateSteps(window.document.body as unknown as ParentNode);
  void window.happyDOM.close();
  return steps;
}

async function load(root: string, routerFile: string, view: MigratedView, outDir: string, routeParams: Record<string, string>): Promise<Loaded | ViewVerification> {
  const id = view.file;
  let bundles: ViewBundles;
  try {
    bundles = await bundleView(root, routerFile, view, outDir);
  } catch (error) {
    const side = error instanceof BundleError ? error.side : undefined;
    const what = side === "client" ? "the migrated component does not bundle for the browser" : side === "server" ? "the migrated component or its commands do not bundle for Node" : "the original view does not bundle";
    return { view: id, status: "not-verifiable", reason: { code: "BUNDLE_FAILED", message: `${what}: ${firstLine(error instanceof BundleError ? error.cause : error)}` }, paths: 0, steps: 0, clients: 0 };
  }
  const originalModule: any = await importFresh(bundles.original);
  const router = originalModule.router as Record<string, unknown> | undefined;
  if (!router) return { view: id, status: "not-verifiable", reason: { code: "NO_ROUTER", message: `${routerFile} exports no \`router\`` }, paths: 0, steps: 0, clients: 0 };
  const exported = Object.entries(originalModule.__view as Record<string, unknown>);
  let found: [string, string] | undefined;
  for (const [route, liveView] of Object.entries(router)) {
    const hit = exported.find(([, value]) => value === liveView || (typeof value === "function" && liveView instanceof (value as any)));
    if (hit) {
      found = [route, hit[0]];
      break;
    }
  }
  const viewId = `${id}#${found?.[1] ?? "?"}`;
  if (!found) return { view: viewId, status: "not-verifiable", reason: { code: "NO_ROUTE", message: "no route of the router renders this view" }, paths: 0, steps: 0, clients: 0 };
  const [route, viewName] = found;
  const serverModule: any = await importFresh(bundles.server);
  const component = pickComponent(serverModule.__component, viewName);
  if (!component) return { view: viewId, route, status: "not-verifiable", reason: { code: "NO_COMPONENT", message: `${view.componentFile} exports no defineComponent definition` }, paths: 0, steps: 0, clients: 0 };
  const path = route.replace(/:([A-Za-z_]\w*)/g, (_, name: string) => routeParams[name] ?? "1");
  const liveView = router[route] as any;
  const subscribes = /\bsubscribe\(/.test(String(liveView.mount ?? "")) || Object.keys(component.sync ?? {}).length > 0;
  return { route, path, viewName: `${viewName}`, clients: subscribes ? 2 : 1, bundles, routerFile };
}

function firstLine(error: unknown): string {
  const errors = (error as { errors?: Array<{ text: string; location?: { file: string; line: number } }> }).errors;
  if (errors?.length) return errors.map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ""}${e.text}`).join("; ");
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}

export async function verifyView(loaded: Loaded, viewId: string, options: VerifyOptions): Promise<ViewVerification> {
  const base = { view: viewId, route: loaded.route, clients: loaded.clients };
  if (options.mode === "script") {
    const script = options.scripts?.[loaded.route] ?? options.scripts?.[viewId] ?? [];
    const result = await runPath(loaded, script, options.css);
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
      const result = await runPath(loaded, path, options.css);
      if (result.divergence) return { ...base, status: "diverged", divergence: result.divergence, paths, steps, depth: level };
      if (result.error) {
        if (path.length === 0) return { ...base, status: "not-verifiable", reason: { code: result.error.code, message: result.error.message }, paths, steps };
        continue;
      }
      deepest = level;
      const key = normalizeHtml(result.finalHtml!);
      if (level === depth) continue;
      if (seen.has(key)) {
        // a page seen before is not explored again, unless nothing else leads deeper (see below)
        if (!fallback.length) fallback = stepsOf(result.finalHtml!).map((step) => [...path, step]);
        continue;
      }
      seen.add(key);
      for (const step of stepsOf(result.finalHtml!)) next.push([...path, step]);
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

/** Verifies every migrated view under `root`. */
export async function verifyProject(root: string, options: VerifyOptions): Promise<VerifyReport> {
  const outDir = mkdtempSync(join(tmpdir(), "lvm-verify-"));
  const views: ViewVerification[] = [];
  try {
    const routerFile = await findRouterFile(root);
    const migrated = await findMigratedViews(root);
    for (const view of migrated) {
      if (options.only?.length && !options.only.some((o) => view.file.includes(o))) continue;
      let result: ViewVerification;
      if (!routerFile) result = { view: view.file, status: "not-verifiable", reason: { code: "NO_ROUTER", message: "no router module found (src/router.ts exporting `router`)" }, paths: 0, steps: 0, clients: 0 };
      else {
        const loaded = await load(root, routerFile, view, outDir, options.routeParams ?? {});
        result = "status" in loaded ? loaded : await verifyView(loaded, `${view.file}#${loaded.viewName}`, options);
      }
      views.push(result);
      options.onView?.(result);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  const summary = { equivalent: 0, diverged: 0, "not-verifiable": 0 } as Record<ViewStatus, number>;
  for (const v of views) summary[v.status]++;
  return { schemaVersion: 1, root, mode: options.mode, depth: options.depth ?? 3, views, summary };
}
