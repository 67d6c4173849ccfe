import { defineConfig } from "vitest/config";

// The packages' `exports` point at their build (dist/); this condition points them at the sources, so
// tests never need a build. NODE_OPTIONS carries it to the test workers and every process a test starts
// (a migrated copy's server); tests of the packed packages clear it.
export const SOURCE_CONDITION = "@liveview-migrate/source";
if (!process.env.NODE_OPTIONS?.includes(`--conditions=${SOURCE_CONDITION}`)) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --conditions=${SOURCE_CONDITION}`.trim();
}

export default defineConfig({
  resolve: { conditions: [SOURCE_CONDITION, "module", "node", "development|production"] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, "module", "node", "development|production"], externalConditions: [SOURCE_CONDITION, "node"] } },
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: browser and Redis suites must not fight each other for them.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
