import { localDate } from "./schedule";

/**
 * Where today's visit stands, derived from the record alone: nothing about a visit is stored.
 * A visit is anchored on the latest exam: while it is a draft the exam is the step in hand; once
 * it is signed, each later step counts as done when its record was made after that signature.
 */
export const VISIT_STEPS = ["exam", "diagnosis", "clearance", "plan", "referral"] as const;
export type VisitStepKey = (typeof VISIT_STEPS)[number];

export interface VisitFacts {
  /** The newest exam of the patient, if any. */
  latestExam: { id: string; status: "draft" | "signed"; signedAt: Date | null } | null;
  diagnosisRecordedAt: Date | null;
  clearanceSignedAt: Date | null;
  planSavedAt: Date | null;
  /** The newest referral of either kind. */
  referralMadeAt: Date | null;
}

export type VisitStepStatus = "done" | "current" | "upcoming";

export interface VisitStep {
  key: VisitStepKey;
  label: string;
  status: VisitStepStatus;
}

export interface Visit {
  /** The exam the visit hangs on; null when no exam was started. */
  examId: string | null;
  examSignedAt: Date | null;
  steps: VisitStep[];
  /** The first step not yet done, or null once the visit is complete. */
  next: VisitStepKey | null;
}

export const visitStepLabels: Record<VisitStepKey, string> = {
  exam: "Examination",
  diagnosis: "Diagnosis",
  clearance: "Clearance",
  plan: "Care plan",
  referral: "Referral",
};

function after(time: Date | null, anchor: Date): boolean {
  return time !== null && time.getTime() >= anchor.getTime();
}

export function visitOf(facts: VisitFacts): Visit {
  const exam = facts.latestExam;
  const signedAt = exam?.status === "signed" ? exam.signedAt : null;
  const done: Record<VisitStepKey, boolean> = {
    exam: signedAt !== null,
    diagnosis: signedAt !== null && after(facts.diagnosisRecordedAt, signedAt),
    clearance: signedAt !== null && after(facts.clearanceSignedAt, signedAt),
    plan: signedAt !== null && after(facts.planSavedAt, signedAt),
    referral: signedAt !== null && after(facts.referralMadeAt, signedAt),
  };
  const next = VISIT_STEPS.find((key) => !done[key]) ?? null;
  return {
    examId: exam?.id ?? null,
    examSignedAt: signedAt,
    next,
    steps: VISIT_STEPS.map((key) => ({ key, label: visitStepLabels[key], status: done[key] ? "done" : key === next ? "current" : "upcoming" })),
  };
}

/** A visit is open from starting an exam until the end of the day it was signed (in the patient's zone). */
export function visitIsOpen(visit: Visit, now: Date, timeZone: string): boolean {
  if (visit.examId === null) return false;
  if (visit.examSignedAt === null) return true;
  return localDate(visit.examSignedAt, timeZone) === localDate(now, timeZone);
}

/**
 * The disc level that usually compresses a root: a posterolateral herniation catches the
 * traversing root, so L5 radiculopathy points to the L4-L5 disc (NICE CKS sciatica; standard anatomy).
 */
export const discLevelForRoot: Record<string, "L3-L4" | "L4-L5" | "L5-S1"> = { L4: "L3-L4", L5: "L4-L5", S1: "L5-S1" };
