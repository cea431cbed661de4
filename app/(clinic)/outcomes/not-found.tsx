import Link from "next/link";

/** Therapists, and the clinic view for a physician who is not clinical lead. */
export default function OutcomesNotFound() {
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-3 text-slate-700">The outcomes dashboard is for physicians; the whole clinic&apos;s figures are for a clinical lead.</p>
      <Link href="/patients" className="mt-6 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
        Back to my patients
      </Link>
    </section>
  );
}
