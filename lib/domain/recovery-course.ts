import { daysBetween, type LocalDate } from "./schedule";

/**
 * # Recovery against the usual course (issue 13 part 4)
 *
 * Most episodes of sciatica settle within 4–8 weeks (DOMAIN.md §1). A patient who is not clearly
 * better by week 6 is flagged for review, with a prompt to consider the next step of the treatment
 * ladder (physical therapy, a specialist referral).
 *
 * **Reading of the rule.**
 * - Week 6 is reached 42 days after the episode opened (the first signed exam); from then on, and
 *   only while the episode is active (not awaiting its exam, not healed), the rule applies.
 * - Pain (0–10): the baseline is the first signed exam's pain in the episode, or, without one, the
 *   first check-in of the episode; the latest is the latest check-in. It counts as improving when
 *   it is down by 30 % or more of the baseline: (baseline − latest) ÷ baseline ≥ 0.30 (30 % is the
 *   usual "moderately important" change for the pain rating scale). A baseline of 0 cannot improve
 *   and is not judged; nor is pain with no reading after the baseline.
 * - ODI (percent): judged only when measured at least twice in the episode; improving when the
 *   latest is 10 points or more below the first (DOMAIN.md §5: about 10 points is meaningful).
 * - Flagged when either measure that can be judged is not improving ("pain not down by 30 %, or
 *   ODI not down by 10 points"). With neither measure judgeable the rule says nothing: the flag
 *   is a prompt for review, not a verdict on missing data.
 */
export const REVIEW_WEEK = 6;
export const REVIEW_DAY = REVIEW_WEEK * 7;
/** Share of the baseline pain that must be gone. */
export const PAIN_DROP = 0.3;
/** ODI points that must be gone (DOMAIN.md §5). */
export const ODI_DROP = 10;

export interface RecoveryFacts {
  episodeStatus: "awaiting_exam" | "active" | "healed";
  /** The patient's local date the episode opened on. */
  startedOn: LocalDate;
  baselinePain: number | null;
  /** The latest pain reading after the baseline; null without one. */
  latestPain: number | null;
  baselineOdi: number | null;
  /** The latest ODI when the episode has two or more; null otherwise. */
  latestOdi: number | null;
}

export type RecoveryReason = "pain" | "odi";

export interface RecoveryCourse {
  /** Whole weeks since the episode opened (week 0 is the first seven days). */
  weeksIn: number;
  notImproving: boolean;
  /** Which measures are not improving, when flagged. */
  reasons: RecoveryReason[];
}

/** Whether pain is down by 30 % or more; null when it cannot be judged. */
export function painImproved(baseline: number | null, latest: number | null): boolean | null {
  if (baseline === null || latest === null || baseline <= 0) return null;
  // Integers 0–10: compare in tenths to keep 30 % of 10 (3 points) exact.
  return (baseline - latest) * 10 >= baseline * PAIN_DROP * 10;
}

/** Whether ODI is down by 10 points or more; null when it cannot be judged. */
export function odiImproved(baseline: number | null, latest: number | null): boolean | null {
  if (baseline === null || latest === null) return null;
  return baseline - latest >= ODI_DROP;
}

export function recoveryCourse(facts: RecoveryFacts, today: LocalDate): RecoveryCourse {
  const days = daysBetween(facts.startedOn, today);
  const weeksIn = Math.max(0, Math.floor(days / 7));
  if (facts.episodeStatus !== "active" || days < REVIEW_DAY) return { weeksIn, notImproving: false, reasons: [] };
  const reasons: RecoveryReason[] = [];
  if (painImproved(facts.baselinePain, facts.latestPain) === false) reasons.push("pain");
  if (odiImproved(facts.baselineOdi, facts.latestOdi) === false) reasons.push("odi");
  return { weeksIn, notImproving: reasons.length > 0, reasons };
}

export const NOT_IMPROVING_LABEL = "Not improving by week 6: consider physical therapy or a specialist referral";
