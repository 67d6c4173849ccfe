// Pass 7 (merge): a class per state key. Every write contributes reasons (from REASONS); keys derived
// from other keys take their class to a fixpoint; the strongest reason decides, the stricter class
// wins on conflict (ranks are ordered so that both rules agree), and unknowns lower the confidence.

import type { Confidence, KeyDecision, Reason, StateClass, ValueSource } from "../plan/types.ts";
import type { CalleeRef, ViewFacts, WriteFact } from "./facts.ts";
import { REASONS, type ReasonCode, reasonInfo, reasonRank, stricter } from "./reasons.ts";
import { isServerEffect } from "./effects.ts";
import type { EffectTable, EffectVia } from "./6_effects.ts";
import { compareLoc } from "./ast.ts";

export interface InfoOrigins {
  get(name: string): string;
}

export interface ClassifyContext {
  path: string;
  view: ViewFacts;
  effects: EffectTable;
  infoOrigin: (name: string) => string;
  /** Events bound to a form's phx-change / phx-submit. */
  formEvents: Set<string>;
}

interface Evidence {
  code: ReasonCode;
  message: string;
  at: string;
}

const LOW_CONFIDENCE: ReadonlySet<string> = new Set(["UNKNOWN_CALLEE", "DYNAMIC_KEYS", "INFO_UNKNOWN_ORIGIN", "NEVER_WRITTEN_STATICALLY"]);
const MEDIUM_CONFIDENCE: ReadonlySet<string> = new Set(["DERIVED_FROM_FORM", "SELF_INFO"]);

export function formatChain(v: EffectVia): string {
  return v.chain.join(" → ");
}

/** Reasons one write gives, before derived-key reasoning. */
export function writeEvidence(c: ClassifyContext, w: WriteFact): { evidence: Evidence[]; deps: string[] } {
  const ev: Evidence[] = [];
  const add = (code: ReasonCode, message: string) => ev.push({ code, message, at: w.at });
  const where = w.handler;
  const sources = new Set<ValueSource>(w.sources);
  if (where.startsWith("handleInfo:")) {
    const info = where.slice("handleInfo:".length);
    const origin = c.infoOrigin(info);
    // the value decides, not the handler it sits in: a message only makes the key the sender's when
    // what is written carries the message's data (DESIGN.md "Classify the value written")
    const carries = sources.has("info");
    if (origin.startsWith("subscribe")) {
      if (carries) add("INFO_FROM_PUBSUB", `written in handleInfo (${info}) from ${origin}: ${w.expr}`);
    } else if (origin === "setInterval") {
      // a literal or a count of the ticks (`n: ctx.n + 1`) is the tab's own; a value the timer computes (a timestamp, a reload) is the server's
      const ownCount = w.calls.length === 0 && [...sources].every((s) => s === "literal" || s === "state");
      if (!ownCount) add("SERVER_TIMER", `written in handleInfo (${info}) sent by a server timer`);
    }
    else if (origin === "sendInfo") add("SELF_INFO", `written in handleInfo (${info}), a message the view sends itself`);
    else if (origin === "sendParentInfo") add("SELF_INFO", `written in handleInfo (${info}), a message a live component this view renders sends it (sendParentInfo)`);
    else if (carries) add("INFO_UNKNOWN_ORIGIN", `written in handleInfo (${info}); its sender is unknown`);
    sources.delete("info");
  }
  if (sources.has("session")) add("SESSION", `written from the session in ${where}: ${w.expr}`);
  if (sources.has("env")) add("ENV", `written from process.env in ${where}: ${w.expr}`);
  if (sources.has("await")) add("AWAIT", `written from an awaited value in ${where}: ${w.expr}`);
  if (sources.has("changeset")) add("CHANGESET", `a changeset in ${where}: ${w.expr}`);
  if (sources.has("upload")) add("UPLOAD", `upload entries in ${where}`);
  let pureCalls = 0;
  for (const call of w.calls) {
    const { target, effects } = c.effects.ofCall(c.path, call);
    const server = [...effects.values()].filter((e) => isServerEffect(e.kind));
    const unknown = effects.get("unknown");
    const name = [call.local, ...call.member].join(".");
    if (server.length > 0) add("EFFECTFUL_CALL", `written from ${name}${call.read ? "" : "()"} in ${where}: ${name} → ${formatChain(server[0]!)}`);
    else if (unknown) add("UNKNOWN_CALLEE", `written from ${name}() in ${where}, which the analysis cannot follow (${unknown.chain[unknown.chain.length - 1]})`);
    else if (target.kind === "changeset") add("CHANGESET", `a changeset from ${name}() in ${where}`);
    else pureCalls++;
  }
  if (sources.has("event-param")) {
    const event = where.startsWith("handleEvent:") ? where.slice("handleEvent:".length) : undefined;
    // The fields of a form event, or what pure code computes from them (normalized fields, the list of
    // validation problems): the form's data and its validation result.
    if (event && c.formEvents.has(event) && !sources.has("changeset")) add("FORM_BINDING", `written from the params of form event ${event}: ${w.expr}`);
    else add("EVENT_PARAM", `written from event params in ${where}: ${w.expr}`);
  }
  if (sources.has("route-param") || sources.has("url")) add("ROUTE_PARAM", `written from ${sources.has("url") ? "the URL" : "route params"} in ${where}: ${w.expr}`);
  if (pureCalls > 0 || sources.has("pure-call")) add("PURE_CALL", `computed by pure functions in ${where}: ${w.expr}`);
  if (sources.has("literal") && ev.length === 0 && w.stateDeps.length === 0) add("LITERAL", `a literal in ${where}: ${w.expr}`);
  if (sources.has("unknown")) add("UNKNOWN_CALLEE", `value of unknown origin in ${where}: ${w.expr}`);
  if (ev.length === 0 && w.stateDeps.length === 0) add("LITERAL", `a literal or its own previous value in ${where}: ${w.expr}`);
  return { evidence: ev, deps: w.stateDeps };
}

