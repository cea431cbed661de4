import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { clearances } from "@/db/schema/clearance";
import { exams } from "@/db/schema/exams";
import { planVersions } from "@/db/schema/plans";
import { users } from "@/db/schema/users";
import type { Role } from "@/lib/auth/roles";
import { isChronicSciatica } from "@/lib/domain/medication-guardrails";
import { describeChanges, planSchema, reviewPlan, type Plan, type PlanContext, type PlanReview } from "@/lib/domain/plan";
import { auditOf, authorizeClinicalWrite, authorizeRole, readPatient, type PatientAccess } from "./access";
import { writeAudit } from "./audit-log";
import { isUniqueViolation } from "./db-errors";
import { latestEpisode } from "./episodes";
import { ConflictError, fieldErrorsOf, ValidationError } from "./errors";
import { patientToday } from "./today";

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
  /** Guardrail findings for the current version's medicines. */
  review: PlanReview | null;
  today: string;
}

const CONFLICT = "Someone else saved this plan while you were editing it. Open the new version, then make your changes again.";

/** What the plan rules need: the current clearance and whether the sciatica is chronic. Callers authorize. */
async function planContext(patientId: string, today: string): Promise<PlanContext> {
  const database = await db();
  const [[clearance], [exam]] = await Promise.all([
    database
      .select({ level: clearances.level, restrictions: clearances.restrictions })
      .from(clearances)
      .where(eq(clearances.patientId, patientId))
      .orderBy(desc(clearances.version))
      .limit(1),
    database
      .select({ findings: exams.findings })
      .from(exams)
      .where(and(eq(exams.patientId, patientId), eq(exams.status, "signed")))
      .orderBy(desc(exams.signedAt))
      .limit(1),
  ]);
  const onset = exam?.findings.history?.onsetDate;
  return {
    clearance: clearance ?? { level: "not_cleared", restrictions: null },
    chronic: onset ? isChronicSciatica(onset, today) : false,
  };
}

async function versions(patientId: string) {
  const author = alias(users, "author");
  return (await db())
    .select({ v: planVersions, createdByName: author.name, createdByRole: author.role })
    .from(planVersions)
    .innerJoin(author, eq(author.id, planVersions.createdById))
    .where(eq(planVersions.patientId, patientId))
    .orderBy(desc(planVersions.version));
}

function toView(row: Awaited<ReturnType<typeof versions>>[number]): PlanVersionView {
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

/** The current plan, its history, and what the rules weigh (clearance, chronic or not). */
export async function getPlan(patientId: string): Promise<PlanState> {
  await readPatient(patientId, "plan.view", { roles: ["physician", "therapist"] });
  const today = await patientToday(patientId);
  const [rows, context] = await Promise.all([versions(patientId), planContext(patientId, today)]);
  const current = rows[0] ? toView(rows[0]) : null;
  return {
    current,
    history: rows.map((r) => ({ version: r.v.version, changes: r.v.changes, createdByName: r.createdByName, createdByRole: r.createdByRole, createdAt: r.v.createdAt })),
    context,
    review: current ? reviewPlan(current.plan, context) : null,
    today,
  };
}

/** One earlier version, as it was saved. */
export async function getPlanVersion(patientId: string, version: number): Promise<PlanVersionView | null> {
  await readPatient(patientId, "plan.view", { roles: ["physician", "therapist"], resource: `plan:v${version}` });
  const row = (await versions(patientId)).find((r) => r.v.version === version);
  return row ? toView(row) : null;
}

export interface NextPlanVersion {
  plan: Plan;
  changes: string[];
  templateId: string | null;
}

/**
 * Writes the version after `basedOnVersion`, if that is still the newest: the rule every plan
 * write shares. `build` makes the new version from the current plan (null before the first) and
 * may refuse by throwing. The caller has authorized the write; its audit entry goes in the same
 * transaction. Two writers from the same version: the unique (patient, version) lets one win.
 */
export async function saveNextPlanVersion(
  access: PatientAccess,
  action: string,
  basedOnVersion: number,
  build: (current: Plan | null) => NextPlanVersion,
): Promise<{ version: number; changes: string[] }> {
  const [latest] = await versions(access.patientId);
  if ((latest?.v.version ?? 0) !== basedOnVersion) throw new ConflictError(CONFLICT);
  const next = build(latest?.v.plan ?? null);
  const episode = await latestEpisode(access.patientId);
  const version = basedOnVersion + 1;
  try {
    await (await db()).transaction(async (tx) => {
      await tx.insert(planVersions).values({
        patientId: access.patientId,
        episodeId: episode?.id ?? null,
        version,
        plan: next.plan,
        changes: next.changes,
        templateId: next.templateId,
        createdById: access.user.id,
      });
      await writeAudit(auditOf(access, action, `plan:v${version}`), tx);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(CONFLICT);
    throw error;
  }
  return { version, changes: next.changes };
}

/**
 * Saves the plan as the next version. The physician's form carries the version it started from;
 * if another version was saved since, nothing is written. Running may not exceed the clearance;
 * a medicine NICE NG59 advises against needs a recorded justification.
 */
export async function savePlan(patientId: string, basedOnVersion: number, input: unknown, templateId: string | null = null): Promise<{ version: number; changes: string[] }> {
  const access = await authorizeClinicalWrite(patientId, "plan.save");
  const parsed = planSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  }
  const plan = parsed.data;
  const today = await patientToday(patientId);
  const review = reviewPlan(plan, await planContext(patientId, today));
  if (Object.keys(review.fieldErrors).length) throw new ValidationError("The plan cannot be saved yet: see the highlighted items.", review.fieldErrors);
  return saveNextPlanVersion(access, "plan.save", basedOnVersion, (current) => ({ plan, changes: describeChanges(current, plan), templateId }));
}

export interface MyPlan {
  version: number;
  plan: Plan;
  updatedAt: Date;
}

/** The signed-in patient's current plan: always the newest version. */
export async function getMyPlan(): Promise<MyPlan | null> {
  const user = await authorizeRole("plan.view", ["patient"]);
  const access = await readPatient(user.patientId ?? "", "plan.view", { roles: ["patient"] });
  const [row] = await (await db())
    .select({ version: planVersions.version, plan: planVersions.plan, createdAt: planVersions.createdAt })
    .from(planVersions)
    .where(eq(planVersions.patientId, access.patientId))
    .orderBy(desc(planVersions.version))
    .limit(1);
  return row ? { version: row.version, plan: row.plan, updatedAt: row.createdAt } : null;
}
