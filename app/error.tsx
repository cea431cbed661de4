"use client";

import { isUnavailable, UNAVAILABLE_TEXT, UNAVAILABLE_TITLE } from "@/lib/ui/unavailable";

/** Never shows the error itself: it may hold another record's details or a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const unavailable = isUnavailable(error);
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-semibold">{unavailable ? UNAVAILABLE_TITLE : "Something went wrong"}</h1>
      <p className="mt-3 text-slate-700">{unavailable ? UNAVAILABLE_TEXT : "Nothing you entered was saved twice. Please try again."}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 min-h-11 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
      >
        Try again
      </button>
    </main>
  );
}
