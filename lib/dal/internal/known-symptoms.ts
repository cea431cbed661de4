import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { knownSymptoms } from "@/db/schema/red-flags";
import { users } from "@/db/schema/users";
import { isRedFlagId, redFlagLabel, type RedFlagId } from "@/lib/domain/red-flags";
import type { Tx } from "./care-facts";
import { preparedRead } from "./prepared-read";

/**
 * Red-flag symptoms recorded as long-standing and assessed (DOMAIN.md §2). These helpers check
 * nothing: DAL functions authorize the patient and hold its row lock first.
 */

export interface KnownSymptomView {
  flag: RedFlagId;
  label: string;
  note: string;
  recordedByName: string;
  recordedAt: Date;
}

/** Records a symptom as long-standing and assessed, replacing any earlier record of it. Inside the patient's lock. */
export async function recordKnownSymptoms(tx: Tx, patientId: string, flags: readonly RedFlagId[], recordedById: string, source: "exam" | "red_flag_resolution", note: string): Promise<void> {
  const now = new Date();
  for (const flag of flags) {
    await tx.update(knownSymptoms).set({ endedAt: now }).where(and(eq(knownSymptoms.patientId, patientId), eq(knownSymptoms.flag, flag), isNull(knownSymptoms.endedAt)));
    await tx.insert(knownSymptoms).values({ patientId, flag, note, source, recordedById, recordedAt: now });
  }
}

/** Ends the long-standing record of these flags: a later exam answered them again. Inside the patient's lock. */
export async function endKnownSymptoms(tx: Tx, patientId: string, flags: readonly RedFlagId[]): Promise<void> {
  const now = new Date();
  for (const flag of flags) {
    await tx.update(knownSymptoms).set({ endedAt: now }).where(and(eq(knownSymptoms.patientId, patientId), eq(knownSymptoms.flag, flag), isNull(knownSymptoms.endedAt)));
  }
}

const knownSymptomRows = preparedRead(["patientId"], (database, at) =>
  database
    .select({ flag: knownSymptoms.flag, note: knownSymptoms.note, recordedByName: users.name, recordedAt: knownSymptoms.recordedAt })
    .from(knownSymptoms)
    .innerJoin(users, eq(users.id, knownSymptoms.recordedById))
    .where(and(eq(knownSymptoms.patientId, at.patientId), isNull(knownSymptoms.endedAt)))
    .orderBy(knownSymptoms.recordedAt),
);

/** The symptoms currently recorded as long-standing. */
export async function knownSymptomsOf(patientId: string): Promise<KnownSymptomView[]> {
  const rows = await knownSymptomRows({ patientId });
  return rows.flatMap((r) => (isRedFlagId(r.flag) ? [{ ...r, flag: r.flag, label: redFlagLabel(r.flag) }] : []));
}
