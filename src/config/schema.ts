// The shape of migrate.config.{json,ts,js}: strict, so a misspelt field is an error with its path,
// never a silently ignored setting.

import { z } from "zod";

const stateClass = z.enum(["ui", "form", "shared"]);
const placement = z.enum(["client", "server", "split"]);

export const viewOverrideSchema = z
  .object({
    ignore: z.literal(true).optional().describe("Leave this view on LiveViewJS."),
    keys: z.record(z.string(), stateClass).optional().describe("A key's class where the analysis got it wrong: ui, form or shared."),
    events: z.record(z.string(), placement).optional().describe("An event's placement where the analysis got it wrong: client, server or split."),
  })
  .strict();

export const migrateConfigSchema = z
  .object({
    $schema: z.string().optional(),
    include: z.array(z.string()).optional().describe("Analyze only files matching these globs (.gitignore syntax, relative to the config's folder)."),
    exclude: z.array(z.string()).optional().describe("Skip files and folders matching these globs (.gitignore syntax)."),
    views: z.record(z.string(), viewOverrideSchema).optional().describe('Per view (its id "<file>#<name>", or its bare name): decisions to override, or ignore.'),
    serverOnly: z.array(z.string()).optional().describe("Modules (globs or package names) whose use is always server work."),
    clientSafe: z.array(z.string()).optional().describe("Modules (globs or package names) known to be pure: safe to copy into browser code."),
    minConfidence: z.enum(["high", "medium", "low"]).optional().describe("apply migrates only views whose every decision has at least this confidence."),
    /** Migrated pages render in the app's page template: `dropScripts` lists script `src`s it loads that
     *  migrated pages do not need (the app's LiveViewJS client bundle). */
    layout: z
      .object({ dropScripts: z.array(z.string()).optional().describe("Script src values of the app's layout that migrated pages do not load (its LiveViewJS client).") })
      .strict()
      .optional()
      .describe("How migrated pages use the app's own page layout."),
    report: z
      .object({
        editorLink: z
          .string()
          .optional()
          .describe('Where the HTML reports\' file:line links go: a URL template with {file} (the absolute path, "/"-separated, starting with "/") and {line}. Default "vscode://file{file}:{line}"; e.g. "idea://open?file={file}&line={line}", or "file://{file}" to open the file in the browser.'),
      })
      .strict()
      .optional()
      .describe("The HTML reports (analyze, apply). Not part of the plan's config hash: it changes no decision."),
  })
  .strict();

export type MigrateConfig = z.infer<typeof migrateConfigSchema>;
export type ViewOverride = z.infer<typeof viewOverrideSchema>;

/** What mergeFacts receives as `overrides`: the config plus the file it came from (for USER_OVERRIDE `from`). */
export interface Overrides {
  file: string;
  config: MigrateConfig;
}

/** Turns zod issues into "file: path: expected …, got …" lines a person can act on. */
export function describeIssues(file: string, error: z.ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.join(".");
    const where = path ? `${file}: ${path}` : file;
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys.map((k) => (path ? `${path}.${k}` : k));
      return `${file}: unknown field ${keys.map((k) => `"${k}"`).join(", ")}`;
    }
    if (issue.code === "invalid_enum_value") {
      return `${where}: expected ${issue.options.map((o) => JSON.stringify(o)).join(" | ")}, got ${JSON.stringify(valueAt(input, issue.path))}`;
    }
    if (issue.code === "invalid_literal") {
      return `${where}: expected ${JSON.stringify(issue.expected)}, got ${JSON.stringify(valueAt(input, issue.path))}`;
    }
    if (issue.code === "invalid_type") return `${where}: expected ${issue.expected}, got ${issue.received}`;
    return `${where}: ${issue.message}`;
  });
}

function valueAt(input: unknown, path: (string | number)[]): unknown {
  let v = input as Record<string | number, unknown> | undefined;
  for (const p of path) v = v && typeof v === "object" ? (v[p] as Record<string | number, unknown>) : undefined;
  return v;
}
