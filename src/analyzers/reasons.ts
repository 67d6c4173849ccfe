// Every reason the analysis gives for a class or a placement, in one enum: rank (higher is stronger),
// the class or placement it argues for, a short and a long message. Reports, markers and explain read these.

import type { StateClass } from "../plan/types.ts";

export interface ReasonInfo {
  rank: number;
  /** Class this reason argues for (absent for event/marker-only reasons). */
  class?: StateClass;
  short: string;
  long: string;
}

export const REASONS = {
  USER_OVERRIDE: { rank: 100, short: "set by the user", long: "The class was forced by configuration or an inline annotation." },
  DYNAMIC_KEYS: { rank: 95, class: "shared", short: "dynamic keys", long: "An assign in this view has keys the analysis cannot read (computed keys, a call result or a variable object); the view is left on the server until a person decides." },
  INFO_FROM_PUBSUB: { rank: 92, class: "shared", short: "updated by pubsub", long: "Written in handleInfo for a message that arrives through a pubsub subscription: other users change it." },
  SERVER_TIMER: { rank: 91, class: "shared", short: "updated by a server timer", long: "Written in handleInfo for a message a server timer (setInterval/setTimeout) sends." },
  SESSION: { rank: 90, class: "shared", short: "from the session", long: "Derived from session data (user, role, permissions): the server must own and recompute it." },
  ENV: { rank: 89, class: "shared", short: "from process.env", long: "Derived from environment variables, which exist only on the server." },
  EFFECTFUL_CALL: { rank: 88, class: "shared", short: "from a call with server effects", long: "The value comes from a function that does I/O, touches module-level state, a store, pubsub or node built-ins (possibly several calls away)." },
  AWAIT: { rank: 87, class: "shared", short: "from an awaited value", long: "The value is awaited: I/O or another asynchronous server operation." },
  DERIVED_FROM_SHARED: { rank: 86, class: "shared", short: "derived from shared state", long: "Computed from another key that is shared." },
  INFO_UNKNOWN_ORIGIN: { rank: 85, class: "shared", short: "written in handleInfo (origin unknown)", long: "Written in handleInfo for a message whose sender the analysis cannot find." },
  UNKNOWN_CALLEE: { rank: 84, class: "shared", short: "calls something the analysis cannot see into", long: "The value comes from a function the analysis cannot resolve; kept on the server to be safe." },
  CHANGESET: { rank: 70, class: "form", short: "a changeset", long: "Built by a changeset factory (newChangesetFactory): form data with its validation result." },
  UPLOAD: { rank: 69, class: "form", short: "upload entries", long: "Holds upload entries of a form." },
  FORM_BINDING: { rank: 68, class: "form", short: "bound to a form", long: "Written from the params of a phx-change/phx-submit event: data of a form being edited." },
  DERIVED_FROM_FORM: { rank: 67, class: "form", short: "derived from form state", long: "Computed from another key that is form data." },
  ROUTE_PARAM: { rank: 40, class: "ui", short: "from route or query params", long: "Derived from the URL: route params or query params; the client can read them itself." },
  EVENT_PARAM: { rank: 38, class: "ui", short: "from event params", long: "Written from the params of a client event (click, key) in this tab." },
  COMPONENT_PROP: { rank: 37, class: "ui", short: "a component prop", long: "Read by a live component but never assigned by it: a prop its parent passes to live_component(...), which the parent's render holds (in the browser once the parent is migrated)." },
  PURE_CALL: { rank: 36, class: "ui", short: "from a pure function", long: "Computed by functions without server effects from ui values." },
  DERIVED_FROM_UI: { rank: 35, class: "ui", short: "derived from ui state", long: "Computed from other keys of this view that are ui state." },
  SELF_INFO: { rank: 34, class: "ui", short: "written by a message the view sends itself", long: "Written in handleInfo for a message the view sends itself with sendInfo; the value itself has no server effect." },
  LITERAL: { rank: 30, class: "ui", short: "from literals", long: "Written only from literal values." },
  NEVER_WRITTEN_STATICALLY: { rank: 10, class: "ui", short: "no visible writes", long: "Read by the view but never assigned where the analysis can see it." },
  // Event placement reasons
  EVENT_SERVER_EFFECT: { rank: 80, short: "the handler has server effects", long: "The handler calls something with server effects or awaits; it becomes a server command." },
  EVENT_WRITES_SHARED: { rank: 75, short: "the handler writes shared state", long: "The handler writes a key the server owns; the write happens in a command." },
  EVENT_UNKNOWN_CALLEE: { rank: 78, short: "the handler calls something unresolved", long: "The handler calls a function the analysis cannot see into; it stays on the server." },
  EVENT_SPLIT: { rank: 70, short: "ui update plus a server part", long: "The handler updates ui/form state at once and has a server part: a client action that then calls a command." },
  EVENT_UI_ONLY: { rank: 30, short: "touches only ui/form state", long: "The handler reads and writes only ui/form state and has no server effects: a client action with no network." },
  EVENT_NO_HANDLER: { rank: 20, short: "no handler branch found", long: "The template sends this event but no handler branch for it was found." },
  // Markers
  UNKNOWN_EFFECT: { rank: 60, short: "unknown effect", long: "A call whose effects the analysis cannot determine." },
  SOCKET_ID: { rank: 60, short: "per-connection server object", long: "socket.id keys something this server process holds for the connection (a cursor, a handle) next to server work: a stateless command, answered by any process, has no connection id to reach it." },
  DYNAMIC_EVENT: { rank: 60, short: "dynamic event dispatch", long: "Events are dispatched through a computed lookup; each event's handler cannot be located." },
  CONNECTION_STATE: { rank: 60, short: "per-connection value of a server key", long: "A shared key that an event or message writes after mount, read again by server work: the command re-runs mount (or recomputes the key from mount's expression) and would read mount's value, not the connection's. Declare the key ui when the browser may hold it." },
  VIEW_NOT_TOP_LEVEL: { rank: 60, short: "not a top-level definition", long: "The view is made inside a function (a factory called once per view) or written inline in an object: apply rewrites a definition bound at the module's top level (`const x = createLiveView(…)`, `export default …`, a class)." },
  LEGACY_API: { rank: 50, short: "older LiveViewJS API", long: "A class using the 0.0–0.3 API (mount(params, session, socket), handleEvent(event, params, socket))." },
} as const satisfies Record<string, ReasonInfo>;

export type ReasonCode = keyof typeof REASONS;

export function reasonRank(code: string): number {
  return (REASONS as Record<string, ReasonInfo>)[code]?.rank ?? 0;
}

export function reasonInfo(code: string): ReasonInfo | undefined {
  return (REASONS as Record<string, ReasonInfo>)[code];
}

const CLASS_STRICTNESS: Record<StateClass, number> = { ui: 0, form: 1, shared: 2 };

/** The stricter of two classes (shared > form > ui). */
export function stricter(a: StateClass, b: StateClass): StateClass {
  return CLASS_STRICTNESS[a] >= CLASS_STRICTNESS[b] ? a : b;
}
