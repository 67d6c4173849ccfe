// The plan: plain, serializable data passed between the phases (analyze → merge → plan → edits).
// Report, markers, edits, verify and progress all read this; none of them recomputes a decision.
//
// Determinism rules (sharding depends on them: merged parts must equal one unsharded run byte for byte):
// - every path is POSIX and relative to the analyzed root; no absolute paths, no timestamps, no durations;
// - every array is sorted by a stable key (files by path, views by id, keys by name, events by name,
//   reasons by rank then location);
// - `serializePlan` (src/plan/serialize.ts) is the only way a plan is written.

export const PLAN_SCHEMA_VERSION = 1 as const;

export type StateClass = "ui" | "form" | "shared";
export type Confidence = "high" | "medium" | "low";
export type Placement = "client" | "server" | "split";
export type ViewKind = "view" | "component";
/** How the view was defined in source. */
export type ViewApi = "createLiveView" | "createLiveComponent" | "class" | "legacy-class";

/** "file:line" where file is relative to the analyzed root (1-based line). */
export type Location = string;

/** A byte range in a file (0-based offsets into the file's text as read, BOM included). */
export interface Span {
  start: number;
  end: number;
}

export interface Reason {
  /** One of ReasonCode (src/analyzers/reasons.ts): the enum holds the rank and the long message. */
  code: string;
  /** Short human message, specific to this case (e.g. "written from await listVolunteers()"). */
  message: string;
  at: Location;
}

/** Where a value written to a key comes from. */
export type ValueSource =
  | "literal"
  | "event-param"
  | "route-param"
  | "url"
  | "state" // derived from other keys of this view
  | "pure-call"
  | "effectful-call"
  | "await"
  | "session"
  | "env"
  | "info" // reads the message handleInfo received (its payload)
  | "changeset"
  | "upload"
  | "unknown";

export interface StateWrite {
  /** Handler the write is in: "mount", "handleParams", "handleEvent:save", "handleInfo:tick", "update", ... */
  handler: string;
  at: Location;
  sources: ValueSource[];
  /** The value expression's text (trimmed to 200 chars) for reports and explain. */
  expr: string;
  /** Byte span of the whole assign call/property, for codemods. */
  span?: Span;
  /**
   * Calls the value flows from (analyzer): the callee as written and, when resolved, the function id in
   * Plan.functions whose `via` chains explain its effects (for `migrate explain`).
   */
  calls?: { callee: string; at: Location; target?: string; effects: string[] }[];
}

export interface StateRead {
  /** "render" or a handler name as in StateWrite.handler. */
  in: string;
  at: Location;
}

export interface KeyOverride {
  /** Where the override came from: "migrate.config.json:views.counter.keys.count" or "src/x.ts:12". */
  from: string;
  kind: "config" | "annotation";
  /** The class the analysis would have chosen without the override. */
  analyzed: StateClass;
  /** Set when evidence contradicts the override (e.g. ui forced on a key written from the database). */
  warning?: string;
}

export interface KeyDecision {
  key: string;
  class: StateClass;
  confidence: Confidence;
  /** Sorted strongest first; reasons[0] decided the class. */
  reasons: Reason[];
  writes: StateWrite[];
  reads: StateRead[];
  /** Also assigned through tempAssign. */
  temporary?: boolean;
  override?: KeyOverride;
}

export interface EventDecision {
  name: string;
  placement: Placement;
  confidence: Confidence;
  reasons: Reason[];
  reads: string[];
  writes: string[];
  /** Handler body span (the case clause, method or function) for codemods. */
  span?: Span;
  at: Location;
  /** Bindings in the template that send this event: "phx-click", "phx-submit", ... */
  bindings: string[];
  /** Fields every event of this name carries: it is sent only by forms that always send them (a command's schema requires them). */
  sent?: string[];
  /** Sent only by this template's plain bindings (no hook, no JS command, no binding named at run time): every field is text. */
  textOnly?: true;
  override?: { from: string; kind: "config" | "annotation"; analyzed: Placement };
}

export interface InfoRecord {
  name: string;
  /** What sends it: "sendInfo" (self), "subscribe:<topic>" (pubsub), "setInterval", "unknown". */
  origin: string;
  writes: string[];
  at: Location;
  span?: Span;
}

export interface TemplateBinding {
  attr: string; // "phx-click", "phx-submit", "phx-window-keydown", ...
  value: string; // event name or expression text when dynamic
  dynamic: boolean;
  at: Location;
}

