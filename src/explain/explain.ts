// `migrate explain`: the evidence behind one key (or every key of a view), read from the plan, never
// recomputed: each write, where its value comes from, the calls followed across modules with the
// effect each brought in, the rule that decided (reasons.ts) and any override.

import { reasonInfo } from "../analyzers/reasons.ts";
import type { FunctionEffects, KeyDecision, Plan, StateClass, ViewPlan } from "../plan/types.ts";

export interface ExplainTarget {
  /** Root-relative POSIX path of the view file. */
  file: string;
  view?: string;
  key?: string;
}

export interface ExplainedCall {
  callee: string;
  at: string;
  target?: string;
  effects: string[];
  /** One line per effect: callee → function ids … → what it does. */
  chains: { effect: string; steps: string[]; at: string }[];
}

export interface ExplainedKey {
  view: string;
  key: string;
  class: StateClass;
  confidence: string;
  decidedBy: { code: string; rule: string; message: string; at: string };
  writes: { handler: string; at: string; expr: string; sources: string[]; calls: ExplainedCall[] }[];
  reasons: { code: string; message: string; at: string }[];
  override?: KeyDecision["override"];
}

export interface Explanation {
  file: string;
  views: { id: string; name: string; kind: string; status: string; keys: ExplainedKey[] }[];
}

export type ExplainOutcome = { ok: true; explanation: Explanation } | { ok: false; code: "UNKNOWN_FILE" | "UNKNOWN_VIEW" | "UNKNOWN_KEY"; message: string };

export function explain(plan: Plan, target: ExplainTarget): ExplainOutcome {
  const inFile = plan.views.filter((v) => v.file === target.file);
  if (!inFile.length) {
    const files = [...new Set(plan.views.map((v) => v.file))].sort();
    const known = plan.files.some((f) => f.path === target.file);
    return { ok: false, code: "UNKNOWN_FILE", message: `${known ? `${target.file} defines no live view` : `${target.file} is not among the analyzed files`}; files with views: ${files.join(", ") || "none"}` };
  }
  const views = target.view === undefined ? inFile : inFile.filter((v) => v.name === target.view);
  if (!views.length) return { ok: false, code: "UNKNOWN_VIEW", message: `${target.file} has no view "${target.view}"; views: ${inFile.map((v) => v.name).join(", ")}` };
  const functions = new Map(plan.functions.map((f) => [f.id, f]));
  const out: Explanation = { file: target.file, views: [] };
  for (const view of views) {
    const keys = target.key === undefined ? view.state : view.state.filter((k) => k.key === target.key);
    if (!keys.length && target.key !== undefined) return { ok: false, code: "UNKNOWN_KEY", message: `${view.id} has no key "${target.key}"; keys: ${view.state.map((k) => k.key).join(", ") || "none"}` };
    out.views.push({ id: view.id, name: view.name, kind: view.kind, status: view.migration.status, keys: keys.map((k) => explainKey(view, k, functions)) });
  }
  return { ok: true, explanation: out };
}

function explainKey(view: ViewPlan, k: KeyDecision, functions: Map<string, FunctionEffects>): ExplainedKey {
  const first = k.reasons[0] ?? { code: "UNKNOWN", message: "no reason recorded", at: view.at };
  return {
    view: view.id,
    key: k.key,
    class: k.class,
    confidence: k.confidence,
    decidedBy: { code: first.code, rule: reasonInfo(first.code)?.long ?? "", message: first.message, at: first.at },
    writes: k.writes.map((w) => ({
      handler: w.handler,
      at: w.at,
      expr: w.expr,
      sources: w.sources,
      calls: (w.calls ?? []).map((c) => explainCall(c, functions)),
    })),
    reasons: k.reasons.map((r) => ({ code: r.code, message: r.message, at: r.at })),
    ...(k.override ? { override: k.override } : {}),
  };
}

function explainCall(call: NonNullable<KeyDecision["writes"][number]["calls"]>[number], functions: Map<string, FunctionEffects>): ExplainedCall {
  const fn = call.target ? functions.get(call.target) : undefined;
  const chains = (fn?.via ?? [])
    .filter((v) => call.effects.includes(v.effect) || call.effects.length === 0)
    .map((v) => ({ effect: v.effect, steps: [`${call.callee}()`, ...v.chain.map(shortId)], at: v.at }));
  return { callee: call.callee, at: call.at, ...(call.target ? { target: call.target } : {}), effects: call.effects, chains };
}

/** "src/repo/note-repo.ts#NoteRepo.list" stays whole: the file tells where the step happens. */
function shortId(step: string): string {
  return step;
}
