// The config as the CLI needs it: a bad config is a usage error (exit 64) listing every problem.
import { UsageError } from "../cli/usage-error.ts";
import { loadConfig, type LoadedConfig } from "./load.ts";

export async function loadConfigOrThrow(root: string): Promise<LoadedConfig | null> {
  const outcome = await loadConfig(root);
  if (!outcome.ok) throw new UsageError(`invalid config:\n  ${outcome.problem.messages.join("\n  ")}`, outcome.problem.code);
  return outcome.config;
}

/** What analyzeProject needs from the config, merged with the command line's globs: one rule for every command. */
export function configAnalyzeOptions(config: LoadedConfig | null, cli: { include?: string[]; exclude?: string[] } = {}) {
  const include = [...(config?.config.include ?? []), ...(cli.include ?? [])];
  const exclude = [...(config?.config.exclude ?? []), ...(cli.exclude ?? [])];
  return {
    include: include.length ? include : undefined,
    exclude: exclude.length ? exclude : undefined,
    overrides: config ? { file: config.file, config: config.config } : undefined,
    configHash: config?.hash ?? null,
  };
}
