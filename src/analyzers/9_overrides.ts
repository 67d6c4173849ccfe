// Overrides as decision records (issue 7): a forced class becomes the decision, with reason
// USER_OVERRIDE and where it came from; the analyzed class is kept, and evidence that contradicts the
// override (forcing ui on a key the server owns) is flagged as a warning, never dropped.

import ignore from "ignore";
import type { EventDecision, FileError, KeyDecision, Placement, StateClass, ViewPlan } from "../plan/types.ts";
import type { ModuleRules } from "./6_effects.ts";
import type { FileFacts, ViewFacts } from "./facts.ts";
import { REASONS } from "./reasons.ts";

const STRICTNESS: Record<StateClass, number> = { ui: 0, form: 1, shared: 2 };

/** Applies one forced class to a decision (config or annotation); returns the new decision. */
export function overrideKey(decision: KeyDecision, forced: StateClass, from: string, kind: "config" | "annotation"): KeyDecision {
  const analyzed = decision.override?.analyzed ?? decision.class;
  const against = decision.reasons.find((r) => r.code !== "USER_OVERRIDE");
  const warning =
    STRICTNESS[analyzed] > STRICTNESS[forced] && against
      ? `forced ${forced}, but the analysis found ${analyzed}: ${against.message} (${against.at})`
      : undefined;
  const at = /:\d+$/.test(from) ? from : against?.at ?? decision.writes[0]?.at ?? "unknown:0";
  return {
    ...decision,
    class: forced,
    confidence: "high",
    reasons: [{ code: "USER_OVERRIDE", message: `${REASONS.USER_OVERRIDE.short}: ${forced} (${kind} ${from})`, at }, ...decision.reasons.filter((r) => r.code !== "USER_OVERRIDE")],
    override: { from, kind, analyzed, ...(warning ? { warning } : {}) },
  };
}

/** `// @migrate <class>` on an assign/property of this view, or on the key in a type of the same file. */
export function applyAnnotations(state: KeyDecision[], view: ViewFacts, file: FileFacts): KeyDecision[] {
  return state.map((d) => {
    const onWrite = view.writes.find((w) => w.key === d.key && w.annotation)?.annotation;
    const onType = file.module.keyAnnotations.find((a) => a.key === d.key);
    const a = onWrite ?? onType;
    return a ? overrideKey(d, a.class, a.at, "annotation") : d;
  });
}

// ---- Config overrides (migrate.config.*): keys before event placement, so forced classes re-place events.


/** The part of migrate.config the merge uses (src/config/schema.ts validates the whole file). */
export interface ConfigOverrides {
  file: string;
  config: {
    views?: Record<string, { ignore?: true; keys?: Record<string, StateClass>; events?: Record<string, Placement> }>;
  };
}

export function isConfigOverrides(value: unknown): value is ConfigOverrides {
  return !!value && typeof value === "object" && typeof (value as ConfigOverrides).file === "string" && typeof (value as ConfigOverrides).config === "object";
}

/** Config entries for a view: its id ("src/x.ts#name") or its bare name both select it. */
export function viewEntries(overrides: ConfigOverrides | undefined, id: string, name: string): { ref: string; entry: NonNullable<ConfigOverrides["config"]["views"]>[string] }[] {
  const views = overrides?.config.views ?? {};
  return Object.keys(views)
    .filter((ref) => ref === id || ref === name)
    .sort()
    .map((ref) => ({ ref, entry: views[ref]! }));
}

export function applyConfigKeys(state: KeyDecision[], overrides: ConfigOverrides | undefined, id: string, name: string): KeyDecision[] {
  const entries = viewEntries(overrides, id, name);
  if (!entries.length) return state;
  return state.map((d) => {
    for (const { ref, entry } of entries) {
      const forced = entry.keys?.[d.key];
      if (forced) return overrideKey(d, forced, `${overrides!.file}:views.${ref}.keys.${d.key}`, "config");
    }
    return d;
  });
}

export function applyConfigEvents(events: EventDecision[], overrides: ConfigOverrides | undefined, id: string, name: string): EventDecision[] {
  const entries = viewEntries(overrides, id, name);
  if (!entries.length) return events;
  return events.map((e) => {
    for (const { ref, entry } of entries) {
      const forced = entry.events?.[e.name];
      if (!forced) continue;
      const from = `${overrides!.file}:views.${ref}.events.${e.name}`;
      return {
        ...e,
        placement: forced,
        confidence: "high" as const,
        reasons: [{ code: "USER_OVERRIDE", message: `${REASONS.USER_OVERRIDE.short}: ${forced} (config ${from})`, at: e.at }, ...e.reasons.filter((r) => r.code !== "USER_OVERRIDE")],
        override: { from, kind: "config" as const, analyzed: e.override?.analyzed ?? e.placement },
      };
    }
    return e;
  });
}

/** Views, keys and events the config names that the analysis did not find: warnings, not errors. */
export function unknownConfigNames(overrides: ConfigOverrides | undefined, views: ViewPlan[]): FileError[] {
  if (!overrides) return [];
  const out: FileError[] = [];
  for (const [ref, entry] of Object.entries(overrides.config.views ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const matched = views.filter((v) => v.id === ref || v.name === ref);
    if (!matched.length) {
      out.push({ file: overrides.file, code: "CONFIG_UNKNOWN_VIEW", message: `views.${ref}: no view with this id or name was found` });
      continue;
    }
    for (const key of Object.keys(entry.keys ?? {}).sort())
      if (!matched.some((v) => v.state.some((k) => k.key === key))) out.push({ file: overrides.file, code: "CONFIG_UNKNOWN_KEY", message: `views.${ref}.keys.${key}: the view assigns no key "${key}" (keys: ${uniqueNames(matched.flatMap((v) => v.state.map((k) => k.key)))})` });
    for (const ev of Object.keys(entry.events ?? {}).sort())
      if (!matched.some((v) => v.events.some((e) => e.name === ev))) out.push({ file: overrides.file, code: "CONFIG_UNKNOWN_EVENT", message: `views.${ref}.events.${ev}: the view handles no event "${ev}" (events: ${uniqueNames(matched.flatMap((v) => v.events.map((e) => e.name)))})` });
  }
  return out;
}

function uniqueNames(names: string[]): string {
  const u = [...new Set(names)].sort();
  return u.length ? u.join(", ") : "none";
}


/** serverOnly / clientSafe entries: a package name (and its subpaths) or a .gitignore-style glob over root-relative paths. */
export function moduleRulesFrom(overrides: ConfigOverrides | undefined): ModuleRules | undefined {
  const cfg = overrides?.config as { serverOnly?: string[]; clientSafe?: string[] } | undefined;
  if (!cfg?.serverOnly?.length && !cfg?.clientSafe?.length) return undefined;
  const matcher = (entries: string[] = []) => {
    const globs = ignore().add(entries);
    return (name: string) => entries.some((e) => name === e || name.startsWith(`${e}/`)) || (!name.startsWith("/") && !name.startsWith("node:") && safeIgnores(globs, name));
  };
  return { serverOnly: matcher(cfg.serverOnly), clientSafe: matcher(cfg.clientSafe) };
}

function safeIgnores(globs: ReturnType<typeof ignore>, name: string): boolean {
  try {
    return globs.ignores(name);
  } catch {
    return false; // not a relative path (e.g. "@scope/pkg" is fine, "../x" is not): no match
  }
}
