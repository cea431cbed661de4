/**
 * The authorization matrix: every exported DAL function and every server action, called by
 * every kind of caller, answers either "allowed" or exactly "not found", and leaves the audit
 * entry that says so (the caller's entry, or a denial). A new DAL function or
 * action that is not listed here fails the completeness checks at the bottom.
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, max } from "drizzle-orm";
import { activityLogs } from "@/db/schema/activity";
import { auditEvents } from "@/db/schema/audit";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { clearances } from "@/db/schema/clearance";
import { emergencyAccessGrants } from "@/db/schema/emergency-access";
import { episodes } from "@/db/schema/episodes";
import { exams } from "@/db/schema/exams";
import { patients } from "@/db/schema/patients";
import { escalationReferrals, planVersions, therapyReferrals } from "@/db/schema/plans";
import { redFlagAlerts } from "@/db/schema/red-flags";
import { demoExam } from "@/db/seed-clinical";
import { examFormValues } from "@/lib/domain/exam-form";
import { patientRedFlagIds } from "@/lib/domain/red-flags";
import { localDate } from "@/lib/domain/schedule";
import { isTherapistDosed } from "@/lib/domain/therapy-session";
import { users } from "@/db/schema/users";
import { DEMO_PASSWORD } from "@/db/seed-data";
import type { ActionState } from "@/lib/actions/action-state";
import { valueActions } from "@/lib/actions/validated-action";
import { ConflictError, fieldErrorsOf, NotFoundError, ValidationError } from "@/lib/dal/errors";
import { describeEachDatabase } from "../support/databases";
import { ALL_SIGNED_IN, becomeCaller, CALLERS, CLINICIANS_ON_TEAM, emailOf, patientIdByMrn, type Caller } from "../support/callers";

interface Targets {
  db: Database;
  sam: string;
  /** Sam's signed exam. */
  samSignedExam: string;
  /** A fresh draft exam of Sam's (version 1). */
  samDraftExam(): Promise<string>;
  /** A fresh unresolved red-flag alert of Sam's. */
  samAlert(): Promise<string>;
  /** Sam's current clearance version. */
  samClearanceVersion(): Promise<number>;
  /** A fresh escalation referral of Sam's. */
  samEscalation(): Promise<string>;
  /** Jordan Morgan, PT. */
  therapist(): Promise<string>;
  /** A fresh staff account, for account changes that must not disturb the callers. */
  throwawayUser(): Promise<string>;
  /** A fresh patient record with no account. */
  patientWithoutAccount(): Promise<string>;
  /** A fresh therapist account created by the second demo admin, waiting for confirmation. */
  unconfirmedUser(): Promise<string>;
  /** A fresh emergency grant to Sam by Dr. Chen, not yet reviewed. */
  samGrant(): Promise<string>;
}

type DalCall = (t: Targets) => Promise<unknown>;

async function makeThrowawayUser(db: Database): Promise<string> {
  const [u] = await db
    .insert(users)
    .values({ email: `tmp-${randomUUID()}@runclear.example`, name: "Temporary Person", role: "therapist", passwordHash: "scrypt$17$8$1$AA==$AA==" })
    .returning({ id: users.id });
  return u!.id;
}

/** A fresh physician account, for the clinical lead grant. */
async function makePhysician(db: Database): Promise<string> {
  const [u] = await db
    .insert(users)
    .values({ email: `lead-${randomUUID()}@runclear.example`, name: "Lead Person", role: "physician", passwordHash: "scrypt$17$8$1$AA==$AA==" })
    .returning({ id: users.id });
  return u!.id;
}

async function makeUnconfirmedUser(db: Database): Promise<string> {
  const [creator] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin2@runclear.example"));
  const [u] = await db
    .insert(users)
    .values({
      email: `new-${randomUUID()}@runclear.example`,
      name: "Unconfirmed Person",
      role: "therapist",
      passwordHash: "scrypt$17$8$1$AA==$AA==",
      accessChange: "created",
      accessChangedById: creator!.id,
      accessChangedAt: new Date(),
    })
    .returning({ id: users.id });
  return u!.id;
}

async function makeGrant(db: Database, patientId: string): Promise<string> {
  const [chen] = await db.select({ id: users.id }).from(users).where(eq(users.email, "dr.chen@runclear.example"));
  const [grant] = await db
    .insert(emergencyAccessGrants)
    .values({ patientId, userId: chen!.id, reason: "Matrix: covering the on-call phone tonight.", expiresAt: new Date(Date.now() - 60_000) })
    .returning({ id: emergencyAccessGrants.id });
  return grant!.id;
}

/** Next's notFound() and redirect() are a page guard's refusals. */
function nextSignalAsNotFound(e: unknown): never {
  const digest = e instanceof Error && "digest" in e ? String((e as { digest: unknown }).digest) : "";
  if (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) throw new NotFoundError();
  throw e;
}

/** An allowed caller may still be refused with a message (a wrong code, a state that does not apply): that is not "not found". */
/** Set when a call below swallowed a rule's refusal: access was granted, nothing was done. */
let refusedByRule = false;

function allowedEvenIfRefused(e: unknown) {
  if (e instanceof Error && e.name === "ValidationError") {
    refusedByRule = true;
    return;
  }
  throw e;
}

async function makePatientWithoutAccount(db: Database): Promise<string> {
  const [p] = await db
    .insert(patients)
    .values({ mrn: `T-${randomUUID().slice(0, 8)}`, givenName: "Test", familyName: "Person", dateOfBirth: "1990-01-01", sex: "unknown" })
    .returning({ id: patients.id });
  return p!.id;
}

async function makeDraftExam(db: Database, patientId: string): Promise<string> {
  const [episode] = await db.select({ id: episodes.id }).from(episodes).where(eq(episodes.patientId, patientId));
  const [author] = await db.select({ id: users.id }).from(users).where(eq(users.email, "dr.ortiz@runclear.example"));
  const [exam] = await db.insert(exams).values({ patientId, episodeId: episode!.id, authorId: author!.id }).returning({ id: exams.id });
  return exam!.id;
}

async function makeAlert(db: Database, patientId: string): Promise<string> {
  const [alert] = await db.insert(redFlagAlerts).values({ patientId, source: "exam", flags: ["fever"] }).returning({ id: redFlagAlerts.id });
  return alert!.id;
}

/**
 * A therapist's dose change to Sam's current plan, read when the row runs: rows before it save
 * plan versions of their own. Times a day is in every home-exercise dose, and 1 ↔ 2 is in bounds.
 */
