// Per-file facts: what analyzeFile sees in one file, before any cross-file reasoning.
// Plain JSON data (they cross worker threads and are written to shard parts); arrays are sorted.

import type { FileError, Location, Marker, Span, TemplateFacts, ValueSource, ViewApi, ViewKind } from "../plan/types.ts";
import type { EffectKind } from "./effects.ts";

/** A reference to something called, as written in one file; resolved to a function id in mergeFacts. */
export interface CalleeRef {
  /** Binding the call starts from: a module-level local, an import's local name, or "this" inside a class. */
  local: string;
  /** Property path after the binding: `repo.list()` → ["list"]. */
  member: string[];
  at: Location;
  /** Offset of the call in its file (for ordering inside a handler). */
  pos?: number;
  /** A value read (not a call): `rows.length`, an imported constant. */
  read?: boolean;
}

/** A module specifier as written; mergeFacts resolves it (module_paths.ts) against the analyzed files. */
export interface ModuleRef {
  specifier: string;
}

export interface ImportFact extends ModuleRef {
  local: string;
  /** "default", "*" (namespace or CJS require of the whole module), or the imported name. */
  imported: string;
  typeOnly: boolean;
  at: Location;
}

export interface ExportFact {
  /** Exported name ("default" for default exports). */
  name: string;
  /** Local binding (or qualified object name) it refers to. */
  local: string;
}

export interface ReExportFact extends ModuleRef {
  /** Exported name, or "*" for `export * from`. */
  name: string;
  /** Imported name in the source module ("*" for `export * as ns from` and `export *`). */
  imported: string;
}

/** A module-level binding that holds mutable state. */
export interface ModuleStateFact {
  name: string;
  /** "let" / "var" (reassigned binding), "array", "map", "set", "object", "instance" (of a class with mutable fields),
   *  "table" (records read through query functions: server data though nothing writes it), "seeded" (made at load with random/time). */
  kind: string;
  /** Why a "table" or "seeded" binding is server data (for reports and explain). */
  why?: string;
  at: Location;
}

export interface DirectEffect {
  kind: EffectKind;
  /** Human detail: "fs.readFile", "reads module state rows (Map)", "process.env.DB_URL". */
  detail: string;
  at: Location;
  pos?: number;
}

export interface FunctionFact {
  /** Qualified name inside the module: "list", "NoteRepo.list", "notes.list", "default". */
  name: string;
  at: Location;
  async: boolean;
  effects: DirectEffect[];
  calls: CalleeRef[];
}

/** `const repo = new NoteRepo()` at module level: method calls on `repo` go to the class. */
export interface InstanceFact {
  local: string;
  /** The class as a callee reference in this module (local class or import). */
  classRef: CalleeRef;
}

export interface ModuleSummary {
  imports: ImportFact[];
  exports: ExportFact[];
  reExports: ReExportFact[];
  state: ModuleStateFact[];
  functions: FunctionFact[];
  instances: InstanceFact[];
  /** Local names bound to module-level class declarations (methods appear as "Class.method" functions). */
  classes: string[];
  /** Other module-level constants: "literal" (arrays, objects, primitives) or built by a call (`z.object(...)`, `createDb()`). */
  values: { name: string; kind: "literal" | "call" | "other"; callee?: CalleeRef; /** A string constant's value (a topic name). */ string?: string }[];
  /** Module-level consts bound to `newChangesetFactory(...)`: calling them yields a changeset. */
  changesetFactories: string[];
  /** Module-level consts that are another binding under a new name: `const make = LV.createLiveView`. */
  aliases: { local: string; target: CalleeRef }[];
  /** Router entries: `{ "/path": view }`, `{ "/path": new ClassView() }`, `router["/path"] = view`. */
  routes: { path: string; view: CalleeRef }[];
  /** `// @migrate shared|form|ui` on a property of a type or interface (the key of a context type). */
  keyAnnotations: { key: string; class: "ui" | "form" | "shared"; at: Location }[];
  /** True when the module imports liveviewjs (or re-exports from it). */
  usesLiveViewJs: boolean;
  /** Message types this module broadcasts (`x.broadcast(topic, { type: "t" })`; "*" when the type is not a literal). */
  broadcastTypes?: string[];
  /** Imported bindings this module changes in place (`items.push(x)` on an import): the declaring module's state. */
  mutatesImports?: string[];
}

/** One place a key is assigned. */
export interface WriteFact {
  key: string;
  handler: string;
  at: Location;
  span: Span;
  expr: string;
  /** Syntactic sources; "pure-call"/"effectful-call" are decided in merge from `calls`. */
  sources: ValueSource[];
  /** Functions whose results flow into the value. */
  calls: CalleeRef[];
  /** Other keys of this view the value is derived from. */
  stateDeps: string[];
  temporary: boolean;
  /** `// @migrate shared|form|ui` on the line(s) above the assign or the property. */
  annotation?: { class: "ui" | "form" | "shared"; at: Location };
}

export interface ReadFact {
  key: string;
  in: string;
  at: Location;
}

/** What a handler (event branch, info branch, mount...) does beyond reading and writing keys. */
export interface HandlerFacts {
  reads: string[];
  writes: string[];
  calls: CalleeRef[];
  effects: DirectEffect[];
  /** Info names this handler sends to itself with sendInfo (outside timers). */
  sendsInfo: string[];
  /** Pubsub topics subscribed to (text of the topic expression). */
  subscribes: string[];
  /** Socket operations used: "pushPatch", "putFlash", "pageTitle", "pushEvent", "allowUpload", ... */
  socketOps: string[];
  /** Messages a live component sends the view that renders it (`sendParentInfo`): their types. */
  sendsParentInfo?: string[];
}

export interface EventFact extends HandlerFacts {
  name: string;
  at: Location;
  span: Span;
}

export interface InfoFact extends HandlerFacts {
  name: string;
  at: Location;
  span: Span;
}

/** How the view's factory or base class was reached; checked in merge when it goes through project modules. */
export interface DetectionFact {
  /** "liveviewjs": bound straight to the package; "project": through a project module (confirmed in merge); "shape": no binding found, object/class shape only. */
  via: "liveviewjs" | "project" | "shape";
  /** For "project": the import to follow and the name expected at the end of the chain. */
  import?: ImportFact;
  member?: string[];
}

export interface ViewFacts {
  /** Exported name, "default", or the local name. */
  name: string;
  kind: ViewKind;
  api: ViewApi;
  at: Location;
  span: Span;
  exported: boolean;
  detection: DetectionFact;
  handlers: Record<string, Span>;
  writes: WriteFact[];
  reads: ReadFact[];
  events: EventFact[];
  infos: InfoFact[];
  /** Lifecycle handlers other than events/infos: mount, handleParams, update, shutdown. */
  lifecycle: Record<string, HandlerFacts>;
  /** Info names sent from inside setInterval/setTimeout callbacks. */
  timerInfos: string[];
  template: TemplateFacts;
  markers: Marker[];
  /** True when some assign could not be read (dynamic keys). */
  dynamicKeys: boolean;
  /** Location of a `// @migrate-ignore` comment on the view's definition. */
  ignored?: Location;
}

export interface FileFacts {
  path: string;
  module: ModuleSummary;
  views: ViewFacts[];
  errors: FileError[];
}
