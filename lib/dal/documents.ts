import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db } from "@/db/client";
import { careTeamMembers } from "@/db/schema/care-team";
import { clearances } from "@/db/schema/clearance";
import { patients } from "@/db/schema/patients";
import { planVersions, therapyReferrals } from "@/db/schema/plans";
import { users } from "@/db/schema/users";
import type { Role } from "@/lib/auth/roles";
import type { CareState } from "@/lib/domain/care-state";
import type { Restrictions } from "@/lib/domain/clearance";
import type { ClinicSettings } from "@/lib/domain/clinic-settings";
import { getDiagnoses, type DiagnosisView } from "./diagnoses";
import { getExam, type ExamView } from "./exams";
import { authorizeRole, readPatient, type PatientAccess } from "./internal/access";
import { careOf } from "./internal/care-state-cache";
import { clinicSettingsOfRequest } from "./internal/clinic-settings";
import { NotFoundError } from "./errors";
import type { MyPlan } from "./plans";

/**
 * Printed documents (issue 15): the patient's plan, the signed exam note, the referral letter to
 * physical therapy and the clearance letter for a coach. Each is read here in one call that checks
 * access and audits the read under its own action, so the audit trail shows who printed what.
 * A letter leaves the clinic on paper, so only the care team prints one: a physician reading a
 * chart under emergency access can read it on screen but gets no printout (DOMAIN.md §8). The
 * clearance in every document is the state in force (`careOf`), the one every screen shows.
 */

export interface DocumentHeader {
  clinicName: string;
  patient: { name: string; dateOfBirth: string; mrn: string };
}

type Kind = "plan" | "exam_note" | "referral_letter" | "clearance_letter";

async function authorizeDocument(patientId: string, kind: Kind, roles: Role[], resource?: string): Promise<PatientAccess> {
  return readPatient(patientId, `document.${kind}`, { roles, careTeamOnly: true, resource });
}

async function authorizeOwnDocument(kind: Kind): Promise<PatientAccess> {
  const user = await authorizeRole(`document.${kind}`, ["patient"]);
  return readPatient(user.patientId ?? "", `document.${kind}`, { roles: ["patient"] });
}

async function headerOf(patientId: string): Promise<DocumentHeader & { settings: ClinicSettings }> {
  const database = await db();
  const [[patient], settings] = await Promise.all([
    database
      .select({ givenName: patients.givenName, familyName: patients.familyName, dateOfBirth: patients.dateOfBirth, mrn: patients.mrn })
      .from(patients)
      .where(eq(patients.id, patientId)),
    clinicSettingsOfRequest(),
  ]);
  if (!patient) throw new Error("authorized patient has no record");
  return {
    clinicName: settings.clinicName,
    patient: { name: `${patient.givenName} ${patient.familyName}`, dateOfBirth: patient.dateOfBirth, mrn: patient.mrn },
    settings,
  };
}

// --- The patient's plan ---

export interface PlanDocument extends DocumentHeader {
  settings: ClinicSettings;
  /** The state in force: the clearance in plain words, running paused or cut to it. */
  care: CareState;
  /** The current plan, as the patient's plan page shows it. */
  plan: MyPlan | null;
}

async function planDocumentOf(patientId: string): Promise<PlanDocument> {
  const [header, { state }, [row]] = await Promise.all([
    headerOf(patientId),
    careOf(patientId),
    (await db())
      .select({ version: planVersions.version, plan: planVersions.plan, createdAt: planVersions.createdAt })
      .from(planVersions)
      .where(eq(planVersions.patientId, patientId))
      .orderBy(desc(planVersions.version))
      .limit(1),
  ]);
  return { ...header, care: state, plan: row ? { version: row.version, plan: row.plan, updatedAt: row.createdAt, care: state } : null };
}

/** The plan printout from the chart: the patient's physician or therapist. */
export async function getPlanDocument(patientId: string): Promise<PlanDocument> {
  await authorizeDocument(patientId, "plan", ["physician", "therapist"]);
  return planDocumentOf(patientId);
}

/** The signed-in patient prints their own plan. */
export async function getMyPlanDocument(): Promise<PlanDocument> {
  const access = await authorizeOwnDocument("plan");
  return planDocumentOf(access.patientId);
}

// --- The signed exam note ---

export interface ExamNoteDocument extends DocumentHeader {
  exam: ExamView;
  /** The diagnosis on record when printed (the newest), if any. */
  diagnosis: DiagnosisView | null;
}

/** A signed exam for the care team's records (a draft comes back too: the page says it cannot be printed). */
export async function getExamNote(patientId: string, examId: string): Promise<ExamNoteDocument> {
  await authorizeDocument(patientId, "exam_note", ["physician", "therapist"], `exam:${examId}`);
  const [header, exam, diagnoses] = await Promise.all([headerOf(patientId), getExam(patientId, examId), getDiagnoses(patientId)]);
  return { clinicName: header.clinicName, patient: header.patient, exam, diagnosis: diagnoses[0] ?? null };
}

// --- The referral letter to physical therapy ---

