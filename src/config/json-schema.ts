// The JSON Schema of migrate.config.json, made from the same zod schema the loader validates with, so
// an editor's completion and the tool's checks cannot disagree. schema/migrate.config.schema.json is
// this, written by `npm run schema` (a test fails when the file and the zod schema drift apart).

import { zodToJsonSchema } from "zod-to-json-schema";
import { migrateConfigSchema } from "./schema.ts";

export function configJsonSchema(): Record<string, unknown> {
  const schema = zodToJsonSchema(migrateConfigSchema, { $refStrategy: "none", target: "jsonSchema7" }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: "liveview-migrate configuration (migrate.config.json)",
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema")),
  };
}

export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
