import "server-only";
import { and, desc, eq, gte, lt } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { activityLogs } from "@/db/schema/activity";
import { clearances } from "@/db/schema/clearance";
import { planVersions } from "@/db/schema/plans";
import { activityInputSchema } from "@/lib/domain/activity";
import type { ClearanceLevel } from "@/lib/domain/clearance";
import { itemName } from "@/lib/domain/plan";
import { describeDose } from "@/lib/domain/plan-catalogue";
import { checkRunAgainstClearance, weekSoFarFor, type RunBreach } from "@/lib/domain/run-restrictions";
import { addDays, weekStart } from "@/lib/domain/schedule";
import { auditOf, authorizePatient, authorizeRole, readPatient } from "./access";
import { writeAudit } from "./audit-log";
import { fieldErrorsOf, ValidationError } from "./errors";
import { patientToday } from "./today";

export interface DayItem {
  key: string;
  name: string;
  dose: string;
  status: "done" | "skipped" | null;
}

export interface RunEntry {
  id: string;
  date: string;
  minutes: number;
  distanceKm: number;
  rpe: number;
  painDuring: number;
  painAfter: number;
  morningPain: number | null;
  breaches: string[];
}

export interface MyDay {
  date: string;
  items: DayItem[];
  runs: RunEntry[];
  clearanceLevel: ClearanceLevel | null;
}

export interface LogResult {
  /** Plain advice when a run broke the clearance; the care team sees the same run flagged. */
  breaches: Pick<RunBreach, "code" | "patientMessage">[];
}

async function currentClearance(patientId: string) {
  const [row] = await (await db())
    .select({ level: clearances.level, restrictions: clearances.restrictions })
    .from(clearances)
    .where(eq(clearances.patientId, patientId))
    .orderBy(desc(clearances.version))
    .limit(1);
  return row ?? { level: "not_cleared" as const, restrictions: null };
}

function toRun(r: typeof activityLogs.$inferSelect): RunEntry {
  return {
    id: r.id,
    date: r.localDate,
    minutes: r.minutes ?? 0,
    distanceKm: r.distanceKm ?? 0,
    rpe: r.rpe ?? 0,
    painDuring: r.painDuring ?? 0,
    painAfter: r.painAfter ?? 0,
    morningPain: r.morningPain,
    breaches: r.breaches ?? [],
  };
}

/** Today's plan items with what the patient logged, and this week's runs. */
export async function getMyDay(): Promise<MyDay> {
  const user = await authorizeRole("activity.view", ["patient"]);
  const access = await readPatient(user.patientId ?? "", "activity.view", { roles: ["patient"] });
  const date = await patientToday(access.patientId);
  const database = await db();
  const [[plan], logs, clearance] = await Promise.all([
    database.select({ plan: planVersions.plan }).from(planVersions).where(eq(planVersions.patientId, access.patientId)).orderBy(desc(planVersions.version)).limit(1),
    database
      .select()
      .from(activityLogs)
      .where(and(eq(activityLogs.patientId, access.patientId), gte(activityLogs.localDate, weekStart(date))))
      .orderBy(desc(activityLogs.createdAt)),
    currentClearance(access.patientId),
  ]);
  const todays = logs.filter((l) => l.localDate === date && l.kind === "item");
  return {
    date,
    clearanceLevel: clearance.level,
    items: (plan?.plan.items ?? [])
      .filter((i) => i.dose.kind !== "advice" && i.dose.kind !== "running")
      .map((i) => ({ key: i.key, name: itemName(i), dose: describeDose(i.dose), status: todays.find((l) => l.itemKey === i.key)?.status ?? null })),
    runs: logs.filter((l) => l.kind === "run").map(toRun),
  };
}

/**
 * The signed-in patient logs an item or a run. A run is checked against the clearance
 * (lib/domain/run-restrictions.ts); a breach is stored with it for the care team and returned
 * as plain advice. A repeated idempotency key returns the first answer and writes nothing.
 */
