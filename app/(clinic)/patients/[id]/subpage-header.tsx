import Link from "next/link";

interface SubpageHeaderProps {
  headingId: string;
  title: string;
  patient: { id: string; name: string; mrn: string };
  /** Printable documents of this page (its plan, letter), as small links beside the way back. */
  documents?: { href: string; label: string }[];
}

/** The top of every page under a chart: what it is, whose record, and the way back. */
export function SubpageHeader({ headingId, title, patient, documents = [] }: SubpageHeaderProps) {
  return (
    <header className="rounded-lg border border-slate-200 bg-white p-4">
      <h1 id={headingId} className="text-2xl font-semibold">
        {title} — {patient.name}
      </h1>
      <p className="mt-1 text-sm text-slate-700">
        MRN <span className="tabular-nums">{patient.mrn}</span>
      </p>
      <div data-print="hide" className="mt-2 flex flex-wrap gap-x-6">
        <Link href={`/patients/${patient.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          Back to the chart
        </Link>
        {documents.map((d) => (
          <Link key={d.href} href={d.href} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {d.label}
          </Link>
        ))}
      </div>
    </header>
  );
}