export interface TemplateFacts {
  /** Keys `render` reads (from the ctx/state parameter). */
  reads: string[];
  bindings: TemplateBinding[];
  /** Helper calls seen: "form_for", "text_input", "error_tag", "live_patch", "live_component", "JS", ... */
  helpers: string[];
  /** `sent`: the fields every submit and change of the form carries (text-like controls nothing can disable). */
  forms: { event?: string; changeEvent?: string; fields: string[]; sent?: string[]; at: Location }[];
  /** Live components rendered by this view: local/imported identifier and resolved file (if known). */
  components: { name: string; file?: string; at: Location }[];
  span?: Span;
}

/** A place the tool could not migrate safely; codemods write `// @migrate-todo(CODE): message` there. */
export interface Marker {
  code: string;
  message: string;
  at: Location;
  span?: Span;
}

export type MigrationStatus = "pending" | "migrated" | "blocked" | "ignored";

export interface ViewPlan {
  /** Stable id: "<file>#<name>". */
  id: string;
  file: string;
  /** Exported name, or the local name, or "default". */
  name: string;
  kind: ViewKind;
  api: ViewApi;
  at: Location;
  span?: Span;
  /** Route path if the router maps one to this view (e.g. "/volunteers/:id"). */
  route?: string;
  state: KeyDecision[];
  events: EventDecision[];
  infos: InfoRecord[];
  template: TemplateFacts;
  markers: Marker[];
  /** Handler spans by name ("mount", "handleParams", "handleEvent", "handleInfo", "render", "shutdown", "update"). */
  handlers: Record<string, Span>;
  /**
   * Module-level bindings of the view's file whose use is server work (module state, data tables, data
   * seeded at load, pubsub and other server objects, functions and imports with server effects, packages
   * not known to be pure), with why. Generated browser code never declares or imports them.
   */
  serverBindings?: { name: string; why: string }[];
  /** Mount writes server state (what, and where): LiveViewJS runs it twice per page, the migrated page again when it connects. */
  mountWrites?: string;
  /** Imports of the view's file that reach a package export through a project module (`import { html, z } from "./deps.ts"`):
   *  local → export name; `package` is set for packages other than liveviewjs (imported from the package directly). */
  liveviewjsImports?: { local: string; name: string; package?: string }[];
  /** Topics subscribed to through a name (`socket.subscribe(TOPIC)`), with the string the name holds, here or in the module it is imported from. */
  topicConstants?: { name: string; value: string }[];
  /**
   * `strategy` "carried": the view's keys are made at run time (DYNAMIC_KEYS), so its state cannot be
   * split; its handlers run unchanged on the server and the browser carries the state, sealed.
   */
  migration: { status: MigrationStatus; reason?: string; strategy?: "carried" };
}

export type FileStatus = "ok" | "unchanged" | "skipped" | "error" | "timeout";

export interface FileRecord {
  path: string;
  /** sha256 of the file's bytes, hex. */
  hash: string;
  size: number;
  status: FileStatus;
  /** ids of views defined here */
  views: string[];
}

export interface FileError {
  file: string;
  /** Stable code: PARSE_ERROR, NOT_UTF8, BINARY, TOO_LARGE, TOO_DEEP, SYMLINK_LOOP, UNREADABLE, DYNAMIC_KEYS, TIMEOUT, ... */
  code: string;
  message: string;
}

/** Effect summary of one module-level function or method, after the cross-file merge. */
export interface FunctionEffects {
  /** "src/data/volunteers.ts#listVolunteers" */
  id: string;
  effects: string[]; // EffectKind values (src/analyzers/effects.ts)
  /** Why: the chain of calls that brought each effect in, for `migrate explain`. */
  via: { effect: string; chain: string[]; at: Location }[];
}

export interface Plan {
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  tool: { name: "liveview-migrate"; version: string };
  /** sha256 over sorted (path, hash) of every discovered file: parts of different trees never merge. */
  treeHash: string;
  /** Hash of the config in force (null when none): overrides change decisions, so they are part of identity. */
  configHash: string | null;
  /** From migrate.config (issue 7): the lowest confidence `migrate apply` acts on; absent = every decision. */
  minConfidence?: Confidence;
  /** Present on shard parts only. */
  shard?: { index: number; count: number };
  files: FileRecord[];
  views: ViewPlan[];
  /** Cross-file facts the decisions used (effects of functions views call). */
  functions: FunctionEffects[];
  errors: FileError[];
  /** Totals for summaries; derived from views, recomputed on merge. */
  summary: PlanSummary;
}

export interface PlanSummary {
  files: number;
  views: number;
  components: number;
  keys: Record<StateClass, number>;
  events: Record<Placement, number>;
  markers: number;
  errors: number;
  progress: Record<MigrationStatus, number>;
}
