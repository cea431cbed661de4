import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { careTeamMembers } from "@/db/schema/care-team";
import { episodes, type EpisodeStatus } from "@/db/schema/episodes";
import { patients } from "@/db/schema/patients";
import { users } from "@/db/schema/users";
import { getSessionUser } from "@/lib/auth/session";
import { ageOn } from "@/lib/domain/age";

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

/** The patients on the signed-in clinician's care team. */
export async function listCareTeamPatients(): Promise<PatientListItem[]> {
  const user = await getSessionUser();
  if (!user || (user.role !== "physician" && user.role !== "therapist")) return [];
  const database = await db();
  const rows = await database
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
    .leftJoin(
      episodes,
      and(
        eq(episodes.patientId, patients.id),
        eq(episodes.openedAt, sql`(select max(e2.opened_at) from episodes e2 where e2.patient_id = ${patients.id})`),
      ),
    )
    .where(eq(careTeamMembers.userId, user.id))
    .orderBy(asc(patients.familyName), asc(patients.givenName));
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

export interface MyRecord {
  name: string;
  mrn: string;
  dateOfBirth: string;
  weeklyDistanceKm: number;
  runningGoal: string;
  episodeStatus: EpisodeStatus | null;
  episodeOpenedAt: Date | null;
  careTeam: { name: string; role: "physician" | "therapist" }[];
}

/** The signed-in patient's own record; null for anyone else. */
export async function getMyRecord(): Promise<MyRecord | null> {
  const user = await getSessionUser();
  if (!user || user.role !== "patient") return null;
  const database = await db();
  const [account] = await database.select({ patientId: users.patientId }).from(users).where(eq(users.id, user.id));
  if (!account?.patientId) return null;
  const patientId = account.patientId;
  const [[patient], [episode], team] = await Promise.all([
    database.select().from(patients).where(eq(patients.id, patientId)),
    database
      .select({ status: episodes.status, openedAt: episodes.openedAt })
      .from(episodes)
      .where(eq(episodes.patientId, patientId))
      .orderBy(desc(episodes.openedAt))
      .limit(1),
    database
      .select({ name: users.name, role: careTeamMembers.role })
      .from(careTeamMembers)
      .innerJoin(users, eq(users.id, careTeamMembers.userId))
      .where(eq(careTeamMembers.patientId, patientId))
      .orderBy(asc(careTeamMembers.role), asc(users.name)),
  ]);
  if (!patient) return null;
  return {
    name: `${patient.givenName} ${patient.familyName}`,
    mrn: patient.mrn,
    dateOfBirth: patient.dateOfBirth,
    weeklyDistanceKm: patient.weeklyDistanceKm,
    runningGoal: patient.runningGoal,
    episodeStatus: episode?.status ?? null,
    episodeOpenedAt: episode?.openedAt ?? null,
    careTeam: team,
  };
}