export interface ReferralLetter extends DocumentHeader {
  therapistName: string;
  sessionsPerWeek: number;
  weeks: number;
  startDate: string;
  goals: string;
  notes: string;
  referringPhysician: string;
  referredAt: Date;
  diagnosis: DiagnosisView | null;
  /** The state in force: what the therapist may let the patient do about running. */
  care: CareState;
}

export async function getReferralLetter(patientId: string, referralId: string): Promise<ReferralLetter> {
  await authorizeDocument(patientId, "referral_letter", ["physician", "therapist"], `therapy_referral:${referralId}`);
  if (!z.uuid().safeParse(referralId).success) throw new NotFoundError();
  const therapist = alias(users, "therapist");
  const author = alias(users, "author");
  const [[row], header, diagnoses, { state }] = await Promise.all([
    (await db())
      .select({ r: therapyReferrals, therapistName: therapist.name, createdByName: author.name })
      .from(therapyReferrals)
      .innerJoin(therapist, eq(therapist.id, therapyReferrals.therapistId))
      .innerJoin(author, eq(author.id, therapyReferrals.createdById))
      .where(and(eq(therapyReferrals.id, referralId), eq(therapyReferrals.patientId, patientId))),
    headerOf(patientId),
    getDiagnoses(patientId),
    careOf(patientId),
  ]);
  if (!row) throw new NotFoundError();
  return {
    clinicName: header.clinicName,
    patient: header.patient,
    therapistName: row.therapistName,
    sessionsPerWeek: row.r.sessionsPerWeek,
    weeks: row.r.weeks,
    startDate: row.r.startDate,
    goals: row.r.goals,
    notes: row.r.notes,
    referringPhysician: row.createdByName,
    referredAt: row.r.createdAt,
    diagnosis: diagnoses[0] ?? null,
    care: state,
  };
}

// --- The clearance letter for a coach ---

/**
 * Only what a coach needs: whether the runner may run, within which limits, until when, and who
 * decided. No diagnosis, findings, red flags or the reason running is paused, and no free-text
 * note: a physician writes those for the patient and the care team, not for a coach.
 */
export interface ClearanceLetter {
  clinicName: string;
  runnerName: string;
  status: "cleared" | "cleared_with_limits" | "back_to_training" | "not_cleared";
  limits: Omit<Restrictions, "notes"> | null;
  /** When the clearance in force was decided; null while not cleared. */
  decidedAt: Date | null;
  reviewDate: string | null;
  reviewDue: boolean;
  /** Who decided the clearance in force, or the patient's physician while none is in force. */
  physicianName: string | null;
}

async function clearanceLetterOf(patientId: string): Promise<ClearanceLetter> {
  const database = await db();
  const [header, { state }, decisions, physicians] = await Promise.all([
    headerOf(patientId),
    careOf(patientId),
    database
      .select({ version: clearances.version, signedAt: clearances.signedAt, signedByName: users.name })
      .from(clearances)
      .innerJoin(users, eq(users.id, clearances.signedById))
      .where(eq(clearances.patientId, patientId))
      .orderBy(desc(clearances.version))
      .limit(20),
    database
      .select({ name: users.name })
      .from(careTeamMembers)
      .innerJoin(users, eq(users.id, careTeamMembers.userId))
      .where(and(eq(careTeamMembers.patientId, patientId), eq(careTeamMembers.role, "physician")))
      .orderBy(asc(careTeamMembers.addedAt)),
  ]);
  const p = state.permission;
  const inForce = p.status === "cleared" ? decisions.find((d) => d.version === p.version) : p.status === "return_to_training" ? decisions[0] : undefined;
  const base = { clinicName: header.clinicName, runnerName: header.patient.name, physicianName: inForce?.signedByName ?? physicians[0]?.name ?? null };
  if (p.status === "cleared") {
    const { notes: _notes, ...limits } = p.restrictions ?? ({} as Restrictions);
    return {
      ...base,
      status: p.level === "full" ? "cleared" : "cleared_with_limits",
      limits: p.level === "full" || !p.restrictions ? null : limits,
      decidedAt: inForce?.signedAt ?? null,
      reviewDate: p.reviewDate,
      reviewDue: p.reviewDue,
    };
  }
  if (p.status === "return_to_training") {
    return { ...base, status: "back_to_training", limits: null, decidedAt: inForce?.signedAt ?? null, reviewDate: null, reviewDue: false };
  }
  return { ...base, status: "not_cleared", limits: null, decidedAt: null, reviewDate: null, reviewDue: false };
}

/** The coach's letter from the chart: the patient's physicians only, since it states a clearance. */
export async function getClearanceLetter(patientId: string): Promise<ClearanceLetter> {
  await authorizeDocument(patientId, "clearance_letter", ["physician"]);
  return clearanceLetterOf(patientId);
}

/** The signed-in patient prints their own letter for a coach. */
export async function getMyClearanceLetter(): Promise<ClearanceLetter> {
  const access = await authorizeOwnDocument("clearance_letter");
  return clearanceLetterOf(access.patientId);
}
