import { adherenceBeforeEach } from "./adherence";
import { needWeight, type CareAlert } from "./care-state";
import { itemName } from "./plan";
import { activityAdherenceInput, type PatientActivity } from "./progress";
import { addDays, daysBetween, type LocalDate } from "./schedule";

/**
 * What a therapist or physician needs at a glance about a patient between visits: adherence over
 * the last 7 and 28 days, when they last logged, where their pain is going, and four flags.
 *
 * The thresholds are product choices for follow-up, not guideline numbers:
 * - adherence under 50 % over the last 7 complete days: half the plan or less is not a plan;
 * - pain up 2 or more points (0–10 scale) within 7 days: the usual minimal important change for
 *   the numeric rating scale is about 2 points;
 * - no log for 3 days or more, while a plan is in force.
 * Safety alerts (red flags, the pain rule, runs beyond the clearance, reviews) belong to the state
 * in force (lib/domain/care-state.ts); lists sort by both.
 */
export const LOW_ADHERENCE = 0.5;
export const PAIN_RISE = 2;
/** How far back the latest pain is looked for: older than four weeks is not a current pain. */
export const PAIN_DAYS = 28;
export const SILENT_DAYS = 3;

/**
 * The version of the rules whose results lists keep (db/schema/adherence-summaries.ts,
 * db/schema/caseload-ranks.ts): the figures, flags and skip notes of `summarizeActivity` and the
 * need score (its flag weights here, the alert weights of lib/domain/care-state.ts). A kept
 * result made under another version is derived again. Raise it whenever the same facts would give
 * another summary or score: tests/unit/caseload.test.ts fails until you do.
 */
export const LIST_RULES_VERSION = 1;

export type FlagCode = "pain_rising" | "low_adherence" | "no_recent_log";

export interface Flag {
  code: FlagCode;
  label: string;
}

export interface PainTrend {
  /** The latest pain of the last PAIN_DAYS days; null without a check-in in them. */
  latest: number | null;
  /** Latest pain of the last 7 days minus the latest of the 7 days before them; null without both. */
  change: number | null;
}

export interface AdherenceSummary {
  last7: number | null;
  last28: number | null;
  lastLogDate: LocalDate | null;
  pain: PainTrend;
  flags: Flag[];
  /** Items the patient skipped in the last 7 days with what they said, newest first. */
  recentSkips: SkipNote[];
}

export interface SkipNote {
  date: LocalDate;
  item: string;
  /** Empty when the patient gave none (older logs). */
  reason: string;
}

/** Skips logged on the 7 days before today and today, newest first, named as the plan names them. */
function recentSkipsOf(activity: PatientActivity, today: LocalDate): SkipNote[] {
  const from = addDays(today, -7);
  const names = new Map(activity.versions.flatMap((v) => v.plan.items.map((i) => [i.key, itemName(i)] as const)));
  return activity.itemLogs
    .filter((l) => l.status === "skipped" && l.localDate >= from && l.localDate <= today)
    .map((l) => ({ date: l.localDate, item: names.get(l.itemKey) ?? "A plan item", reason: l.skipReason ?? "" }))
    // Newest first; on one day by item and reason, so every screen lists them in the same order
    // whatever order the database handed the logs over in.
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.item.localeCompare(b.item) || a.reason.localeCompare(b.reason)));
}

// Which flag matters most when sorting by need: rising pain can mean harm.
const FLAG_WEIGHT: Record<FlagCode, number> = { pain_rising: 4, low_adherence: 2, no_recent_log: 1 };

/**
 * Reads only the check-ins of the last PAIN_DAYS days, whatever history a view loaded (a list loads
 * 5 weeks, a patient's adherence view 8), so every screen shows a patient the same pain and flag.
 */
