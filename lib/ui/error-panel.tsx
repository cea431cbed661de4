"use client";

import Link from "next/link";
import { isUnavailable, UNAVAILABLE_TEXT, UNAVAILABLE_TITLE } from "./unavailable";

/**
 * What an error boundary shows. Never the error itself: it may hold another record's details
 * or a stack trace. A database outage says so, since waiting is what helps.
 */
export function ErrorPanel({
  error,
  title,
  reset,
  back,
}: {
  error?: { digest?: string };
  title: string;
  reset: () => void;
  back?: { href: string; label: string };
}) {
  const unavailable = isUnavailable(error);
  return (
    <section className="mx-auto max-w-xl rounded-lg border border-slate-200 bg-white p-6 text-center">
      <h1 className="text-2xl font-semibold">{unavailable ? UNAVAILABLE_TITLE : title}</h1>
      <p className="mt-3 text-slate-700">
        {unavailable ? UNAVAILABLE_TEXT : "Nothing was changed. Please try again; if it keeps happening, tell your administrator."}
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <button type="button" onClick={reset} className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
          Try again
        </button>
        {back && (
          <Link href={back.href} className="inline-flex min-h-11 items-center rounded-md px-4 font-medium text-brand-700 underline">
            {back.label}
          </Link>
        )}
      </div>
    </section>
  );
}
