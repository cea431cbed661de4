import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { episodeEvents } from "@/db/schema/clinical-events";
import { episodes, type EpisodeStatus } from "@/db/schema/episodes";
import type { Tx } from "./care-facts";

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
    .orderBy(desc(episodes.openedAt), desc(episodes.createdAt))
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

/** Reopens a healed episode inside the caller's locked transaction, with the reason, as an event. */
export async function reopenInTx(tx: Tx, patientId: string, episodeId: string, reason: string, actorId: string | null): Promise<void> {
  const now = new Date();
  await tx.update(episodes).set({ status: "active", resolvedAt: null, updatedAt: now }).where(eq(episodes.id, episodeId));
  await tx.insert(episodeEvents).values({ patientId, episodeId, kind: "reopened", reason, actorId, occurredAt: now });
}