function painTrend(pains: PatientActivity["pains"], today: LocalDate): PainTrend {
  const weekAgo = addDays(today, -7);
  const inWindow = pains.filter((p) => p.localDate > addDays(today, -PAIN_DAYS) && p.localDate <= today);
  const recent = inWindow.filter((p) => p.localDate > weekAgo).at(-1);
  const before = inWindow.filter((p) => p.localDate <= weekAgo && p.localDate > addDays(weekAgo, -7)).at(-1);
  return {
    latest: inWindow.at(-1)?.pain ?? null,
    change: recent && before ? recent.pain - before.pain : null,
  };
}

/**
 * `today` is the patient's local date; today's logs count for the last log, not for adherence.
 * Once the episode has healed there is nothing left to follow up, so no flag is raised.
 */
export function summarizeActivity(activity: PatientActivity, today: LocalDate): AdherenceSummary {
  const [week, month] = activity.versions.length ? adherenceBeforeEach(today, [7, 28], activityAdherenceInput(activity)) : [];
  const last7 = week?.overall.rate ?? null;
  const last28 = month?.overall.rate ?? null;
  const { lastLogDate } = activity;
  const pain = painTrend(activity.pains, today);
  const planStart = activity.versions[0]?.effectiveFrom ?? null;

  const flags: Flag[] = [];
  const recentSkips = activity.healed ? [] : recentSkipsOf(activity, today);
  if (activity.healed) return { last7, last28, lastLogDate, pain, flags, recentSkips };
  if (pain.change !== null && pain.change >= PAIN_RISE) flags.push({ code: "pain_rising", label: `Pain up ${pain.change} points in 7 days` });
  if (last7 !== null && last7 < LOW_ADHERENCE) flags.push({ code: "low_adherence", label: `Did ${Math.round(last7 * 100)}% of the plan in 7 days` });
  if (lastLogDate !== null && daysBetween(lastLogDate, today) >= SILENT_DAYS) {
    flags.push({ code: "no_recent_log", label: `No log for ${daysBetween(lastLogDate, today)} days` });
  } else if (lastLogDate === null && planStart !== null && daysBetween(planStart, today) >= SILENT_DAYS) {
    flags.push({ code: "no_recent_log", label: "Nothing logged since the plan started" });
  }
  return { last7, last28, lastLogDate, pain, flags, recentSkips };
}

export interface NeedRow {
  name: string;
  openRedFlags: number;
  /** The state in force's alerts (lib/domain/care-state.ts). */
  alerts: readonly CareAlert[];
  summary: AdherenceSummary;
}

export function needScore(row: Pick<NeedRow, "alerts" | "summary">): number {
  return needWeight(row.alerts) + row.summary.flags.reduce((sum, f) => sum + FLAG_WEIGHT[f.code], 0);
}

/** What a patient's place in a caseload is decided by: small enough to keep (db/schema/caseload-ranks.ts). */
export interface NeedRank {
  name: string;
  healed: boolean;
  openRedFlags: number;
  needScore: number;
  last7: number | null;
}

export function rankOf(row: NeedRow, healed = false): NeedRank {
  return { name: row.name, healed, openRedFlags: row.openRedFlags, needScore: needScore(row), last7: row.summary.last7 };
}

/**
 * Most in need first: an open red flag above all (DOMAIN.md §2), then the weight of the safety
 * alerts and follow-up flags, then the lowest 7-day adherence (no figure last), then by name.
 * Patients whose episode has healed come after everyone still followed.
 */
export function byRank(a: NeedRank, b: NeedRank): number {
  return (
    Number(a.healed) - Number(b.healed) ||
    Number(b.openRedFlags > 0) - Number(a.openRedFlags > 0) ||
    b.needScore - a.needScore ||
    (a.last7 ?? 2) - (b.last7 ?? 2) ||
    a.name.localeCompare(b.name)
  );
}

/** `byRank` for rows of one kind (all followed, or all healed). */
export function byNeed(a: NeedRow, b: NeedRow): number {
  return byRank(rankOf(a), rankOf(b));
}
