import type { DiagnosisView } from "@/lib/dal/diagnoses";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { formatDateTime } from "@/lib/ui/format";
import { ScrollRegion } from "@/lib/ui/scroll-region";
import { confirmationLabel, sideLabel } from "./labels";

const cell = "px-3 py-2 align-top";

/** Diagnoses superseded by a newer one, newest first; kept because the record is never rewritten. */
export async function EarlierDiagnoses({ diagnoses }: { diagnoses: DiagnosisView[] }) {
  const fmt = await getReaderFormat();
  return (
    <section aria-labelledby="earlier-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="earlier-heading" className="text-lg font-semibold">Earlier diagnoses</h2>
      {diagnoses.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">None.</p>
      ) : (
        <ScrollRegion label="Earlier diagnoses">
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="bg-slate-100 text-slate-800">
              <tr>
                {["Recorded", "Condition", "ICD-10-CM", "Side", "Level", "Confirmed by", "Notes"].map((heading) => (
                  <th key={heading} scope="col" className={`${cell} font-semibold`}>
                    {heading}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 text-slate-700">
              {diagnoses.map((d) => (
                <tr key={d.recordedAt.toISOString()}>
                  <th scope="row" className={`${cell} font-normal`}>
                    {formatDateTime(d.recordedAt, fmt)}
                    <span className="block">by {d.recordedByName}</span>
                  </th>
                  <td className={cell}>{d.label}</td>
                  <td className={cell}>{d.icd10Code ?? "Not coded here"}</td>
                  <td className={cell}>{sideLabel[d.side] ?? d.side}</td>
                  <td className={cell}>{d.level ?? "Not determined"}</td>
                  <td className={cell}>{confirmationLabel[d.confirmation]}</td>
                  <td className={cell}>{d.notes || "None"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