async function samDoseChange(db: Database, patientId: string) {
  const [row] = await db.select({ version: planVersions.version, plan: planVersions.plan }).from(planVersions).where(eq(planVersions.patientId, patientId)).orderBy(desc(planVersions.version)).limit(1);
  const item = row!.plan.items.find(isTherapistDosed)!;
  const timesPerDay = "timesPerDay" in item.dose && item.dose.timesPerDay === 1 ? 2 : 1;
  return { version: row!.version, itemKey: item.key, timesPerDay, reason: "Matrix: dose change by the therapist." };
}

/** A session date that is in the past wherever the patient lives. */
const RECENT_SESSION_DATE = () => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

const SIGNABLE_EXAM = demoExam("L5", "left", 3, "2026-11-01");
const ALL_NO = Object.fromEntries(patientRedFlagIds.map((id) => [id, "no"]));
/** A review date a month ahead, inside the 6-month limit wherever the patient lives. */
const REVIEW_DATE = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const NOT_CLEARED = () => ({ level: "not_cleared", restrictions: null, reviewDate: REVIEW_DATE(), overrideReason: "" });

const ADMIN: Caller[] = ["admin"];
const TEAM_PHYSICIAN: Caller[] = ["physicianOnTeam"];
const CLINICIANS: Caller[] = ["physicianOnTeam", "physicianOffTeam", "assignedTherapist", "otherTherapist"];
const PHYSICIANS: Caller[] = ["physicianOnTeam", "physicianOffTeam"];

