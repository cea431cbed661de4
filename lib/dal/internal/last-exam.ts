import "server-only";
import { and, desc, eq, inArray, sql, type Placeholder } from "drizzle-orm";
import { episodeEvents } from "@/db/schema/clinical-events";
import { episodes } from "@/db/schema/episodes";
import { exams } from "@/db/schema/exams";
import type { SignedExamSummary } from "@/lib/domain/clearance";
import { hasBilateralSigns, type ExamDraft } from "@/lib/domain/exam";
import type { Executor } from "./care-facts";
import { preparedRead } from "./prepared-read";
import { perRequest } from "./request-scope";

export interface LastSignedExam extends SignedExamSummary {
  findings: ExamDraft;
}

function lastSignedExamQuery(executor: Executor, patientId: string | Placeholder) {
  // One query: the current episode, and in it the newest exam signed after its last reopening.
  const currentEpisode = executor
    .select({ id: episodes.id })
    .from(episodes)
    .where(eq(episodes.patientId, patientId))
    .orderBy(desc(episodes.openedAt), desc(episodes.createdAt))
    .limit(1);
  const lastReopened = sql`(select max(${episodeEvents.occurredAt}) from ${episodeEvents} where ${episodeEvents.episodeId} = ${exams.episodeId} and ${episodeEvents.kind} = 'reopened')`;
  return executor
    .select({ signedAt: exams.signedAt, painNow: exams.painNow, hasMotorDeficit: exams.hasMotorDeficit, findings: exams.findings })
    .from(exams)
    .where(
      and(
        eq(exams.patientId, patientId),
        inArray(exams.episodeId, currentEpisode),
        eq(exams.status, "signed"),
        sql`${exams.signedAt} > coalesce(${lastReopened}, '-infinity'::timestamptz)`,
      ),
    )
    .orderBy(desc(exams.signedAt))
    .limit(1);
}

function summaryOf(exam: Awaited<ReturnType<typeof lastSignedExamQuery>>[number] | undefined): LastSignedExam | null {
  if (!exam?.signedAt || exam.painNow === null) return null;
  return {
    signedAt: exam.signedAt,
    painNow: exam.painNow,
    hasMotorDeficit: exam.hasMotorDeficit ?? false,
    hasBilateralSigns: hasBilateralSigns(exam.findings),
    findings: exam.findings,
  };
}

/**
 * The latest signed exam a decision may rest on, with what the clearance and plan rules read from
 * it: one of the current episode, signed since the episode was last reopened (symptoms that came
 * back are examined again). An exam of an earlier episode never backs a clearance in this one.
 * Checks nothing.
 */
export async function lastSignedExam(executor: Executor, patientId: string): Promise<LastSignedExam | null> {
  const [exam] = await lastSignedExamQuery(executor, patientId);
  return summaryOf(exam);
}

const lastSignedExamRead = preparedRead(["patientId"], (database, at) => lastSignedExamQuery(database, at.patientId));

/**
 * The same, read once per request for pages (the chart's summary, the clearance page). A
 * decision reads `lastSignedExam(tx, …)` inside its transaction under the patient's lock instead.
 */
export const lastSignedExamOfRequest = perRequest(async (patientId: string) => summaryOf((await lastSignedExamRead({ patientId }))[0]));
