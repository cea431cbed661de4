import type { ExamView } from "@/lib/dal/exams";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { formatDateTime } from "@/lib/ui/format";
import { AddendumForm } from "./addendum-form";

interface AddendaProps {
  patientId: string;
  examId: string;
  addenda: ExamView["addenda"];
  canAdd: boolean;
}

export async function Addenda({ patientId, examId, addenda, canAdd }: AddendaProps) {
  const fmt = await getReaderFormat();
  return (
    <section aria-labelledby="addenda-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="addenda-heading" className="text-lg font-semibold">Addenda</h2>
      {addenda.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No addenda.</p>
      ) : (
        <ol className="mt-2 space-y-3">
          {addenda.map((addendum) => (
            <li key={addendum.id} className="rounded-md border border-slate-200 p-3">
              <p className="text-sm font-medium text-slate-800">
                Signed by {addendum.authorName} on {formatDateTime(addendum.signedAt, fmt)}
              </p>
              <p className="mt-1 whitespace-pre-wrap text-slate-900">{addendum.text}</p>
            </li>
          ))}
        </ol>
      )}
      {canAdd && <AddendumForm patientId={patientId} examId={examId} />}
    </section>
  );
}
