/**
 * The walk/run programme in the demo clinic (DOMAIN.md §6): Hannah Kowalski signed off two weeks
 * ago and now at stage 3 (one good run of two there); Olu Adeyemi moved up to stage 2 and stepped
 * back to stage 1 after a painful run two days ago; Megan O'Brien and Jamal Carter, healed a week
 * ago, on their graded return to their usual weekly distance. Written after the clinical facts are
 * numbered, so each sign-off is newer than every red flag (db/schema/clinical-events.ts).
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { localDate } from "../lib/domain/schedule";
import type { Database } from "./client";
import { activityLogs } from "./schema/activity";
import { episodeEvents } from "./schema/clinical-events";
import { episodes } from "./schema/episodes";
import { patients } from "./schema/patients";
import { users } from "./schema/users";
import { returnToRunSignoffs } from "./schema/walk-run";

const DAY_MS = 86_400_000;
const CRITERIA = ["cleared", "no_red_flags", "pain_at_rest", "brisk_walk"];

/** Days ago, the stage the session was prescribed at, and pain during/after (calm runs settle by morning). */
type ProgrammeRun = [daysAgo: number, stage: number, pain?: number];

const programmes: { mrnIndex: number; signedDaysAgo: number; runs: ProgrammeRun[] }[] = [
  { mrnIndex: 8, signedDaysAgo: 14, runs: [[13, 1], [11, 1], [9, 2], [7, 2], [5, 3]] }, // Hannah Kowalski: stage 3
  { mrnIndex: 4, signedDaysAgo: 7, runs: [[6, 1], [4, 1], [2, 2, 6]] }, // Olu Adeyemi: up to 2, stepped back to 1
];

/** Healed a week ago (db/seed.ts), with the km run in the week before. */
const healed: { mrnIndex: number; weeklyKmAtHealing: number }[] = [
  { mrnIndex: 5, weeklyKmAtHealing: 24 }, // Megan O'Brien, usually 40 km a week
  { mrnIndex: 12, weeklyKmAtHealing: 45 }, // Jamal Carter, usually 70 km a week
];

async function patientOf(db: Database, mrnIndex: number) {
  const [p] = await db.select({ id: patients.id, timeZone: patients.timeZone }).from(patients).where(eq(patients.mrn, `RC-${100101 + mrnIndex}`));
  if (!p) return null;
  const [e] = await db.select({ id: episodes.id, resolvedAt: episodes.resolvedAt }).from(episodes).where(eq(episodes.patientId, p.id)).orderBy(desc(episodes.openedAt)).limit(1);
  return e ? { ...p, episodeId: e.id, resolvedAt: e.resolvedAt } : null;
}

export async function seedDemoWalkRun(db: Database, now: Date): Promise<void> {
  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY_MS);
  const [physician] = await db.select({ id: users.id }).from(users).where(eq(users.email, "dr.ortiz@runclear.example"));
  for (const demo of programmes) {
    const p = await patientOf(db, demo.mrnIndex);
    if (!p || !physician) continue;
    await db.insert(returnToRunSignoffs).values({
      patientId: p.id,
      episodeId: p.episodeId,
      criteria: CRITERIA,
      note: "Walked 30 minutes briskly at the visit without symptoms.",
      signedById: physician.id,
      signedAt: daysAgo(demo.signedDaysAgo),
    });
    await db.insert(activityLogs).values(
      demo.runs.map(([ago, stage, pain]) => {
        const date = localDate(daysAgo(ago), p.timeZone);
        return {
          patientId: p.id,
          idempotencyKey: randomUUID(),
          kind: "run" as const,
          localDate: date,
          minutes: 25,
          distanceKm: 3,
          rpe: 3,
          painBefore: 1,
          painDuring: pain ?? 2,
          painAfter: pain ?? 2,
          morningPain: pain === undefined ? 1 : null,
          programmeStage: stage,
          breaches: [],
          createdAt: new Date(`${date}T18:00:00Z`),
        };
      }),
    );
  }
  for (const h of healed) {
    const p = await patientOf(db, h.mrnIndex);
    if (!p?.resolvedAt) continue;
    const exists = await db.select({ id: episodeEvents.id }).from(episodeEvents).where(and(eq(episodeEvents.episodeId, p.episodeId), eq(episodeEvents.kind, "healed")));
    if (exists.length) continue;
    await db.insert(episodeEvents).values({ patientId: p.id, episodeId: p.episodeId, kind: "healed", actorId: physician?.id ?? null, occurredAt: p.resolvedAt, weeklyKmAtHealing: h.weeklyKmAtHealing });
  }
}
