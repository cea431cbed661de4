/**
 * About six weeks of home logs for the demo clinic: plan items done or skipped, runs for those
 * cleared to run, and weekly check-ins. Adherence and pain follow a story per patient: steady,
 * poor adherence, worsening, and one red flag reported from home that no one has seen yet.
 * Logs run up to yesterday, so today's page starts empty; some patients have gone quiet, had a
 * jump in pain or run too long in the last week, so each therapist's caseload has a spread to sort.
 */
import { randomUUID } from "node:crypto";
import type { Plan } from "../lib/domain/plan";
import { doseCadence } from "../lib/domain/plan-catalogue";
import { patientRedFlagIds, type RedFlagId } from "../lib/domain/red-flags";
import { addDays, weekStart } from "../lib/domain/schedule";

export interface ActivityStory {
  /** Share of scheduled items done, 0–1. */
  adherence: number;
  /** Pain at the first and the last check-in. */
  pain: [number, number];
  runsPerWeek: number;
  runMinutes: number;
  /** A red flag reported at the last check-in. */
  redFlag?: RedFlagId;
  /** Days before yesterday on which the patient stopped logging anything. */
  quietDays?: number;
  /** Points added to the last check-in's pain: a sudden rise. */
  painJump?: number;
  /** Minutes of one run in the last week that went over the clearance's longest run. */
  overran?: number;
  /** Pain during and after the last run: above 5/10 the pain rule steps back (DOMAIN.md §6). */
  painfulLastRun?: number;
}

export const activityStories: Record<number, ActivityStory> = {
  0: { adherence: 0.85, pain: [6, 3], runsPerWeek: 2, runMinutes: 18 }, // Sam Rivera: steady
  1: { adherence: 0.9, pain: [5, 2], runsPerWeek: 3, runMinutes: 25 }, // Priya Natarajan
  3: { adherence: 0.5, pain: [5, 5], runsPerWeek: 0, runMinutes: 0, painJump: 2 }, // Grace Liu: worsening
  4: { adherence: 0.45, pain: [4, 1], runsPerWeek: 3, runMinutes: 30, painfulLastRun: 6 }, // Olu Adeyemi: under half, and a painful run: step back
  7: { adherence: 0.35, pain: [4, 4], runsPerWeek: 2, runMinutes: 20, quietDays: 4 }, // Marcus Bell: poor adherence, gone quiet
  8: { adherence: 0.7, pain: [4, 2], runsPerWeek: 2, runMinutes: 18, overran: 30 }, // Hannah Kowalski: one run too long
  9: { adherence: 0.95, pain: [3, 1], runsPerWeek: 4, runMinutes: 35 }, // Diego Alvarez
  11: { adherence: 0.6, pain: [6, 5], runsPerWeek: 0, runMinutes: 0 }, // Elena Petrova
  13: { adherence: 0.8, pain: [5, 4], runsPerWeek: 2, runMinutes: 18, redFlag: "progressive_leg_weakness" }, // Kenji Watanabe
};

// A fixed pseudo-random sequence, so the demo clinic is the same every time it is seeded.
function sequence(seed: number) {
  let x = seed + 1;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

const SKIP_REASONS = ["Too sore this morning", "Busy day at work", "Forgot", "Travelling"];

/**
 * `runsFrom` and `runsUntil`: the days the patient's clearance was in force (runs are only logged
 * then; a red flag or an overdue review ends it).
 */
export function demoActivity(story: ActivityStory, plan: Plan, today: string, seed: number, runsFrom: string | null, runsUntil: string | null = null) {
  const random = sequence(seed);
  const yesterday = addDays(today, -1);
  const start = addDays(yesterday, -41);
  const end = addDays(yesterday, -(story.quietDays ?? 0));
  const items: { localDate: string; itemKey: string; status: "done" | "skipped"; skipReason: string | null }[] = [];
  const runs: { localDate: string; minutes: number; distanceKm: number; rpe: number; painBefore: number; painDuring: number; painAfter: number; morningPain: number | null; breaches: string[] }[] = [];
  const checkIns: { localDate: string; painNow: number; redFlags: Record<string, boolean> }[] = [];
  const loggable = plan.items.filter((i) => i.dose.kind !== "advice" && i.dose.kind !== "running");
  for (let day = 0; day <= 41; day++) {
    const date = addDays(start, day);
    if (date < plan.startDate || date > end) continue;
    const progress = day / 41;
    for (const item of loggable) {
      const roll = random();
      // A done day ticks every time the item is due that day (3 for a heat pack 3 times a day).
      const times = doseCadence(item.dose)?.timesPerDay ?? 1;
      if (roll < story.adherence) for (let t = 0; t < times; t++) items.push({ localDate: date, itemKey: item.key, status: "done", skipReason: null });
      else if (roll < story.adherence + 0.1) items.push({ localDate: date, itemKey: item.key, status: "skipped", skipReason: SKIP_REASONS[Math.floor(random() * SKIP_REASONS.length)]! });
    }
    const pain = Math.round(story.pain[0] + (story.pain[1] - story.pain[0]) * progress);
    // Runs stay inside each patient's limits, except the one run a story says went over.
    // At most the story's runs in any Monday–Sunday week, below every demo limit, so a run the
    // tests log this week is never over the runs-a-week limit because of the demo data.
    const runsThisWeek = runs.filter((r) => weekStart(r.localDate) === weekStart(date)).length;
    if (runsFrom && date >= runsFrom && (!runsUntil || date <= runsUntil) && runsThisWeek < story.runsPerWeek && day % 7 < story.runsPerWeek * 2 && day % 2 === 0) {
      const overran = story.overran !== undefined && date > addDays(today, -7) && !runs.some((r) => r.breaches.length);
      const minutes = overran ? story.overran! : story.runMinutes - Math.round(random() * 3);
      runs.push({
        localDate: date,
        minutes,
        distanceKm: Math.round(minutes * 0.16 * 10) / 10,
        rpe: 3 + Math.round(random()),
        painBefore: Math.max(0, Math.min(3, pain - 1)),
        painDuring: Math.max(0, Math.min(3, pain - 1)),
        painAfter: Math.min(3, pain),
        // Calm runs settled by the next morning; the newest may still wait for its morning score.
        morningPain: Math.max(0, Math.min(3, pain - 1)),
        breaches: overran ? ["too_long"] : [],
      });
    }
    if (day % 7 === 6) {
      const last = day === 41;
      checkIns.push({
        localDate: date,
        painNow: Math.min(10, pain + (last ? (story.painJump ?? 0) : 0)),
        redFlags: Object.fromEntries(patientRedFlagIds.map((id) => [id, last && story.redFlag === id])),
      });
    }
  }
  const last = runs.at(-1);
  if (last && story.painfulLastRun !== undefined) Object.assign(last, { painDuring: story.painfulLastRun, painAfter: story.painfulLastRun, morningPain: null });
  return { items, runs, checkIns, key: () => randomUUID() };
}