/** DAL functions: module file → function → who is allowed. Everyone else must get not found. */
const dalMatrix: Record<string, Record<string, { allow: Caller[]; call: DalCall }>> = {
  "worklist.ts": {
    listWorklist: { allow: CLINICIANS, call: async () => (await import("@/lib/dal/worklist")).listWorklist({ q: "a", sort: "pain" }) },
  },
  "outcomes.ts": {
    // Therapists have no dashboard; admins see no clinical content (DOMAIN.md §8).
    getOutcomesDashboard: { allow: PHYSICIANS, call: async () => (await import("@/lib/dal/outcomes")).getOutcomesDashboard({ cause: "disc_radiculopathy" }) },
    // The whole clinic is for a clinical lead, and no caller here is one (tests/integration/outcomes.test.ts has the lead).
    assertClinicOutcomes: { allow: [], call: async () => (await import("@/lib/dal/outcomes")).assertClinicOutcomes() },
  },
  "caseload.ts": {
    listCaseload: { allow: CLINICIANS, call: async () => (await import("@/lib/dal/caseload")).listCaseload() },
    caseloadMarker: { allow: CLINICIANS, call: async () => (await import("@/lib/dal/caseload")).caseloadMarker() },
  },
  "adherence.ts": {
    getPatientAdherence: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/adherence")).getPatientAdherence(t.sam) },
    getAdherenceSummary: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/adherence")).getAdherenceSummary(t.sam) },
    patientAdherenceMarker: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/adherence")).patientAdherenceMarker(t.sam) },
  },
  "exams.ts": {
    listExams: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/exams")).listExams(t.sam) },
    getExam: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/exams")).getExam(t.sam, t.samSignedExam) },
    assertExamAccess: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/exams")).assertExamAccess(t.sam, t.samSignedExam) },
    startExam: { allow: TEAM_PHYSICIAN, call: async (t) => (await import("@/lib/dal/exams")).startExam(t.sam) },
    saveExamDraft: {
      allow: TEAM_PHYSICIAN,
      call: async (t) => (await import("@/lib/dal/exams")).saveExamDraft(t.sam, await t.samDraftExam(), 1, { notes: "matrix" }),
    },
    signExam: { allow: TEAM_PHYSICIAN, call: async (t) => (await import("@/lib/dal/exams")).signExam(t.sam, await t.samDraftExam(), 1, SIGNABLE_EXAM) },
    addExamAddendum: {
      allow: TEAM_PHYSICIAN,
      call: async (t) => (await import("@/lib/dal/exams")).addExamAddendum(t.sam, t.samSignedExam, { text: "Matrix addendum." }),
    },
  },
  "red-flags.ts": {
    listRedFlagAlerts: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/red-flags")).listRedFlagAlerts(t.sam) },
    acknowledgeRedFlag: {
      allow: TEAM_PHYSICIAN,
      call: async (t) => (await import("@/lib/dal/red-flags")).acknowledgeRedFlag(t.sam, { alertId: await t.samAlert() }),
    },
    resolveRedFlag: {
      allow: TEAM_PHYSICIAN,
      call: async (t) => (await import("@/lib/dal/red-flags")).resolveRedFlag(t.sam, { alertId: await t.samAlert(), resolution: "Matrix: fever was a cold." }),
    },
    listKnownSymptoms: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/red-flags")).listKnownSymptoms(t.sam) },
  },
  "diagnoses.ts": {
    getDiagnoses: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/diagnoses")).getDiagnoses(t.sam) },
    recordDiagnosis: {
      allow: TEAM_PHYSICIAN,
      call: async (t) =>
        (await import("@/lib/dal/diagnoses")).recordDiagnosis(t.sam, { condition: "disc_radiculopathy", side: "left", level: "L4-L5", confirmation: "clinical", notes: "" }),
    },
  },
  "clearance.ts": {
    getClearance: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/clearance")).getClearance(t.sam) },
    decideClearance: {
      allow: TEAM_PHYSICIAN,
      call: async (t) => (await import("@/lib/dal/clearance")).decideClearance(t.sam, await t.samClearanceVersion(), NOT_CLEARED()),
    },
    withdrawClearance: {
      allow: TEAM_PHYSICIAN,
      call: async (t) => (await import("@/lib/dal/clearance")).withdrawClearance(t.sam, await t.samClearanceVersion(), { reason: "Matrix withdrawal." }),
    },
  },
  "patients.ts": {
    readPatientImport: { allow: PHYSICIANS, call: async () => (await import("@/lib/dal/patients")).readPatientImport('{"resourceType":"Patient"}') },
    listClinicians: { allow: PHYSICIANS, call: async () => (await import("@/lib/dal/patients")).listClinicians() },
    registerPatient: {
      allow: PHYSICIANS,
      call: async () =>
        (await import("@/lib/dal/patients")).registerPatient({
          givenName: "Matrix",
          familyName: "Runner",
          dateOfBirth: "1990-01-01",
          sex: "unknown",
          timeZone: "UTC",
          weeklyDistanceKm: "10",
        }),
    },
    getPatientChart: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/patients")).getPatientChart(t.sam) },
    assertChartAccess: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/patients")).assertChartAccess(t.sam) },
    getMyRecord: { allow: ["thePatient", "otherPatient"], call: async () => (await import("@/lib/dal/patients")).getMyRecord() },
  },
  "accounts.ts": {
    listAccounts: { allow: ADMIN, call: async () => (await import("@/lib/dal/accounts")).listAccounts() },
    getAccount: { allow: ADMIN, call: async (t) => (await import("@/lib/dal/accounts")).getAccount(await t.throwawayUser()) },
    listPatientsWithoutAccount: { allow: ADMIN, call: async () => (await import("@/lib/dal/accounts")).listPatientsWithoutAccount() },
    listPatientIdentities: { allow: ADMIN, call: async () => (await import("@/lib/dal/accounts")).listPatientIdentities() },
    createStaffAccount: {
      allow: ADMIN,
      call: async () =>
        (await import("@/lib/dal/accounts")).createStaffAccount({ name: "New Person", email: `new-${randomUUID()}@runclear.example`, role: "therapist" }),
    },
    createPatientAccount: {
      allow: ADMIN,
      call: async (t) =>
        (await import("@/lib/dal/accounts")).createPatientAccount({ patientId: await t.patientWithoutAccount(), email: `p-${randomUUID()}@runclear.example` }),
    },
    deactivateAccount: { allow: ADMIN, call: async (t) => (await import("@/lib/dal/accounts")).deactivateAccount(await t.throwawayUser()) },
    reactivateAccount: { allow: ADMIN, call: async (t) => (await import("@/lib/dal/accounts")).reactivateAccount(await t.throwawayUser()) },
    resetPassword: { allow: ADMIN, call: async (t) => (await import("@/lib/dal/accounts")).resetPassword(await t.throwawayUser()) },
    listAccountsAwaitingConfirmation: { allow: ADMIN, call: async () => (await import("@/lib/dal/accounts")).listAccountsAwaitingConfirmation() },
    resetTwoFactor: { allow: ADMIN, call: async (t) => (await import("@/lib/dal/accounts")).resetTwoFactor(await t.throwawayUser()) },
    changeAccountRole: { allow: ADMIN, call: async (t) => (await import("@/lib/dal/accounts")).changeAccountRole(await t.throwawayUser(), { role: "physician" }) },
    setClinicalLead: { allow: ADMIN, call: async (t) => (await import("@/lib/dal/accounts")).setClinicalLead(await makePhysician(t.db), { clinicalLead: "true" }) },
    confirmStaffAccess: { allow: ADMIN, call: async (t) => (await import("@/lib/dal/accounts")).confirmStaffAccess(await t.unconfirmedUser()) },
    getMyPreviousSignIn: { allow: ALL_SIGNED_IN, call: async () => (await import("@/lib/dal/accounts")).getMyPreviousSignIn() },
    changeOwnPassword: {
      allow: ALL_SIGNED_IN,
      call: async () => {
        const { changeOwnPassword } = await import("@/lib/dal/accounts");
        // Each caller does this once; the matrix signs callers in without their password.
        const fresh = "violet harbour lantern 42";
        await changeOwnPassword({ currentPassword: DEMO_PASSWORD, newPassword: fresh, confirmPassword: fresh });
      },
    },
  },
  "audit.ts": {
    listAuditEvents: { allow: ADMIN, call: async () => (await import("@/lib/dal/audit")).listAuditEvents() },
    listAuditActions: { allow: ADMIN, call: async () => (await import("@/lib/dal/audit")).listAuditActions() },
    checkAuditChain: { allow: ADMIN, call: async () => (await import("@/lib/dal/audit")).checkAuditChain() },
    listMyRecordAccesses: { allow: ["thePatient", "otherPatient"], call: async () => (await import("@/lib/dal/audit")).listMyRecordAccesses() },
  },
  "clinic-settings.ts": {
    getClinicSettings: { allow: ALL_SIGNED_IN, call: async () => (await import("@/lib/dal/clinic-settings")).getClinicSettings() },
    updateClinicSettings: {
      allow: ADMIN,
      call: async () =>
        (await import("@/lib/dal/clinic-settings")).updateClinicSettings({ clinicName: "Test Clinic", emergencyNumber: "911", urgentLineName: "the clinic's nurse line", urgentLineNumber: "", reviewGraceDays: "7", timeZone: "America/Chicago", locale: "en-US" }),
    },
  },
  "reader-format.ts": {
    // The sign-in page is written the clinic's way too: no one is refused.
    getReaderFormat: { allow: [...CALLERS], call: async () => (await import("@/lib/dal/reader-format")).getReaderFormat() },
  },
  "emergency-access.ts": {
    requestEmergencyAccess: {
      allow: PHYSICIANS,
      call: async () =>
        (await import("@/lib/dal/emergency-access")).requestEmergencyAccess({
          mrn: "RC-100102",
          dateOfBirth: "1991-09-03",
          reason: "Matrix test: covering an urgent call tonight",
        }),
    },
    listEmergencyAccessGrants: { allow: ADMIN, call: async () => (await import("@/lib/dal/emergency-access")).listEmergencyAccessGrants({ status: "all" }) },
    countUnreviewedEmergencyAccess: { allow: ADMIN, call: async () => (await import("@/lib/dal/emergency-access")).countUnreviewedEmergencyAccess() },
    reviewEmergencyAccess: {
      allow: ADMIN,
      call: async (t) => (await import("@/lib/dal/emergency-access")).reviewEmergencyAccess({ grantId: await t.samGrant(), note: "Matrix: on call that night." }),
    },
    listEmergencyAccessNotices: { allow: CLINICIANS, call: async () => (await import("@/lib/dal/emergency-access")).listEmergencyAccessNotices() },
    listMyEmergencyAccesses: { allow: ["thePatient", "otherPatient"], call: async () => (await import("@/lib/dal/emergency-access")).listMyEmergencyAccesses() },
  },
  "two-factor.ts": {
    getMyTwoFactor: { allow: ALL_SIGNED_IN, call: async () => (await import("@/lib/dal/two-factor")).getMyTwoFactor() },
    startTwoFactorSetup: { allow: ALL_SIGNED_IN, call: async () => (await import("@/lib/dal/two-factor")).startTwoFactorSetup() },
    // A wrong code: allowed callers get a field error.
    confirmTwoFactorSetup: {
      allow: ALL_SIGNED_IN,
      call: async () => (await import("@/lib/dal/two-factor")).confirmTwoFactorSetup({ code: "000000", password: "not-my-password-at-all" }).catch(allowedEvenIfRefused),
    },
    renewRecoveryCodes: {
      allow: ALL_SIGNED_IN,
      call: async () => (await import("@/lib/dal/two-factor")).renewRecoveryCodes({ proof: "000000" }).catch(allowedEvenIfRefused),
    },
    turnOffTwoFactor: {
      allow: ALL_SIGNED_IN,
      call: async () => (await import("@/lib/dal/two-factor")).turnOffTwoFactor({ proof: "000000" }).catch(allowedEvenIfRefused),
    },
  },
  "plans.ts": {
    getPlan: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/plans")).getPlan(t.sam) },
    getPlanVersion: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/plans")).getPlanVersion(t.sam, 1) },
    assertPlanVersion: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/plans")).assertPlanVersion(t.sam, 1) },
    savePlan: {
      allow: TEAM_PHYSICIAN,
      call: async (t) => {
        const plans = await import("@/lib/dal/plans");
        const version = (await t.db.select({ v: planVersions.version }).from(planVersions).where(eq(planVersions.patientId, t.sam)).orderBy(desc(planVersions.version)).limit(1))[0]!.v;
        const [row] = await t.db.select({ plan: planVersions.plan }).from(planVersions).where(and(eq(planVersions.patientId, t.sam), eq(planVersions.version, version)));
        // Earlier rows withdrew Sam's clearance, so the saved plan leaves running out.
        return plans.savePlan(t.sam, version, { ...row!.plan, items: row!.plan.items.filter((i) => i.dose.kind !== "running") });
      },
    },
    getMyPlan: { allow: ["thePatient", "otherPatient"], call: async () => (await import("@/lib/dal/plans")).getMyPlan() },
  },
  "activity.ts": {
    getMyDay: { allow: ["thePatient", "otherPatient"], call: async () => (await import("@/lib/dal/activity")).getMyDay() },
    logActivity: {
      allow: ["thePatient", "otherPatient"],
      call: async () => {
        const activity = await import("@/lib/dal/activity");
        const { date } = await activity.getMyDay().catch(() => ({ date: "2026-11-25" }));
        return activity.logActivity({ kind: "run", idempotencyKey: randomUUID(), date, minutes: 10, distanceKm: 1, rpe: 2, painDuring: 0, painAfter: 0 });
      },
    },
    listRecentRuns: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/activity")).listRecentRuns(t.sam) },
    // A tick of Sam's made for each caller: only Sam may take it back.
    undoActivity: { allow: ["thePatient"], call: async (t) => (await import("@/lib/dal/activity")).undoActivity({ entryId: await samTick(t.db, t.sam) }) },
    // Allowed callers reach the run check (a made-up run id is refused as a field error).
    logMorningPain: {
      allow: ["thePatient", "otherPatient"],
      call: async () => (await import("@/lib/dal/activity")).logMorningPain({ runId: randomUUID(), pain: 2 }).catch((e: unknown) => {
        if (e instanceof Error && e.name === "ValidationError") return void (refusedByRule = true);
        throw e;
      }),
    },
  },
  "questionnaires.ts": {
    getMyQuestionnaires: { allow: ["thePatient", "otherPatient"], call: async () => (await import("@/lib/dal/questionnaires")).getMyQuestionnaires() },
    getMyQuestionnaireDraft: { allow: ["thePatient", "otherPatient"], call: async () => (await import("@/lib/dal/questionnaires")).getMyQuestionnaireDraft("odi") },
    saveQuestionnaireDraft: { allow: ["thePatient", "otherPatient"], call: async () => (await import("@/lib/dal/questionnaires")).saveQuestionnaireDraft({ kind: "odi", draft: { answers: [1] } }) },
    // Allowed callers reach the scoring; a patient without an episode is refused by a rule.
    submitQuestionnaire: {
      allow: ["thePatient", "otherPatient"],
      call: async () =>
        (await import("@/lib/dal/questionnaires")).submitQuestionnaire({ kind: "odi", idempotencyKey: randomUUID(), answers: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }),
    },
    requestQuestionnaire: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/questionnaires")).requestQuestionnaire({ patientId: t.sam, kind: "odi" }) },
    getOutcomeScores: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/questionnaires")).getOutcomeScores(t.sam) },
  },
  "walk-run.ts": {
    getWalkRunProgramme: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/walk-run")).getWalkRunProgramme(t.sam) },
    // Allowed callers reach the entry criteria (Sam's pain at rest is above 2: refused by the rule).
    signOffReturnToRun: {
      allow: TEAM_PHYSICIAN,
      call: async (t) => (await import("@/lib/dal/walk-run")).signOffReturnToRun(t.sam, { criteria: ["cleared", "no_red_flags", "pain_at_rest", "brisk_walk"] }),
    },
    // Allowed callers reach the programme check (Sam is not in the programme: refused by the rule).
    setWalkRunStage: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/walk-run")).setWalkRunStage(t.sam, { stage: 2, reason: "Matrix: tolerated well." }) },
  },
  "fhir.ts": {
    getPatientEverything: {
      allow: [...CLINICIANS_ON_TEAM, "thePatient"],
      call: async (t) => (await import("@/lib/dal/fhir")).getPatientEverything(t.sam, { _count: "5" }, "https://clinic.example"),
    },
    getFhirResource: { allow: [...CLINICIANS_ON_TEAM, "thePatient"], call: async (t) => (await import("@/lib/dal/fhir")).getFhirResource("Patient", t.sam) },
    downloadMyRecord: { allow: ["thePatient", "otherPatient"], call: async () => (await import("@/lib/dal/fhir")).downloadMyRecord("https://clinic.example") },
  },
  // Only a clinical lead (granted by an administrator) exports the clinic; none of the callers is
  // one (tests/integration/bulk-export.test.ts grants it and runs the export).
  "bulk-export.ts": {
    startBulkExport: { allow: [], call: async () => (await import("@/lib/dal/bulk-export")).startBulkExport({}, "https://clinic.example/fhir/$export") },
    getBulkExport: { allow: [], call: async () => (await import("@/lib/dal/bulk-export")).getBulkExport(randomUUID()) },
    listMyBulkExports: { allow: [], call: async () => (await import("@/lib/dal/bulk-export")).listMyBulkExports() },
    deleteBulkExport: { allow: [], call: async () => (await import("@/lib/dal/bulk-export")).deleteBulkExport(randomUUID()) },
    openBulkExportFile: { allow: [], call: async () => (await import("@/lib/dal/bulk-export")).openBulkExportFile(randomUUID(), "Patient.ndjson") },
  },
  "progress.ts": {
    getMyProgress: { allow: ["thePatient", "otherPatient"], call: async () => (await import("@/lib/dal/progress")).getMyProgress() },
  },
  "check-ins.ts": {
    submitCheckIn: {
      allow: ["thePatient", "otherPatient"],
      call: async () =>
        (await import("@/lib/dal/check-ins")).submitCheckIn({ idempotencyKey: randomUUID(), painNow: 2, legSymptoms: [], neuroWorse: "no", redFlags: ALL_NO }),
    },
    getMyCheckInForm: { allow: ["thePatient", "otherPatient"], call: async () => (await import("@/lib/dal/check-ins")).getMyCheckInForm() },
  },
  "documents.ts": {
    // Printouts are for the care team: emergency access reads the chart but prints nothing.
    getPlanDocument: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/documents")).getPlanDocument(t.sam) },
    getMyPlanDocument: { allow: ["thePatient", "otherPatient"], call: async () => (await import("@/lib/dal/documents")).getMyPlanDocument() },
    getExamNote: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/documents")).getExamNote(t.sam, t.samSignedExam) },
    getReferralLetter: {
      allow: CLINICIANS_ON_TEAM,
      call: async (t) => {
        const [referral] = await t.db.select({ id: therapyReferrals.id }).from(therapyReferrals).where(eq(therapyReferrals.patientId, t.sam)).limit(1);
        return (await import("@/lib/dal/documents")).getReferralLetter(t.sam, referral!.id);
      },
    },
    // A clearance letter states a physician's decision: therapists do not print one.
    getClearanceLetter: { allow: TEAM_PHYSICIAN, call: async (t) => (await import("@/lib/dal/documents")).getClearanceLetter(t.sam) },
    getMyClearanceLetter: { allow: ["thePatient", "otherPatient"], call: async () => (await import("@/lib/dal/documents")).getMyClearanceLetter() },
  },
  "referrals.ts": {
    listReferrals: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/referrals")).listReferrals(t.sam) },
    referToTherapy: {
      allow: TEAM_PHYSICIAN,
      call: async (t) => (await import("@/lib/dal/referrals")).referToTherapy(t.sam, { therapistId: await t.therapist(), sessionsPerWeek: 1, weeks: 2, goals: "Matrix goals." }),
    },
    requestEscalation: {
      allow: TEAM_PHYSICIAN,
      call: async (t) => (await import("@/lib/dal/referrals")).requestEscalation(t.sam, { kind: "imaging", reason: "Matrix escalation reason." }),
    },
    updateEscalationStatus: {
      allow: TEAM_PHYSICIAN,
      call: async (t) => (await import("@/lib/dal/referrals")).updateEscalationStatus(t.sam, { referralId: await t.samEscalation(), status: "scheduled" }),
    },
  },
  "therapy-sessions.ts": {
    listTherapySessions: { allow: CLINICIANS_ON_TEAM, call: async (t) => (await import("@/lib/dal/therapy-sessions")).listTherapySessions(t.sam) },
    recordTherapySession: {
      allow: ["assignedTherapist"],
      call: async (t) =>
        (await import("@/lib/dal/therapy-sessions")).recordTherapySession(t.sam, {
          idempotencyKey: randomUUID(),
          sessionDate: RECENT_SESSION_DATE(),
          attendance: "attended",
          exercisesInClinic: "Matrix: bird-dog 3×10.",
        }),
    },
    adjustExerciseDose: {
      allow: ["assignedTherapist"],
      call: async (t) => {
        const change = await samDoseChange(t.db, t.sam);
        return (await import("@/lib/dal/therapy-sessions")).adjustExerciseDose(t.sam, change.version, {
          itemKey: change.itemKey,
          dose: { timesPerDay: change.timesPerDay },
          reason: change.reason,
        });
      },
    },
  },
  // Not data functions, but exported from lib/dal, so they answer for themselves here.
  "session.ts": {
    // No session reads as no user.
    getCurrentUser: {
      allow: ALL_SIGNED_IN,
      call: async () => {
        if (!(await (await import("@/lib/dal/session")).getCurrentUser())) throw new NotFoundError();
      },
    },
    // The page guard: another role's page is Next's not found, no session a redirect to sign-in.
    requireRole: { allow: ADMIN, call: async () => (await import("@/lib/dal/session")).requireRole("admin").catch(nextSignalAsNotFound) },
    // The scope an action or a route handler runs in: it answers whatever the work inside does.
    withOneSessionRead: {
      allow: ALL_SIGNED_IN,
      call: async () => {
        const { getCurrentUser, withOneSessionRead } = await import("@/lib/dal/session");
        if (!(await withOneSessionRead(getCurrentUser))) throw new NotFoundError();
      },
    },
    // Only drops this call's remembered read of the session: no data, nothing to refuse.
    forgetSessionRead: { allow: [...CALLERS], call: async () => (await import("@/lib/dal/session")).forgetSessionRead() },
  },
  "health.ts": {
    // The public health check: the same answer for everyone, no data.
    checkDatabase: { allow: [...CALLERS], call: async () => (await import("@/lib/dal/health")).checkDatabase() },
  },
  "errors.ts": {
    fieldErrorsOf: { allow: [...CALLERS], call: async () => fieldErrorsOf({ issues: [{ path: ["a"], message: "m" }] }) },
  },
  // Last: healing Sam's episode changes what the rows above would see. Rows above leave red flags
  // open, so allowed callers reach the rule that refuses healing (a field error, never not found).
  "episodes.ts": {
    markEpisodeHealed: { allow: TEAM_PHYSICIAN, call: async (t) => reachedRule((await import("@/lib/dal/episodes")).markEpisodeHealed(t.sam, { confirm: "healed" })) },
    reopenEpisode: {
      allow: TEAM_PHYSICIAN,
      call: async (t) => reachedRule((await import("@/lib/dal/episodes")).reopenEpisode(t.sam, { reason: "Matrix: pain came back after a long run." })),
    },
  },
};

