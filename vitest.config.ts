import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/setup.ts"],
    alias: { "server-only": path.resolve("tests/support/empty-module.ts") },
    // scrypt at production cost and a fresh database per file make these slower than unit tests.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    benchmark: { include: ["tests/bench/**/*.bench.ts"] },
  },
});
