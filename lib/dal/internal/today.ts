import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { patients } from "@/db/schema/patients";
import { localDate, type LocalDate } from "@/lib/domain/schedule";

/** Today's date where the patient lives: dates in their record (onset, review) are theirs. */
export async function patientToday(patientId: string, now = new Date()): Promise<LocalDate> {
  const [row] = await (await db()).select({ timeZone: patients.timeZone }).from(patients).where(eq(patients.id, patientId));
  return localDate(now, row?.timeZone ?? "UTC");
}
