import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { DATABASE_UNAVAILABLE_DIGEST, DatabaseError, databaseUnavailableSince, describeError, isDatabaseUnavailable, noteDatabaseAnswered, redactDatabaseError } from "@/db/errors";

const SESSION_ID = "s3cr3t-session-id-AAAAAAAAAAAAAAAAAAAAAAA";

/** What drizzle throws for a failed query: its message holds the SQL and every parameter. */
function drizzleError(cause: object): DrizzleQueryError {
  return new DrizzleQueryError('select * from "auth_sessions" where "id" = $1', [SESSION_ID], cause as Error);
}

function pgError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { code, severity: "ERROR", ...extra });
}

describe("redacted database errors", () => {
  it("keep the SQLSTATE and the constraint, and nothing of the query, its parameters or the values", () => {
    const unique = pgError("23505", "duplicate key value violates unique constraint", { constraint: "users_email_unique", detail: "Key (email)=(sam@x.example) already exists." });
    const redacted = redactDatabaseError(drizzleError(unique));
    expect(redacted).toBeInstanceOf(DatabaseError);
    expect(redacted).toMatchObject({ code: "23505", constraint: "users_email_unique", unavailable: false });
    const everything = `${redacted.message} ${redacted.stack} ${JSON.stringify(redacted)} ${describeError(drizzleError(unique))}`;
    for (const secret of [SESSION_ID, "auth_sessions", "sam@x.example", "$1"]) expect(everything).not.toContain(secret);
    expect(redacted.cause).toBeUndefined();
  });

  it("a NUL byte's encoding error is a plain failure, without the value", () => {
    const redacted = redactDatabaseError(drizzleError(pgError("22021", 'invalid byte sequence for encoding "UTF8": 0x00')));
    expect(redacted.message).toBe("A database query failed (SQLSTATE 22021).");
  });

  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:55433"), { code: "ECONNREFUSED" })],
    ["a connection cut mid-query", new Error("Connection terminated unexpectedly")],
    ["the server shutting down", pgError("57P01", "terminating connection due to administrator command")],
    ["a pool that cannot connect in time", new Error("timeout exceeded when trying to connect")],
    ["a connection exception", pgError("08006", "connection failure")],
  ])("%s means the database is unavailable, with the digest the error pages read", (_label, cause) => {
    expect(isDatabaseUnavailable(drizzleError(cause))).toBe(true);
    const redacted = redactDatabaseError(drizzleError(cause));
    expect(redacted.unavailable).toBe(true);
    expect(redacted.digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    expect(databaseUnavailableSince()).not.toBeNull();
    noteDatabaseAnswered();
    expect(databaseUnavailableSince()).toBeNull();
  });

  it("an ordinary failure is not an outage", () => {
    expect(isDatabaseUnavailable(drizzleError(pgError("23505", "duplicate key")))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Not found"))).toBe(false);
    expect(redactDatabaseError(drizzleError(pgError("22P02", "invalid input syntax for type uuid"))).digest).toBeUndefined();
  });
});
