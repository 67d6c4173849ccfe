// Effect kinds a function can have. Server effects make the state they feed server-owned (shared);
// "nondeterministic" is only noted (Math.random / Date.now run fine in a browser).

export const EFFECT_KINDS = [
  "await", // awaits something: I/O or a server round trip in disguise
  "io", // fetch, http, a database or network client package
  "node-builtin", // fs, net, child_process, os, ... (cannot run in a browser)
  "env", // process.env
  "timer", // setInterval / setTimeout held by the server
  "pubsub", // broadcast / subscribe / publish
  "module-state-read", // reads module-level mutable state (shared by every connection)
  "module-state-write", // mutates module-level mutable state
  "session", // reads session data
  "unknown", // calls something the analysis cannot see into
  "nondeterministic", // Math.random, Date.now, crypto.randomUUID: noted, not a server effect
] as const;

export type EffectKind = (typeof EFFECT_KINDS)[number];

/** Effects that mean "this must run on the server". */
export const SERVER_EFFECTS: ReadonlySet<EffectKind> = new Set<EffectKind>([
  "await",
  "io",
  "node-builtin",
  "env",
  "timer",
  "pubsub",
  "module-state-read",
  "module-state-write",
  "session",
]);

export function isServerEffect(kind: string): boolean {
  return SERVER_EFFECTS.has(kind as EffectKind);
}

/** Node built-in modules (with or without the "node:" prefix). */
export const NODE_BUILTINS: ReadonlySet<string> = new Set([
  "fs", "fs/promises", "net", "tls", "http", "https", "http2", "child_process", "cluster", "dgram", "dns",
  "os", "worker_threads", "crypto", "zlib", "stream", "readline", "v8", "vm", "process", "path", "url",
  "util", "events", "buffer", "perf_hooks", "async_hooks", "inspector", "module", "repl", "tty", "timers", "timers/promises",
]);

/** Built-ins that are harmless computations (path joining, URL parsing, formatting): not server effects by themselves. */
export const PURE_NODE_BUILTINS: ReadonlySet<string> = new Set(["path", "url", "util", "events", "buffer"]);

/** Packages whose calls are I/O (databases, network clients, mail, queues). */
export const IO_PACKAGES: ReadonlySet<string> = new Set([
  "pg", "postgres", "mysql", "mysql2", "mongodb", "mongoose", "redis", "ioredis", "@prisma/client", "prisma", "knex",
  "sequelize", "typeorm", "drizzle-orm", "better-sqlite3", "sqlite3", "sqlite", "axios", "node-fetch", "got", "undici",
  "superagent", "nodemailer", "amqplib", "kafkajs", "bullmq", "@aws-sdk", "aws-sdk", "firebase-admin", "@supabase/supabase-js",
  "bcrypt", "bcryptjs", "jsonwebtoken", "express-session", "cookie", "stripe",
]);

/** Packages known to be pure computations (safe to call in the browser). */
export const PURE_PACKAGES: ReadonlySet<string> = new Set([
  "zod", "lodash", "lodash-es", "date-fns", "dayjs", "classnames", "clsx", "ramda", "validator", "yup", "superstruct",
  "immer", "fast-deep-equal", "deep-equal", "marked", "escape-html", "he", "qs", "query-string", "slugify", "nanoid", "uuid",
]);

/** Calls from these packages are non-deterministic (ids, randomness) but fine in a browser. */
export const NONDETERMINISTIC_PACKAGES: ReadonlySet<string> = new Set(["nanoid", "uuid"]);

/** Package name of a bare specifier: "@scope/pkg/sub" → "@scope/pkg", "node:fs" → "fs". */
export function packageName(specifier: string): string {
  const s = specifier.startsWith("node:") ? specifier.slice(5) : specifier;
  const parts = s.split("/");
  if (s.startsWith("@")) return parts.slice(0, 2).join("/");
  if (NODE_BUILTINS.has(s)) return s;
  return parts[0]!;
}

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith("node:") || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split("/")[0]!);
}

/** Classify a call into an external package by its specifier. */
export function packageEffect(specifier: string): EffectKind | "pure" {
  const spec = specifier.startsWith("node:") ? specifier.slice(5) : specifier;
  if (isNodeBuiltin(specifier)) return PURE_NODE_BUILTINS.has(spec.split("/")[0]!) ? "pure" : "node-builtin";
  const pkg = packageName(spec);
  if (pkg === "liveviewjs" || pkg.startsWith("@liveviewjs/")) return "pure";
  if (NONDETERMINISTIC_PACKAGES.has(pkg)) return "nondeterministic";
  if (PURE_PACKAGES.has(pkg)) return "pure";
  if (IO_PACKAGES.has(pkg) || IO_PACKAGES.has(pkg.split("/")[0]!)) return "io";
  return "unknown";
}
