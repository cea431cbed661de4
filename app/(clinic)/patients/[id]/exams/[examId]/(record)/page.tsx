import type { Metadata } from "next";
import Link from "next/link";
import { getExam } from "@/lib/dal/exams";
import { getPatientChart } from "@/lib/dal/patients";
import { requireRole } from "@/lib/dal/session";
import { examFormValues } from "@/lib/domain/exam-form";
import { orNotFound } from "@/lib/ui/or-not-found";
import { loadVisit, VisitStepper } from "../../../visit-stepper";
import { ExamForm } from "../exam-form";
import { ExamRecord } from "../exam-record";

export const metadata: Metadata = { title: "Examination" };

interface ExamPageProps {
  params: Promise<{ id: string; examId: string }>;
  searchParams: Promise<{ signed?: string | string[] }>;
}

export default async function ExamPage({ params, searchParams }: ExamPageProps) {
  const user = await requireRole("physician", "therapist");
  const [{ id, examId }, { signed }] = await Promise.all([params, searchParams]);
  const [chart, exam] = await Promise.all([orNotFound(getPatientChart(id)), orNotFound(getExam(id, examId))]);
  // Emergency access reads a chart but never changes it.
  const canWrite = user.role === "physician" && chart.accessVia === "care_team";
  const visit = canWrite ? await loadVisit(id) : null;

  return (
    <article aria-labelledby="exam-heading" className="max-w-4xl space-y-4">
      <div data-print="hide" className="flex flex-wrap gap-x-6">
        <Link href={`/patients/${chart.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
          ← Back to the chart
        </Link>
        {exam.status === "signed" && chart.accessVia === "care_team" && (
          <Link href={`/patients/${chart.id}/exams/${exam.id}/print`} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
            Print the exam note
          </Link>
        )}
      </div>
      <header>
        <h1 id="exam-heading" className="text-2xl font-semibold">Examination — {chart.name}</h1>
        <p className="mt-1 text-sm text-slate-700">
          MRN <span className="tabular-nums">{chart.mrn}</span> · {exam.status === "signed" ? "Signed" : "Draft"}
        </p>
      </header>
      {visit?.examId === exam.id && <VisitStepper patientId={chart.id} visit={visit} timeZone={chart.timeZone} here="exam" />}
      {signed === "1" && exam.status === "signed" && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 font-medium text-emerald-900">
          Examination signed. It can no longer change; add a signed addendum for any correction.
        </p>
      )}
      {exam.status === "draft" && canWrite ? (
        <ExamForm
          patientId={exam.patientId}
          examId={exam.id}
          version={exam.version}
          values={examFormValues(exam.findings)}
          suggestion={exam.suggestion}
        />
      ) : (
        <ExamRecord exam={exam} canAddAddendum={canWrite} />
      )}
    </article>
  );
}
