import "server-only";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { activityLogs } from "@/db/schema/activity";
import { checkIns } from "@/db/schema/check-ins";
import { clearances } from "@/db/schema/clearance";
import { diagnoses } from "@/db/schema/diagnoses";
import { episodes } from "@/db/schema/episodes";
import { examAddenda, exams } from "@/db/schema/exams";
import { patients } from "@/db/schema/patients";
import { escalationReferrals, planVersions, therapyReferrals } from "@/db/schema/plans";
import { questionnaireResponses } from "@/db/schema/questionnaires";
import { redFlagAlerts } from "@/db/schema/red-flags";
import { therapySessions } from "@/db/schema/therapy-sessions";
import { users } from "@/db/schema/users";
import type { FhirFacts } from "@/lib/fhir/resources";
import { loadCareFacts, type Executor } from "./care-facts";
import { readTogether } from "./read-together";
import { careState } from "@/lib/domain/care-state";

/**
 * Everything a patient's FHIR compartment is made from, for a batch of patients the caller may
 * already see: a fixed number of queries whatever the batch size, so the bulk export reads the
 * clinic a batch at a time. It checks nothing (lib/dal/internal). Drafts stay out: only signed
 * exams leave the clinic.
 */
export async function loadFhirFacts(executor: Executor, patientIds: readonly string[], now = new Date()): Promise<Map<string, FhirFacts>> {
  const ids = [...new Set(patientIds)];
  const out = new Map<string, FhirFacts>();
  if (!ids.length) return out;
  const signer = alias(users, "signer");
  const [patientRows, episodeRows, examRows, addendumRows, diagnosisRows, clearanceRows, planRows, therapyRows, escalationRows, responseRows, activityRows, checkInRows, flagRows, sessionRows, careFacts] =
    await readTogether(executor, [
      () => executor.select().from(patients).where(inArray(patients.id, ids)),
      () => executor.select().from(episodes).where(inArray(episodes.patientId, ids)).orderBy(asc(episodes.openedAt)),
      () => executor
        .select({ exam: exams, signerName: signer.name })
        .from(exams)
        .innerJoin(signer, eq(signer.id, exams.signedById))
        .where(and(inArray(exams.patientId, ids), eq(exams.status, "signed")))
        .orderBy(asc(exams.signedAt)),
      () => executor
        .select({ addendum: examAddenda, patientId: examAddenda.patientId, authorName: users.name })
        .from(examAddenda)
        .innerJoin(users, eq(users.id, examAddenda.authorId))
        .where(inArray(examAddenda.patientId, ids))
        .orderBy(asc(examAddenda.signedAt)),
      () => executor
        .select({ diagnosis: diagnoses, recorderName: users.name })
        .from(diagnoses)
        .innerJoin(users, eq(users.id, diagnoses.recordedById))
        .where(inArray(diagnoses.patientId, ids))
        .orderBy(asc(diagnoses.recordedAt)),
      () => executor
        .select({ clearance: clearances, signerName: users.name })
        .from(clearances)
        .innerJoin(users, eq(users.id, clearances.signedById))
        .where(inArray(clearances.patientId, ids))
        .orderBy(asc(clearances.version)),
      () => executor
        .select({ plan: planVersions, authorName: users.name })
        .from(planVersions)
        .innerJoin(users, eq(users.id, planVersions.createdById))
        .where(inArray(planVersions.patientId, ids))
        .orderBy(asc(planVersions.version)),
      () => executor
        .select({ referral: therapyReferrals, therapistName: users.name, referrerName: signer.name })
        .from(therapyReferrals)
        .innerJoin(users, eq(users.id, therapyReferrals.therapistId))
        .innerJoin(signer, eq(signer.id, therapyReferrals.createdById))
        .where(inArray(therapyReferrals.patientId, ids))
        .orderBy(asc(therapyReferrals.createdAt)),
      () => executor
        .select({ referral: escalationReferrals, referrerName: users.name })
        .from(escalationReferrals)
        .innerJoin(users, eq(users.id, escalationReferrals.createdById))
        .where(inArray(escalationReferrals.patientId, ids))
        .orderBy(asc(escalationReferrals.createdAt)),
      () => executor.select().from(questionnaireResponses).where(inArray(questionnaireResponses.patientId, ids)).orderBy(asc(questionnaireResponses.completedAt)),
      () => executor.select().from(activityLogs).where(inArray(activityLogs.patientId, ids)).orderBy(asc(activityLogs.localDate), asc(activityLogs.createdAt)),
      () => executor.select().from(checkIns).where(inArray(checkIns.patientId, ids)).orderBy(asc(checkIns.createdAt)),
      () => executor.select().from(redFlagAlerts).where(inArray(redFlagAlerts.patientId, ids)).orderBy(asc(redFlagAlerts.raisedAt)),
      () => executor
        .select({ session: therapySessions, therapistName: users.name })
        .from(therapySessions)
        .innerJoin(users, eq(users.id, therapySessions.therapistId))
        .where(and(inArray(therapySessions.patientId, ids), ne(therapySessions.attendance, "no_show")))
        .orderBy(asc(therapySessions.sessionDate)),
      () => loadCareFacts(executor, ids, now),
    ]);
  for (const patient of patientRows) {
    const facts = careFacts.get(patient.id);
    const care = facts ? careState(facts) : null;
    out.set(patient.id, {
      patient,
      episodes: [],
      exams: [],
      addenda: [],
      diagnoses: [],
      clearances: [],
      plans: [],
      therapyReferrals: [],
      escalations: [],
      questionnaires: [],
      activity: [],
      checkIns: [],
      redFlags: [],
      therapySessions: [],
      // The clearance in force comes from the one derivation every screen uses (§10).
      permission: care?.permission ?? null,
      running: care?.running ?? [],
      exportedAt: now,
    });
  }
  const add = <K extends keyof FhirFacts>(patientId: string, key: K, value: FhirFacts[K] extends (infer T)[] ? T : never) => {
    (out.get(patientId)?.[key] as unknown[] | undefined)?.push(value);
  };
  for (const row of episodeRows) add(row.patientId, "episodes", row);
  for (const row of examRows) add(row.exam.patientId, "exams", { ...row.exam, signerName: row.signerName });
  for (const row of addendumRows) add(row.patientId, "addenda", { ...row.addendum, authorName: row.authorName });
  for (const row of diagnosisRows) add(row.diagnosis.patientId, "diagnoses", { ...row.diagnosis, recorderName: row.recorderName });
  for (const row of clearanceRows) add(row.clearance.patientId, "clearances", { ...row.clearance, signerName: row.signerName });
  for (const row of planRows) add(row.plan.patientId, "plans", { ...row.plan, authorName: row.authorName });
  for (const row of therapyRows) add(row.referral.patientId, "therapyReferrals", { ...row.referral, therapistName: row.therapistName, referrerName: row.referrerName });
  for (const row of escalationRows) add(row.referral.patientId, "escalations", { ...row.referral, referrerName: row.referrerName });
  for (const row of responseRows) add(row.patientId, "questionnaires", row);
  for (const row of activityRows) add(row.patientId, "activity", row);
  for (const row of checkInRows) add(row.patientId, "checkIns", row);
  for (const row of flagRows) add(row.patientId, "redFlags", row);
  for (const row of sessionRows) add(row.session.patientId, "therapySessions", { ...row.session, therapistName: row.therapistName });
  return out;
}
