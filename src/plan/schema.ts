// The plan's JSON schema as a zod schema: checks a plan read from disk (apply --plan, merge) and the
// --json output in tests. It mirrors src/plan/types.ts; the type assertions at the bottom make tsc
// fail when the two drift apart. Documented field by field in docs/plan-schema.md.

import { z } from "zod";
import type { Plan } from "./types.ts";
import { PLAN_SCHEMA_VERSION } from "./types.ts";

const location = z.string().regex(/^.+:\d+$/, "expected \"file:line\"");
const span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).strict();
const stateClass = z.enum(["ui", "form", "shared"]);
const confidence = z.enum(["high", "medium", "low"]);
const placement = z.enum(["client", "server", "split"]);
const valueSource = z.enum([
  "literal",
  "event-param",
  "route-param",
  "url",
  "state",
  "pure-call",
  "effectful-call",
  "await",
  "session",
  "env",
  "info",
  "changeset",
  "upload",
  "unknown",
]);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, "expected a sha256 hex digest");

const reason = z.object({ code: z.string().min(1), message: z.string(), at: location }).strict();

const stateWrite = z
  .object({
    handler: z.string(),
    at: location,
    sources: z.array(valueSource),
    expr: z.string(),
    span: span.optional(),
    calls: z.array(z.object({ callee: z.string(), at: location, target: z.string().optional(), effects: z.array(z.string()) }).strict()).optional(),
  })
  .strict();

const stateRead = z.object({ in: z.string(), at: location }).strict();

const keyOverride = z
  .object({ from: z.string(), kind: z.enum(["config", "annotation"]), analyzed: stateClass, warning: z.string().optional() })
  .strict();

const keyDecision = z
  .object({
    key: z.string(),
    class: stateClass,
    confidence,
    reasons: z.array(reason),
    writes: z.array(stateWrite),
    reads: z.array(stateRead),
    temporary: z.boolean().optional(),
    override: keyOverride.optional(),
  })
  .strict();

const eventDecision = z
  .object({
    name: z.string(),
    placement,
    confidence,
    reasons: z.array(reason),
    reads: z.array(z.string()),
    writes: z.array(z.string()),
    span: span.optional(),
    at: location,
    bindings: z.array(z.string()),
    sent: z.array(z.string()).optional(),
    textOnly: z.literal(true).optional(),
    override: z.object({ from: z.string(), kind: z.enum(["config", "annotation"]), analyzed: placement }).strict().optional(),
  })
  .strict();

const infoRecord = z
  .object({ name: z.string(), origin: z.string(), writes: z.array(z.string()), at: location, span: span.optional() })
  .strict();

const templateFacts = z
  .object({
    reads: z.array(z.string()),
    bindings: z.array(z.object({ attr: z.string(), value: z.string(), dynamic: z.boolean(), at: location }).strict()),
    helpers: z.array(z.string()),
    forms: z.array(
      z.object({ event: z.string().optional(), changeEvent: z.string().optional(), fields: z.array(z.string()), sent: z.array(z.string()).optional(), at: location }).strict(),
    ),
    components: z.array(z.object({ name: z.string(), file: z.string().optional(), at: location }).strict()),
    span: span.optional(),
  })
  .strict();

const marker = z.object({ code: z.string().min(1), message: z.string(), at: location, span: span.optional() }).strict();

const migrationStatus = z.enum(["pending", "migrated", "blocked", "ignored"]);

const viewPlan = z
  .object({
    id: z.string().regex(/^.+#.+$/, "expected \"<file>#<name>\""),
    file: z.string(),
    name: z.string(),
    kind: z.enum(["view", "component"]),
    api: z.enum(["createLiveView", "createLiveComponent", "class", "legacy-class"]),
    at: location,
    span: span.optional(),
    route: z.string().optional(),
    state: z.array(keyDecision),
    events: z.array(eventDecision),
    infos: z.array(infoRecord),
    template: templateFacts,
    markers: z.array(marker),
    handlers: z.record(z.string(), span),
    serverBindings: z.array(z.object({ name: z.string(), why: z.string() }).strict()).optional(),
    mountWrites: z.string().optional(),
    topicConstants: z.array(z.object({ name: z.string(), value: z.string() }).strict()).optional(),
    liveviewjsImports: z.array(z.object({ local: z.string(), name: z.string(), package: z.string().optional() }).strict()).optional(),
    migration: z.object({ status: migrationStatus, reason: z.string().optional(), strategy: z.literal("carried").optional() }).strict(),
  })
  .strict();

const fileRecord = z
  .object({
    path: z.string().min(1),
    // Empty when the file could not be read at all (status "error", code UNREADABLE).
    hash: z.union([sha256Hex, z.literal("")]),
    size: z.number().int().nonnegative(),
    status: z.enum(["ok", "unchanged", "skipped", "error", "timeout"]),
    views: z.array(z.string()),
  })
  .strict();

const fileError = z.object({ file: z.string(), code: z.string().min(1), message: z.string() }).strict();

const functionEffects = z
  .object({
    id: z.string(),
    effects: z.array(z.string()),
    via: z.array(z.object({ effect: z.string(), chain: z.array(z.string()), at: location }).strict()),
  })
  .strict();

const counts = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, z.number().int().nonnegative()])) as Record<K, z.ZodNumber>).strict();

const planSummary = z
  .object({
    files: z.number().int().nonnegative(),
    views: z.number().int().nonnegative(),
    components: z.number().int().nonnegative(),
    keys: counts(["ui", "form", "shared"] as const),
    events: counts(["client", "server", "split"] as const),
    markers: z.number().int().nonnegative(),
    errors: z.number().int().nonnegative(),
    progress: counts(["pending", "migrated", "blocked", "ignored"] as const),
  })
  .strict();

export const planSchema = z
  .object({
    schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
    tool: z.object({ name: z.literal("liveview-migrate"), version: z.string() }).strict(),
    treeHash: sha256Hex,
    configHash: z.string().nullable(),
    minConfidence: z.enum(["high", "medium", "low"]).optional(),
    shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).strict().optional(),
    files: z.array(fileRecord),
    views: z.array(viewPlan),
    functions: z.array(functionEffects),
    errors: z.array(fileError),
    summary: planSummary,
  })
  .strict();

export type PlanFromSchema = z.infer<typeof planSchema>;

// Both directions: a field added to types.ts but not here (or the reverse) is a compile error.
type Assert<T extends true> = T;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type SchemaMatchesTypes = Assert<Mutual<PlanFromSchema, Plan>>;

/** Validates untrusted JSON as a plan; errors name the path of each bad field. */
export function validatePlan(value: unknown): { ok: true; plan: Plan } | { ok: false; issues: string[] } {
  const result = planSchema.safeParse(value);
  if (result.success) return { ok: true, plan: result.data as Plan };
  return { ok: false, issues: result.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`) };
}
