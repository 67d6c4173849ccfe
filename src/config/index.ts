// migrate.config.{ts,js,json}: load, validate, and the overrides it carries into mergeFacts.
export { loadConfig, CONFIG_FILES, type LoadedConfig, type ConfigProblem, type ConfigOutcome } from "./load.ts";
export { migrateConfigSchema, type MigrateConfig, type ViewOverride, type Overrides } from "./schema.ts";
