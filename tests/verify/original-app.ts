// Test helper: a fresh instance of the example app's router (and its data modules) for the original-side driver.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll } from "vitest";
import { bundle, importFresh } from "../../src/verify/bundle.ts";
import type { VerifyClock } from "../../src/verify/session.ts";

export const EXAMPLE_APP = resolve(import.meta.dirname, "../../fixtures/example-app");

let built: Promise<string> | undefined;
let outDir: string | undefined;
afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

export interface ExampleModules {
  router: Record<string, unknown>;
  viewsWithLiveComponents: { has(view: unknown): boolean };
  __verifyClock: VerifyClock;
}

/** Bundled once per test file; every call is a fresh instance (its stores start from their seed data). */
export async function freshExampleApp(): Promise<ExampleModules> {
  if (!built) {
    const dir = (outDir = mkdtempSync(join(tmpdir(), "lvm-verify-test-")));
    built = bundle({
      entry: `export * from ${JSON.stringify(join(EXAMPLE_APP, "src/router.ts"))};\nexport { __verifyClock } from "lvm-verify:clock";\n`,
      outFile: join(dir, "original.cjs"),
      platform: "node",
      original: true,
      clock: true,
    });
  }
  return importFresh<ExampleModules>(await built);
}
