import type { DiagnosisView } from "@/lib/dal/diagnoses";
import { formatDateTime } from "@/lib/ui/format";
import { confirmationLabel, sideLabel } from "./labels";

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-slate-800">{term}</dt>
      <dd className="text-slate-700">{children}</dd>
    </div>
  );
}

export function CurrentDiagnosis({ diagnosis }: { diagnosis: DiagnosisView | undefined }) {
  return (
    <section aria-labelledby="current-diagnosis-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="current-diagnosis-heading" className="text-lg font-semibold">Current diagnosis</h2>
      {!diagnosis ? (
        <p className="mt-2 text-sm text-slate-700">No diagnosis recorded yet.</p>
      ) : (
        <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
          <Item term="Condition">{diagnosis.label}</Item>
          <Item term="ICD-10-CM">{diagnosis.icd10Code ?? diagnosis.codeNote ?? "Not coded here"}</Item>
          <Item term="Side">{sideLabel[diagnosis.side] ?? diagnosis.side}</Item>
          <Item term="Suspected level">{diagnosis.level ?? "Not determined"}</Item>
          <Item term="Confirmed by">{confirmationLabel[diagnosis.confirmation]}</Item>
          <Item term="Recorded">
            By {diagnosis.recordedByName} on {formatDateTime(diagnosis.recordedAt)}
          </Item>
          {diagnosis.notes !== "" && <Item term="Notes">{diagnosis.notes}</Item>}
        </dl>
      )}
    </section>
  );
}
