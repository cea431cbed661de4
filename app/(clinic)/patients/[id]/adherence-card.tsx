import Link from "next/link";
import { getAdherenceSummary } from "@/lib/dal/adherence";
import { AdherenceAtAGlance } from "@/lib/ui/adherence";

const card = "rounded-lg border border-slate-200 bg-white p-4";

/**
 * The chart's adherence card. It streams in on its own (its read walks four weeks of logs); the
 * access check and the audit entry are the page's, shared through the request (lib/dal/internal).
 */
export async function AdherenceCard({ patientId, therapyLabel }: { patientId: string; therapyLabel: string }) {
  const adherence = await getAdherenceSummary(patientId);
  return (
    <section aria-labelledby="adherence-heading" className={card}>
      <h2 id="adherence-heading" className="text-lg font-semibold">Adherence and follow-up</h2>
      <AdherenceAtAGlance summary={adherence.summary} today={adherence.today} />
      <div className="mt-3 flex flex-wrap gap-x-6">
        <Link href={`/patients/${patientId}/adherence`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          See adherence by item and week
        </Link>
        <Link href={`/patients/${patientId}/therapy`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          {therapyLabel}
        </Link>
      </div>
    </section>
  );
}
