// mergeFacts: the cross-file phase. Project index → effect fixpoint → per view: confirm detections
// that went through project modules, classify keys, place events, record infos and markers.

import type { FileError, FunctionEffects, InfoRecord, Marker, TemplateFacts, ViewKind, ViewPlan } from "../plan/types.ts";
import { connectionWrite, socketHeld } from "../plan/connection-state.ts";
import type { FileFacts, ViewFacts } from "./facts.ts";
import type { MergeOptions, MergeResult } from "./index.ts";
import { buildProjectIndex, type ProjectIndex } from "./5_resolve.ts";
import { computeEffects, type EffectTable } from "./6_effects.ts";
import { createTypeFallback } from "./type_fallback.ts";
import { classifyKeys, formatChain } from "./7_classify.ts";
import { placeEvents } from "./8_place_events.ts";
import { applyAnnotations, applyConfigEvents, applyConfigKeys, isConfigOverrides, moduleRulesFrom, unknownConfigNames, viewEntries, type ConfigOverrides } from "./9_overrides.ts";
import { compareLoc, uniqSorted } from "./ast.ts";
import { isServerEffect, packageEffect } from "./effects.ts";
import type { EffectSet } from "./6_effects.ts";
import { stateLabel } from "./1_module_summary.ts";

const FACTORY_KIND: Record<string, ViewKind> = { createLiveView: "view", createLiveComponent: "component", BaseLiveView: "view", BaseLiveComponent: "component", BaseLiveViewComponent: "view" };

