import type {
  CarePlan,
  CarePlanActivity,
  CodeableConcept,
  Coding,
  Condition,
  Encounter,
  Flag,
  Goal,
  MedicationRequest,
  Observation,
  ObservationComponent,
  Patient,
  Quantity,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Reference,
  Resource,
  ServiceRequest,
  Task,
} from "@medplum/fhirtypes";
import type { activityLogs } from "@/db/schema/activity";
import type { checkIns } from "@/db/schema/check-ins";
import type { clearances } from "@/db/schema/clearance";
import type { diagnoses } from "@/db/schema/diagnoses";
import type { Episode } from "@/db/schema/episodes";
import type { examAddenda, exams } from "@/db/schema/exams";
import type { Patient as PatientRow } from "@/db/schema/patients";
import type { escalationReferrals, planVersions, therapyReferrals } from "@/db/schema/plans";
import type { questionnaireResponses } from "@/db/schema/questionnaires";
import type { redFlagAlerts } from "@/db/schema/red-flags";
import type { therapySessions } from "@/db/schema/therapy-sessions";
import { medicineWindow, type Permission, type RunningItemState } from "@/lib/domain/care-state";
import type { Restrictions } from "@/lib/domain/clearance";
import { diagnosisById, sciaticaSnomed, type DiagnosisId } from "@/lib/domain/diagnoses";
import { LIMB_SIDES, REFLEXES, SENSATION_ROOTS, STRENGTH_ROOTS, reflexTests, sensationAreas, strengthTests, type Exam } from "@/lib/domain/exam";
import { pauseExplanation, permissionLabel } from "@/lib/domain/permission-wording";
import { itemName, planEndDate } from "@/lib/domain/plan";
import { catalogueEntry, describeDose, type MedicineDose } from "@/lib/domain/plan-catalogue";
import { ODI_SECTIONS, START_BACK_BOTHERSOME_QUESTION, START_BACK_STATEMENTS, bothersomeLabels } from "@/lib/domain/questionnaires";
import { highestTier, isRedFlagId, redFlagLabel, redFlags as RED_FLAGS, type RedFlagId } from "@/lib/domain/red-flags";
import { addDays, localDate } from "@/lib/domain/schedule";
import { odiBand, PAIN_NRS_LOINC, startBackRisk } from "@/lib/domain/scores";
import { SYSTEMS } from "./systems";

/**
 * One patient's record as FHIR R4 resources (DOMAIN.md §9), from facts the DAL loaded. Pure: the
 * same facts give the same resources with the same ids, so an export run twice matches itself.
 *
 * Choices where FHIR leaves room (the README's "FHIR" section says the same):
 * - Clearance to run: no resource models it. Each signed decision is an Observation coded
 *   RunClear `running-clearance` (value not cleared / restricted / full, the restrictions as
 *   components). What is in force now is derived (§10: a decision is not in force while a red
 *   flag is open, after a withdrawal or a lapsed review), so it travels as its own Observation,
 *   `running-permission`, computed at export time by the same rule every screen uses.
 * - Diagnosis: the newest diagnosis of each episode is one Condition; side in bodySite.
 * - Exam: one Observation panel per signed exam, findings as components, addenda as notes.
 * - Plan: one CarePlan per saved version (older ones revoked and replaced by the next); goals
 *   are Goals; a medicine item is a MedicationRequest, one per item across versions.
 * - Logged activity: a run is an Observation; a plan item done or skipped is a Task.
 * - Red flags: a Flag per alert; therapy sessions attended: an Encounter each.
 */
type ActivityLog = typeof activityLogs.$inferSelect;
type CheckIn = typeof checkIns.$inferSelect;
type Clearance = typeof clearances.$inferSelect;
type Diagnosis = typeof diagnoses.$inferSelect;
type ExamRow = typeof exams.$inferSelect;
type ExamAddendum = typeof examAddenda.$inferSelect;
type EscalationReferral = typeof escalationReferrals.$inferSelect;
type PlanVersion = typeof planVersions.$inferSelect;
type TherapyReferral = typeof therapyReferrals.$inferSelect;
type QuestionnaireResponseRow = typeof questionnaireResponses.$inferSelect;
type RedFlagAlert = typeof redFlagAlerts.$inferSelect;
type TherapySession = typeof therapySessions.$inferSelect;

export interface FhirFacts {
  patient: PatientRow;
  episodes: Episode[];
  exams: (ExamRow & { signerName: string })[];
  addenda: (ExamAddendum & { authorName: string })[];
  diagnoses: (Diagnosis & { recorderName: string })[];
  clearances: (Clearance & { signerName: string })[];
  plans: (PlanVersion & { authorName: string })[];
  therapyReferrals: (TherapyReferral & { therapistName: string; referrerName: string })[];
  escalations: (EscalationReferral & { referrerName: string })[];
  questionnaires: QuestionnaireResponseRow[];
  activity: ActivityLog[];
  checkIns: CheckIn[];
  redFlags: RedFlagAlert[];
  therapySessions: (TherapySession & { therapistName: string })[];
  /** The clearance in force, from careState; null for a patient with no care facts. */
  permission: Permission | null;
  /** The plan's running items as careState holds them: paused, or limited to the clearance. */
  running: RunningItemState[];
  exportedAt: Date;
}