/** A form, or the typed value an action made by `validatedCall` takes. */
type ActionCall = (t: Targets) => Promise<FormData | Record<string, unknown>>;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

/** Server actions: file under app/ → exported action → who is allowed and the form it gets. */
const actionMatrix: Record<string, Record<string, { allow: Caller[]; form: ActionCall }>> = {
  "(admin)/admin/actions.ts": {
    createStaffAccountAction: { allow: ADMIN, form: async () => form({ name: "Action Person", email: `a-${randomUUID()}@runclear.example`, role: "therapist" }) },
    createPatientAccountAction: {
      allow: ADMIN,
      form: async (t) => form({ patientId: await t.patientWithoutAccount(), email: `pa-${randomUUID()}@runclear.example` }),
    },
    setAccountActiveAction: { allow: ADMIN, form: async (t) => form({ userId: await t.throwawayUser(), active: "false" }) },
    resetPasswordAction: { allow: ADMIN, form: async (t) => form({ userId: await t.throwawayUser() }) },
    resetTwoFactorAction: { allow: ADMIN, form: async (t) => form({ userId: await t.throwawayUser() }) },
    changeAccountRoleAction: { allow: ADMIN, form: async (t) => form({ userId: await t.throwawayUser(), role: "physician" }) },
    confirmStaffAccessAction: { allow: ADMIN, form: async (t) => form({ userId: await t.unconfirmedUser() }) },
    setClinicalLeadAction: { allow: ADMIN, form: async (t) => form({ userId: await makePhysician(t.db), clinicalLead: "true" }) },
  },
  "(admin)/admin/emergency-access/actions.ts": {
    reviewEmergencyAccessAction: { allow: ADMIN, form: async (t) => form({ grantId: await t.samGrant(), note: "Matrix: on call that night." }) },
  },
  "(account)/account/two-factor/actions.ts": {
    startTwoFactorSetupAction: { allow: ALL_SIGNED_IN, form: async () => form({}) },
    confirmTwoFactorSetupAction: { allow: ALL_SIGNED_IN, form: async () => form({ code: "000000", password: "not-my-password-at-all" }) },
    renewRecoveryCodesAction: { allow: ALL_SIGNED_IN, form: async () => form({ proof: "000000" }) },
    turnOffTwoFactorAction: { allow: ALL_SIGNED_IN, form: async () => form({ proof: "000000" }) },
  },
  "(admin)/admin/settings/actions.ts": {
    updateClinicSettingsAction: {
      allow: ADMIN,
      form: async () => form({ clinicName: "Test Clinic", emergencyNumber: "911", urgentLineName: "the clinic's nurse line", urgentLineNumber: "", reviewGraceDays: "7", timeZone: "America/Chicago", locale: "en-US" }),
    },
  },
  "(admin)/admin/audit/actions.ts": {
    verifyAuditChainAction: { allow: ADMIN, form: async () => form({}) },
  },
  "(clinic)/emergency-access/actions.ts": {
    requestEmergencyAccessAction: {
      allow: PHYSICIANS,
      form: async () => form({ mrn: "RC-100102", dateOfBirth: "1991-09-03", reason: "Matrix test: covering an urgent call tonight" }),
    },
  },
  // Only a clinical lead exports the clinic: none of the callers is one.
  "(clinic)/outcomes/export/actions.ts": {
    startBulkExportAction: { allow: [], form: async () => form({ "type.Patient": "on", since: "" }) },
    deleteBulkExportAction: { allow: [], form: async () => form({ id: randomUUID() }) },
  },
  "(clinic)/patients/new/actions.ts": {
    registerPatientAction: {
      allow: PHYSICIANS,
      form: async () => form({ givenName: "Form", familyName: "Runner", dateOfBirth: "1991-02-03", sex: "female", timeZone: "UTC", weeklyDistanceKm: "12" }),
    },
    // Reading a resource to import saves nothing and touches no record; only physicians register.
    readPatientResourceAction: {
      allow: PHYSICIANS,
      form: async () => form({ resource: JSON.stringify({ resourceType: "Patient", name: [{ family: "Import", given: ["Matrix"] }], gender: "female", birthDate: "1990-01-02" }) }),
    },
  },
  "(clinic)/patients/[id]/actions.ts": {
    resolveRedFlagAction: {
      allow: TEAM_PHYSICIAN,
      form: async (t) => form({ patientId: t.sam, alertId: await t.samAlert(), resolution: "Matrix: fever was a cold." }),
    },
    acknowledgeRedFlagAction: { allow: TEAM_PHYSICIAN, form: async (t) => form({ patientId: t.sam, alertId: await t.samAlert() }) },
    // A wrong-state heal (already healed) still answers "allowed" with a message, never not found.
    markEpisodeHealedAction: { allow: TEAM_PHYSICIAN, form: async (t) => form({ patientId: t.sam, confirm: "healed" }) },
    reopenEpisodeAction: { allow: TEAM_PHYSICIAN, form: async (t) => form({ patientId: t.sam, reason: "Matrix: pain came back after a long run." }) },
    requestQuestionnaireAction: { allow: CLINICIANS_ON_TEAM, form: async (t) => form({ patientId: t.sam, kind: "start_back" }) },
    signOffReturnToRunAction: { allow: TEAM_PHYSICIAN, form: async (t) => form({ patientId: t.sam, "criteria.cleared": "on", "criteria.brisk_walk": "on" }) },
    setWalkRunStageAction: { allow: CLINICIANS_ON_TEAM, form: async (t) => form({ patientId: t.sam, stage: "2", reason: "Matrix: tolerated well." }) },
  },
  "(clinic)/patients/[id]/exams/actions.ts": {
    startExamAction: { allow: TEAM_PHYSICIAN, form: async (t) => form({ patientId: t.sam }) },
    saveExamDraftAction: {
      allow: TEAM_PHYSICIAN,
      form: async (t) => form({ patientId: t.sam, examId: await t.samDraftExam(), version: "1", "history.painNow": "3" }),
    },
    signExamAction: {
      allow: TEAM_PHYSICIAN,
      form: async (t) => form({ patientId: t.sam, examId: await t.samDraftExam(), version: "1", ...examFormValues(SIGNABLE_EXAM) }),
    },
    addExamAddendumAction: { allow: TEAM_PHYSICIAN, form: async (t) => form({ patientId: t.sam, examId: t.samSignedExam, text: "Matrix addendum." }) },
  },
  "(clinic)/patients/[id]/clearance/actions.ts": {
    decideClearanceAction: {
      allow: TEAM_PHYSICIAN,
      form: async (t) => form({ patientId: t.sam, basedOnVersion: String(await t.samClearanceVersion()), level: "not_cleared", reviewDate: REVIEW_DATE() }),
    },
    withdrawClearanceAction: {
      allow: TEAM_PHYSICIAN,
      form: async (t) => form({ patientId: t.sam, basedOnVersion: String(await t.samClearanceVersion()), reason: "Matrix withdrawal." }),
    },
  },
  "(clinic)/patients/[id]/diagnosis/actions.ts": {
    recordDiagnosisAction: {
      allow: TEAM_PHYSICIAN,
      form: async (t) => form({ patientId: t.sam, condition: "disc_radiculopathy", side: "left", level: "L4-L5", confirmation: "clinical", notes: "" }),
    },
  },
  "(clinic)/patients/[id]/plan/actions.ts": {
    savePlanAction: {
      allow: TEAM_PHYSICIAN,
      form: async (t) => {
        const [row] = await t.db.select({ v: planVersions.version, plan: planVersions.plan }).from(planVersions).where(eq(planVersions.patientId, t.sam)).orderBy(desc(planVersions.version)).limit(1);
        const plan = { ...row!.plan, items: row!.plan.items.filter((i) => i.dose.kind !== "running") };
        return form({ patientId: t.sam, basedOnVersion: String(row!.v), plan: JSON.stringify(plan) });
      },
    },
  },
  "(clinic)/patients/[id]/referrals/actions.ts": {
    referToTherapyAction: {
      allow: TEAM_PHYSICIAN,
      form: async (t) => form({ patientId: t.sam, therapistId: await t.therapist(), sessionsPerWeek: "1", weeks: "2", goals: "Matrix goals." }),
    },
    requestEscalationAction: { allow: TEAM_PHYSICIAN, form: async (t) => form({ patientId: t.sam, kind: "imaging", reason: "Matrix escalation reason." }) },
    updateEscalationStatusAction: {
      allow: TEAM_PHYSICIAN,
      form: async (t) => form({ patientId: t.sam, referralId: await t.samEscalation(), status: "completed", statusNote: "" }),
    },
  },
  "(clinic)/patients/[id]/therapy/actions.ts": {
    recordTherapySessionAction: {
      allow: ["assignedTherapist"],
      form: async (t) =>
        form({ patientId: t.sam, idempotencyKey: randomUUID(), sessionDate: RECENT_SESSION_DATE(), attendance: "no_show", exercisesInClinic: "", notes: "Matrix: missed." }),
    },
    adjustExerciseDoseAction: {
      allow: ["assignedTherapist"],
      form: async (t) => {
        const change = await samDoseChange(t.db, t.sam);
        return form({ patientId: t.sam, basedOnVersion: String(change.version), itemKey: change.itemKey, "dose.timesPerDay": String(change.timesPerDay), reason: change.reason });
      },
    },
  },
  "(portal)/me/log/actions.ts": {
    logActivityAction: {
      allow: ["thePatient", "otherPatient"],
      form: async () => ({ kind: "run", idempotencyKey: randomUUID(), date: new Date().toISOString().slice(0, 10), minutes: 10, distanceKm: 1, rpe: 2, painDuring: 0, painAfter: 0 }),
    },
    logMorningPainAction: { allow: ["thePatient", "otherPatient"], form: async () => ({ runId: randomUUID(), pain: 2 }) },
    undoActivityAction: { allow: ["thePatient"], form: async (t) => ({ entryId: await samTick(t.db, t.sam) }) },
  },
  "(portal)/me/questionnaires/actions.ts": {
    saveQuestionnaireDraftAction: { allow: ["thePatient", "otherPatient"], form: async () => form({ kind: "start_back", a0: "agree" }) },
    submitQuestionnaireAction: {
      allow: ["thePatient", "otherPatient"],
      form: async () => form({ kind: "odi", idempotencyKey: randomUUID(), ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`s${i}`, "1"])) }),
    },
  },
  "(portal)/me/check-in/actions.ts": {
    submitCheckInAction: {
      allow: ["thePatient", "otherPatient"],
      form: async () => form({ idempotencyKey: randomUUID(), painNow: "2", neuroWorse: "no", ...Object.fromEntries(patientRedFlagIds.map((id) => [`redFlags.${id}`, "no"])) }),
    },
  },
  "(account)/account/password/actions.ts": {
    // A wrong current password: allowed callers get a field error, never "not found".
    changePasswordAction: {
      allow: ALL_SIGNED_IN,
      form: async () => form({ currentPassword: "not-my-password-at-all", newPassword: "violet harbour lantern 42", confirmPassword: "violet harbour lantern 42" }),
    },
  },
};

