"use client";

import { isUnavailable, UNAVAILABLE_TEXT, UNAVAILABLE_TITLE } from "@/lib/ui/unavailable";

/** The root layout itself failed: a page of its own, without the app's styles. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const unavailable = isUnavailable(error);
  return (
    <html lang="en">
      <head>
        <title>{unavailable ? UNAVAILABLE_TITLE : "RunClear is not available right now"}</title>
      </head>
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem", textAlign: "center" }}>
        <main>
          <h1>{unavailable ? UNAVAILABLE_TITLE : "RunClear is not available right now"}</h1>
          <p>{unavailable ? UNAVAILABLE_TEXT : "Please try again in a moment."}</p>
          <button type="button" onClick={reset} style={{ minHeight: 44, padding: "0 1rem" }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
