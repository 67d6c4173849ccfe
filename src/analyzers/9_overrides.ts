// Overrides as decision records (issue 7): a forced class becomes the decision, with reason
// USER_OVERRIDE and where it came from; the analyzed class is kept, and evidence that contradicts the
// override (forcing ui on a key the server owns) is flagged as a warning, never dropped.

import type { KeyDecision, StateClass } from "../plan/types.ts";
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
