import { bigint, date, pgTable, uuid } from "drizzle-orm/pg-core";
import { patients } from "./patients";

/**
 * One row per patient, kept by triggers (drizzle/0017): a counter that moves on every change a
 * caseload or adherence view shows (logs, check-ins, plan versions, clearances, red-flag alerts),
 * and the date of the newest log. Lists read these instead of scanning every patient's history;
 * the application role may read them but never write them.
 */
export const patientChangeMarks = pgTable("patient_change_marks", {
  patientId: uuid().primaryKey().references(() => patients.id, { onDelete: "cascade" }),
  changes: bigint({ mode: "number" }).notNull().default(0),
  lastLogDate: date({ mode: "string" }),
});
