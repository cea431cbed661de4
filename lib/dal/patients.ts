import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { careTeamMembers, type CareTeamRole } from "@/db/schema/care-team";
import { emergencyAccessGrants } from "@/db/schema/emergency-access";
import { episodes, type EpisodeStatus } from "@/db/schema/episodes";
import { patients } from "@/db/schema/patients";
import { users } from "@/db/schema/users";
import { ageOn } from "@/lib/domain/age";
import type { CareState } from "@/lib/domain/care-state";
import type { ClinicSettings } from "@/lib/domain/clinic-settings";
import { hashPassword } from "@/lib/auth/password";
import { oneTimePassword } from "@/lib/domain/one-time-password";
import { patientRegistrationSchema } from "@/lib/domain/patient";
import { localDate } from "@/lib/domain/schedule";
import { readPatientResource, type PatientImport } from "@/lib/fhir/patient-import";
import { authorizeRole, readPatient, type AccessVia } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { preparedRead } from "./internal/prepared-read";
import { clinicSettingsOfRequest } from "./internal/clinic-settings";
import { careOf } from "./internal/care-state-cache";
import { refreshPatientOutcomes } from "./internal/patient-outcomes";
import { ValidationError } from "./errors";

export interface CareTeamMember {
  userId: string;
  name: string;
  role: CareTeamRole;
}

export interface EmergencyAccessNotice {
  physicianName: string;
  reason: string;
  grantedAt: Date;
  expiresAt: Date;
}

export interface PatientChart {
  id: string;
  mrn: string;
  name: string;
  dateOfBirth: string;
  age: number;
  sex: string;
  email: string | null;
  phone: string | null;
  timeZone: string;
  weeklyDistanceKm: number;
  runningGoal: string;
  episode: { status: EpisodeStatus; openedAt: Date; resolvedAt: Date | null } | null;
  careTeam: CareTeamMember[];
  /** How the viewer reaches this chart; "emergency" shows the break-glass banner. */
  accessVia: AccessVia;
  /** Until when the viewer's emergency access lasts, when that is how they reach it. */
  emergencyAccessUntil: Date | null;
  /** Emergency accesses by physicians outside the care team, shown to the care team. */
  emergencyAccesses: EmergencyAccessNotice[];
  /** The state in force (lib/domain/care-state.ts): every card of the chart reads it. */
  care: CareState;
}

const careTeamOf = preparedRead(["patientId"], (database, at) =>
  database
    .select({ userId: users.id, name: users.name, role: careTeamMembers.role })
    .from(careTeamMembers)
    .innerJoin(users, eq(users.id, careTeamMembers.userId))
    .where(eq(careTeamMembers.patientId, at.patientId))
    .orderBy(asc(careTeamMembers.role), asc(users.name)),
);

const emergencyAccessesTo = preparedRead(["patientId"], (database, at) =>
  database
    .select({
      userId: emergencyAccessGrants.userId,
      physicianName: users.name,
      reason: emergencyAccessGrants.reason,
      grantedAt: emergencyAccessGrants.grantedAt,
      expiresAt: emergencyAccessGrants.expiresAt,
    })
    .from(emergencyAccessGrants)
    .innerJoin(users, eq(users.id, emergencyAccessGrants.userId))
    .where(eq(emergencyAccessGrants.patientId, at.patientId))
    .orderBy(desc(emergencyAccessGrants.grantedAt))
    .limit(20),
);

/** What the chart and the patient's own record show of the patient. */
const patientRecord = preparedRead(["patientId"], (database, at) =>
  database
    .select({
      id: patients.id,
      mrn: patients.mrn,
      givenName: patients.givenName,
      familyName: patients.familyName,
      dateOfBirth: patients.dateOfBirth,
      sex: patients.sex,
      email: patients.email,
      phone: patients.phone,
      timeZone: patients.timeZone,
      weeklyDistanceKm: patients.weeklyDistanceKm,
      runningGoal: patients.runningGoal,
    })
    .from(patients)
    .where(eq(patients.id, at.patientId)),
);

/**
 * Refuses, as not found, a chart the caller may not open: what the chart's layout checks before
 * its skeleton streams. Audited as the chart's view (one entry per request with the page's reads).
 */
export async function assertChartAccess(patientId: string): Promise<void> {
  await readPatient(patientId, "chart.view", { roles: ["physician", "therapist"] });
}

/** A patient's chart for the care team (or a physician with emergency access). */
export async function getPatientChart(patientId: string): Promise<PatientChart> {
  const access = await readPatient(patientId, "chart.view", { roles: ["physician", "therapist"] });
  // The episode shown is the one the state in force was derived from.
  const [[patient], careTeam, grants, { facts, state }] = await Promise.all([
    patientRecord({ patientId }),
    careTeamOf({ patientId }),
    emergencyAccessesTo({ patientId }),
    careOf(patientId),
  ]);
  if (!patient) throw new Error("authorized patient has no record");
  const now = new Date();
  const mine = grants.find((g) => g.userId === access.user.id && g.expiresAt > now);
  return {
    id: patient.id,
    mrn: patient.mrn,
    name: `${patient.givenName} ${patient.familyName}`,
    dateOfBirth: patient.dateOfBirth,
    age: ageOn(patient.dateOfBirth),
    sex: patient.sex,
    email: patient.email,
    phone: patient.phone,
    timeZone: patient.timeZone,
    weeklyDistanceKm: patient.weeklyDistanceKm,
    runningGoal: patient.runningGoal,
    episode: facts.episode && { status: facts.episode.status, openedAt: facts.episode.openedAt, resolvedAt: facts.episode.resolvedAt },
    careTeam,
    accessVia: access.via,
    emergencyAccessUntil: access.via === "emergency" ? (mine?.expiresAt ?? null) : null,
    emergencyAccesses:
      access.via === "care_team" ? grants.map(({ userId: _u, ...g }) => g) : [],
    care: state,
  };
}

