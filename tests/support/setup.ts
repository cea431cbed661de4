// Background sealing would race the tests that play the owner tampering with the trail; tests
// seal explicitly (sealAuditTrail).
process.env.RUNCLEAR_AUDIT_SEAL_EVERY ??= "0";

import pg from "pg";
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
// a file fails it. pg's own warning comes only when a third query overlaps two, and once per
// process, so the client's query is watched here: a call while the client has a query in flight
// or queued is recorded with its stack.
// Those are pg's own fields: if an upgrade renamed them, the check would pass without looking, so
// a new client must have the queue.
type WatchedClient = { _activeQuery?: unknown; _queryQueue?: unknown[]; pipeline?: boolean };
if (!Array.isArray((new pg.Client() as unknown as WatchedClient)._queryQueue)) {
  throw new Error("pg.Client has no _queryQueue: the overlapping-query check in tests/support/setup.ts must follow pg's fields");
}
const overlapping: string[] = [];
const clientProto = pg.Client.prototype as unknown as { query: (this: WatchedClient, ...args: unknown[]) => unknown };
const sendQuery = clientProto.query;
clientProto.query = function (this: WatchedClient, ...args: unknown[]) {
  if (!this.pipeline && (this._activeQuery || (this._queryQueue?.length ?? 0) > 0)) {
    overlapping.push(new Error("a query sent while this connection was answering another").stack ?? "");
  }
  return sendQuery.apply(this, args);
};
afterAll(() => {
  const first = overlapping.slice(0, 3).join("\n\n");
  expect(overlapping.length, `queries sent while the same connection was still answering another; the first:\n${first}`).toBe(0);
});
