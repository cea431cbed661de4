/** Property-based fuzzing of every server action (see tests/support/fuzz.ts). */
import { vi } from "vitest";

// Route handlers read the request's headers and cookies through next/headers: here, those of
// the Request the fuzzer built.
vi.mock("next/headers", () => import("../support/fuzz-headers"));

// The fuzzer is about what the doors do with bad input, not the cost of scrypt: a wrong
// password is still wrong, and the seeded one still right.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password")>();
  const { DEMO_PASSWORD } = await import("@/db/seed-data");
  return { ...original, hashPassword: async (p: string) => `fuzz$${p.length}`, verifyPassword: async (p: string) => p === DEMO_PASSWORD };
});

const { fuzzDoors } = await import("../support/fuzz");
fuzzDoors("actions");