const DERIVED: Record<StateClass, ReasonCode> = { shared: "DERIVED_FROM_SHARED", form: "DERIVED_FROM_FORM", ui: "DERIVED_FROM_UI" };

export function classifyKeys(c: ClassifyContext): KeyDecision[] {
  const view = c.view;
  const keys = new Set<string>(view.writes.map((w) => w.key));
  const readOnly = new Set<string>();
  // a component's keys it reads but never assigns are its props (the parent's live_component call sets them)
  for (const r of view.reads) if (!keys.has(r.key)) readOnly.add(r.key);
  const base = new Map<string, Evidence[]>();
  const deps = new Map<string, { dep: string; at: string; handler: string }[]>();
  for (const key of keys) {
    const ev: Evidence[] = [];
    const ds: { dep: string; at: string; handler: string }[] = [];
    for (const w of view.writes.filter((x) => x.key === key)) {
      const r = writeEvidence(c, w);
      ev.push(...r.evidence);
      for (const d of r.deps) ds.push({ dep: d, at: w.at, handler: w.handler });
    }
    base.set(key, ev);
    deps.set(key, ds);
  }
  for (const key of readOnly) {
    base.set(key, [
      view.dynamicKeys
        ? { code: "DYNAMIC_KEYS", message: `read by the view but only assigned through keys the analysis cannot read`, at: view.reads.find((r) => r.key === key)!.at }
        : view.kind === "component"
          ? { code: "COMPONENT_PROP", message: `a prop: read in ${view.reads.find((r) => r.key === key)!.in}, set by the parent's live_component(...) call`, at: view.reads.find((r) => r.key === key)!.at }
          : { code: "NEVER_WRITTEN_STATICALLY", message: `read in ${view.reads.find((r) => r.key === key)!.in} but never assigned where the analysis can see it`, at: view.reads.find((r) => r.key === key)!.at },
    ]);
    deps.set(key, []);
  }

  const classOf = (ev: Evidence[]): StateClass => ev.reduce<StateClass>((acc, e) => stricter(acc, reasonInfo(e.code)?.class ?? "ui"), "ui");
  const cls = new Map<string, StateClass>();
  for (const [k, ev] of base) cls.set(k, classOf(ev));
  // Derived keys: a key computed from a shared key is shared, and so on, to a fixpoint.
  for (let changed = true, i = 0; changed && i < 32; i++) {
    changed = false;
    for (const [k, ds] of deps) {
      let next = cls.get(k)!;
      for (const d of ds) if (cls.has(d.dep) && d.dep !== k) next = stricter(next, cls.get(d.dep)!);
      if (next !== cls.get(k)) {
        cls.set(k, next);
        changed = true;
      }
    }
  }

  const out: KeyDecision[] = [];
  for (const key of [...base.keys()].sort()) {
    const ev = [...base.get(key)!];
    for (const d of deps.get(key)!) {
      const dc = cls.get(d.dep);
      if (!dc) continue;
      ev.push({ code: DERIVED[dc], message: `derived from ${dc} key ${d.dep} in ${d.handler}`, at: d.at });
    }
    const reasons = dedupeReasons(ev);
    const klass = cls.get(key)!;
    out.push({
      key,
      class: klass,
      confidence: confidenceOf(reasons),
      reasons,
      writes: view.writes.filter((w) => w.key === key).map((w) => ({ handler: w.handler, at: w.at, sources: effectiveSources(c, w), expr: w.expr, span: w.span, ...(w.calls.length ? { calls: w.calls.map((call) => callRecord(c, call)) } : {}) })),
      reads: view.reads.filter((r) => r.key === key).map((r) => ({ in: r.in, at: r.at })),
      ...(view.writes.some((w) => w.key === key && w.temporary) ? { temporary: true } : {}),
    });
  }
  return out;
}

