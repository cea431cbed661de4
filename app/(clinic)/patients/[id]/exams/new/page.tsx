import type { Metadata } from "next";
import Link from "next/link";
import { getPatientChart } from "@/lib/dal/patients";
import { requireRole } from "@/lib/dal/session";
import { orNotFound } from "@/lib/ui/or-not-found";
import { StartExamForm } from "./start-exam-form";

export const metadata: Metadata = { title: "Examination" };

// Starting writes a draft, so it happens only when the button posts, never on opening the page.
export default async function NewExamPage({ params }: { params: Promise<{ id: string }> }) {
  await requireRole("physician");
  const { id } = await params;
  const chart = await orNotFound(getPatientChart(id));

  return (
    <section aria-labelledby="new-exam-heading" className="max-w-2xl space-y-4">
      <Link href={`/patients/${chart.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
        ← Back to the chart
      </Link>
      <h1 id="new-exam-heading" className="text-2xl font-semibold">Examination — {chart.name}</h1>
      {chart.accessVia === "care_team" ? (
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-slate-700">
            This opens a draft examination for {chart.name} (MRN <span className="tabular-nums">{chart.mrn}</span>). Save it as you go and
            sign it when every section is complete. A signed exam never changes; corrections are added as signed addenda.
          </p>
          <StartExamForm patientId={chart.id} />
        </div>
      ) : (
        <p className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 font-medium text-red-900">
          Emergency access lets you read this chart, not change it. Only a physician on the patient&apos;s care team can record an
          examination.
        </p>
      )}
    </section>
  );
}
