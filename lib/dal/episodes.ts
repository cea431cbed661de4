import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { activityLogs } from "@/db/schema/activity";
import { episodeEvents } from "@/db/schema/clinical-events";
import { episodes } from "@/db/schema/episodes";
import { authorizeClinicalWrite, auditOf } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { careState } from "@/lib/domain/care-state";
import { healBlocker } from "@/lib/domain/permission-wording";
import { addDays } from "@/lib/domain/schedule";
import { ValidationError } from "./errors";
import { withPatientLocked } from "./internal/care-facts";
import { reopenInTx } from "./internal/episodes";

export type { Tx } from "./internal/care-facts";

export const markHealedSchema = z.object({
  confirm: z.literal("healed", "Tick the box to confirm the episode is healed."),
});

/**
 * The physician marks the episode healed: the runner returns to training gradually. Refused
 * while a red flag of either tier is open (DOMAIN.md §10.2), and only with the confirmation,
 * checked under the patient's row lock so a check-in a moment before is seen.
 */
export async function markEpisodeHealed(patientId: string, input: z.input<typeof markHealedSchema>): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "episode.heal");
  const parsed = markHealedSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Confirm that the episode is healed.", { confirm: ["Tick the box to confirm the episode is healed."] });
  await withPatientLocked(patientId, async (tx, facts) => {
    if (facts.episode?.status !== "active") throw new ValidationError("Only an episode under care can be marked healed.");
    const blocked = healBlocker(careState(facts).permission);
    if (blocked) throw new ValidationError(blocked);
    const now = new Date();
    await tx.update(episodes).set({ status: "healed", resolvedAt: now, updatedAt: now }).where(eq(episodes.id, facts.episode.id));
    // The graded return to training starts from what the runner ran in the week before (lib/domain/walk-run.ts).
    const [week] = await tx
      .select({ km: sql<number | null>`sum(${activityLogs.distanceKm})` })
      .from(activityLogs)
      .where(and(eq(activityLogs.patientId, patientId), eq(activityLogs.kind, "run"), gt(activityLogs.localDate, addDays(facts.today, -7))));
    const weeklyKmAtHealing = week?.km === null || week?.km === undefined ? 0 : Math.round(Number(week.km) * 10) / 10;
    await tx.insert(episodeEvents).values({ patientId, episodeId: facts.episode.id, kind: "healed", actorId: access.user.id, occurredAt: now, weeklyKmAtHealing });
    await writeAudit(auditOf(access, "episode.heal", `episode:${facts.episode.id}`), tx);
  });
}

export const reopenEpisodeSchema = z.object({
  reason: z.string().trim().min(10, "Say why the episode is reopened (at least 10 characters).").max(1000, "Keep the reason under 1,000 characters."),
});

/** Reopens a healed episode with a reason; any clearance decided before needs deciding again. */
export async function reopenEpisode(patientId: string, input: z.input<typeof reopenEpisodeSchema>): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "episode.reopen");
  const parsed = reopenEpisodeSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Please correct the highlighted field.", { reason: parsed.error.issues.map((i) => i.message) });
  await withPatientLocked(patientId, async (tx, facts) => {
    if (facts.episode?.status !== "healed") throw new ValidationError("Only a healed episode can be reopened.");
    await reopenInTx(tx, patientId, facts.episode.id, parsed.data.reason, access.user.id);
    await writeAudit(auditOf(access, "episode.reopen", `episode:${facts.episode.id}`), tx);
  });
}
