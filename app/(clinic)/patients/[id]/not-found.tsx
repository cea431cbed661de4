import Link from "next/link";

/** Same answer for a chart that does not exist and one outside the care team. */
export default function ChartNotFound() {
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 text-center">
      <h1 className="text-2xl font-semibold">Chart not found</h1>
      <p className="mt-3 text-slate-700">This chart does not exist, or the patient is not on your care team.</p>
      <p className="mt-3 text-sm text-slate-700">
        Physicians who must see a chart outside their care team in an emergency can use{" "}
        <Link href="/emergency-access" className="font-medium text-brand-700 underline">
          emergency access
        </Link>
        .
      </p>
      <Link href="/patients" className="mt-6 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
        Back to my patients
      </Link>
    </section>
  );
}
