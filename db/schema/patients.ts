import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgSequence, pgTable, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";

/**
 * Text folded for search: lower case with accents taken off (Núñez → nunez), by Unicode
 * decomposition and dropping the combining marks. `normalize` is immutable, so the database keeps
 * the folded names in an indexed column; the worklist folds what was typed with the same expression.
 */
export function searchKey(text: SQL | AnyPgColumn | string): SQL {
  return sql`regexp_replace(normalize(lower(${text}), NFD), '[\\u0300-\\u036f]', '', 'g')`;
}

export const patientSex = pgEnum("patient_sex", ["female", "male", "other", "unknown"]);

/** New MRNs are RC- and the next number; the demo clinic uses the numbers below it. */
export const patientMrnSeq = pgSequence("patient_mrn_seq", { startWith: 200001 });

export const patients = pgTable(
  "patients",
  {
    // Random UUIDs go in URLs; the MRN is a clinical identifier and never appears in a path.
    id: uuid().primaryKey().defaultRandom(),
    mrn: text().notNull().unique(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    dateOfBirth: date({ mode: "string" }).notNull(),
    sex: patientSex().notNull(),
    email: text(),
    phone: text(),
    timeZone: text().notNull().default("UTC"),
    // Running background before this episode.
    weeklyDistanceKm: integer().notNull().default(0),
    runningGoal: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Both name orders and the MRN, folded: what the worklist's "Name or MRN" search matches.
    searchText: text()
      .notNull()
      .generatedAlwaysAs((): SQL => searchKey(sql`${patients.givenName} || ' ' || ${patients.familyName} || '|' || ${patients.familyName} || ' ' || ${patients.givenName} || '|' || ${patients.mrn}`)),
  },
  (t) => [
    index("patients_search_text_idx").using("btree", t.searchText.op("text_pattern_ops")),
    index("patients_family_name_idx").on(sql`lower(${t.familyName})`, sql`lower(${t.givenName})`),
    check("patients_weekly_distance_range", sql`${t.weeklyDistanceKm} between 0 and 500`),
  ],
);

export type Patient = typeof patients.$inferSelect;
export type NewPatient = typeof patients.$inferInsert;