type Subject = Reference<Patient>;

const instant = (date: Date) => date.toISOString();
const meta = (lastUpdated: Date) => ({ lastUpdated: instant(lastUpdated) });
const runclear = (code: string, display: string): Coding => ({ system: SYSTEMS.runclear, code, display });
const concept = (text: string, ...coding: Coding[]): CodeableConcept => (coding.length ? { coding, text } : { text });
// A person named but not exported as a resource of their own: a display-only reference.
const who = (display: string): Reference<never> => ({ display });
const ucum = (value: number, code: string, unit = code): Quantity => ({ value, unit, system: SYSTEMS.ucum, code });
const score = (value: number) => ucum(value, "{score}", "score");
const painCoding: Coding = { system: SYSTEMS.loinc, code: PAIN_NRS_LOINC, display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported" };
const category = (code: string, display: string): CodeableConcept[] => [{ coding: [{ system: SYSTEMS.observationCategory, code, display }] }];

/** FHIR JSON never holds an empty array or an undefined value: both are left out. */
function pruned<T>(value: T): T {
  if (Array.isArray(value)) return value.map(pruned) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner === undefined || (Array.isArray(inner) && inner.length === 0)) continue;
      out[key] = pruned(inner);
    }
    return out as T;
  }
  return value;
}

export function compartmentResources(facts: FhirFacts): Resource[] {
  return resourcesOf(facts).map(pruned);
}

function resourcesOf(facts: FhirFacts): Resource[] {
  const subject: Subject = { reference: `Patient/${facts.patient.id}`, display: `${facts.patient.givenName} ${facts.patient.familyName}` };
  const today = localDate(facts.exportedAt, facts.patient.timeZone);
  return [
    patientResource(facts.patient),
    ...conditions(facts, subject),
    ...facts.exams.map((exam) => examObservation(exam, facts.addenda.filter((a) => a.examId === exam.id), subject)),
    ...facts.exams.map((exam) => painObservation(`${exam.id}.pain`, exam.painNow!, exam.signedAt!, subject, "Pain at rest, at the examination")),
    ...facts.checkIns.map((checkIn) => checkInObservation(checkIn, subject)),
    ...facts.questionnaires.flatMap((response) => questionnaireResources(response, subject)),
    ...facts.clearances.map((clearance) => clearanceObservation(clearance, facts.permission, subject)),
    ...(facts.permission ? [permissionObservation(facts, subject)] : []),
    ...planResources(facts, subject, today),
    ...facts.therapyReferrals.map((referral) => therapyReferral(referral, subject)),
    ...facts.escalations.map((referral) => escalation(referral, subject)),
    ...activityResources(facts, subject),
    ...facts.redFlags.map((alert) => flag(alert, subject)),
    ...facts.therapySessions.map((session) => encounter(session, subject)),
  ];
}

