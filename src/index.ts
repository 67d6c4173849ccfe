// `liveview-migrate`: what a project imports from the tool itself (its config); the runtime a migrated
// app runs on is `@liveview-migrate/runtime` (browser) and `@liveview-migrate/runtime/server` (Node).

export { defineConfig } from "./config/define-config.ts";
export type { MigrateConfig, ViewOverride } from "./config/schema.ts";
