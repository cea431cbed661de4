import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { careTeamMembers, type CareTeamRole } from "@/db/schema/care-team";
import { emergencyAccessGrants } from "@/db/schema/emergency-access";
import { episodes, type EpisodeStatus } from "@/db/schema/episodes";
import { patients } from "@/db/schema/patients";
import { users } from "@/db/schema/users";
import { ageOn } from "@/lib/domain/age";
import { authorizeRole, readPatient, type AccessVia } from "./access";
import { writeAudit } from "./audit-log";

export interface PatientListItem {
  id: string;
  mrn: string;
  name: string;
  age: number;
  sex: string;
  weeklyDistanceKm: number;
  runningGoal: string;
  episodeStatus: EpisodeStatus | null;
}

const latestEpisode = and(
  eq(episodes.patientId, patients.id),
  eq(episodes.openedAt, sql`(select max(e2.opened_at) from episodes e2 where e2.patient_id = ${patients.id})`),
);

/** The patients on the signed-in clinician's care team. */
export async function listCareTeamPatients(): Promise<PatientListItem[]> {
  const user = await authorizeRole("patient.list", ["physician", "therapist"]);
  const rows = await (await db())
    .select({
      id: patients.id,
      mrn: patients.mrn,
      givenName: patients.givenName,
      familyName: patients.familyName,
      dateOfBirth: patients.dateOfBirth,
      sex: patients.sex,
      weeklyDistanceKm: patients.weeklyDistanceKm,
      runningGoal: patients.runningGoal,
      episodeStatus: episodes.status,
    })
    .from(careTeamMembers)
    .innerJoin(patients, eq(patients.id, careTeamMembers.patientId))
    .leftJoin(episodes, latestEpisode)
    .where(eq(careTeamMembers.userId, user.id))
    .orderBy(asc(patients.familyName), asc(patients.givenName));
  await writeAudit({ actor: user, action: "patient.list", outcome: "allowed" });
  return rows.map((r) => ({
    id: r.id,
    mrn: r.mrn,
    name: `${r.givenName} ${r.familyName}`,
    age: ageOn(r.dateOfBirth),
    sex: r.sex,
    weeklyDistanceKm: r.weeklyDistanceKm,
    runningGoal: r.runningGoal,
    episodeStatus: r.episodeStatus,
  }));
}

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
}

async function careTeamOf(patientId: string): Promise<CareTeamMember[]> {
  return (await db())
    .select({ userId: users.id, name: users.name, role: careTeamMembers.role })
    .from(careTeamMembers)
    .innerJoin(users, eq(users.id, careTeamMembers.userId))
    .where(eq(careTeamMembers.patientId, patientId))
    .orderBy(asc(careTeamMembers.role), asc(users.name));
}

async function emergencyAccessesTo(patientId: string) {
  return (await db())
    .select({
      userId: emergencyAccessGrants.userId,
      physicianName: users.name,
      reason: emergencyAccessGrants.reason,
      grantedAt: emergencyAccessGrants.grantedAt,
      expiresAt: emergencyAccessGrants.expiresAt,
    })
    .from(emergencyAccessGrants)
    .innerJoin(users, eq(users.id, emergencyAccessGrants.userId))
    .where(eq(emergencyAccessGrants.patientId, patientId))
    .orderBy(desc(emergencyAccessGrants.grantedAt))
    .limit(20);
}

/** A patient's chart for the care team (or a physician with emergency access). */
export async function getPatientChart(patientId: string): Promise<PatientChart> {
  const access = await readPatient(patientId, "chart.view", { roles: ["physician", "therapist"] });
  const database = await db();
  const [[patient], [episode], careTeam, grants] = await Promise.all([
    database.select().from(patients).where(eq(patients.id, patientId)),
    database
      .select({ status: episodes.status, openedAt: episodes.openedAt, resolvedAt: episodes.resolvedAt })
      .from(episodes)
      .where(eq(episodes.patientId, patientId))
      .orderBy(desc(episodes.openedAt))
      .limit(1),
    careTeamOf(patientId),
    emergencyAccessesTo(patientId),
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
    episode: episode ?? null,
    careTeam,
    accessVia: access.via,
    emergencyAccessUntil: access.via === "emergency" ? (mine?.expiresAt ?? null) : null,
    emergencyAccesses:
      access.via === "care_team" ? grants.map(({ userId: _u, ...g }) => g) : [],
  };
}

export interface MyRecord {
  name: string;
  mrn: string;
  dateOfBirth: string;
  weeklyDistanceKm: number;
  runningGoal: string;
  episodeStatus: EpisodeStatus | null;
  episodeOpenedAt: Date | null;
  careTeam: { name: string; role: CareTeamRole }[];
}

/** The signed-in patient's own record. */
export async function getMyRecord(): Promise<MyRecord> {
  const user = await authorizeRole("record.view", ["patient"]);
  const access = await readPatient(user.patientId ?? "", "record.view", { roles: ["patient"] });
  const database = await db();
  const [[patient], [episode], team] = await Promise.all([
    database.select().from(patients).where(eq(patients.id, access.patientId)),
    database
      .select({ status: episodes.status, openedAt: episodes.openedAt })
      .from(episodes)
      .where(eq(episodes.patientId, access.patientId))
      .orderBy(desc(episodes.openedAt))
      .limit(1),
    careTeamOf(access.patientId),
  ]);
  if (!patient) throw new Error("patient account without a record");
  return {
    name: `${patient.givenName} ${patient.familyName}`,
    mrn: patient.mrn,
    dateOfBirth: patient.dateOfBirth,
    weeklyDistanceKm: patient.weeklyDistanceKm,
    runningGoal: patient.runningGoal,
    episodeStatus: episode?.status ?? null,
    episodeOpenedAt: episode?.openedAt ?? null,
    careTeam: team.map(({ name, role }) => ({ name, role })),
  };
}
