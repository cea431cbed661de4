import { recoveryCourse, type RecoveryReason } from "./recovery-course";
import { daysBetween, type LocalDate } from "./schedule";

/**
 * # Clinic outcomes (issue 13 part 6): the figures, as pure functions of the outcome rows
 *
 * Each row is one patient's current episode as the maintained aggregate holds it
 * (db/schema/outcomes.ts). Changes are latest − baseline, so a negative change is an improvement
 * (pain 0–10 points, ODI percent points). A figure with no patient to count is null, never 0.
 */
export interface OutcomeRow {
  patientId: string;
  name: string;
  episodeStatus: "awaiting_exam" | "active" | "healed" | null;
  episodeStartedOn: LocalDate | null;
  rootCause: string | null;
  programmeStage: number | null;
  continuousOn: LocalDate | null;
  baselineOdi: number | null;
  latestOdi: number | null;
  baselinePain: number | null;
  latestPain: number | null;
  adherencePercent: number | null;
  /** Today on the patient's calendar. */
  today: LocalDate;
}

/** The weeks the share back to continuous running is read at. */
export const CONTINUOUS_WEEKS = [4, 8, 12] as const;

/** Adherence bands over the last 28 days; lower bound included. */
export const ADHERENCE_BANDS = [
  { key: "low", label: "Under 50 %", from: 0, to: 50 },
  { key: "mid", label: "50–80 %", from: 50, to: 80 },
  { key: "high", label: "80 % or more", from: 80, to: Infinity },
] as const;

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Share {
  count: number;
  of: number;
  /** count ÷ of as a whole percent; null when there is no one to count. */
  percent: number | null;
}

export function share(count: number, of: number): Share {
  return { count, of, percent: of === 0 ? null : Math.round((count / of) * 100) };
}

const change = (baseline: number | null, latest: number | null) => (baseline === null || latest === null ? null : latest - baseline);
export const odiChangeOf = (r: OutcomeRow) => change(r.baselineOdi, r.latestOdi);
export const painChangeOf = (r: OutcomeRow) => change(r.baselinePain, r.latestPain);

/** Rows of episodes opened by an exam (active or healed): the ones with a course to measure. */
export function examinedEpisodes(rows: readonly OutcomeRow[]): OutcomeRow[] {
  return rows.filter((r) => (r.episodeStatus === "active" || r.episodeStatus === "healed") && r.episodeStartedOn !== null);
}

export interface StageCount {
  stage: number;
  count: number;
}

/** Patients by the stage of their latest programme run, every stage listed (1 … stages). */
export function patientsByStage(rows: readonly OutcomeRow[], stages: number): { byStage: StageCount[]; notInProgramme: number } {
  const byStage = Array.from({ length: stages }, (_, i) => ({ stage: i + 1, count: rows.filter((r) => r.programmeStage === i + 1).length }));
  return { byStage, notInProgramme: rows.filter((r) => r.programmeStage === null).length };
}

export interface ContinuousShare extends Share {
  week: number;
}

/**
 * Share back to continuous running by week w: of episodes at least w weeks old today, those
 * whose first continuous run came within w weeks of the episode opening.
 */
export function continuousByWeek(rows: readonly OutcomeRow[], weeks: readonly number[] = CONTINUOUS_WEEKS): ContinuousShare[] {
  const episodes = examinedEpisodes(rows);
  return weeks.map((week) => {
    const old = episodes.filter((r) => daysBetween(r.episodeStartedOn!, r.today) >= week * 7);
    const back = old.filter((r) => r.continuousOn !== null && daysBetween(r.episodeStartedOn!, r.continuousOn) <= week * 7);
    return { week, ...share(back.length, old.length) };
  });
}

export interface ChangeSummary {
  /** Patients with both readings of the measure. */
  odiN: number;
  odiMedian: number | null;
  painN: number;
  painMedian: number | null;
}

export function changeSummary(rows: readonly OutcomeRow[]): ChangeSummary {
  const odi = rows.map(odiChangeOf).filter((v): v is number => v !== null);
  const pain = rows.map(painChangeOf).filter((v): v is number => v !== null);
  return { odiN: odi.length, odiMedian: median(odi), painN: pain.length, painMedian: median(pain) };
}

export interface CauseSummary extends ChangeSummary {
  /** The diagnosis id; null for episodes without a recorded root cause. */
  rootCause: string | null;
  patients: number;
}

/** Median ODI and pain change per root cause, the causes with most patients first. */
export function changesByRootCause(rows: readonly OutcomeRow[]): CauseSummary[] {
  const groups = new Map<string | null, OutcomeRow[]>();
  for (const r of examinedEpisodes(rows)) groups.set(r.rootCause, [...(groups.get(r.rootCause) ?? []), r]);
  return [...groups]
    .map(([rootCause, group]) => ({ rootCause, patients: group.length, ...changeSummary(group) }))
    .sort((a, b) => b.patients - a.patients || String(a.rootCause).localeCompare(String(b.rootCause)));
}

export interface BandSummary extends ChangeSummary {
  key: (typeof ADHERENCE_BANDS)[number]["key"];
  label: string;
  patients: number;
}

/** Adherence against outcome: the median changes of patients in each adherence band. */
export function outcomeByAdherence(rows: readonly OutcomeRow[]): BandSummary[] {
  const measured = examinedEpisodes(rows).filter((r) => r.adherencePercent !== null);
  return ADHERENCE_BANDS.map(({ key, label, from, to }) => {
    const group = measured.filter((r) => r.adherencePercent! >= from && r.adherencePercent! < to);
    return { key, label, patients: group.length, ...changeSummary(group) };
  });
}

export interface NonImprover {
  patientId: string;
  name: string;
  rootCause: string | null;
  weeksIn: number;
  reasons: RecoveryReason[];
  painChange: number | null;
  odiChange: number | null;
}

/** The week-6 rule (lib/domain/recovery-course.ts) read today, longest episodes first. */
export function weekSixNonImprovers(rows: readonly OutcomeRow[]): NonImprover[] {
  return examinedEpisodes(rows)
    .flatMap((r) => {
      const course = recoveryCourse(
        {
          episodeStatus: r.episodeStatus!,
          startedOn: r.episodeStartedOn!,
          baselinePain: r.baselinePain,
          latestPain: r.latestPain,
          baselineOdi: r.baselineOdi,
          latestOdi: r.latestOdi,
        },
        r.today,
      );
      if (!course.notImproving) return [];
      return [{ patientId: r.patientId, name: r.name, rootCause: r.rootCause, weeksIn: course.weeksIn, reasons: course.reasons, painChange: painChangeOf(r), odiChange: odiChangeOf(r) }];
    })
    .sort((a, b) => b.weeksIn - a.weeksIn || a.name.localeCompare(b.name));
}
