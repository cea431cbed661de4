/**
 * Database errors as they may be logged or shown: drizzle's error message carries the failed
 * query and its parameters (session ids, emails, search text), and PostgreSQL's own message and
 * detail can quote the values too ("Key (email)=(…) already exists"). `db/client.ts` turns every
 * query error into a `DatabaseError` that keeps only the SQLSTATE code and the constraint name.
 */
import { DATABASE_UNAVAILABLE_DIGEST } from "./unavailable-digest";

export { DATABASE_UNAVAILABLE_DIGEST };

export class DatabaseError extends Error {
  readonly code: string | undefined;
  readonly constraint: string | undefined;
  /** The database could not be reached, or dropped the connection: nothing was done. */
  readonly unavailable: boolean;
  readonly digest: string | undefined;

  constructor(code: string | undefined, constraint: string | undefined, unavailable = isConnectionFailureCode(code)) {
    super(unavailable ? `The database is unavailable (${code ?? "no connection"}).` : `A database query failed (SQLSTATE ${code ?? "unknown"}${constraint ? `, constraint ${constraint}` : ""}).`);
    this.name = "DatabaseError";
    this.code = code;
    this.constraint = constraint;
    this.unavailable = unavailable;
    this.digest = unavailable ? DATABASE_UNAVAILABLE_DIGEST : undefined;
    if (unavailable) noteDatabaseUnavailable();
  }
}

// Shared through globalThis with the production server (lib/server/start.mjs), which answers
// 503 instead of 500 while the database is unreachable. Cleared by the next query that works.
const STATE = Symbol.for("runclear.database.unavailableSince");
const state = globalThis as unknown as Record<symbol, number | null | undefined>;

function noteDatabaseUnavailable(): void {
  state[STATE] ??= Date.now();
}

export function noteDatabaseAnswered(): void {
  if (state[STATE] != null) state[STATE] = null;
}

/** Since when the database has been unreachable, or null while it answers. */
export function databaseUnavailableSince(): number | null {
  return state[STATE] ?? null;
}

// SQLSTATE class 08 (connection exception), 57P01–57P03 (the server shutting down or starting),
// 53300 (too many connections), and Node's socket errors; pg's own messages for a pool that
// cannot connect or a connection that was cut have no code.
const CONNECTION_CODES = new Set(["57P01", "57P02", "57P03", "53300", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "EAI_AGAIN"]);
const CONNECTION_MESSAGES = /connection terminated|timeout exceeded when trying to connect|connection refused|server closed the connection|client has encountered a connection error|cannot use a pool after calling end/i;

function isConnectionFailureCode(code: string | undefined): boolean {
  return code === undefined ? false : code.startsWith("08") || CONNECTION_CODES.has(code);
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e && typeof e === "object" && chain.length < 8; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

/** Whether an error (possibly wrapped) means the database could not be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((e) => {
    if (e instanceof DatabaseError) return e.unavailable;
    const { code, message } = e as { code?: unknown; message?: unknown };
    return isConnectionFailureCode(typeof code === "string" ? code : undefined) || (typeof message === "string" && CONNECTION_MESSAGES.test(message));
  });
}

/** The redacted form of any error thrown by a query (drizzle's wrapper, pg's or PGlite's error). */
export function redactDatabaseError(error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error;
  let code: string | undefined;
  let constraint: string | undefined;
  for (const e of causes(error)) {
    const fields = e as { code?: unknown; constraint?: unknown };
    if (code === undefined && typeof fields.code === "string") code = fields.code;
    if (constraint === undefined && typeof fields.constraint === "string") constraint = fields.constraint;
  }
  return new DatabaseError(code, constraint, isConnectionFailureCode(code) || (code === undefined && isDatabaseUnavailable(error)));
}

/** A one-line description of any error that is safe for the server log. */
export function describeError(error: unknown): string {
  if (error === undefined || error === null) return "unknown error";
  if (error instanceof DatabaseError) return `${error.name}: ${error.message}`;
  if (causes(error).some((e) => (e as { query?: unknown }).query !== undefined || (e as { severity?: unknown }).severity !== undefined)) {
    const redacted = redactDatabaseError(error);
    return `${redacted.name}: ${redacted.message}`;
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error).slice(0, 200);
}
