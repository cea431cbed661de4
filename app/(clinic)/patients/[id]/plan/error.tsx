"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

export default function PlanError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { id } = useParams<{ id: string }>();
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 text-center">
      <h1 className="text-2xl font-semibold">The care plan could not be shown</h1>
      <p className="mt-3 text-slate-700">Nothing was changed. Please try again; if it keeps happening, tell your administrator.</p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <button type="button" onClick={reset} className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
          Try again
        </button>
        <Link href={`/patients/${id}`} className="inline-flex min-h-11 items-center rounded-md px-4 font-medium text-brand-700 underline">
          Back to the chart
        </Link>
      </div>
    </section>
  );
}
