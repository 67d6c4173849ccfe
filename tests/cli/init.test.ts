// `migrate init`: a commented config to start from, loadable as written (migrate.config.ts through
// the package's defineConfig, or .json with the shipped JSON Schema), never over an existing one; the
// shipped schema is the loader's own zod schema (it cannot drift).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.ts";
import { configJsonSchema, configJsonSchemaText } from "../../src/config/json-schema.ts";
import { main } from "../../src/cli/main.ts";

const REPO = resolve(import.meta.dirname, "../..");
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "migrate", ...args], (setExitCode) => ({
    stdout: { write: (t: string) => void (stdout += t), isTTY: false },
    stderr: { write: (t: string) => void (stderr += t), isTTY: false },
    env: {},
    cwd,
    setExitCode,
  }) as never);
  return { code, stdout, stderr };
}

function dirIn(base: string): string {
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, "init-"));
  scratch.push(dir);
  return dir;
}

describe("migrate init", () => {
  it("in a project that can import liveview-migrate: a migrate.config.ts that loads as written; a second init changes nothing and exits 1", async () => {
    // inside this package: `import "liveview-migrate"` resolves (a package may import itself by name)
    const dir = dirIn(join(REPO, "tmp"));
    const first = await run(["init", dir], REPO);
    expect(first.code, first.stderr).toBe(0);
    const text = readFileSync(join(dir, "migrate.config.ts"), "utf8");
    expect(text).toMatch(/^import \{ defineConfig \} from "liveview-migrate";$/m);
    expect(text).toMatch(/\/\/ minConfidence: "medium",/);
    const loaded = await loadConfig(dir);
    expect(loaded).toMatchObject({ ok: true, config: { file: "migrate.config.ts", config: {} } });
    // every commented setting is valid once uncommented
    writeFileSync(join(dir, "migrate.config.ts"), text.replace(/^(\s*)\/\/ (?=[a-z"}])/gm, "$1"));
    const uncommented = await loadConfig(dir);
    expect(uncommented.ok, JSON.stringify(uncommented)).toBe(true);
    expect(uncommented.ok && uncommented.config?.config.minConfidence).toBe("medium");
    const before = readFileSync(join(dir, "migrate.config.ts"), "utf8");
    const again = await run(["init", dir], REPO);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/migrate\.config\.ts already exists: left as it is \(--force replaces it\)/);
    expect(readFileSync(join(dir, "migrate.config.ts"), "utf8")).toBe(before);
  });

  it("elsewhere: migrate.config.json pointing at the shipped schema, which loads; a format that does not exist is a usage error", async () => {
    const dir = dirIn(join("/tmp", "lvm-init"));
    const made = await run(["init", "."], dir);
    expect(made.code, made.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, "migrate.config.json"), "utf8"));
    expect(json.$schema).toBe("./node_modules/liveview-migrate/schema/migrate.config.schema.json");
    expect(await loadConfig(dir)).toMatchObject({ ok: true, config: { file: "migrate.config.json" } });
    expect((await run(["init", ".", "--format", "yaml"], dir)).code).toBe(64);
  });

  it("ships the loader's own schema as JSON Schema (npm run schema writes it)", () => {
    expect(readFileSync(join(REPO, "schema/migrate.config.schema.json"), "utf8")).toBe(configJsonSchemaText());
    const schema = configJsonSchema() as { properties: Record<string, { description?: string }>; additionalProperties: boolean };
    expect(Object.keys(schema.properties).sort()).toEqual(["$schema", "clientSafe", "exclude", "include", "layout", "minConfidence", "report", "serverOnly", "views"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.minConfidence!.description).toMatch(/confidence/);
  });
});
