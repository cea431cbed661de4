import type { Metadata } from "next";
import Link from "next/link";
import { getExamNote } from "@/lib/dal/documents";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { requireRole } from "@/lib/dal/session";
import { DocumentPage } from "@/lib/ui/document-page";
import { formatDateTime } from "@/lib/ui/format";
import { orNotFound } from "@/lib/ui/or-not-found";
import { ExamRecord } from "../exam-record";

export const metadata: Metadata = { title: "Examination note to print" };

interface Props {
  params: Promise<{ id: string; examId: string }>;
}

/** The signed examination note for the care team's records: the exam as signed, with its addenda. */
export default async function PrintExamPage({ params }: Props) {
  await requireRole("physician", "therapist");
  const { id, examId } = await params;
  const [doc, fmt] = await Promise.all([orNotFound(getExamNote(id, examId)), getReaderFormat()]);
  const back = { href: `/patients/${id}/exams/${examId}`, label: "Back to the examination" };
  if (doc.exam.status !== "signed") {
    return (
      <section aria-labelledby="draft-heading" className="mx-auto max-w-xl rounded-lg border border-amber-400 bg-amber-50 p-6">
        <h1 id="draft-heading" className="text-2xl font-semibold">Only a signed examination can be printed</h1>
        <p className="mt-3">This examination is still a draft: its findings may change. Sign it first, then print the note.</p>
        <Link href={back.href} className="mt-4 inline-flex min-h-11 items-center text-brand-700 underline">
          {back.label}
        </Link>
      </section>
    );
  }
  const { diagnosis } = doc;
  return (
    <DocumentPage title="Examination note" clinicName={doc.clinicName} patient={doc.patient} back={back}>
      <section aria-labelledby="diagnosis-heading" data-print="keep" className="rounded-lg border border-slate-200 p-4">
        <h2 id="diagnosis-heading" className="text-lg font-semibold">Diagnosis and root cause</h2>
        {diagnosis ? (
          <div className="mt-1 text-sm">
            <p className="font-medium">{diagnosis.label}</p>
            <p>
              ICD-10-CM {diagnosis.icd10Code ?? "not coded"}
              {diagnosis.codeNote && ` (${diagnosis.codeNote})`} · {diagnosis.side} side{diagnosis.level ? ` · suspected level ${diagnosis.level}` : ""} · confirmed{" "}
              {diagnosis.confirmation === "imaging" ? "by imaging" : "clinically"}
            </p>
            {diagnosis.notes && <p className="mt-1 whitespace-pre-wrap">{diagnosis.notes}</p>}
            <p className="mt-1 text-slate-700">
              Recorded by {diagnosis.recordedByName} on {formatDateTime(diagnosis.recordedAt, fmt)} (the diagnosis on record when this note was printed).
            </p>
          </div>
        ) : (
          <p className="mt-1 text-sm">No diagnosis recorded.</p>
        )}
      </section>
      <ExamRecord exam={doc.exam} canAddAddendum={false} />
    </DocumentPage>
  );
}
