// The config as the CLI needs it: a bad config is a usage error (exit 64) listing every problem.
import { UsageError } from "../cli/usage-error.ts";
import { loadConfig, type LoadedConfig } from "./load.ts";

export async function loadConfigOrThrow(root: string): Promise<LoadedConfig | null> {
  const outcome = await loadConfig(root);
  if (!outcome.ok) throw new UsageError(`invalid config:\n  ${outcome.problem.messages.join("\n  ")}`, outcome.problem.code);
  return outcome.config;
}
