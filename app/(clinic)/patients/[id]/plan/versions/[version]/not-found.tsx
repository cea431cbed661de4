import Link from "next/link";

/** A version that was never saved answers the same as a chart out of reach: nothing leaks. */
export default function PlanVersionNotFound() {
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 text-center">
      <h1 className="text-2xl font-semibold">Plan version not found</h1>
      <p className="mt-3 text-slate-700">This version of the plan does not exist, or the patient is not on your care team.</p>
      <Link href="/patients" className="mt-6 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
        Back to my patients
      </Link>
    </section>
  );
}
