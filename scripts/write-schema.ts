// npm run schema: writes schema/migrate.config.schema.json from the zod schema (src/config/json-schema.ts).
import { writeFileSync } from "node:fs";
import { configJsonSchemaText } from "../src/config/json-schema.ts";

writeFileSync(new URL("../schema/migrate.config.schema.json", import.meta.url), configJsonSchemaText());
