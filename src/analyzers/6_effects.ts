// Pass 6 (merge): effects across modules. Each function's direct effects plus the effects of what it
// calls, to a fixpoint over the call graph, keeping for each effect the shortest chain that brought it
// in (for reports and `migrate explain`): e.g. [notes.ts#list, repo.ts#NoteRepo.list, "reads module state rows (Map)"].

import type { Location } from "../plan/types.ts";
import type { CalleeRef } from "./facts.ts";
import { type EffectKind, packageEffect } from "./effects.ts";
import type { ProjectIndex, Target } from "./5_resolve.ts";
import type { TypeFallback } from "./type_fallback.ts";

export interface EffectVia {
  kind: EffectKind;
  /** Function ids from the caller down, then the effect's detail as the last element. */
  chain: string[];
  at: Location;
}

export type EffectSet = Map<EffectKind, EffectVia>;

/** liveviewjs exports whose method calls talk to other processes/users. */
const LIVEVIEWJS_PUBSUB = new Set(["SingleProcessPubSub", "RedisPubSub", "PubSub"]);
const PUBSUB_METHODS = new Set(["broadcast", "publish", "subscribe", "unsubscribe"]);

export interface EffectTable {
  byFunction: Map<string, EffectSet>;
  /** Effects of one call written in `path` (resolving the callee first). */
  ofCall(path: string, ref: CalleeRef): { target: Target; effects: EffectSet };
  /** Functions reachable from the given ids (for the plan's `functions` list). */
  reachable(ids: Iterable<string>): string[];
  edges: Map<string, string[]>;
}

/** Config verdicts (issue 7: migrate.config serverOnly / clientSafe) on project paths and package names. */
export interface ModuleRules {
  serverOnly(pathOrPackage: string): boolean;
  clientSafe(pathOrPackage: string): boolean;
}

function targetEffects(target: Target, ref: CalleeRef, rules?: ModuleRules): EffectSet {
  const out: EffectSet = new Map();
  const add = (kind: EffectKind, detail: string) => out.set(kind, { kind, chain: [detail], at: ref.at });
  if (target.kind === "package" && !ref.read && rules?.serverOnly(target.specifier)) {
    add("io", `${target.specifier} (serverOnly in migrate.config)`);
    return out;
  }
  if (target.kind === "package" && rules?.clientSafe(target.specifier)) return out;
  switch (target.kind) {
    case "state":
      add(target.write ? "module-state-write" : "module-state-read", target.detail);
      break;
    case "liveviewjs":
      if ((LIVEVIEWJS_PUBSUB.has(target.name) || target.name === "*") && PUBSUB_METHODS.has(target.member[target.member.length - 1] ?? "")) add("pubsub", `liveviewjs ${target.name}.${target.member.join(".")}`);
      break;
    case "package": {
      if (ref.read) break;
      // RedisPubSub and friends from the liveviewjs adaptor packages (@liveviewjs/express, ...).
      if (target.specifier.startsWith("@liveviewjs/") && LIVEVIEWJS_PUBSUB.has(target.name) && PUBSUB_METHODS.has(target.member[target.member.length - 1] ?? "")) {
        add("pubsub", `${target.specifier} ${target.name}.${target.member.join(".")}`);
        break;
      }
      const e = packageEffect(target.specifier);
      if (e !== "pure") add(e, `${target.specifier}${target.name === "*" || target.name === "default" ? "" : `.${target.name}`}${target.member.length ? "." + target.member.join(".") : ""}`);
      break;
    }
    case "unresolved":
      if (ref.local === "fetch" && ref.member.length === 0) add("io", "fetch");
      else if (!ref.read) add("unknown", `${[ref.local, ...ref.member].join(".")}: ${target.why}`);
      break;
    default:
      break;
  }
  return out;
}

export function computeEffects(index: ProjectIndex, fallback?: TypeFallback, rules?: ModuleRules): EffectTable {
  const byFunction = new Map<string, EffectSet>();
  // Syntax first; the type checker only for calls syntax could not follow.
  const resolve = (path: string, ref: CalleeRef): Target => {
    const t = index.resolveRef(path, ref, ref.read);
    if (t.kind !== "unresolved" || ref.read || ref.pos === undefined || !fallback || (ref.local === "fetch" && ref.member.length === 0)) return t;
    return fallback.resolveCall(path, ref.pos) ?? t;
  };
  const edges = new Map<string, string[]>();
  const ids = [...index.functions.keys()].sort();
  for (const id of ids) {
    const fn = index.functions.get(id)!;
    const path = id.slice(0, id.indexOf("#"));
    const set: EffectSet = new Map();
    byFunction.set(id, set);
    edges.set(id, []);
    // clientSafe: the module's functions count as pure, whatever they call; serverOnly: as I/O.
    if (rules?.clientSafe(path)) continue;
    if (rules?.serverOnly(path)) {
      set.set("io", { kind: "io", chain: [id, `${path} is serverOnly in migrate.config`], at: `${path}:1` });
      continue;
    }
    for (const e of fn.effects) if (!set.has(e.kind)) set.set(e.kind, { kind: e.kind, chain: [id, e.detail], at: e.at });
    const out: string[] = [];
    for (const call of fn.calls) {
      const target = resolve(path, call);
      if (target.kind === "function") {
        if (!call.read && target.id !== id) out.push(target.id);
      } else
        for (const [k, v] of targetEffects(target, call, rules)) if (!set.has(k)) set.set(k, { kind: k, chain: [id, ...v.chain], at: v.at });
    }
    byFunction.set(id, set);
    edges.set(id, [...new Set(out)]);
  }
  // Fixpoint: each round extends chains by one call; the first chain found for an effect is a shortest one.
  for (let changed = true, rounds = 0; changed && rounds < 64; rounds++) {
    changed = false;
    const snapshot = new Map([...byFunction].map(([k, v]) => [k, new Map(v)]));
    for (const id of ids) {
      const set = byFunction.get(id)!;
      for (const callee of edges.get(id)!) {
        for (const [k, v] of snapshot.get(callee) ?? []) {
          if (set.has(k)) continue;
          set.set(k, { kind: k, chain: [id, ...v.chain], at: v.at });
          changed = true;
        }
      }
    }
  }

  const callCache = new Map<string, { target: Target; effects: EffectSet }>();
  const ofCall = (path: string, ref: CalleeRef): { target: Target; effects: EffectSet } => {
    const key = `${path}\0${ref.local}\0${ref.member.join(".")}\0${ref.read ? 1 : 0}\0${ref.pos ?? ""}\0${ref.at}`;
    const hit = callCache.get(key);
    if (hit) return hit;
    const target = resolve(path, ref);
    let out: { target: Target; effects: EffectSet };
    if (target.kind === "function") out = { target, effects: ref.read ? new Map() : (byFunction.get(target.id) ?? new Map()) };
    else out = { target, effects: targetEffects(target, ref, rules) };
    callCache.set(key, out);
    return out;
  };

  const reachable = (start: Iterable<string>): string[] => {
    const seen = new Set<string>();
    const stack = [...start];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id) || !byFunction.has(id)) continue;
      seen.add(id);
      stack.push(...(edges.get(id) ?? []));
    }
    return [...seen].sort();
  };

  return { byFunction, ofCall, reachable, edges };
}
