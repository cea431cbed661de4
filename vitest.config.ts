import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take longest, longest first (measured 7 December 2026 with the server: the
 * fuzzers 235 s and 125 s, the authorization matrix 120 s, the rest under 45 s). Without a cache
 * of earlier runs, as in a clean CI checkout, vitest starts the largest files first, and the
 * fuzzers are two short files: they started last, and one worker waited 100 s for the other.
 */
const LONGEST = ["fuzz-actions", "fuzz-routes", "authorization-matrix", "sign-in", "care-state.property", "two-factor", "synth"].map(
  // Vite's module ids use forward slashes on every system.
  (name) => `/integration/${name}.test.ts`,
);

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const i = LONGEST.findIndex((suffix) => file.moduleId.endsWith(suffix));
      return i === -1 ? LONGEST.length : i;
    };
    // Array.prototype.sort is stable: the rest keep the order vitest gave them.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

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
    sequence: { sequencer: LongestFirst },
    benchmark: { include: ["tests/bench/**/*.bench.ts"] },
  },
});
