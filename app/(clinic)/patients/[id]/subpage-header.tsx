import Link from "next/link";

/** The top of every page under a chart: what it is, whose record, and the way back. */
export function SubpageHeader({ headingId, title, patient }: { headingId: string; title: string; patient: { id: string; name: string; mrn: string } }) {
  return (
    <header className="rounded-lg border border-slate-200 bg-white p-4">
      <h1 id={headingId} className="text-2xl font-semibold">
        {title} — {patient.name}
      </h1>
      <p className="mt-1 text-sm text-slate-700">
        MRN <span className="tabular-nums">{patient.mrn}</span>
      </p>
      <Link href={`/patients/${patient.id}`} className="mt-2 inline-flex min-h-11 items-center text-brand-700 underline">
        Back to the chart
      </Link>
    </header>
  );
}
