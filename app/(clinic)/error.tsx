"use client";

export default function ClinicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 text-center">
      <h1 className="text-2xl font-semibold">This page could not be shown</h1>
      <p className="mt-3 text-slate-700">Nothing was changed. Please try again; if it keeps happening, tell your administrator.</p>
      <button type="button" onClick={reset} className="mt-6 min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
        Try again
      </button>
    </section>
  );
}
