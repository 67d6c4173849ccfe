// `defineConfig` for migrate.config.ts: the identity, typed, so an editor checks the settings as they
// are written (the loader validates them again when a command runs).

import type { MigrateConfig } from "./schema.ts";

export function defineConfig(config: MigrateConfig): MigrateConfig {
  return config;
}
