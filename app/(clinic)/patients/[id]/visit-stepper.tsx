import Link from "next/link";
import { getClearance } from "@/lib/dal/clearance";
import { getDiagnoses } from "@/lib/dal/diagnoses";
import { listExams } from "@/lib/dal/exams";
import { getPlan } from "@/lib/dal/plans";
import { listReferrals } from "@/lib/dal/referrals";
import { visitIsOpen, visitOf, type Visit, type VisitStepKey } from "@/lib/domain/visit";

const nextLabel: Record<VisitStepKey, string> = {
  exam: "Finish and sign the examination",
  diagnosis: "Next: record the diagnosis",
  clearance: "Next: decide the clearance",
  plan: "Next: write the care plan",
  referral: "Next: refer to physical therapy",
};

function stepHref(patientId: string, visit: Visit, key: VisitStepKey): string {
  const base = `/patients/${patientId}`;
  if (key === "exam") return visit.examId ? `${base}/exams/${visit.examId}` : `${base}/exams/new`;
  return key === "referral" ? `${base}/referrals` : `${base}/${key}`;
}

function newest(...times: (Date | undefined)[]): Date | null {
  const known = times.filter((t): t is Date => t !== undefined);
  return known.length ? new Date(Math.max(...known.map((t) => t.getTime()))) : null;
}

interface VisitRecord {
  exams: Awaited<ReturnType<typeof listExams>>;
  diagnoses: Awaited<ReturnType<typeof getDiagnoses>>;
  clearance: Awaited<ReturnType<typeof getClearance>>;
  plan: Awaited<ReturnType<typeof getPlan>>;
  referrals: Awaited<ReturnType<typeof listReferrals>>;
}

/** The visit from reads a page already made (the chart loads all of them anyway). */
export function visitFromRecord({ exams, diagnoses, clearance, plan, referrals }: VisitRecord): Visit {
  const latest = exams[0];
  return visitOf({
    latestExam: latest ? { id: latest.id, status: latest.status, signedAt: latest.signedAt } : null,
    diagnosisRecordedAt: diagnoses[0]?.recordedAt ?? null,
    clearanceSignedAt: clearance.current?.signedAt ?? null,
    planSavedAt: plan.current?.createdAt ?? null,
    referralMadeAt: newest(referrals.therapy[0]?.createdAt, referrals.escalations[0]?.createdAt),
  });
}

/** Today's visit read from the record: the same answer on every page of the chart. */
export async function loadVisit(patientId: string): Promise<Visit> {
  const [exams, diagnoses, clearance, plan, referrals] = await Promise.all([
    listExams(patientId),
    getDiagnoses(patientId),
    getClearance(patientId),
    getPlan(patientId),
    listReferrals(patientId),
  ]);
  return visitFromRecord({ exams, diagnoses, clearance, plan, referrals });
}

interface VisitStepperProps {
  patientId: string;
  /** From loadVisit; null when this user records no visit (a therapist, emergency access). */
  visit: Visit | null;
  timeZone: string;
  /** The step this page is for: its own link is not offered as the way on. */
  here?: VisitStepKey;
}

function shown(visit: Visit | null, timeZone: string): visit is Visit {
  return visit !== null && visitIsOpen(visit, new Date(), timeZone);
}

function NextLink({ patientId, visit, here }: { patientId: string; visit: Visit; here?: VisitStepKey }) {
  const next = visit.next;
  if (next === null) return <p className="mt-2 text-sm font-medium text-emerald-900">Visit complete: every step is recorded.</p>;
  if (next === here) return null;
  return (
    <Link
      href={stepHref(patientId, visit, next)}
      className="mt-2 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
    >
      {nextLabel[next]} →
    </Link>
  );
}

/**
 * The visit's steps with the one in hand marked, and the way on once this page's step is done.
 * Shown only while a visit is open (an exam started, or signed today).
 */
export function VisitStepper({ patientId, visit, timeZone, here }: VisitStepperProps) {
  if (!shown(visit, timeZone)) return null;
  return (
    <nav aria-label="Today's visit" className="rounded-lg border border-brand-700/30 bg-brand-50 p-3">
      <ol className="flex flex-wrap items-center gap-x-1 gap-y-2 text-sm">
        {visit.steps.map((step, index) => (
          <li key={step.key} className="flex items-center gap-1">
            {index > 0 && <span aria-hidden="true" className="text-slate-500">→</span>}
            <Link
              href={stepHref(patientId, visit, step.key)}
              aria-current={step.key === here ? "step" : undefined}
              className={`inline-flex min-h-11 items-center gap-1 rounded-md px-2 underline-offset-2 hover:underline ${
                step.key === here ? "bg-white font-semibold text-slate-900 ring-1 ring-brand-700" : "text-brand-800"
              }`}
            >
              <span aria-hidden="true">{step.status === "done" ? "✓" : step.status === "current" ? "●" : "○"}</span>
              {step.label}
              <span className="sr-only">{step.status === "done" ? " (done)" : step.status === "current" ? " (next)" : " (to do)"}</span>
            </Link>
          </li>
        ))}
      </ol>
      <NextLink patientId={patientId} visit={visit} here={here} />
    </nav>
  );
}

/** The way on, repeated under a page's form so it is in sight right after saving. */
export function VisitNext({ patientId, visit, timeZone, here }: VisitStepperProps) {
  if (!shown(visit, timeZone) || visit.next === here) return null;
  return (
    <div role="region" aria-label="Next step of the visit" className="rounded-lg border border-brand-700/30 bg-brand-50 px-3 pb-3 pt-1">
      <NextLink patientId={patientId} visit={visit} here={here} />
    </div>
  );
}
