import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { exams } from "@/db/schema/exams";
import type { SignedExamSummary } from "@/lib/domain/clearance";
import { hasBilateralSigns, type ExamDraft } from "@/lib/domain/exam";
import type { Executor } from "./care-facts";

export interface LastSignedExam extends SignedExamSummary {
  findings: ExamDraft;
}

/** The patient's latest signed exam, with what the clearance and plan rules read from it. Checks nothing. */
export async function lastSignedExam(executor: Executor, patientId: string): Promise<LastSignedExam | null> {
  const [exam] = await executor
    .select({ signedAt: exams.signedAt, painNow: exams.painNow, hasMotorDeficit: exams.hasMotorDeficit, findings: exams.findings })
    .from(exams)
    .where(and(eq(exams.patientId, patientId), eq(exams.status, "signed")))
    .orderBy(desc(exams.signedAt))
    .limit(1);
  if (!exam?.signedAt || exam.painNow === null) return null;
  return {
    signedAt: exam.signedAt,
    painNow: exam.painNow,
    hasMotorDeficit: exam.hasMotorDeficit ?? false,
    hasBilateralSigns: hasBilateralSigns(exam.findings),
    findings: exam.findings,
  };
}
