// Running commands: validation, a time limit, and errors as `{ code, message }` values. Used by the
// command endpoint and by first paint (the loaders of `shared` keys are commands too).

import type { CommandContext, CommandDefinition, CommandsModule } from "../contract.ts";
import { httpError, type HttpError } from "./responses.ts";

const FAILURE = Symbol.for("liveview-migrate.command-failure");

/** A command's expected failure, returned (or thrown) by a handler: the client receives code and message. */
export interface CommandFailure {
  readonly [FAILURE]: true;
  code: string;
  message: string;
  status: number;
}

export function fail(code: string, message: string, status = 400): CommandFailure {
  return { [FAILURE]: true, code, message, status };
}

function isFailure(value: unknown): value is CommandFailure {
  return typeof value === "object" && value !== null && (value as CommandFailure)[FAILURE] === true;
}

export type CommandOutcome = { ok: true; result: unknown } | { ok: false; error: HttpError };

/** The command's definition, only if the module really declares it (never `constructor`, `toString`…). */
export function lookupCommand(commands: CommandsModule | undefined, name: string): CommandDefinition | undefined {
  if (!commands || !Object.prototype.hasOwnProperty.call(commands, name)) return undefined;
  const entry = commands[name];
  if (typeof entry === "function") return { handler: entry };
  if (entry && typeof entry === "object" && typeof entry.handler === "function") return entry;
  return undefined;
}

type Uploading = "consumeUploadedEntries" | "uploadedEntries";
/** A command called without uploads consumes none (liveviewjs: a config with no entries). */
const noUploads: Pick<CommandContext, Uploading> = {
  consumeUploadedEntries: async () => [],
  uploadedEntries: async () => ({ completed: [], inProgress: [] }),
};

export interface RunOptions {
  timeoutMs: number;
  /** Unexpected errors (bugs) go here, never to the client. */
  onError(error: unknown): void;
}

export async function runCommand(
  definition: CommandDefinition,
  rawParams: unknown,
  context: Omit<CommandContext, "signal" | Uploading> & Partial<Pick<CommandContext, Uploading>>,
  options: RunOptions,
): Promise<CommandOutcome> {
  let params = rawParams;
  if (definition.params) {
    const parsed = definition.params.safeParse(rawParams);
    if (!parsed.success) return { ok: false, error: httpError(422, "INVALID_PARAMS", describeIssues(parsed.error)) };
    params = parsed.data;
  }
  const controller = new AbortController();
  const timeoutMs = definition.timeoutMs ?? options.timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CommandOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ ok: false, error: httpError(504, "COMMAND_TIMEOUT", `Command took longer than ${timeoutMs} ms`) });
    }, timeoutMs);
  });
  const run = (async (): Promise<CommandOutcome> => {
    try {
      const result = await definition.handler(params, { ...noUploads, ...context, signal: controller.signal });
      if (isFailure(result)) return { ok: false, error: httpError(result.status, result.code, result.message) };
      return { ok: true, result: result === undefined ? null : result };
    } catch (error) {
      if (isFailure(error)) return { ok: false, error: httpError(error.status, error.code, error.message) };
      if (!controller.signal.aborted) options.onError(error);
      return { ok: false, error: httpError(500, "COMMAND_FAILED", "The command failed") };
    }
  })();
  try {
    return await Promise.race([run, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A zod error (or anything with `issues`) as one readable line; never a stack. */
function describeIssues(error: unknown): string {
  const issues = (error as { issues?: Array<{ path?: Array<string | number>; message?: string }> })?.issues;
  if (!Array.isArray(issues) || issues.length === 0) return "Invalid params";
  return issues
    .slice(0, 10)
    .map((issue) => (issue.path && issue.path.length ? `${issue.path.join(".")}: ` : "") + (issue.message ?? "invalid"))
    .join("; ");
}