export function mergeAll(facts: FileFacts[], options: MergeOptions): MergeResult {
  const sorted = [...facts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const index = buildProjectIndex(sorted, options.root);
  markStateMutatedElsewhere(index, sorted);
  // every message type the project broadcasts: a self-sent message of the same type may come from anyone
  index.broadcastTypes = new Set(sorted.flatMap((f) => f.module.broadcastTypes ?? []));
  const tooDeep = sorted.filter((f) => f.errors.some((e) => e.code === "TOO_DEEP")).map((f) => f.path);
  const effects = computeEffects(index, createTypeFallback(options.root, (id) => index.functions.has(id), tooDeep), moduleRulesFrom(isConfigOverrides(options.overrides) ? options.overrides : undefined));
  const views: ViewPlan[] = [];
  const errors: FileError[] = [];
  const usedFunctions = new Set<string>();
  const overrides = isConfigOverrides(options.overrides) ? options.overrides : undefined;
  const parentInfos = parentInfosByComponent(sorted);

  for (const file of sorted) {
    for (const view of file.views) {
      try {
        const kind = confirmView(index, file.path, view);
        if (!kind) continue;
        views.push(planView(index, effects, file, { ...view, kind }, usedFunctions, overrides, parentInfos));
      } catch (e) {
        // A bug on one view must not stop the run: the view is reported and the others go on.
        errors.push({ file: file.path, code: "ANALYZER_ERROR", message: `merging view ${view.name} failed: ${(e as Error).message}` });
      }
    }
  }
  assignRoutes(index, sorted, views);
  // Two views with one id (two anonymous views on a line): keep ids unique and stable.
  const seen = new Map<string, number>();
  for (const v of views) {
    const n = seen.get(v.id) ?? 0;
    seen.set(v.id, n + 1);
    if (n > 0) {
      v.name = `${v.name}~${n + 1}`;
      v.id = `${v.file}#${v.name}`;
    }
  }

  const functions: FunctionEffects[] = effects.reachable(usedFunctions).map((id) => {
    const set = effects.byFunction.get(id)!;
    const kinds = [...set.keys()].sort();
    return { id, effects: kinds, via: kinds.map((k) => ({ effect: k, chain: set.get(k)!.chain, at: set.get(k)!.at })) };
  });
  views.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  errors.push(...unknownConfigNames(overrides, views));
  return { views, functions, errors };
}

/** Route paths from router maps anywhere in the project; the first path (sorted) wins for a view. */
function assignRoutes(index: ProjectIndex, files: FileFacts[], views: ViewPlan[]): void {
  const byLocal = new Map<string, ViewPlan>();
  for (const v of views) {
    byLocal.set(`${v.file}#${v.name}`, v);
    const file = index.files.get(v.file);
    for (const e of file?.module.exports ?? []) if (e.name === v.name) byLocal.set(`${v.file}#${e.local}`, v);
  }
  for (const f of files) {
    for (const r of f.module.routes) {
      const t = index.resolveRef(f.path, r.view, true);
      const key = t.kind === "value" || t.kind === "function" ? t.id.replace(/\.constructor$/, "") : t.kind === "class" ? `${t.path}#${t.name}` : undefined;
      const v = key ? byLocal.get(key) : undefined;
      if (v && v.route === undefined) v.route = r.path;
    }
  }
}

/** Views found through a project module are views only if the chain ends at liveviewjs. */
function confirmView(index: ProjectIndex, path: string, view: ViewFacts): ViewKind | undefined {
  if (view.detection.via !== "project") return view.kind;
  const imp = view.detection.import!;
  const target = index.resolveRef(path, { local: imp.local, member: view.detection.member ?? [] });
  if (target.kind === "liveviewjs" && target.member.length === 0 && FACTORY_KIND[target.name]) return FACTORY_KIND[target.name];
  return undefined;
}

/** Message types each live component sends the view rendering it (`sendParentInfo`), by "<file>#<name>". */
function parentInfosByComponent(files: FileFacts[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of files) for (const v of f.views) {
    const sent = [...Object.values(v.lifecycle), ...v.events, ...v.infos].flatMap((h) => h.sendsParentInfo ?? []);
    if (sent.length) out.set(`${f.path}#${v.name}`, new Set(sent));
  }
  return out;
}

function infoOriginFor(view: ViewFacts, parentInfos: ReadonlySet<string> = new Set(), broadcast: ReadonlySet<string> = new Set()): (name: string) => string {
  const handlers = [...Object.values(view.lifecycle), ...view.events, ...view.infos];
  const sent = new Set(handlers.flatMap((h) => h.sendsInfo));
  const timers = new Set(view.timerInfos);
  const topics = uniqSorted(handlers.flatMap((h) => h.subscribes));
  return (name: string) => {
    if (name === "*") {
      if (topics.length) return `subscribe:${topics.join(",")}`;
      if (timers.size) return "setInterval";
      if (sent.size) return "sendInfo";
      return "unknown";
    }
    if (timers.has(name)) return "setInterval";
    // sent to itself and also broadcast on a topic it follows: what it carries may be anyone's
    if (sent.has(name)) return topics.length > 0 && (broadcast.has(name) || broadcast.has("*")) ? `subscribe:${topics.join(",")}` : "sendInfo";
    if (parentInfos.has(name)) return "sendParentInfo";
    if (topics.length) return `subscribe:${topics.join(",")}`;
    return "unknown";
  };
}

function planView(index: ProjectIndex, effects: EffectTable, file: FileFacts, view: ViewFacts, used: Set<string>, overrides: ConfigOverrides | undefined, parentInfos: Map<string, Set<string>>): ViewPlan {
  const path = file.path;
  // messages the live components it renders send it (sendParentInfo): followed across files to their sender
  const fromChildren = new Set<string>();
  for (const c of view.template.components) {
    const t = index.resolveRef(path, { local: c.name.split(".")[0]!, member: c.name.split(".").slice(1) }, true);
    const id = t.kind === "value" || t.kind === "function" ? t.id.replace(/\.constructor$/, "") : t.kind === "class" ? `${t.path}#${t.name}` : undefined;
    for (const name of (id && parentInfos.get(id)) || []) fromChildren.add(name);
  }
  const infoOrigin = infoOriginFor(view, fromChildren, index.broadcastTypes);
  const formEvents = new Set<string>();
  for (const f of view.template.forms) {
    if (f.event) formEvents.add(f.event);
    if (f.changeEvent) formEvents.add(f.changeEvent);
  }
  for (const b of view.template.bindings) if (!b.dynamic && (b.attr === "phx-change" || b.attr === "phx-submit")) formEvents.add(b.value);

  const id = `${path}#${view.name}`;
  // Config overrides win over annotations (the config is the later, deliberate word); both come before placement.
  const state = applyConfigKeys(applyAnnotations(classifyKeys({ path, view, effects, infoOrigin, formEvents }), view, file), overrides, id, view.name);
  const events = applyConfigEvents(placeEvents(path, view, state, effects), overrides, id, view.name);
  const configIgnore = viewEntries(overrides, id, view.name).find((e) => e.entry.ignore);
  const infos: InfoRecord[] = view.infos.map((i) => ({ name: i.name, origin: infoOrigin(i.name), writes: i.writes, at: i.at, span: i.span }));

  const markers: Marker[] = [...view.markers];
  const handlers = [...Object.entries(view.lifecycle).map(([n, h]) => ({ name: n, h })), ...view.events.map((e) => ({ name: `handleEvent:${e.name}`, h: e as typeof e })), ...view.infos.map((i) => ({ name: `handleInfo:${i.name}`, h: i as typeof i }))];
  const seenUnknown = new Set<string>();
  for (const { h } of handlers) {
    for (const call of h.calls) {
      if (call.local === "@info") continue;
      const { target, effects: eff } = effects.ofCall(path, call);
      if (target.kind === "function") used.add(target.id);
      const unknown = eff.get("unknown");
      if (unknown && !seenUnknown.has(call.at + call.local)) {
        seenUnknown.add(call.at + call.local);
        markers.push({ code: "UNKNOWN_EFFECT", message: `cannot tell what ${[call.local, ...call.member].join(".")}() does (${unknown.chain[unknown.chain.length - 1]}); check it runs safely where it is placed`, at: call.at, ...(call.pos !== undefined ? { span: { start: call.pos, end: call.pos } } : {}) });
      }
    }
  }
  for (const w of view.writes) for (const call of w.calls) {
    const { target } = effects.ofCall(path, call);
    if (target.kind === "function") used.add(target.id);
  }

  const template: TemplateFacts = {
    ...view.template,
    components: view.template.components.map((c) => {
      const t = index.resolveRef(path, { local: c.name.split(".")[0]!, member: c.name.split(".").slice(1) }, true);
      const file = t.kind === "value" || t.kind === "function" ? t.id.slice(0, t.id.indexOf("#")) : undefined;
      return file ? { ...c, file } : c;
    }),
  };

  // socket.id next to server work: a per-connection object on this server process (a cursor, a
  // subscription handle) that a stateless command, answered by any process, has no id to reach
  for (const { name, h } of handlers) {
    if (!h.socketOps.includes("id")) continue;
    const server = h.effects.find((e) => isServerEffect(e.kind) && e.kind !== "await")?.detail ?? h.calls.filter((c) => c.local !== "@info").map((c) => serverEffect(effects.ofCall(path, c).effects)).find(Boolean);
    if (server) {
      markers.push({ code: "SOCKET_ID", message: `${name} uses socket.id next to server work (${server}): a per-connection object on this server process; a stateless command has no connection id to reach it`, at: "at" in h && typeof h.at === "string" ? h.at : view.at });
      break;
    }
  }
  markers.push(...connectionStateMarkers(view.name, state, events));
  const blocked = markers.some((m) => m.code === "DYNAMIC_EVENT" || m.code === "SOCKET_ID" || m.code === "CONNECTION_STATE");
  // Keys made at run time cannot be split between browser and server: the whole view runs on the
  // server and the browser carries its state, sealed (runtime/server/carried-state.ts). The keys stay
  // low-confidence in the classification; for the migration they are not a marker.
  const carried = view.dynamicKeys && !blocked;
  const dynamicWhy = markers.find((m) => m.code === "DYNAMIC_KEYS");
  // "When unsure, the server": an unknown effect places work on the server; it is not a marker by itself.
  const kept = markers.filter((m) => m.code !== "UNKNOWN_EFFECT" && !(carried && m.code === "DYNAMIC_KEYS"));
  markers.length = 0;
  markers.push(...kept);
  return {
    id: `${path}#${view.name}`,
    file: path,
    name: view.name,
    kind: view.kind,
    api: view.api,
    at: view.at,
    span: view.span,
    state,
    events,
    infos: infos.sort((a, b) => (a.name < b.name ? -1 : 1)),
    template,
    markers: markers.sort((a, b) => compareLoc(a.at, b.at) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.message < b.message ? -1 : 1)),
    handlers: view.handlers,
    serverBindings: serverBindingsOf(index, effects, file),
    ...mountWritesOf(path, view, effects),
    ...liveviewjsImportsOf(index, file),
    ...topicConstantsOf(index, file, view),
    migration: view.ignored
      ? { status: "ignored", reason: `@migrate-ignore at ${view.ignored}` }
      : configIgnore
        ? { status: "ignored", reason: `ignored by ${overrides!.file}:views.${configIgnore.ref}.ignore` }
      : blocked
        ? { status: "blocked", reason: (["DYNAMIC_EVENT", "SOCKET_ID", "CONNECTION_STATE"] as const).find((code) => markers.some((m) => m.code === code))! }
        : carried
          ? { status: "pending", strategy: "carried", reason: `DYNAMIC_KEYS at ${dynamicWhy?.at ?? view.at}: its handlers run on the server, the browser carries its state sealed` }
          : { status: "pending" },
  };
}

