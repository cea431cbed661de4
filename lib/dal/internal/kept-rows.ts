import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import type { adherenceSummaries } from "@/db/schema/adherence-summaries";
import type { caseloadRanks } from "@/db/schema/caseload-ranks";

type KeptTable = typeof caseloadRanks | typeof adherenceSummaries;

/** A camelCase key as the snake_case column the schema's casing makes of it. */
const columnOf = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Writes derived rows of a per-patient cache (the caseload's ranks, the lists' adherence
 * summaries), each replacing the patient's kept row: in patient order, so that two lists keeping
 * the same patients at once cannot deadlock, and a thousand at a time. `keepIf` leaves a kept row
 * in place when it says the one already there is the later.
 */
export async function keepRows<T extends KeptTable>(table: T, rows: T["$inferInsert"][], keepIf?: SQL): Promise<void> {
  if (!rows.length) return;
  const sorted = [...rows].sort((a, b) => (a.patientId < b.patientId ? -1 : a.patientId > b.patientId ? 1 : 0));
  const set = Object.fromEntries(Object.keys(sorted[0]!).filter((k) => k !== "patientId").map((k) => [k, sql.raw(`excluded.${columnOf(k)}`)]));
  const database = await db();
  for (let i = 0; i < sorted.length; i += 1_000) {
    await database
      .insert(table)
      .values(sorted.slice(i, i + 1_000) as never)
      .onConflictDoUpdate({ target: table.patientId, set: set as PgUpdateSetSource<T>, setWhere: keepIf });
  }
}