export async function logActivity(input: unknown): Promise<LogResult> {
  const user = await authorizeRole("activity.log", ["patient"]);
  const access = await authorizePatient(user.patientId ?? "", "activity.log", { roles: ["patient"] });
  const parsed = activityInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError("Please check what you entered.", fieldErrorsOf(parsed.error));
  }
  const entry = parsed.data;
  const today = await patientToday(access.patientId);
  if (entry.date > today || entry.date < addDays(today, -7)) {
    throw new ValidationError("Please check what you entered.", { date: ["Choose a day in the last week."] });
  }
  if (entry.kind === "item" && entry.status === "skipped" && !entry.skipReason) {
    throw new ValidationError("Please check what you entered.", { skipReason: ["Say why you skipped it, so your care team can help."] });
  }
  const database = await db();
  let breaches: RunBreach[] = [];
  if (entry.kind === "run") {
    const others = await database
      .select({ date: activityLogs.localDate, distanceKm: activityLogs.distanceKm })
      .from(activityLogs)
      .where(and(eq(activityLogs.patientId, access.patientId), eq(activityLogs.kind, "run"), gte(activityLogs.localDate, weekStart(entry.date))));
    breaches = checkRunAgainstClearance(
      { minutes: entry.minutes, distanceKm: entry.distanceKm, rpe: entry.rpe, painDuring: entry.painDuring, date: entry.date },
      await currentClearance(access.patientId),
      weekSoFarFor(entry.date, others.map((o) => ({ date: o.date, distanceKm: o.distanceKm ?? 0 }))),
    );
  }
  return database.transaction(async (tx) => {
    const inserted = await tx
      .insert(activityLogs)
      .values({
        patientId: access.patientId,
        idempotencyKey: entry.idempotencyKey,
        kind: entry.kind,
        localDate: entry.date,
        ...(entry.kind === "item"
          ? { itemKey: entry.itemKey, status: entry.status, skipReason: entry.skipReason || null }
          : { minutes: entry.minutes, distanceKm: entry.distanceKm, rpe: entry.rpe, painDuring: entry.painDuring, painAfter: entry.painAfter, breaches: breaches.map((b) => b.code) }),
      })
      .onConflictDoNothing({ target: activityLogs.idempotencyKey })
      .returning({ id: activityLogs.id });
    if (!inserted.length) {
      const [earlier] = await tx
        .select({ breaches: activityLogs.breaches })
        .from(activityLogs)
        .where(and(eq(activityLogs.idempotencyKey, entry.idempotencyKey), eq(activityLogs.patientId, access.patientId)));
      if (!earlier) throw new ValidationError("Please reload the page and try again.");
      return { breaches: breaches.filter((b) => earlier.breaches?.includes(b.code)).map(({ code, patientMessage }) => ({ code, patientMessage })) };
    }
    await writeAudit(auditOf(access, "activity.log", `activity:${inserted[0]!.id}`), tx);
    return { breaches: breaches.map(({ code, patientMessage }) => ({ code, patientMessage })) };
  });
}

/** The patient's runs of the last four weeks, breaches flagged, for the care team. */
export async function listRecentRuns(patientId: string): Promise<RunEntry[]> {
  await readPatient(patientId, "activity.view", { roles: ["physician", "therapist"] });
  const since = addDays(await patientToday(patientId), -28);
  const rows = await (await db())
    .select()
    .from(activityLogs)
    .where(and(eq(activityLogs.patientId, patientId), eq(activityLogs.kind, "run"), gte(activityLogs.localDate, since)))
    .orderBy(desc(activityLogs.localDate), desc(activityLogs.createdAt));
  return rows.map(toRun);
}

export const morningPainSchema = z.object({
  runId: z.uuid("Unknown run."),
  pain: z.coerce.number("Choose your pain from 0 to 10.").int("Choose your pain from 0 to 10.").min(0, "Choose your pain from 0 to 10.").max(10, "Choose your pain from 0 to 10."),
});

/** The morning after a run, the patient records their pain (DOMAIN.md §6 pain-monitoring rule). */
export async function logMorningPain(input: z.input<typeof morningPainSchema>): Promise<void> {
  const user = await authorizeRole("activity.log", ["patient"]);
  const access = await authorizePatient(user.patientId ?? "", "activity.log", { roles: ["patient"] });
  const { runId, pain } = morningPainSchema.parse(input);
  const today = await patientToday(access.patientId);
  await (await db()).transaction(async (tx) => {
    const updated = await tx
      .update(activityLogs)
      .set({ morningPain: pain })
      .where(and(eq(activityLogs.id, runId), eq(activityLogs.patientId, access.patientId), eq(activityLogs.kind, "run"), lt(activityLogs.localDate, today)))
      .returning({ id: activityLogs.id });
    if (!updated.length) throw new ValidationError("Please check what you entered.", { pain: ["Next-morning pain is for a run before today."] });
    await writeAudit(auditOf(access, "activity.morning_pain", `activity:${runId}`), tx);
  });
}
