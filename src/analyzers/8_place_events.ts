// Pass 8 (merge): a placement per event from the classes of the keys its handler writes and the
// effects it has. client: only ui/form keys, no server effects. server: a server part and no ui/form
// writes. split: ui/form writes plus a server part. Messages the view sends itself (sendInfo) carry
// their handler's server part into the event that sends them.

import type { Confidence, EventDecision, KeyDecision, Placement, Reason } from "../plan/types.ts";
import type { CalleeRef, EventFact, HandlerFacts, ViewFacts } from "./facts.ts";
import { isServerEffect } from "./effects.ts";
import type { EffectTable } from "./6_effects.ts";
import { formatChain } from "./7_classify.ts";
import { reasonRank } from "./reasons.ts";
import { compareLoc, uniqSorted } from "./ast.ts";

interface ServerPart {
  effects: Reason[];
  unknown: Reason[];
}

export function placeEvents(path: string, view: ViewFacts, keys: KeyDecision[], effects: EffectTable): EventDecision[] {
  const classOf = new Map(keys.map((k) => [k.key, k.class]));
  const infos = new Map(view.infos.map((i) => [i.name, i]));

  const serverPartOf = (h: HandlerFacts, seen: Set<string>): ServerPart => {
    const out: ServerPart = { effects: [], unknown: [] };
    for (const e of h.effects) if (isServerEffect(e.kind)) out.effects.push({ code: "EVENT_SERVER_EFFECT", message: e.detail, at: e.at });
    for (const call of h.calls) {
      if (call.local === "@info") {
        const name = call.member[0]!;
        const info = infos.get(name) ?? infos.get("*");
        if (!info || seen.has(info.name)) continue;
        seen.add(info.name);
        const sub = serverPartOf(info, seen);
        const sharedWrites = info.writes.filter((k) => classOf.get(k) === "shared");
        if (sub.effects.length || sharedWrites.length) out.effects.push({ code: "EVENT_SERVER_EFFECT", message: `sends itself ${name}, whose handler ${sub.effects[0]?.message ?? `writes shared ${sharedWrites.join(", ")}`}`, at: call.at });
        out.unknown.push(...sub.unknown);
        continue;
      }
      const { effects: eff } = effects.ofCall(path, call);
      const server = [...eff.values()].find((e) => isServerEffect(e.kind));
      const name = [call.local, ...call.member].join(".");
      if (server) out.effects.push({ code: "EVENT_SERVER_EFFECT", message: `calls ${name} → ${formatChain(server)}`, at: call.at });
      else if (eff.has("unknown")) out.unknown.push({ code: "EVENT_UNKNOWN_CALLEE", message: `calls ${name}, which the analysis cannot follow`, at: call.at });
    }
    return out;
  };

  const decide = (ev: EventFact): EventDecision => {
    const part = serverPartOf(ev, new Set());
    // uploaded files are server temp files: reading them is server work whatever the callback does
    for (const op of ev.socketOps) if (op === "consumeUploadedEntries" || op === "uploadedEntries") part.effects.push({ code: "EVENT_SERVER_EFFECT", message: `socket.${op}: the uploaded files are on the server`, at: ev.at });
    const sharedWrites = ev.writes.filter((k) => classOf.get(k) === "shared");
    const clientWrites = ev.writes.filter((k) => classOf.get(k) === "ui" || classOf.get(k) === "form");
    const reasons: Reason[] = [...part.effects, ...part.unknown];
    for (const k of sharedWrites) reasons.push({ code: "EVENT_WRITES_SHARED", message: `writes shared key ${k}`, at: writeAt(view, ev.name, k) ?? ev.at });
    const server = reasons.length > 0;
    let placement: Placement;
    if (server && clientWrites.length > 0) {
      placement = "split";
      reasons.push({ code: "EVENT_SPLIT", message: `updates ${clientWrites.join(", ")} at once; the rest runs as a command`, at: ev.at });
    } else if (server) placement = "server";
    else {
      placement = "client";
      reasons.push({ code: "EVENT_UI_ONLY", message: ev.writes.length ? `writes only ui/form keys ${ev.writes.join(", ")}; no server effects` : "writes no key and has no server effects", at: ev.at });
    }
    const dynamic = view.dynamicKeys && view.writes.length === 0;
    const confidence: Confidence = part.unknown.length > 0 || ev.name === "*" || (view.dynamicKeys && view.markers.some((m) => m.code === "DYNAMIC_KEYS" && m.span && m.span.start >= ev.span.start && m.span.end <= ev.span.end + 1)) || dynamic ? "low" : placement === "split" ? "medium" : "high";
    return {
      name: ev.name,
      placement,
      confidence,
      reasons: sortReasons(reasons),
      reads: ev.reads,
      writes: ev.writes,
      span: ev.span,
      at: ev.at,
      bindings: bindingsFor(view, ev.name),
      ...sentBy(view, ev.name),
    };
  };

  const out = view.events.map(decide);
  // Events the template sends that no handler branch names.
  const handled = new Set(view.events.map((e) => e.name));
  for (const b of view.template.bindings) {
    if (b.dynamic || handled.has(b.value) || !isEventAttr(b.attr) || view.events.some((e) => e.name === "*")) continue;
    handled.add(b.value);
    if (!view.handlers.handleEvent) continue; // a component's markup targets its own handler
    out.push({ name: b.value, placement: "client", confidence: "low", reasons: [{ code: "EVENT_NO_HANDLER", message: `${b.attr}="${b.value}" has no handler branch in this view`, at: b.at }], reads: [], writes: [], at: b.at, bindings: bindingsFor(view, b.value) });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function isEventAttr(attr: string): boolean {
  return /^phx-(click|change|submit|blur|focus|keydown|keyup|window-keydown|window-keyup|window-focus|window-blur|click-away|capture-click)$/.test(attr);
}

/**
 * The fields every event named `name` carries: when the template sends it only from forms (no click,
 * no key, no hook that could push it, no binding named at run time) and each of those forms always
 * sends the field.
 */
function sentBy(view: ViewFacts, name: string): { sent?: string[]; textOnly?: true } {
  const { bindings, forms } = view.template;
  if (bindings.some((b) => b.attr === "phx-hook" || (b.dynamic && isEventAttr(b.attr)))) return {};
  const own = bindings.filter((b) => b.value === name && isEventAttr(b.attr));
  if (own.length === 0) return {};
  // only the template's own bindings send it: Phoenix's client sends text (phx-value-*, values, forms)
  const textOnly = { textOnly: true as const };
  const from = forms.filter((f) => f.event === name || f.changeEvent === name);
  if (own.some((b) => b.attr !== "phx-submit" && b.attr !== "phx-change") || own.length !== from.length) return textOnly;
  const sent = from.map((f) => new Set(f.sent ?? [])).reduce((a, b) => new Set([...a].filter((x) => b.has(x))));
  return sent.size > 0 ? { sent: [...sent].sort(), ...textOnly } : textOnly;
}

function bindingsFor(view: ViewFacts, name: string): string[] {
  return uniqSorted(view.template.bindings.filter((b) => !b.dynamic && b.value === name && isEventAttr(b.attr)).map((b) => b.attr));
}

function writeAt(view: ViewFacts, event: string, key: string): string | undefined {
  return view.writes.find((w) => w.key === key && w.handler === `handleEvent:${event}`)?.at;
}

function sortReasons(rs: Reason[]): Reason[] {
  const seen = new Set<string>();
  return rs
    .filter((r) => {
      const k = `${r.code}\0${r.at}\0${r.message}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => reasonRank(b.code) - reasonRank(a.code) || compareLoc(a.at, b.at) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

export type { CalleeRef };