export interface MyRecord {
  name: string;
  mrn: string;
  dateOfBirth: string;
  timeZone: string;
  weeklyDistanceKm: number;
  runningGoal: string;
  episodeStatus: EpisodeStatus | null;
  episodeOpenedAt: Date | null;
  careTeam: { name: string; role: CareTeamRole }[];
  /** What the patient may do today, from the state in force. */
  care: CareState;
  settings: ClinicSettings;
}

/** The signed-in patient's own record, with the state in force and the clinic's emergency numbers. */
export async function getMyRecord(): Promise<MyRecord> {
  const user = await authorizeRole("record.view", ["patient"]);
  const access = await readPatient(user.patientId ?? "", "record.view", { roles: ["patient"] });
  const [[patient], team, { facts, state }, settings] = await Promise.all([
    patientRecord({ patientId: access.patientId }),
    careTeamOf({ patientId: access.patientId }),
    careOf(access.patientId),
    clinicSettingsOfRequest(),
  ]);
  if (!patient) throw new Error("patient account without a record");
  return {
    name: `${patient.givenName} ${patient.familyName}`,
    mrn: patient.mrn,
    dateOfBirth: patient.dateOfBirth,
    timeZone: patient.timeZone,
    weeklyDistanceKm: patient.weeklyDistanceKm,
    runningGoal: patient.runningGoal,
    episodeStatus: facts.episode?.status ?? null,
    episodeOpenedAt: facts.episode?.openedAt ?? null,
    careTeam: team.map(({ name, role }) => ({ name, role })),
    care: state,
    settings,
  };
}

export interface Clinician {
  id: string;
  name: string;
  role: "physician" | "therapist";
}

/** Active physicians and therapists, to choose a care team from. Names only. */
export async function listClinicians(): Promise<Clinician[]> {
  await authorizeRole("clinician.list", ["physician"]);
  const rows = await (await db())
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(sql`${users.role} in ('physician', 'therapist') and ${users.active}`)
    .orderBy(asc(users.role), asc(users.name));
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role === "physician" ? "physician" : "therapist" }));
}

/**
 * A physician reads a FHIR Patient resource to start a registration (lib/fhir/patient-import.ts).
 * It reads no record and saves nothing; the audit trail notes the read, not its content.
 */
export async function readPatientImport(text: string): Promise<PatientImport> {
  const physician = await authorizeRole("patient.import.read", ["physician"]);
  const read = readPatientResource(text);
  await writeAudit({ actor: physician, action: "patient.import.read", resource: read.ok ? "a valid Patient resource" : "a resource that could not be read", outcome: "allowed" });
  return read;
}

export interface RegisteredPatient {
  patientId: string;
  mrn: string;
  /** Only when a sign-in account was created: shown once to the physician. */
  account: { email: string; oneTimePassword: string } | null;
}

/**
 * A physician registers a patient: demographics, running background, care team (the
 * registering physician, and a therapist if chosen), an episode awaiting its first exam, and
 * optionally the patient's sign-in account with a one-time password.
 */
export async function registerPatient(input: unknown): Promise<RegisteredPatient> {
  const physician = await authorizeRole("patient.register", ["physician"]);
  const data = patientRegistrationSchema(localDate(new Date(), "UTC")).parse(input);
  const database = await db();
  if (data.therapistId) {
    const [therapist] = await database.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, data.therapistId));
    if (therapist?.role !== "therapist" || !therapist.active) throw new ValidationError("Check the highlighted field.", { therapistId: ["Choose a therapist from the list."] });
  }
  if (data.createAccount) {
    const [taken] = await database.select({ id: users.id }).from(users).where(eq(users.email, data.email));
    if (taken) throw new ValidationError("Check the highlighted field.", { email: ["An account with this email already exists."] });
  }
  const password = data.createAccount ? oneTimePassword() : null;
  const passwordHash = password ? await hashPassword(password) : null;
  return database.transaction(async (tx) => {
    const [patient] = await tx
      .insert(patients)
      .values({
        mrn: sql`'RC-' || nextval('patient_mrn_seq')`,
        givenName: data.givenName,
        familyName: data.familyName,
        dateOfBirth: data.dateOfBirth,
        sex: data.sex,
        email: data.email || null,
        phone: data.phone || null,
        timeZone: data.timeZone,
        weeklyDistanceKm: data.weeklyDistanceKm,
        runningGoal: data.runningGoal,
      })
      .returning({ id: patients.id, mrn: patients.mrn });
    const patientId = patient!.id;
    await tx.insert(careTeamMembers).values([
      { patientId, userId: physician.id, role: "physician" },
      ...(data.therapistId ? [{ patientId, userId: data.therapistId, role: "therapist" as const }] : []),
    ]);
    await tx.insert(episodes).values({ patientId, status: "awaiting_exam" });
    if (passwordHash) {
      await tx.insert(users).values({
        email: data.email,
        name: `${data.givenName} ${data.familyName}`,
        role: "patient",
        patientId,
        passwordHash,
        mustChangePassword: true,
      });
    }
    // Not under withPatientLocked (the row is new): the outcomes aggregate gets its row here.
    await refreshPatientOutcomes(tx, patientId);
    await writeAudit({ actor: physician, action: "patient.register", patientId, outcome: "allowed" }, tx);
    return { patientId, mrn: patient!.mrn, account: password ? { email: data.email, oneTimePassword: password } : null };
  });
}