/**
 * A command re-runs mount for the server's keys (or recomputes one from mount's expression): a shared
 * key an event wrote since holds a value of the connection's that neither gives back
 * (plan/connection-state.ts). Server work that reads such a key would read mount's value, so the view
 * stays on LiveViewJS (a toggle that never toggled back, a console whose output kept only the last
 * answer). Reads in client actions are the browser's copy and fine; a message's handler counts as
 * server work when it writes anything from more than the message and the socket's values.
 */
function connectionStateMarkers(viewName: string, state: ViewPlan["state"], events: ViewPlan["events"]): Marker[] {
  // a message handler runs in the browser when what it writes carries only the message and the socket's values
  const serverWrites = new Set(state.flatMap((k) => k.writes.filter((w) => !socketHeld({ ...w, sources: w.sources.filter((source) => source !== "info") })).map((w) => w.handler)));
  const onServer = (handler: string) => (handler.startsWith("handleInfo:") && serverWrites.has(handler)) || (handler.startsWith("handleEvent:") && events.find((e) => e.name === handler.slice("handleEvent:".length))?.placement !== "client");
  const markers: Marker[] = [];
  for (const key of state.filter((k) => k.class === "shared")) {
    const write = connectionWrite(key);
    const read = key.reads.find((r) => onServer(r.in));
    if (!write || !read) continue;
    markers.push({
      code: "CONNECTION_STATE",
      message: `${key.key} comes from the server, then ${write.handler.replace(/^handle(Event|Info):/, "")} writes it${socketHeld(write) ? " from what the socket holds" : ""} (${write.expr}) and ${read.in.split(":")[0]} reads it again: a command re-runs mount for the server's keys, so it would read mount's value, not the one written; if the value is the browser's to hold, make ${key.key} a ui key (migrate.config.json views."${viewName}".keys)`,
      at: read.at,
    });
  }
  return markers;
}

