import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { patients } from "@/db/schema/patients";
import { signInAs, signOutOfTests } from "./people";

/** Every kind of caller the access rules distinguish, relative to the target patient Sam Rivera. */
export const CALLERS = [
  "physicianOnTeam",
  "physicianOffTeam",
  "assignedTherapist",
  "otherTherapist",
  "thePatient",
  "otherPatient",
  "admin",
  "noSession",
] as const;
export type Caller = (typeof CALLERS)[number];

// In the demo clinic Sam Rivera is on Dr. Ortiz's care team with Jordan Morgan, PT;
// Priya Natarajan is also Dr. Ortiz's, with Amrit Singh, PT.
const EMAILS: Record<Exclude<Caller, "noSession">, string> = {
  physicianOnTeam: "dr.ortiz@runclear.example",
  physicianOffTeam: "dr.chen@runclear.example",
  assignedTherapist: "pt.morgan@runclear.example",
  otherTherapist: "pt.singh@runclear.example",
  thePatient: "sam.rivera@runclear.example",
  otherPatient: "priya.natarajan@runclear.example",
  admin: "admin@runclear.example",
};

export const CLINICIANS_ON_TEAM: Caller[] = ["physicianOnTeam", "assignedTherapist"];
export const ALL_SIGNED_IN: Caller[] = CALLERS.filter((c) => c !== "noSession");

/** Makes `caller` the one calling the DAL, with a fresh session. */
export async function becomeCaller(db: Database, caller: Caller): Promise<void> {
  if (caller === "noSession") signOutOfTests();
  else await signInAs(db, EMAILS[caller]);
}

export function emailOf(caller: Exclude<Caller, "noSession">): string {
  return EMAILS[caller];
}

export async function patientIdByMrn(db: Database, mrn: string): Promise<string> {
  const [row] = await db.select({ id: patients.id }).from(patients).where(eq(patients.mrn, mrn));
  if (!row) throw new Error(`no patient ${mrn}`);
  return row.id;
}
