import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: browser and Redis suites must not fight each other for them.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
