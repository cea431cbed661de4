import type { DiagnosisView } from "@/lib/dal/diagnoses";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { DescriptionItem } from "@/lib/ui/description-item";
import { formatDateTime } from "@/lib/ui/format";
import { confirmationLabel, sideLabel } from "./labels";

export async function CurrentDiagnosis({ diagnosis }: { diagnosis: DiagnosisView | undefined }) {
  const fmt = await getReaderFormat();
  return (
    <section aria-labelledby="current-diagnosis-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="current-diagnosis-heading" className="text-lg font-semibold">Current diagnosis</h2>
      {!diagnosis ? (
        <p className="mt-2 text-sm text-slate-700">No diagnosis recorded yet.</p>
      ) : (
        <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
          <DescriptionItem term="Condition">{diagnosis.label}</DescriptionItem>
          <DescriptionItem term="ICD-10-CM">{diagnosis.icd10Code ?? diagnosis.codeNote ?? "Not coded here"}</DescriptionItem>
          <DescriptionItem term="Side">{sideLabel[diagnosis.side] ?? diagnosis.side}</DescriptionItem>
          <DescriptionItem term="Suspected level">{diagnosis.level ?? "Not determined"}</DescriptionItem>
          <DescriptionItem term="Confirmed by">{confirmationLabel[diagnosis.confirmation]}</DescriptionItem>
          <DescriptionItem term="Recorded">
            By {diagnosis.recordedByName} on {formatDateTime(diagnosis.recordedAt, fmt)}
          </DescriptionItem>
          {diagnosis.notes !== "" && <DescriptionItem term="Notes">{diagnosis.notes}</DescriptionItem>}
        </dl>
      )}
    </section>
  );
}
