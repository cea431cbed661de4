import "server-only";
import { and, asc, desc, eq, gte } from "drizzle-orm";
import { db } from "@/db/client";
import { activityLogs } from "@/db/schema/activity";
import { checkIns } from "@/db/schema/check-ins";
import { clearances } from "@/db/schema/clearance";
import { patients } from "@/db/schema/patients";
import { planVersions } from "@/db/schema/plans";
import { adherence } from "@/lib/domain/adherence";
import { adherenceInputFrom } from "@/lib/domain/progress";
import { addDays, localDate, weekStart } from "@/lib/domain/schedule";
import { authorizeRole, readPatient } from "./access";

const WEEKS = 8;

export interface WeekPoint {
  week: string;
  adherencePercent: number | null;
  runMinutes: number;
}

export interface MyProgress {
  pain: { date: string; pain: number }[];
  weeks: WeekPoint[];
  /** Longest run × runs a week allowed by the clearance, for the restriction line; null if no limit. */
  weeklyRunLimit: number | null;
  /** When the usual 4–8 week course (DOMAIN.md §1) starts, from the plan's start. */
  courseStart: string | null;
}

/** The signed-in patient's pain, adherence and running over the last 8 weeks. */
export async function getMyProgress(): Promise<MyProgress> {
  const user = await authorizeRole("progress.view", ["patient"]);
  const { patientId } = await readPatient(user.patientId ?? "", "progress.view", { roles: ["patient"] });
  const database = await db();
  const [patient] = await database.select({ timeZone: patients.timeZone }).from(patients).where(eq(patients.id, patientId));
  const timeZone = patient?.timeZone ?? "UTC";
  const today = localDate(new Date(), timeZone);
  const from = addDays(weekStart(today), -7 * (WEEKS - 1));
  const [pains, logs, versions, [clearance]] = await Promise.all([
    database.select({ createdAt: checkIns.createdAt, pain: checkIns.painNow }).from(checkIns).where(and(eq(checkIns.patientId, patientId), gte(checkIns.createdAt, new Date(`${from}T00:00:00Z`)))).orderBy(asc(checkIns.createdAt)),
    database.select().from(activityLogs).where(and(eq(activityLogs.patientId, patientId), gte(activityLogs.localDate, from))),
    database.select({ plan: planVersions.plan, createdAt: planVersions.createdAt }).from(planVersions).where(eq(planVersions.patientId, patientId)).orderBy(asc(planVersions.version)),
    database.select({ level: clearances.level, restrictions: clearances.restrictions }).from(clearances).where(eq(clearances.patientId, patientId)).orderBy(desc(clearances.version)).limit(1),
  ]);
  const itemLogs = logs.flatMap((l) => (l.kind === "item" && l.itemKey && l.status ? [{ localDate: l.localDate, itemKey: l.itemKey, status: l.status }] : []));
  const report = versions.length
    ? adherence({
        ...adherenceInputFrom(
          versions.map((v, i) => ({ effectiveFrom: i === 0 ? v.plan.startDate : localDate(v.createdAt, timeZone), plan: v.plan })),
          itemLogs,
          timeZone,
        ),
        from,
        to: today,
      })
    : null;
  const weeks: WeekPoint[] = Array.from({ length: WEEKS }, (_, i) => {
    const week = addDays(from, 7 * i);
    const tally = report?.byWeek.find((w) => w.weekStart === week);
    return {
      week,
      adherencePercent: tally?.rate === null || tally?.rate === undefined ? null : Math.round(tally.rate * 100),
      runMinutes: logs.filter((l) => l.kind === "run" && weekStart(l.localDate) === week).reduce((sum, l) => sum + (l.minutes ?? 0), 0),
    };
  });
  const limits = clearance?.level === "restricted" ? clearance.restrictions : null;
  return {
    pain: pains.map((p) => ({ date: localDate(p.createdAt, timeZone), pain: p.pain })),
    weeks,
    weeklyRunLimit: limits?.maxRunMinutes && limits.runsPerWeek ? limits.maxRunMinutes * limits.runsPerWeek : null,
    courseStart: versions[0]?.plan.startDate ?? null,
  };
}