/**
 * The first server effect of a set (unknown counts: when unsure, the server). A bare `await` does not:
 * what is awaited has effects of its own (a render helper awaiting `meta.live_component` is browser code).
 */
function serverEffect(set: EffectSet | undefined): string | undefined {
  for (const [kind, via] of set ?? []) if ((isServerEffect(kind) && kind !== "await") || kind === "unknown") return `${kind}: ${via.chain[via.chain.length - 1]}`;
  return undefined;
}

/**
 * A container one module declares and another changes in place (`items.push(x)` on an import) is the
 * declaring module's state: what reads it reads server data, wherever the write is.
 */
function markStateMutatedElsewhere(index: ProjectIndex, files: FileFacts[]): void {
  for (const file of files) {
    for (const local of file.module.mutatesImports ?? []) {
      const imp = file.module.imports.find((i) => i.local === local);
      const target = imp ? index.resolveModule(file.path, imp.specifier) : undefined;
      const owner = target ? index.files.get(target)?.module : undefined;
      if (!imp || !owner) continue;
      const name = owner.exports.find((e) => e.name === imp.imported)?.local ?? imp.imported;
      const value = owner.values.find((v) => v.name === name);
      if (!value || owner.state.some((st) => st.name === name)) continue;
      owner.state.push({ name, kind: "object", at: `${target}:1`, why: `changed in place by ${file.path}` });
      owner.values = owner.values.filter((v) => v.name !== name);
    }
  }
}

/**
 * LiveViewJS runs mount twice per page (the HTTP render, then the socket's join): a mount that writes
 * server state does its write twice, and the connected page shows the second. The plan says so, and
 * the migrated page runs its server part again when it connects.
 */
function mountWritesOf(path: string, view: ViewFacts, effects: EffectTable): { mountWrites?: string } {
  const mount = view.lifecycle.mount;
  if (!mount) return {};
  const direct = mount.effects.find((e) => e.kind === "module-state-write");
  if (direct) return { mountWrites: `${direct.detail} (${direct.at})` };
  for (const call of mount.calls) {
    if (call.local === "@info") continue;
    const write = effects.ofCall(path, call).effects.get("module-state-write");
    if (write) return { mountWrites: `${[call.local, ...call.member].join(".")} → ${formatChain(write)} (${call.at})` };
  }
  return {};
}

/**
 * Module-level bindings of the view's file whose use is server work (DESIGN.md "Server state never
 * leaves the server"): the codemods never declare or import them in a browser component, and code
 * that uses them runs in a command. Decided here, once, from the effect table.
 */
