import "server-only";
import { desc, eq, type Placeholder } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { planVersions } from "@/db/schema/plans";
import { users } from "@/db/schema/users";
import type { Plan } from "@/lib/domain/plan";
import { ConflictError } from "../errors";
import { auditOf, type PatientAccess } from "./access";
import { writeAudit } from "./audit-log";
import { withPatientLocked, type Executor, type LoadedCareFacts, type Tx } from "./care-facts";
import { isUniqueViolation } from "./db-errors";
import { preparedRead } from "./prepared-read";

const CONFLICT = "Someone else saved this plan while you were editing it. Open the new version, then make your changes again.";

const author = alias(users, "author");

function planVersionQuery(executor: Executor, patientId: string | Placeholder) {
  return executor
    .select({ v: planVersions, createdByName: author.name, createdByRole: author.role })
    .from(planVersions)
    .innerJoin(author, eq(author.id, planVersions.createdById))
    .where(eq(planVersions.patientId, patientId))
    .orderBy(desc(planVersions.version));
}
const planVersionRead = preparedRead(["patientId"], (database, at) => planVersionQuery(database, at.patientId));

/** Every version of the patient's plan, newest first. Callers have authorized the patient. */
export async function planVersionRows(patientId: string, executor?: Executor) {
  return executor ? planVersionQuery(executor, patientId) : planVersionRead({ patientId });
}

export interface NextPlanVersion {
  plan: Plan;
  changes: string[];
  templateId: string | null;
}

/**
 * Writes the version after `basedOnVersion`, if that is still the newest: the rule every plan
 * write shares, under the patient's row lock. `build` makes the new version from the current plan
 * (null before the first) and the facts read under the lock, and may refuse by throwing. The
 * caller has authorized the write; its audit entry goes in the same transaction. Two writers from
 * the same version: the unique (patient, version) lets one win.
 */
export async function saveNextPlanVersion(
  access: PatientAccess,
  action: string,
  basedOnVersion: number,
  build: (current: Plan | null, tx: Tx, facts: LoadedCareFacts) => Promise<NextPlanVersion> | NextPlanVersion,
): Promise<{ version: number; changes: string[] }> {
  try {
    return await withPatientLocked(access.patientId, async (tx, facts) => {
      const [latest] = await planVersionRows(access.patientId, tx);
      if ((latest?.v.version ?? 0) !== basedOnVersion) throw new ConflictError(CONFLICT);
      const next = await build(latest?.v.plan ?? null, tx, facts);
      const version = basedOnVersion + 1;
      await tx.insert(planVersions).values({
        patientId: access.patientId,
        episodeId: facts.episode?.id ?? null,
        version,
        plan: next.plan,
        changes: next.changes,
        templateId: next.templateId,
        createdById: access.user.id,
        createdAt: new Date(),
      });
      await writeAudit(auditOf(access, action, `plan:v${version}`), tx);
      return { version, changes: next.changes };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(CONFLICT);
    throw error;
  }
}
