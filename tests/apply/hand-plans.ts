// ViewPlans written by hand for the golden cases (the analyzer's classification is tested on its
// own; these say what the analyzer is expected to decide, so apply can be tested without it).

import type { Placement, StateClass, ViewPlan } from "../../src/plan/types.ts";

export interface HandView {
  file: string;
  name: string;
  keys?: Record<string, StateClass | { class: StateClass; temporary?: boolean }>;
  events?: Record<string, Placement>;
  /** info name → { origin, writes } */
  infos?: Record<string, { origin: string; writes: string[] }>;
  route?: string;
  markers?: { code: string; message: string; line: number }[];
  /** "component" for a createLiveComponent definition (default "view"). */
  kind?: "view" | "component";
}

export function handPlan(view: HandView): ViewPlan {
  const at = `${view.file}:1`;
  return {
    id: `${view.file}#${view.name}`,
    file: view.file,
    name: view.name,
    kind: view.kind ?? "view",
    api: view.kind === "component" ? "createLiveComponent" : "createLiveView",
    at,
    route: view.route,
    state: Object.entries(view.keys ?? {}).map(([key, value]) => {
      const decided = typeof value === "string" ? { class: value } : value;
      return {
        key,
        class: decided.class,
        confidence: "high" as const,
        reasons: [{ code: decided.class === "shared" ? "EFFECTFUL_CALL" : "LITERAL", message: decided.class === "shared" ? "written from a data-module call" : "written from literals", at }],
        writes: [],
        reads: [],
        temporary: "temporary" in decided ? decided.temporary : undefined,
      };
    }),
    events: Object.entries(view.events ?? {}).map(([name, placement]) => ({
      name,
      placement,
      confidence: "high" as const,
      reasons: [{ code: placement === "client" ? "EVENT_UI_ONLY" : "EVENT_SERVER_EFFECT", message: placement === "client" ? "touches only ui state" : "calls a data module", at }],
      reads: [],
      writes: [],
      at,
      bindings: ["phx-click"],
    })),
    infos: Object.entries(view.infos ?? {}).map(([name, info]) => ({ name, origin: info.origin, writes: info.writes, at })),
    template: { reads: [], bindings: [], helpers: [], forms: [], components: [] },
    markers: (view.markers ?? []).map((m) => ({ code: m.code, message: m.message, at: `${view.file}:${m.line}` })),
    handlers: {},
    migration: { status: "pending" },
  };
}