function serverBindingsOf(index: ProjectIndex, effects: EffectTable, file: FileFacts): { name: string; why: string }[] {
  const m = file.module;
  const out = new Map<string, string>();
  const fnWhy = (id: string) => serverEffect(effects.byFunction.get(id));
  const moduleWhy = (path: string): string | undefined => {
    const f = index.files.get(path);
    if (!f) return undefined;
    const state = f.module.state[0];
    if (state) return `${path} holds ${stateLabel(state)}`;
    for (const fn of f.module.functions) {
      const why = fnWhy(`${path}#${fn.name}`);
      if (why) return `${path}#${fn.name}: ${why}`;
    }
    return undefined;
  };
  for (const s of m.state) out.set(s.name, stateLabel(s));
  for (const fn of m.functions) {
    if (fn.name.includes(".")) continue;
    const why = fnWhy(`${file.path}#${fn.name}`);
    if (why) out.set(fn.name, why);
  }
  for (const fn of m.functions) {
    // an object or class with a method that does server work: the object is server work
    const owner = fn.name.split(".")[0]!;
    if (!fn.name.includes(".") || out.has(owner)) continue;
    const why = fnWhy(`${file.path}#${fn.name}`);
    if (why) out.set(owner, `${fn.name}: ${why}`);
  }
  const at = `${file.path}:1`;
  for (const inst of m.instances) {
    if (out.has(inst.local)) continue;
    const t = index.resolveRef(file.path, inst.classRef);
    if (t.kind === "liveviewjs" || (t.kind === "package" && (t.specifier.startsWith("@liveviewjs/") || packageEffect(t.specifier) !== "pure"))) out.set(inst.local, `an instance of ${[inst.classRef.local, ...inst.classRef.member].join(".")} (${t.kind === "package" ? t.specifier : "liveviewjs"}): a server object`);
    else if (t.kind === "class" && out.has(t.name) && t.path === file.path) out.set(inst.local, `an instance of ${t.name}: ${out.get(t.name)}`);
    else if (t.kind === "class" || (t.kind === "function" && t.id.endsWith(".constructor"))) {
      const cls = t.kind === "class" ? `${t.path}#${t.name}` : t.id.slice(0, -".constructor".length);
      const methods = [...index.functions.keys()].filter((id) => id.startsWith(`${cls}.`));
      const why = methods.map((id) => fnWhy(id)).find(Boolean);
      if (why) out.set(inst.local, `an instance of ${cls}: ${why}`);
    }
  }
  for (const v of m.values) {
    if (out.has(v.name) || v.kind !== "call" || !v.callee) continue;
    const why = serverEffect(effects.ofCall(file.path, { ...v.callee, at }).effects);
    const t = index.resolveRef(file.path, v.callee);
    if (why) out.set(v.name, `built by a call with server effects (${why})`);
    else if (t.kind === "package" && packageEffect(t.specifier) !== "pure") out.set(v.name, `built by ${t.specifier}, not known to be pure`);
  }
  for (const imp of m.imports) {
    if (imp.typeOnly || out.has(imp.local) || imp.specifier === "liveviewjs") continue;
    const target = index.resolveModule(file.path, imp.specifier);
    if (!target) {
      // a package: pure by the tool's list (or the config), otherwise server work
      const e = packageEffect(imp.specifier);
      const clientSafe = effects.ofCall(file.path, { local: imp.local, member: [], at }).effects.size === 0 && e === "pure";
      if (!clientSafe) out.set(imp.local, e === "unknown" ? `${imp.specifier} is a package the tool does not know to be pure` : `${imp.specifier}: ${e}`);
      continue;
    }
    if (imp.imported === "*") {
      const why = moduleWhy(target);
      if (why) out.set(imp.local, why);
      continue;
    }
    const t = index.resolveRef(file.path, { local: imp.local, member: [] });
    if (t.kind === "function") {
      const why = fnWhy(t.id);
      if (why) out.set(imp.local, why);
    } else if (t.kind === "state") out.set(imp.local, t.detail);
    else if (t.kind === "class") {
      const why = [...index.functions.keys()].filter((id) => id.startsWith(`${t.path}#${t.name}.`)).map((id) => fnWhy(id)).find(Boolean);
      if (why) out.set(imp.local, why);
    } else if (t.kind === "value") {
      // what the declaring module made: an instance of a class that does server work, a value built by a
      // server call; a literal constant (a lookup table) is not server work by itself
      const [path, local] = [t.id.slice(0, t.id.indexOf("#")), t.id.slice(t.id.indexOf("#") + 1)];
      const owner = index.files.get(path)?.module;
      const inst = owner?.instances.find((i) => i.local === local);
      const value = owner?.values.find((v) => v.name === local);
      let why: string | undefined;
      if (inst) {
        const cls = index.resolveRef(path, inst.classRef);
        if (cls.kind === "liveviewjs" || cls.kind === "package") why = `an instance of ${[inst.classRef.local, ...inst.classRef.member].join(".")} (${cls.kind === "package" ? cls.specifier : "liveviewjs"}): a server object`;
        else if (cls.kind === "class" || (cls.kind === "function" && cls.id.endsWith(".constructor"))) {
          const base = cls.kind === "class" ? `${cls.path}#${cls.name}` : cls.id.slice(0, -".constructor".length);
          why = [...index.functions.keys()].filter((id) => id.startsWith(`${base}.`)).map((id) => fnWhy(id)).find(Boolean);
        }
      } else if (value?.kind === "call" && value.callee) why = serverEffect(effects.ofCall(path, { ...value.callee, at }).effects);
      else if (!value && !owner?.functions.some((f) => f.name.startsWith(`${local}.`))) why = moduleWhy(path);
      else if (owner?.functions.some((f) => f.name.startsWith(`${local}.`))) why = owner.functions.filter((f) => f.name.startsWith(`${local}.`)).map((f) => fnWhy(`${path}#${f.name}`)).find(Boolean);
      if (why) out.set(imp.local, why);
    } else if (t.kind === "unresolved") out.set(imp.local, `cannot tell what it is (${t.why}): kept on the server`); else if (t.kind === "package" && packageEffect(t.specifier) !== "pure") out.set(imp.local, `${t.specifier} is not known to be pure`);
  }
  return [...out].map(([name, why]) => ({ name, why })).sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Imports that reach liveviewjs through project modules (a `deps.ts` re-export): the codemods switch them to the runtime. */
function liveviewjsImportsOf(index: ProjectIndex, file: FileFacts): { liveviewjsImports?: { local: string; name: string; package?: string }[] } {
  const out: { local: string; name: string; package?: string }[] = [];
  for (const imp of file.module.imports) {
    const target = imp.specifier === "liveviewjs" || imp.imported === "*" ? undefined : index.resolveModule(file.path, imp.specifier);
    const module = target ? index.files.get(target)?.module : undefined;
    if (!module) continue;
    // a re-export (`export { html } from "liveviewjs"`, or an import exported again), not a value made there (`new SingleProcessPubSub()`)
    const passedOn = module.reExports.some((r) => r.name === imp.imported || r.name === "*") || module.exports.some((e) => e.name === imp.imported && module.imports.some((i) => i.local === e.local));
    if (!passedOn) continue;
    const t = index.resolveRef(file.path, { local: imp.local, member: [] }, true);
    if (t.kind === "liveviewjs" && t.member.length === 0) out.push({ local: imp.local, name: t.name });
    else if (t.kind === "package" && t.member.length === 0 && t.name !== "*" && t.name !== "default") out.push({ local: imp.local, name: t.name, package: t.specifier });
  }
  return out.length ? { liveviewjsImports: out.sort((a, b) => (a.local < b.local ? -1 : 1)) } : {};
}

/** `socket.subscribe(TOPIC)`: the string TOPIC holds, followed through imports to the module that declares it. */
function topicConstantsOf(index: ProjectIndex, file: FileFacts, view: ViewFacts): { topicConstants?: { name: string; value: string }[] } {
  const names = uniqSorted([...Object.values(view.lifecycle), ...view.events, ...view.infos].flatMap((h) => h.subscribes).filter((t) => /^[A-Za-z_$][\w$]*$/.test(t)));
  const out: { name: string; value: string }[] = [];
  for (const name of names) {
    const t = index.resolveRef(file.path, { local: name, member: [] }, true);
    const id = t.kind === "value" ? t.id : undefined;
    const owner = id ? index.files.get(id.slice(0, id.indexOf("#")))?.module : file.module;
    const local = id ? id.slice(id.indexOf("#") + 1) : name;
    const value = owner?.values.find((v) => v.name === local)?.string;
    if (value !== undefined) out.push({ name, value });
  }
  return out.length ? { topicConstants: out } : {};
}
