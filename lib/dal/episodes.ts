import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db, type Database } from "@/db/client";
import { episodes, type EpisodeStatus } from "@/db/schema/episodes";
import { authorizeClinicalWrite, auditOf } from "./access";
import { writeAudit } from "./audit-log";
import { ValidationError } from "./errors";

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface EpisodeSummary {
  id: string;
  status: EpisodeStatus;
  openedAt: Date;
  resolvedAt: Date | null;
}

/** The patient's latest episode. Callers have authorized the patient. */
export async function latestEpisode(patientId: string, executor?: Tx): Promise<EpisodeSummary | null> {
  const [row] = await (executor ?? (await db()))
    .select({ id: episodes.id, status: episodes.status, openedAt: episodes.openedAt, resolvedAt: episodes.resolvedAt })
    .from(episodes)
    .where(eq(episodes.patientId, patientId))
    .orderBy(desc(episodes.openedAt))
    .limit(1);
  return row ?? null;
}

/**
 * The episode a new exam belongs to: the first exam opens it (awaiting_exam → active, dated
 * from the exam); after a healed episode a new one opens.
 */
export async function episodeForNewExam(tx: Tx, patientId: string, now: Date): Promise<string> {
  const current = await latestEpisode(patientId, tx);
  if (current && current.status === "active") return current.id;
  if (current && current.status === "awaiting_exam") {
    await tx.update(episodes).set({ status: "active", openedAt: now, updatedAt: now }).where(eq(episodes.id, current.id));
    return current.id;
  }
  const [created] = await tx.insert(episodes).values({ patientId, status: "active", openedAt: now }).returning({ id: episodes.id });
  return created!.id;
}

/** The physician marks the episode healed: the plan then returns the runner to full training. */
export async function markEpisodeHealed(patientId: string): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "episode.heal");
  const now = new Date();
  await (await db()).transaction(async (tx) => {
    const updated = await tx
      .update(episodes)
      .set({ status: "healed", resolvedAt: now, updatedAt: now })
      .where(and(eq(episodes.patientId, patientId), eq(episodes.status, "active")))
      .returning({ id: episodes.id });
    if (!updated.length) throw new ValidationError("Only an episode under care can be marked healed.");
    await writeAudit(auditOf(access, "episode.heal", `episode:${updated[0]!.id}`), tx);
  });
}