function listFiles(dir: string, match: (name: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, match);
    return match(entry.name) ? [full] : [];
  });
}

function exportedFunctions(mod: Record<string, unknown>): string[] {
  return Object.entries(mod)
    .filter(([, v]) => typeof v === "function" && !/^class\b/.test(Function.prototype.toString.call(v)))
    .map(([k]) => k)
    .sort();
}

/** A "done" tick of Sam's first plan item for today, written directly: something to undo. */
async function samTick(db: Database, sam: string): Promise<string> {
  const [plan] = await db.select({ plan: planVersions.plan }).from(planVersions).where(eq(planVersions.patientId, sam)).orderBy(desc(planVersions.version)).limit(1);
  const item = plan!.plan.items.find((i) => i.dose.kind !== "advice" && i.dose.kind !== "running")!;
  const [row] = await db
    .insert(activityLogs)
    .values({ patientId: sam, idempotencyKey: randomUUID(), kind: "item", localDate: localDate(new Date(), "America/Chicago"), itemKey: item.key, status: "done" })
    .returning({ id: activityLogs.id });
  return row!.id;
}

/** For calls whose allowed callers reach a clinical rule that may refuse them: a refusal is still "allowed". */
async function reachedRule(call: Promise<unknown>): Promise<void> {
  await call.catch(allowedEvenIfRefused);
}

