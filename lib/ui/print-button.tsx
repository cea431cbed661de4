"use client";

/** Opens the browser's print dialog (print to paper or to PDF). Never printed itself. */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button
      type="button"
      data-print="hide"
      onClick={() => window.print()}
      className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800"
    >
      {label}
    </button>
  );
}