function patientResource(p: PatientRow): Patient {
  return {
    resourceType: "Patient",
    id: p.id,
    meta: meta(p.updatedAt),
    extension: [{ url: SYSTEMS.timeZoneExtension, valueCode: p.timeZone }],
    identifier: [{ use: "usual", type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR", display: "Medical record number" }] }, system: SYSTEMS.mrn, value: p.mrn }],
    active: true,
    name: [{ use: "official", family: p.familyName, given: [p.givenName] }],
    gender: p.sex,
    birthDate: p.dateOfBirth,
    telecom: [
      ...(p.email ? [{ system: "email" as const, value: p.email }] : []),
      ...(p.phone ? [{ system: "phone" as const, value: p.phone }] : []),
    ],
  };
}

// --- Diagnosis ------------------------------------------------------------------------------

const LOWER_LIMB: Record<"left" | "right", Coding> = {
  left: { system: SYSTEMS.snomed, code: "32153003", display: "Structure of left lower limb" },
  right: { system: SYSTEMS.snomed, code: "62175007", display: "Structure of right lower limb" },
};

const SCIATICA_ITSELF = new Set<string>(["sciatica_cause_unknown", "lumbago_with_sciatica"]);

function conditions(facts: FhirFacts, subject: Subject): Condition[] {
  return facts.episodes.flatMap((episode) => {
    const latest = facts.diagnoses.filter((d) => d.episodeId === episode.id).at(-1);
    if (!latest) return [];
    const diagnosis = diagnosisById(latest.condition as DiagnosisId);
    const sides = latest.side === "both" ? LIMB_SIDES : LIMB_SIDES.filter((s) => s === latest.side);
    const healed = episode.status === "healed";
    const details = [
      latest.level ? `Suspected level ${latest.level}.` : null,
      latest.confirmation === "imaging" ? "Confirmed by imaging." : "Confirmed clinically.",
      latest.notes || null,
    ].filter(Boolean);
    const changed = [latest.recordedAt, episode.updatedAt, ...(episode.resolvedAt ? [episode.resolvedAt] : [])].reduce((a, b) => (a > b ? a : b));
    return [
      {
        resourceType: "Condition",
        // One Condition per episode: a revised diagnosis updates it rather than leaving the old one active.
        id: `${episode.id}.condition`,
        meta: meta(changed),
        clinicalStatus: { coding: [{ system: SYSTEMS.conditionClinical, code: healed ? "resolved" : "active" }] },
        verificationStatus: { coding: [{ system: SYSTEMS.conditionVerification, code: "confirmed" }] },
        category: [{ coding: [{ system: SYSTEMS.conditionCategory, code: "encounter-diagnosis", display: "Encounter Diagnosis" }] }],
        // SNOMED CT "sciatica" only where the diagnosis is sciatica itself: beside stenosis or a
        // disc code it would not mean the same thing as the ICD-10-CM code.
        code: concept(
          diagnosis.label,
          ...(latest.icd10Code ? [{ system: SYSTEMS.icd10cm, code: latest.icd10Code }] : []),
          ...(SCIATICA_ITSELF.has(latest.condition) ? [{ ...sciaticaSnomed }] : []),
        ),
        bodySite: sides.map((side) => concept(side === "left" ? "Left leg" : "Right leg", LOWER_LIMB[side])),
        subject,
        onsetDateTime: instant(episode.openedAt),
        ...(healed && episode.resolvedAt ? { abatementDateTime: instant(episode.resolvedAt) } : {}),
        recordedDate: instant(latest.recordedAt),
        recorder: who(latest.recorderName),
        note: [{ text: details.join(" ") }],
      },
    ];
  });
}

// --- Exam -----------------------------------------------------------------------------------

const TEST_CODES = { positive: "positive", negative: "negative", not_tested: "not-tested" } as const;
const sideWord = (side: "left" | "right") => (side === "left" ? "left" : "right");

function examObservation(exam: FhirFacts["exams"][number], addenda: FhirFacts["addenda"], subject: Subject): Observation {
  const findings = exam.findings as Exam;
  const components: ObservationComponent[] = [];
  const coded = (code: string, display: string, value: string) => components.push({ code: concept(display, runclear(code, display)), valueCodeableConcept: concept(value.replace(/_/g, " "), runclear(value.replace(/_/g, "-"), value.replace(/_/g, " "))) });
  for (const side of LIMB_SIDES) {
    const slr = findings.slr?.[side];
    if (slr) {
      coded(`slr-${side}`, `Straight leg raise, ${sideWord(side)}`, TEST_CODES[slr.result]);
      if (slr.angle != null) components.push({ code: concept(`Straight leg raise angle, ${sideWord(side)}`, runclear(`slr-angle-${side}`, `Straight leg raise angle, ${sideWord(side)}`)), valueQuantity: ucum(slr.angle, "deg", "degrees") });
    }
    if (findings.femoralStretch?.[side]) coded(`femoral-stretch-${side}`, `Femoral nerve stretch, ${sideWord(side)}`, TEST_CODES[findings.femoralStretch[side]]);
    for (const root of STRENGTH_ROOTS) {
      const grade = findings.strength?.[root]?.[side];
      const test = strengthTests.find((t) => t.root === root)!;
      if (grade != null) components.push({ code: concept(`${test.muscle} (${root}) strength, ${sideWord(side)}, MRC grade`, runclear(`mrc-${root}-${side}`, `${root} strength, ${sideWord(side)}`)), valueQuantity: score(grade) });
    }
    for (const reflex of REFLEXES) {
      const grade = findings.reflexes?.[reflex]?.[side];
      const test = reflexTests.find((t) => t.reflex === reflex)!;
      if (grade) coded(`reflex-${reflex}-${side}`, `${test.label} reflex, ${sideWord(side)}`, grade);
    }
    for (const root of SENSATION_ROOTS) {
      const grade = findings.sensation?.[root]?.[side];
      const area = sensationAreas.find((a) => a.root === root)!;
      if (grade) coded(`sensation-${root}-${side}`, `Sensation ${root} (${area.area}), ${sideWord(side)}`, grade);
    }
    if (findings.footMechanics?.[side]) coded(`foot-mechanics-${side}`, `Foot mechanics, ${sideWord(side)}`, findings.footMechanics[side]);
  }
  if (findings.crossedSlr) coded("crossed-slr", "Crossed straight leg raise", TEST_CODES[findings.crossedSlr]);
  if (findings.slump) coded("slump", "Slump test", TEST_CODES[findings.slump]);
  for (const flagDef of RED_FLAGS) {
    const answer = findings.redFlags?.[flagDef.id];
    if (answer !== undefined) components.push({ code: concept(`Red flag: ${flagDef.clinicianLabel}`, runclear(`red-flag-${flagDef.id}`, flagDef.clinicianLabel)), valueBoolean: answer });
  }
  const notes = [
    findings.posture ? `Posture: ${findings.posture}` : null,
    findings.gait ? `Gait: ${findings.gait}` : null,
    findings.notes ? `Notes: ${findings.notes}` : null,
    exam.suggestedLevel ? `Level the findings suggest: ${exam.suggestedLevel}.` : null,
  ].filter((n): n is string => Boolean(n));
  return {
    resourceType: "Observation",
    id: exam.id,
    meta: meta(addenda.at(-1)?.signedAt ?? exam.signedAt!),
    status: addenda.length ? "amended" : "final",
    category: category("exam", "Exam"),
    code: concept("Lumbar nerve root examination", runclear("lumbar-nerve-root-exam", "Lumbar nerve root examination")),
    subject,
    effectiveDateTime: instant(exam.signedAt!),
    issued: instant(exam.signedAt!),
    performer: [who(exam.signerName)],
    component: components,
    note: [
      ...notes.map((text) => ({ text })),
      ...addenda.map((a) => ({ authorString: a.authorName, time: instant(a.signedAt), text: `Addendum: ${a.text}` })),
    ],
  };
}

function painObservation(id: string, value: number, at: Date, subject: Subject, text: string, extra: Partial<Observation> = {}): Observation {
  return {
    resourceType: "Observation",
    id,
    meta: meta(at),
    status: "final",
    category: category("survey", "Survey"),
    code: { coding: [painCoding], text },
    subject,
    effectiveDateTime: instant(at),
    valueQuantity: score(value),
    ...extra,
  };
}

function checkInObservation(checkIn: CheckIn, subject: Subject): Observation {
  const flagged = Object.entries(checkIn.redFlagAnswers).filter((entry): entry is [RedFlagId, boolean] => isRedFlagId(entry[0]) && entry[1] === true);
  return painObservation(checkIn.id, checkIn.painNow, checkIn.createdAt, subject, "Pain now, at a check-in from home", {
    component: [
      ...checkIn.legSymptoms.map((symptom: string) => ({ code: concept("Leg symptom reported", runclear("leg-symptom", "Leg symptom reported")), valueString: symptom.replace(/_/g, " ") })),
      { code: concept("Numbness or weakness new or worse", runclear("neuro-worse", "Numbness or weakness new or worse")), valueBoolean: checkIn.neuroWorse },
      ...flagged.map(([id]) => ({ code: concept(`Red flag reported: ${redFlagLabel(id)}`, runclear(`red-flag-${id}`, redFlagLabel(id))), valueBoolean: true })),
    ],
  });
}

// --- Questionnaires -------------------------------------------------------------------------

function questionnaireResources(response: QuestionnaireResponseRow, subject: Subject): Resource[] {
  const odi = response.kind === "odi";
  const items: QuestionnaireResponseItem[] = odi
    ? ODI_SECTIONS.map((section, index) => {
        const answer = (response.answers as (number | null)[])[index];
        return { linkId: `odi-${index + 1}`, text: section.title, ...(answer == null ? {} : { answer: [{ valueCoding: { system: `${SYSTEMS.runclear}/odi`, code: String(answer), display: section.statements[answer] } }] }) };
      })
    : [
        ...START_BACK_STATEMENTS.map((statement, index) => {
          const agree = (response.answers as { agree: boolean[] }).agree[index];
          return { linkId: `start-back-${index + 1}`, text: statement, ...(agree == null ? {} : { answer: [{ valueBoolean: agree }] }) };
        }),
        (() => {
          const bothersome = (response.answers as { bothersome: keyof typeof bothersomeLabels }).bothersome;
          return { linkId: "start-back-9", text: START_BACK_BOTHERSOME_QUESTION, answer: [{ valueCoding: { system: `${SYSTEMS.runclear}/start-back-bothersome`, code: bothersome.replace(/_/g, "-"), display: bothersomeLabels[bothersome] } }] };
        })(),
      ];
  const questionnaireResponse: QuestionnaireResponse = {
    resourceType: "QuestionnaireResponse",
    id: response.id,
    meta: meta(response.completedAt),
    questionnaire: `${SYSTEMS.runclear.replace("/CodeSystem/runclear", "")}/Questionnaire/${odi ? "oswestry-disability-index" : "start-back"}`,
    status: "completed",
    subject,
    authored: instant(response.completedAt),
    author: subject,
    item: items,
  };
  if (response.score == null) return [questionnaireResponse];
  const scoreObservation: Observation = {
    resourceType: "Observation",
    id: `${response.id}.score`,
    meta: meta(response.completedAt),
    status: "final",
    category: category("survey", "Survey"),
    code: odi
      ? concept("Oswestry Disability Index score", runclear("odi-score", "Oswestry Disability Index score"))
      : concept("STarT Back screening tool total score", runclear("start-back-score", "STarT Back screening tool total score")),
    subject,
    effectiveDateTime: instant(response.completedAt),
    derivedFrom: [{ reference: `QuestionnaireResponse/${response.id}` }],
    valueQuantity: odi ? ucum(response.score, "%") : score(response.score),
    interpretation: [
      odi
        ? concept(`${odiBand(response.score).replace("_", "-")} disability`, runclear(`odi-${odiBand(response.score).replace("_", "-")}`, `${odiBand(response.score)} disability`))
        : concept(`${startBackRisk(response.score, response.subscore ?? 0)} risk`, runclear(`start-back-${startBackRisk(response.score, response.subscore ?? 0)}`, `${startBackRisk(response.score, response.subscore ?? 0)} risk`)),
    ],
    ...(!odi && response.subscore != null
      ? { component: [{ code: concept("STarT Back psychosocial subscore", runclear("start-back-psychosocial", "STarT Back psychosocial subscore")), valueQuantity: score(response.subscore) }] }
      : {}),
  };
  return [questionnaireResponse, scoreObservation];
}

// --- Clearance ------------------------------------------------------------------------------

const LEVEL_DISPLAY = { not_cleared: "Not cleared to run", restricted: "Cleared to run with restrictions", full: "Cleared to run" } as const;

function restrictionComponents(r: Restrictions): ObservationComponent[] {
  const c = (code: string, display: string, value: Partial<ObservationComponent>): ObservationComponent => ({ code: concept(display, runclear(code, display)), ...value });
  return [
    ...(r.maxRunMinutes != null ? [c("max-run-minutes", "Longest run", { valueQuantity: ucum(r.maxRunMinutes, "min", "minutes") })] : []),
    ...(r.runsPerWeek != null ? [c("runs-per-week", "Runs a week at most", { valueQuantity: ucum(r.runsPerWeek, "/wk", "per week") })] : []),
    ...(r.weeklyDistanceKm != null ? [c("weekly-distance", "Weekly distance at most", { valueQuantity: ucum(r.weeklyDistanceKm, "km") })] : []),
    ...(r.maxEffortRpe != null ? [c("max-effort-rpe", "Top effort (RPE out of 10)", { valueQuantity: score(r.maxEffortRpe) })] : []),
    ...(r.painCeiling != null ? [c("pain-ceiling", "Stop the run above this pain (out of 10)", { valueQuantity: score(r.painCeiling) })] : []),
    c("flat-ground-only", "Flat ground only", { valueBoolean: r.flatGroundOnly }),
    c("no-speed-work", "No speed work", { valueBoolean: r.noSpeedWork }),
    ...(r.notes ? [c("restriction-notes", "Restriction notes", { valueString: r.notes })] : []),
  ];
}

function clearanceObservation(clearance: FhirFacts["clearances"][number], permission: Permission | null, subject: Subject): Observation {
  const level = clearance.level;
  const inForce = permission?.status === "cleared" && permission.version === clearance.version;
  return {
    resourceType: "Observation",
    id: clearance.id,
    meta: meta(clearance.signedAt),
    status: "final",
    category: category("activity", "Activity"),
    code: concept("Clearance to run (decision)", runclear("running-clearance", "Clearance to run")),
    subject,
    effectiveDateTime: instant(clearance.signedAt),
    issued: instant(clearance.signedAt),
    performer: [who(clearance.signerName)],
    // A decision, not what is in force now: a later red flag, withdrawal or lapsed review stops it.
    valueCodeableConcept: concept(
      `Decision (version ${clearance.version}): ${clearance.withdrawn ? "clearance withdrawn, not cleared to run" : LEVEL_DISPLAY[level].toLowerCase()}`,
      runclear(level.replace("_", "-"), LEVEL_DISPLAY[level]),
    ),
    component: [
      { code: concept("Decision version", runclear("decision-version", "Decision version")), valueInteger: clearance.version },
      { code: concept("In force when exported", runclear("in-force", "In force when exported")), valueBoolean: inForce },
      ...(clearance.reviewDate ? [{ code: concept("Review by", runclear("review-date", "Review by")), valueDateTime: clearance.reviewDate }] : []),
      ...(level === "restricted" && clearance.restrictions ? restrictionComponents(clearance.restrictions) : []),
    ],
    note: [
      clearance.note,
      clearance.overrideReason ? `Reason for going ahead: ${clearance.overrideReason}` : "",
      "A decision on record. Whether the patient may run now is the running-permission Observation.",
    ]
      .filter(Boolean)
      .map((text) => ({ text })),
  };
}

function permissionObservation(facts: FhirFacts, subject: Subject): Observation {
  const permission = facts.permission!;
  const code =
    permission.status === "cleared" ? `cleared-${permission.level}` : permission.status === "return_to_training" ? "return-to-training" : `paused-${permission.reason.code.replace(/_/g, "-")}`;
  const inForce = permission.status === "cleared" ? facts.clearances.find((c) => c.version === permission.version) : undefined;
  return {
    resourceType: "Observation",
    id: `${facts.patient.id}.permission`,
    meta: meta(facts.exportedAt),
    status: "final",
    category: category("activity", "Activity"),
    code: concept("Permission to run in force", runclear("running-permission", "Permission to run in force")),
    subject,
    effectiveDateTime: instant(facts.exportedAt),
    issued: instant(facts.exportedAt),
    valueCodeableConcept: concept(permissionLabel(permission), runclear(code, permissionLabel(permission))),
    ...(permission.status === "cleared" && permission.restrictions ? { component: restrictionComponents(permission.restrictions) } : {}),
    derivedFrom: [
      ...(inForce ? [{ reference: `Observation/${inForce.id}` }] : []),
      ...facts.redFlags.filter((f) => !f.resolvedAt).map((f) => ({ reference: `Flag/${f.id}` })),
    ],
    note: [{ text: "Derived when the record was exported, from the decisions, red flags and reviews on record: no running while a red flag is open." }],
  };
}

// --- Plan -----------------------------------------------------------------------------------

function planResources(facts: FhirFacts, subject: Subject, today: string): Resource[] {
  const openEpisode = facts.episodes.find((e) => e.status !== "healed");
  const latest = facts.plans.at(-1);
  const current = (plan: PlanVersion) => plan.id === latest?.id && plan.episodeId === openEpisode?.id;
  const out: Resource[] = [];
  // Ids that last: a goal or a medicine is named after the first plan version that held it (a
  // plan's history is never rewritten), so later versions and later exports keep the same id.
  const goalIds = new Map<string, string>();
  const medicineIds = new Map<string, string>();
  const goals = new Map<string, Goal>();
  const medicines = new Map<string, MedicationRequest>();
  facts.plans.forEach((version, index) => {
    const isCurrent = current(version);
    const plan = version.plan;
    // When this version last changed state: its saving, the next version replacing it, or its
    // episode healing, so `_since` finds a plan that became revoked or completed.
    const next = facts.plans[index + 1];
    const healedAt = facts.episodes.find((e) => e.id === version.episodeId)?.resolvedAt ?? null;
    const changedAt = [version.createdAt, ...(next ? [next.createdAt] : []), ...(healedAt ? [healedAt] : [])].reduce((a, b) => (a > b ? a : b));
    const goalRefs = plan.goals.map((goal, goalIndex) => {
      const goalKey = `${goal.description}\u0000${goal.targetDate}`;
      if (!goalIds.has(goalKey)) goalIds.set(goalKey, `${version.id}.goal-${goalIndex + 1}`);
      const id = goalIds.get(goalKey)!;
      goals.set(id, {
        resourceType: "Goal",
        id,
        meta: meta(changedAt),
        lifecycleStatus: isCurrent ? "active" : facts.episodes.find((e) => e.id === version.episodeId)?.status === "healed" ? "completed" : "cancelled",
        description: { text: goal.description },
        subject,
        target: [{ dueDate: goal.targetDate }],
        expressedBy: who(version.authorName),
      });
      return { reference: `Goal/${id}` };
    });
    const activities: CarePlanActivity[] = plan.items.map((item, itemIndex) => {
      const entry = catalogueEntry(item.catalogueId);
      if (item.dose.kind === "medicine") {
        if (!medicineIds.has(item.key)) medicineIds.set(item.key, `${version.id}.medicine-${itemIndex + 1}`);
        const id = medicineIds.get(item.key)!;
        medicines.set(id, medicationRequest(id, item.dose, item.instructions, item.justification, version, isCurrent, today, subject, medicines.get(id), next?.createdAt ?? null));
        return { reference: { reference: `MedicationRequest/${id}`, display: itemName(item) } };
      }
      // Running as careState holds it (§10): paused while no clearance is in force, and never
      // beyond the clearance; the planned dose is kept beside it.
      const running = isCurrent && item.dose.kind === "running" ? facts.running.find((r) => r.key === item.key) : undefined;
      if (running) {
        const paused = running.status === "paused" || !running.allowed;
        return {
          detail: {
            kind: "ServiceRequest",
            code: concept(itemName(item), runclear(`plan-item-${item.catalogueId}`, entry.name)),
            status: paused ? "on-hold" : "in-progress",
            ...(paused
              ? { statusReason: { text: `Not running now: ${facts.permission ? permissionLabel(facts.permission) : "no clearance in force"}. ${pauseExplanation(facts.permission ?? { status: "paused", reason: { code: "no_decision" } }, (d) => String(d)) ?? ""}`.trim() } }
              : {}),
            description: item.instructions,
            scheduledString: paused ? `Paused (planned: ${describeDose(running.planned)})` : `${describeDose(running.allowed!)}${running.exceedsClearance ? ` (the plan asks for ${describeDose(running.planned)}; the clearance in force allows less)` : ""}`,
          },
        };
      }
      return {
        detail: {
          kind: "ServiceRequest",
          code: concept(itemName(item), runclear(`plan-item-${item.catalogueId}`, entry.name)),
          status: isCurrent ? "in-progress" : "stopped",
          description: item.instructions,
          scheduledString: describeDose(item.dose),
        },
      };
    });
    const previous = facts.plans[index - 1];
    const carePlan: CarePlan = {
      resourceType: "CarePlan",
      id: version.id,
      meta: meta(changedAt),
      status: isCurrent ? "active" : facts.episodes.find((e) => e.id === version.episodeId)?.status === "healed" && version.id === facts.plans.filter((p) => p.episodeId === version.episodeId).at(-1)?.id ? "completed" : "revoked",
      intent: "plan",
      title: `Care plan, version ${version.version}`,
      description: version.changes.length ? `Changes in this version: ${version.changes.join("; ")}` : undefined,
      subject,
      period: { start: plan.startDate, end: planEndDate(plan) },
      created: instant(version.createdAt),
      author: who(version.authorName),
      ...(previous ? { replaces: [{ reference: `CarePlan/${previous.id}` }] } : {}),
      goal: goalRefs,
      activity: activities,
    };
    if (!carePlan.description) delete carePlan.description;
    out.push(carePlan);
  });
  return [...out, ...goals.values(), ...medicines.values()];
}

function medicationRequest(
  id: string,
  dose: MedicineDose,
  instructions: string,
  justification: string,
  version: FhirFacts["plans"][number],
  inCurrentPlan: boolean,
  today: string,
  subject: Subject,
  earlier: MedicationRequest | undefined,
  replacedAt: Date | null,
): MedicationRequest {
  const window = medicineWindow(dose);
  const ended = window.endsOn < today;
  // Written in plan order: the last version that holds the item decides its state. A course
  // that ran its days is completed; one the plan dropped before its end was stopped.
  const status = ended ? "completed" : inCurrentPlan ? "active" : "stopped";
  const endedAt = new Date(`${addDays(window.endsOn, 1)}T00:00:00Z`);
  const changedAt = [version.createdAt, ...(status === "stopped" && replacedAt ? [replacedAt] : []), ...(ended && endedAt <= new Date() ? [endedAt] : [])].reduce((a, b) => (a > b ? a : b));
  return {
    resourceType: "MedicationRequest",
    id,
    meta: meta(changedAt),
    status,
    intent: "order",
    medicationCodeableConcept: { text: dose.drug },
    subject,
    authoredOn: earlier?.authoredOn ?? instant(version.createdAt),
    requester: who(version.authorName),
    courseOfTherapyType: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/medicationrequest-course-of-therapy", code: "acute", display: "Short course (acute) therapy" }] },
    dosageInstruction: [
      {
        text: `${describeDose(dose)}. ${instructions}`,
        timing: { repeat: { boundsPeriod: { start: window.startsOn, end: window.endsOn }, frequency: dose.timesPerDay, period: 1, periodUnit: "d" } },
        asNeededBoolean: dose.asNeeded,
        doseAndRate: [{ doseQuantity: ucum(dose.amount, UCUM_MASS[dose.unit], dose.unit) }],
      },
    ],
    ...(justification ? { note: [{ text: `Prescribed after the guideline warning, because: ${justification}` }] } : {}),
  };
}

// --- Referrals ------------------------------------------------------------------------------

// "mcg" is how prescribers write it; UCUM's code for a microgram is "ug".
const UCUM_MASS = { mg: "mg", g: "g", mcg: "ug" } as const;

const REFERRAL_STATUS = { requested: "active", scheduled: "active", completed: "completed", declined: "revoked", cancelled: "revoked" } as const;

function therapyReferral(referral: FhirFacts["therapyReferrals"][number], subject: Subject): ServiceRequest {
  return {
    resourceType: "ServiceRequest",
    id: referral.id,
    meta: meta(referral.createdAt),
    status: REFERRAL_STATUS[referral.status],
    intent: "order",
    code: concept("Physical therapy", { system: SYSTEMS.snomed, code: "91251008", display: "Physical therapy procedure" }),
    subject,
    occurrencePeriod: { start: referral.startDate, end: addDays(referral.startDate, referral.weeks * 7 - 1) },
    quantityRatio: { numerator: { value: referral.sessionsPerWeek }, denominator: ucum(1, "wk", "week") },
    authoredOn: instant(referral.createdAt),
    requester: who(referral.referrerName),
    performer: [who(referral.therapistName)],
    note: [{ text: `Goals: ${referral.goals}` }, ...(referral.notes ? [{ text: referral.notes }] : []), { text: `Status in RunClear: ${referral.status}.` }],
  };
}

const ESCALATION = {
  imaging: "Imaging of the lumbar spine",
  epidural_steroid_injection: "Epidural steroid injection",
  surgical_opinion: "Spinal surgical opinion",
} as const;

function escalation(referral: FhirFacts["escalations"][number], subject: Subject): ServiceRequest {
  return {
    resourceType: "ServiceRequest",
    id: referral.id,
    meta: meta(referral.updatedAt),
    status: REFERRAL_STATUS[referral.status],
    intent: "order",
    code: concept(ESCALATION[referral.kind], runclear(`escalation-${referral.kind.replace(/_/g, "-")}`, ESCALATION[referral.kind])),
    subject,
    authoredOn: instant(referral.createdAt),
    requester: who(referral.referrerName),
    reasonCode: [{ text: referral.reason }],
    note: [{ text: `Status in RunClear: ${referral.status}.` }, ...(referral.statusNote ? [{ text: referral.statusNote }] : [])],
  };
}

// --- Logged activity ------------------------------------------------------------------------

function activityResources(facts: FhirFacts, subject: Subject): Resource[] {
  const itemNames = new Map<string, string>();
  for (const version of facts.plans) for (const item of version.plan.items) itemNames.set(item.key, itemName(item));
  return facts.activity.map((log): Observation | Task => {
    if (log.kind === "run") {
      const pain = (value: number | null, text: string): ObservationComponent[] => (value == null ? [] : [{ code: { coding: [painCoding], text }, valueQuantity: score(value) }]);
      const c = (code: string, display: string, value: Partial<ObservationComponent>): ObservationComponent => ({ code: concept(display, runclear(code, display)), ...value });
      return {
        resourceType: "Observation",
        id: log.id,
        meta: meta(log.createdAt),
        status: "final",
        category: category("activity", "Activity"),
        code: concept("Run logged by the patient", runclear("run-session", "Run")),
        subject,
        effectiveDateTime: log.localDate,
        performer: [subject],
        component: [
          ...(log.minutes != null ? [c("run-minutes", "Running time", { valueQuantity: ucum(log.minutes, "min", "minutes") })] : []),
          ...(log.distanceKm != null ? [c("run-distance", "Distance", { valueQuantity: ucum(log.distanceKm, "km") })] : []),
          ...(log.rpe != null ? [c("run-rpe", "Effort (RPE out of 10)", { valueQuantity: score(log.rpe) })] : []),
          ...pain(log.painBefore, "Pain before the run"),
          ...pain(log.painDuring, "Pain during the run"),
          ...pain(log.painAfter, "Pain after the run"),
          ...pain(log.morningPain, "Pain the next morning"),
          c("new-numbness-or-weakness", "New numbness or weakness", { valueBoolean: log.newNumbnessOrWeakness }),
          ...(log.programmeStage != null ? [c("walk-run-stage", "Walk/run programme stage", { valueInteger: log.programmeStage })] : []),
          ...(log.breaches ?? []).map((breach) => c("clearance-breach", "Beyond the clearance", { valueString: breach.replace(/_/g, " ") })),
        ],
      };
    }
    const done = log.status === "done";
    return {
      resourceType: "Task",
      id: log.id,
      meta: meta(log.createdAt),
      status: done ? "completed" : "cancelled",
      ...(done || !log.skipReason ? {} : { statusReason: { text: log.skipReason.replace(/_/g, " ") } }),
      intent: "plan",
      code: concept(itemNames.get(log.itemKey ?? "") ?? "Plan item", runclear("plan-item-log", "Plan item done or skipped")),
      description: `${itemNames.get(log.itemKey ?? "") ?? "Plan item"}: ${done ? "done" : "skipped"} on ${log.localDate}`,
      for: subject,
      executionPeriod: { start: log.localDate },
      authoredOn: instant(log.createdAt),
      owner: subject,
    };
  });
}

function flag(alert: RedFlagAlert, subject: Subject): Flag {
  const ids = alert.flags.filter(isRedFlagId);
  const tier = highestTier(ids) ?? "urgent";
  return {
    resourceType: "Flag",
    id: alert.id,
    meta: meta(alert.resolvedAt ?? alert.acknowledgedAt ?? alert.raisedAt),
    status: alert.resolvedAt ? "inactive" : "active",
    category: [concept("Clinical", { system: "http://terminology.hl7.org/CodeSystem/flag-category", code: "clinical", display: "Clinical" })],
    code: concept(`${tier === "emergency" ? "Emergency" : "Urgent"} red flag: ${ids.map(redFlagLabel).join("; ")}`, runclear(`red-flag-${tier}`, tier === "emergency" ? "Emergency red flag" : "Urgent red flag")),
    subject,
    period: { start: instant(alert.raisedAt), ...(alert.resolvedAt ? { end: instant(alert.resolvedAt) } : {}) },
  };
}

function encounter(session: FhirFacts["therapySessions"][number], subject: Subject): Encounter {
  return {
    resourceType: "Encounter",
    id: session.id,
    meta: meta(session.createdAt),
    status: "finished",
    class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB", display: "ambulatory" },
    type: [concept("Physical therapy session", { system: SYSTEMS.snomed, code: "91251008", display: "Physical therapy procedure" })],
    subject,
    participant: [{ individual: who(session.therapistName) }],
    period: { start: session.sessionDate, end: session.sessionDate },
  };
}