/** "refused": let through, then refused by a clinical or account rule (nothing done, nothing read). */
async function outcomeOfDal(call: () => Promise<unknown>): Promise<"allowed" | "refused" | "not found"> {
  refusedByRule = false;
  try {
    await call();
    return refusedByRule ? "refused" : "allowed";
  } catch (error) {
    if (error instanceof NotFoundError) return "not found";
    if (error instanceof ValidationError || error instanceof ConflictError) return "refused";
    throw error;
  }
}

async function outcomeOfAction(run: () => Promise<ActionState<unknown>>): Promise<"allowed" | "not found"> {
  try {
    const state = await run();
    return !state.ok && state.notFound ? "not found" : "allowed";
  } catch (error) {
    // A successful action may redirect; that is an allowed call.
    if (error instanceof Error && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_REDIRECT")) return "allowed";
    throw error;
  }
}

/** DAL functions that read or change no one's record, and so write no audit entry: why. */
const UNAUDITED: Record<string, string> = {
  "caseload.ts#caseloadMarker": "a change marker polled every 10 s, no patient data; the caseload it refreshes is audited",
  "adherence.ts#patientAdherenceMarker": "a change marker polled every 10 s, no patient data; the view it refreshes is audited",
  "patients.ts#listClinicians": "staff names for the care-team picker, no patient data",
  "accounts.ts#getMyPreviousSignIn": "the caller's own sign-in times",
  "two-factor.ts#getMyTwoFactor": "the caller's own two-factor status",
  "audit.ts#listAuditActions": "the names of audit actions, for the filter",
  "clinic-settings.ts#getClinicSettings": "the clinic's phone numbers and grace period, no patient data",
  "reader-format.ts#getReaderFormat": "the clinic's locale and zone, or the reader's own zone: no one else's record",
  "emergency-access.ts#countUnreviewedEmergencyAccess": "a count for the admin's badge; the list it leads to is audited",
  "emergency-access.ts#listEmergencyAccessNotices": "audited when it shows a grant; the fixture has none for most callers",
  "session.ts#getCurrentUser": "the session check every call starts with",
  "session.ts#requireRole": "the page guard; the DAL call behind each page is audited",
  "session.ts#withOneSessionRead": "the session check's scope in an action or a route handler",
  "session.ts#forgetSessionRead": "drops a remembered session check, no data",
  "health.ts#checkDatabase": "the health probe, no data",
  "errors.ts#fieldErrorsOf": "formats a validation error, no data",
};

describeEachDatabase("authorization matrix", { seed: true }, (t) => {
  let targets: Targets;
  beforeAll(async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    const [signed] = await t.db.select({ id: exams.id }).from(exams).where(and(eq(exams.patientId, sam), eq(exams.status, "signed")));
    targets = {
      db: t.db,
      sam,
      samSignedExam: signed!.id,
      samDraftExam: () => makeDraftExam(t.db, sam),
      samAlert: () => makeAlert(t.db, sam),
      samEscalation: async () => {
        const [author] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "dr.ortiz@runclear.example"));
        const [row] = await t.db.insert(escalationReferrals).values({ patientId: sam, kind: "imaging", reason: "Fixture.", createdById: author!.id }).returning({ id: escalationReferrals.id });
        return row!.id;
      },
      therapist: async () => (await t.db.select({ id: users.id }).from(users).where(eq(users.email, "pt.morgan@runclear.example")))[0]!.id,
      samClearanceVersion: async () =>
        (await t.db.select({ v: clearances.version }).from(clearances).where(eq(clearances.patientId, sam)).orderBy(desc(clearances.version)).limit(1))[0]?.v ?? 0,
      throwawayUser: () => makeThrowawayUser(t.db),
      patientWithoutAccount: () => makePatientWithoutAccount(t.db),
      unconfirmedUser: () => makeUnconfirmedUser(t.db),
      samGrant: () => makeGrant(t.db, sam),
    };
  });

  /** The newest audit entry's number, to see what one call adds. */
  const lastSeq = async () => (await t.db.select({ s: max(auditEvents.seq) }).from(auditEvents))[0]?.s ?? 0;
  /** What a call left in the audit trail: an entry for the caller's allowed call, or a denial. */
  async function auditedAs(since: number, caller: Caller): Promise<string> {
    const rows = await t.db.select({ outcome: auditEvents.outcome, actorUserId: auditEvents.actorUserId }).from(auditEvents).where(gt(auditEvents.seq, since));
    const [me] = caller === "noSession" ? [] : await t.db.select({ id: users.id }).from(users).where(eq(users.email, emailOf(caller)));
    if (rows.some((r) => r.outcome === "denied")) return "not found";
    if (rows.some((r) => r.outcome !== "denied" && r.actorUserId === (me?.id ?? null))) return "allowed";
    return "no entry";
  }

  for (const [file, functions] of Object.entries(dalMatrix)) {
    for (const [name, { allow, call }] of Object.entries(functions)) {
      it(`lib/dal/${file} ${name}`, async () => {
        const outcomes: Record<string, string> = {};
        const audited: Record<string, string> = {};
        for (const caller of CALLERS) {
          await becomeCaller(t.db, caller);
          const since = await lastSeq();
          const outcome = await outcomeOfDal(() => call(targets));
          outcomes[caller] = outcome === "refused" ? "allowed" : outcome;
          const entry = await auditedAs(since, caller);
          // A call refused by a rule after access was granted did nothing: an entry is not required.
          audited[caller] = outcome === "refused" && entry === "no entry" ? "allowed" : entry;
        }
        const expected = Object.fromEntries(CALLERS.map((c) => [c, allow.includes(c) ? "allowed" : "not found"]));
        expect(outcomes).toEqual(expected);
        // Each allowed call leaves an entry by its caller and each refusal a denial (DOMAIN.md §8),
        // but for the few functions that touch no record of anyone's (UNAUDITED, with the reason).
        if (!UNAUDITED[`${file}#${name}`]) expect(audited, "the audit trail").toEqual(expected);
      });
    }
  }

  for (const [file, actions] of Object.entries(actionMatrix)) {
    for (const [name, { allow, form: makeForm }] of Object.entries(actions)) {
      it(`app/${file} ${name}`, async () => {
        const mod = (await import(/* @vite-ignore */ path.resolve("app", file))) as Record<
          string,
          (...args: unknown[]) => Promise<ActionState<unknown>>
        >;
        const action = mod[name]!;
        const outcomes: Record<string, string> = {};
        const audited: Record<string, string> = {};
        for (const caller of CALLERS) {
          await becomeCaller(t.db, caller);
          const data = await makeForm(targets);
          const since = await lastSeq();
          let refused = false;
          outcomes[caller] = await outcomeOfAction(async () => {
            const state = await (valueActions.has(action) ? action(data) : action(null, data));
            refused = !state.ok && !state.notFound;
            return state;
          });
          const entry = await auditedAs(since, caller);
          audited[caller] = refused && entry === "no entry" ? "allowed" : entry;
        }
        const expected = Object.fromEntries(CALLERS.map((c) => [c, allow.includes(c) ? "allowed" : "not found"]));
        expect(outcomes).toEqual(expected);
        // Every action's allowed call leaves its caller's entry, and every refusal a denial.
        expect(audited, "the audit trail").toEqual(expected);
      });
    }
  }
});

