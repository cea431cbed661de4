import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { checkIns } from "@/db/schema/check-ins";
import { redFlagAlerts } from "@/db/schema/red-flags";
import { checkInSchema, reportedRedFlags } from "@/lib/domain/check-in";
import type { RedFlagAnswers, RedFlagId } from "@/lib/domain/red-flags";
import { auditOf, authorizePatient, authorizeRole } from "./access";
import { writeAudit } from "./audit-log";
import { fieldErrorsOf, ValidationError } from "./errors";

export interface CheckInResult {
  /** Any red flag reported: the patient is told to get emergency care now. */
  emergency: boolean;
  redFlags: RedFlagId[];
}

function answersOf(redFlags: RedFlagAnswers): RedFlagId[] {
  return (Object.keys(redFlags) as RedFlagId[]).filter((id) => redFlags[id]);
}

/**
 * The signed-in patient's symptom check-in. A red flag raises an urgent alert for the care
 * team in the same transaction. A repeated idempotency key (a double tap, a retry after a lost
 * answer) returns the first result and writes nothing.
 */
export async function submitCheckIn(input: unknown): Promise<CheckInResult> {
  const user = await authorizeRole("check_in.create", ["patient"]);
  const access = await authorizePatient(user.patientId ?? "", "check_in.create", { roles: ["patient"] });
  const parsed = checkInSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError("Please answer every question.", fieldErrorsOf(parsed.error));
  }
  const data = parsed.data;
  const flags = reportedRedFlags(data.redFlags);
  const answers = Object.fromEntries(Object.entries(data.redFlags).map(([id, a]) => [id, a === "yes"])) as RedFlagAnswers;
  const database = await db();
  return database.transaction(async (tx) => {
    const inserted = await tx
      .insert(checkIns)
      .values({ patientId: access.patientId, idempotencyKey: data.idempotencyKey, painNow: data.painNow, legSymptoms: data.legSymptoms, redFlagAnswers: answers })
      .onConflictDoNothing({ target: checkIns.idempotencyKey })
      .returning({ id: checkIns.id });
    if (!inserted.length) {
      const [earlier] = await tx
        .select({ answers: checkIns.redFlagAnswers })
        .from(checkIns)
        .where(and(eq(checkIns.idempotencyKey, data.idempotencyKey), eq(checkIns.patientId, access.patientId)));
      if (!earlier) throw new ValidationError("Reload the page and try again.");
      const earlierFlags = answersOf(earlier.answers);
      return { emergency: earlierFlags.length > 0, redFlags: earlierFlags };
    }
    if (flags.length) {
      await tx.insert(redFlagAlerts).values({ patientId: access.patientId, source: "check_in", flags, raisedById: user.id });
    }
    await writeAudit(auditOf(access, "check_in.create", `check_in:${inserted[0]!.id}`), tx);
    return { emergency: flags.length > 0, redFlags: flags };
  });
}