function callRecord(c: ClassifyContext, call: CalleeRef): { callee: string; at: string; target?: string; effects: string[] } {
  const { target, effects } = c.effects.ofCall(c.path, call);
  return { callee: [call.local, ...call.member].join("."), at: call.at, ...(target.kind === "function" ? { target: target.id } : {}), effects: [...effects.keys()].sort() };
}

/** Sources with calls decided: "pure-call" or "effectful-call" (and "state" for derived values). */
function effectiveSources(c: ClassifyContext, w: WriteFact): ValueSource[] {
  const s = new Set<ValueSource>(w.sources);
  for (const call of w.calls) {
    const { effects, target } = c.effects.ofCall(c.path, call);
    if ([...effects.keys()].some(isServerEffect)) s.add("effectful-call");
    else if (effects.has("unknown")) s.add("unknown");
    else if (target.kind === "changeset") s.add("changeset");
    else if (!call.read) s.add("pure-call");
  }
  if (w.stateDeps.length) s.add("state");
  return [...s].sort();
}

function dedupeReasons(ev: Evidence[]): Reason[] {
  const seen = new Set<string>();
  const out: Reason[] = [];
  for (const e of ev) {
    const k = `${e.code}\0${e.at}\0${e.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ code: e.code, message: e.message, at: e.at });
  }
  return out.sort((a, b) => reasonRank(b.code) - reasonRank(a.code) || compareLoc(a.at, b.at) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

function confidenceOf(reasons: Reason[]): Confidence {
  const top = reasons[0];
  if (!top) return "low";
  if (LOW_CONFIDENCE.has(top.code)) return "low";
  const strongest = REASONS[top.code as ReasonCode];
  // An unknown call next to a weaker decision means the decision might be wrong.
  if (reasons.some((r) => LOW_CONFIDENCE.has(r.code))) return strongest && "class" in strongest && strongest.class === "shared" ? "medium" : "low";
  if (MEDIUM_CONFIDENCE.has(top.code)) return "medium";
  return "high";
}
