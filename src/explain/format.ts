// Terminal text for `migrate explain`: one block per key, evidence indented under it.
import type { Explanation } from "./explain.ts";

const CLASS_WORD: Record<string, string> = { ui: "ui", form: "form", shared: "shared" };

export function formatExplanation(explanation: Explanation): string {
  const lines: string[] = [];
  for (const view of explanation.views) {
    lines.push(`${view.id} (${view.kind}, ${view.status})`);
    if (!view.keys.length) lines.push("  (assigns no keys)");
    for (const k of view.keys) {
      lines.push("", `  ${k.key}: ${CLASS_WORD[k.class]} (confidence ${k.confidence})`);
      lines.push(`    decided by ${k.decidedBy.code} at ${k.decidedBy.at}: ${k.decidedBy.message}`);
      if (k.decidedBy.rule) lines.push(`      rule: ${k.decidedBy.rule}`);
      if (k.override) {
        lines.push(`    override (${k.override.kind}) from ${k.override.from}; the analysis alone said ${k.override.analyzed}`);
        if (k.override.warning) lines.push(`    WARNING: ${k.override.warning}`);
      }
      lines.push(`    writes (${k.writes.length}):`);
      for (const w of k.writes) {
        lines.push(`      ${w.handler} at ${w.at}: ${w.expr}  [${w.sources.join(", ")}]`);
        for (const c of w.calls) {
          if (!c.chains.length) lines.push(`        ${c.callee}() at ${c.at}: ${c.effects.length ? c.effects.join(", ") : "no effects"}${c.target ? ` (${c.target})` : ""}`);
          for (const ch of c.chains) lines.push(`        ${ch.steps.join(" → ")} → ${ch.effect === "module-state-read" || ch.effect === "module-state-write" ? "" : `${ch.effect} → `}${k.class}`);
        }
      }
      if (k.reasons.length > 1) {
        lines.push("    other evidence:");
        for (const r of k.reasons.slice(1)) lines.push(`      ${r.code} at ${r.at}: ${r.message}`);
      }
    }
    lines.push("");
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}
