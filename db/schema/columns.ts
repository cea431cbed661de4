import { sql } from "drizzle-orm";
import { bigint } from "drizzle-orm/pg-core";

/** The next number of `clinical_event_seq` (db/schema/clinical-events.ts): the order facts happened in. */
export const clinicalSeq = () => bigint({ mode: "number" }).notNull().default(sql`nextval('clinical_event_seq')`);
