import "server-only";
import { eq } from "drizzle-orm";
import { cache } from "react";
import { patients } from "@/db/schema/patients";
import { DEFAULT_READER_FORMAT, type ReaderFormat } from "@/lib/ui/format";
import { clinicSettingsOfRequest } from "./internal/clinic-settings";
import { getCurrentUser } from "./session";
import { preparedRead } from "./internal/prepared-read";

/**
 * How this request's reader sees dates and times: the clinic's locale always; the patient's own
 * zone for a patient, the clinic's zone for everyone else (and before sign-in). It reveals only
 * the reader's own zone and the clinic's settings, so it is not audited. Read once per request.
 */
export const getReaderFormat = cache(async (): Promise<ReaderFormat> => {
  try {
    return await readFormat();
  } catch {
    // The root layout asks on every page: while the database is unreachable the page itself
    // answers with its own error, and the sign-in page still renders in the clinic defaults.
    return DEFAULT_READER_FORMAT;
  }
});

const patientTimeZone = preparedRead(["patientId"], (database, at) => database.select({ timeZone: patients.timeZone }).from(patients).where(eq(patients.id, at.patientId)));

async function readFormat(): Promise<ReaderFormat> {
  const [settings, user] = await Promise.all([clinicSettingsOfRequest(), getCurrentUser()]);
  if (user?.role === "patient" && user.patientId) {
    const [own] = await patientTimeZone({ patientId: user.patientId });
    if (own) return { locale: settings.locale, timeZone: own.timeZone };
  }
  return { locale: settings.locale, timeZone: settings.timeZone };
}