describe("the matrix is complete", () => {
  it("lists every exported DAL function", async () => {
    const listed = Object.entries(dalMatrix).flatMap(([file, fns]) => Object.keys(fns).map((fn) => `${file}#${fn}`));
    const found: string[] = [];
    // lib/dal/*.ts only: lib/dal/internal holds helpers that check nothing, and ESLint keeps
    // them out of everything but lib/dal (eslint.config.mjs).
    for (const file of fs.readdirSync("lib/dal").filter((n) => n.endsWith(".ts"))) {
      const mod = (await import(/* @vite-ignore */ path.resolve("lib/dal", file))) as Record<string, unknown>;
      for (const fn of exportedFunctions(mod)) found.push(`${file}#${fn}`);
    }
    expect(found.filter((f) => !listed.includes(f)), "DAL functions missing from the authorization matrix").toEqual([]);
    expect(listed.filter((l) => !found.includes(l)), "matrix entries that no longer exist").toEqual([]);
  });

  it("lists every server action", async () => {
    const found: string[] = [];
    for (const file of listFiles("app", (n) => n === "actions.ts")) {
      const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      for (const fn of exportedFunctions(mod)) found.push(`${path.relative("app", file)}#${fn}`);
    }
    const listed = Object.entries(actionMatrix).flatMap(([file, fns]) => Object.keys(fns).map((fn) => `${file}#${fn}`));
    expect(found.filter((f) => !listed.includes(f)), "server actions missing from the authorization matrix").toEqual([]);
    expect(listed.filter((l) => !found.includes(l)), "matrix entries that no longer exist").toEqual([]);
  });
});

describeEachDatabase("forged calls", { seed: true }, (t) => {
  it("carrying a patient id the caller may not touch change nothing", async () => {
    const patientId = await makePatientWithoutAccount(t.db);
    const { createPatientAccountAction } = await import("@/app/(admin)/admin/actions");
    for (const caller of CALLERS.filter((c) => c !== "admin")) {
      await becomeCaller(t.db, caller);
      const state = await createPatientAccountAction(null, form({ patientId, email: `forged-${caller.toLowerCase()}@runclear.example` }));
      expect(state).toMatchObject({ ok: false, notFound: true });
    }
    const accounts = await t.db.select().from(users).where(eq(users.patientId, patientId));
    expect(accounts).toEqual([]);
  });
});
