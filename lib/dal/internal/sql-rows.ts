// No "server-only" marker: the care facts run under tsx too (the seed's outcomes rebuild).
import { sql, type SQL } from "drizzle-orm";

/**
 * Helpers for the statements that read a patient's facts as one row per patient with JSON
 * columns (care facts, activity): both drivers hand timestamps and JSON either parsed or as text.
 */

/** A row of a raw statement, column by column, before its values are read with the helpers below. */
export type Row = Record<string, unknown>;

/** A JSON column as a value, whether the driver parsed it or not; null for SQL null. */
export function jsonOf<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** A number column (bigint and numeric come as text or BigInt), or null for SQL null. */
export function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A timestamp as a Date, whether the driver parsed it or handed the text (as JSON does). */
export function dateOf(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/** The same, or null for SQL null. */
export function dateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : dateOf(value);
}

/** The patients `ids` as a list for `in (…)`. */
export function idList(ids: readonly string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}
