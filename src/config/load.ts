// Finds and validates the config at the analyzed root: migrate.config.ts, .js, then .json (the first
// present wins). Problems are values (code CONFIG_INVALID), the CLI turns them into exit 64.

import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CONFIG_FILES } from "./files.ts";
import { describeIssues, migrateConfigSchema, type MigrateConfig } from "./schema.ts";

export { CONFIG_FILES };

export interface LoadedConfig {
  /** Root-relative file name, e.g. "migrate.config.json". */
  file: string;
  config: MigrateConfig;
  /** sha256 of the validated config as stable JSON: goes into plan.configHash. */
  hash: string;
}

export interface ConfigProblem {
  code: "CONFIG_INVALID";
  file: string;
  messages: string[];
}

export type ConfigOutcome = { ok: true; config: LoadedConfig | null } | { ok: false; problem: ConfigProblem };

export async function loadConfig(root: string): Promise<ConfigOutcome> {
  const file = CONFIG_FILES.find((name) => existsSync(join(root, name)));
  if (!file) return { ok: true, config: null };
  const path = join(root, file);
  let raw: unknown;
  try {
    raw = file.endsWith(".json") ? JSON.parse(await readFile(path, "utf8")) : await importModule(path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(file, [`${file}: ${file.endsWith(".json") ? "not valid JSON" : "could not be loaded"}: ${message}`]);
  }
  const parsed = migrateConfigSchema.safeParse(raw);
  if (!parsed.success) return fail(file, describeIssues(file, parsed.error, raw));
  // `report` only changes how reports look, not a decision: plans made under different report settings still merge
  const { report: _report, ...decisions } = parsed.data;
  return { ok: true, config: { file, config: parsed.data, hash: createHash("sha256").update(stableJson(decisions)).digest("hex") } };
}

/** The default export, or a `config` export, of a .ts/.js config (tsx loads TypeScript). */
async function importModule(path: string): Promise<unknown> {
  const url = pathToFileURL(path).href;
  const mod = (path.endsWith(".ts") ? await (await import("tsx/esm/api")).tsImport(url, import.meta.url) : await import(url)) as Record<string, unknown>;
  const value = mod.default ?? mod.config;
  // tsImport of a CommonJS-looking module may nest the default export once more.
  return value && typeof value === "object" && "default" in value && Object.keys(value).length === 1 ? (value as { default: unknown }).default : value;
}

function fail(file: string, messages: string[]): ConfigOutcome {
  return { ok: false, problem: { code: "CONFIG_INVALID", file, messages } };
}

export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
