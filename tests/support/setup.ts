// Background sealing would race the tests that play the owner tampering with the trail; tests
// seal explicitly (sealAuditTrail).
process.env.RUNCLEAR_AUDIT_SEAL_EVERY ??= "0";

import { afterAll, expect, vi } from "vitest";

// The DAL reads the signed session cookie through next-auth; under test the cookie's claims are
// whatever the test set. Everything after that (the session row, the account, the limits) is real.
vi.mock("@/lib/auth/session", async () => {
  const { currentSessionClaims } = await import("./session-stub");
  return { readSessionClaims: async () => currentSessionClaims() };
});

// Outside a Next.js request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

// The caller's address, for the audit trail and the sign-in throttle: whatever the test set.
vi.mock("@/lib/dal/internal/request-context", async () => {
  const { currentRequestAddress } = await import("./request-address");
  return { requestContext: async () => ({ ip: currentRequestAddress(), userAgent: null }) };
});

// pg deprecates a query sent on a client still answering another (version 9 refuses it); in a
// transaction, reads go one after another (lib/dal/internal/read-together.ts). Any such query in
// a file fails it. Node warns once per process, and each test file has a process of its own.
const overlapping: string[] = [];
process.on("warning", (warning) => {
  if (warning.message.includes("already executing a query")) overlapping.push(warning.stack ?? warning.message);
});
afterAll(() => {
  expect(overlapping, "a query sent while the same connection was still answering another").toEqual([]);
});
