import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { planVersions } from "@/db/schema/plans";
import type { Role } from "@/lib/auth/roles";
import { ageOn } from "@/lib/domain/age";
import { careState, type CareState } from "@/lib/domain/care-state";
import { currentMedicinesOf, nsaidRisksOf } from "@/lib/domain/exam";
import { isChronicSciatica } from "@/lib/domain/medication-guardrails";
import { describeChanges, partialPlanOf, planSchema, reviewPartialPlan, reviewPlan, type Plan, type PlanContext, type PlanReview } from "@/lib/domain/plan";
import { authorizeClinicalWrite, authorizeRole, readPatient } from "./internal/access";
import { fieldErrorsOf, NotFoundError, ValidationError } from "./errors";
import type { LoadedCareFacts } from "./internal/care-facts";
import { careOf } from "./internal/care-state-cache";
import { lastSignedExam, lastSignedExamOfRequest, type LastSignedExam } from "./internal/last-exam";
import { planVersionRows, saveNextPlanVersion } from "./internal/plan-versions";

export interface PlanVersionSummary {
  version: number;
  changes: string[];
  createdByName: string;
  /** A therapist's dose change reads differently from a physician's plan (DOMAIN.md §8). */
  createdByRole: Role;
  createdAt: Date;
}

export interface PlanVersionView extends PlanVersionSummary {
  plan: Plan;
  templateId: string | null;
}

export interface PlanState {
  current: PlanVersionView | null;
  history: PlanVersionSummary[];
  context: PlanContext;
  care: CareState;
  /** Guardrail findings for the current version's medicines. */
  review: PlanReview | null;
  today: string;
}

/**
 * What the plan rules need: the clearance in force (care state), whether the sciatica is chronic,
 * the patient's age, and their medicine risks from the last signed exam. From what the caller
 * read: a page, the request's facts and exam; a write, those it read under the patient's lock.
 */
function planContext(exam: LastSignedExam | null, facts: LoadedCareFacts, previous: Plan | null): PlanContext {
  const onset = exam?.findings.history?.onsetDate;
  return {
    permission: careState(facts).permission,
    chronic: onset ? isChronicSciatica(onset, facts.today) : false,
    patient: { age: ageOn(facts.dateOfBirth, new Date(`${facts.today}T12:00:00Z`)), nsaidRisks: nsaidRisksOf(exam?.findings) },
    currentMedicines: currentMedicinesOf(exam?.findings),
    today: facts.today,
    previous,
  };
}

function toView(row: Awaited<ReturnType<typeof planVersionRows>>[number]): PlanVersionView {
  return {
    version: row.v.version,
    plan: row.v.plan,
    changes: row.v.changes,
    templateId: row.v.templateId,
    createdByName: row.createdByName,
    createdByRole: row.createdByRole,
    createdAt: row.v.createdAt,
  };
}

/** The current plan, its history, and what the rules weigh (clearance in force, chronic, risks). */
export async function getPlan(patientId: string): Promise<PlanState> {
  await readPatient(patientId, "plan.view", { roles: ["physician", "therapist"] });
  const [rows, { facts, state }, exam] = await Promise.all([planVersionRows(patientId), careOf(patientId), lastSignedExamOfRequest(patientId)]);
  const current = rows[0] ? toView(rows[0]) : null;
  const context = planContext(exam, facts, current?.plan ?? null);
  return {
    current,
    history: rows.map((r) => ({ version: r.v.version, changes: r.v.changes, createdByName: r.createdByName, createdByRole: r.createdByRole, createdAt: r.v.createdAt })),
    context,
    care: state,
    review: current ? reviewPlan(current.plan, context) : null,
    today: state.today,
  };
}

/**
 * The plan version page's check before its skeleton streams: the chart may be read and this
 * version was saved, or NotFoundError. The same audited read as getPlanVersion.
 */
export async function assertPlanVersion(patientId: string, version: number): Promise<void> {
  await readPatient(patientId, "plan.view", { roles: ["physician", "therapist"], resource: `plan:v${version}` });
  const database = await db();
  const [row] = await database
    .select({ version: planVersions.version })
    .from(planVersions)
    .where(and(eq(planVersions.patientId, patientId), eq(planVersions.version, version)));
  if (!row) throw new NotFoundError();
}

/** One earlier version, as it was saved. */
export async function getPlanVersion(patientId: string, version: number): Promise<PlanVersionView | null> {
  await readPatient(patientId, "plan.view", { roles: ["physician", "therapist"], resource: `plan:v${version}` });
  const row = (await planVersionRows(patientId)).find((r) => r.v.version === version);
  return row ? toView(row) : null;
}

function mergeFieldErrors(a: Record<string, string[]>, b: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = { ...a };
  for (const [path, messages] of Object.entries(b)) out[path] = [...new Set([...(out[path] ?? []), ...messages])];
  return out;
}

/**
 * Saves the plan as the next version. The physician's form carries the version it started from;
 * if another version was saved since, nothing is written. The rules (lib/domain/plan.ts) are
 * checked under the patient's lock against the state in force then: running never beyond the
 * clearance in force, medicine guardrails and ceilings with a recorded reason, dates in bounds.
 * Every problem of the draft comes back at once.
 */
export async function savePlan(patientId: string, basedOnVersion: number, input: unknown, templateId: string | null = null): Promise<{ version: number; changes: string[] }> {
  const access = await authorizeClinicalWrite(patientId, "plan.save");
  const parsed = planSchema.safeParse(input);
  const schemaErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  return saveNextPlanVersion(access, "plan.save", basedOnVersion, async (current, tx, facts) => {
    const context = planContext(await lastSignedExam(tx, patientId), facts, current);
    // The rules judge whatever parsed even when something else did not, so all comes back at once.
    const ruleErrors = reviewPartialPlan(partialPlanOf(input, context.today), context);
    if (!parsed.success) throw new ValidationError("Please correct the highlighted fields.", mergeFieldErrors(schemaErrors, ruleErrors));
    if (Object.keys(ruleErrors).length) throw new ValidationError("The plan cannot be saved yet: see the highlighted items.", ruleErrors);
    const plan = parsed.data;
    return { plan, changes: describeChanges(current, plan), templateId };
  });
}

export interface MyPlan {
  version: number;
  plan: Plan;
  updatedAt: Date;
  /** Running and medicines as the state in force allows them today. */
  care: CareState;
}

/** The signed-in patient's current plan (always the newest version), with the state in force. */
export async function getMyPlan(): Promise<MyPlan | null> {
  const user = await authorizeRole("plan.view", ["patient"]);
  const access = await readPatient(user.patientId ?? "", "plan.view", { roles: ["patient"] });
  const [[row], { state }] = await Promise.all([
    (await db())
      .select({ version: planVersions.version, plan: planVersions.plan, createdAt: planVersions.createdAt })
      .from(planVersions)
      .where(eq(planVersions.patientId, access.patientId))
      .orderBy(desc(planVersions.version))
      .limit(1),
    careOf(access.patientId),
  ]);
  return row ? { version: row.version, plan: row.plan, updatedAt: row.createdAt, care: state } : null;
}
