/**
 * Placeholders while a page or a card streams in. Each says "Loading…" to screen readers once,
 * through a polite status, and marks its region busy; the grey bars are decoration. Heights
 * match what replaces them, so nothing below jumps when the content arrives.
 */
const bar = "animate-pulse rounded bg-slate-200 motion-reduce:animate-none";

export function LoadingStatus({ label = "Loading…" }: { label?: string }) {
  return (
    <span role="status" className="sr-only">
      {label}
    </span>
  );
}

/** Grey lines standing in for text. */
export function SkeletonLines({ lines = 3 }: { lines?: number }) {
  return (
    <div aria-hidden="true" className="space-y-2">
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className={`h-4 ${bar} ${i === lines - 1 ? "w-2/3" : "w-full"}`} />
      ))}
    </div>
  );
}

/** A card of the usual look with a heading bar and `lines` of text, or a box of `height` (a chart). */
export function CardSkeleton({ label, lines = 3, height }: { label: string; lines?: number; height?: string }) {
  return (
    <section aria-busy="true" aria-label={label} className="rounded-lg border border-slate-200 bg-white p-4">
      <LoadingStatus label={`Loading ${label.charAt(0).toLowerCase()}${label.slice(1)}…`} />
      <div aria-hidden="true" className={`mb-3 h-6 w-1/3 ${bar}`} />
      {height ? <div aria-hidden="true" className={`${height} w-full ${bar}`} /> : <SkeletonLines lines={lines} />}
    </section>
  );
}

/**
 * A whole page while its route loads (a route's loading.tsx): the heading bar, a few cards and,
 * for list pages, a table.
 */
export function PageSkeleton({ label, cards = 3, narrow = false, table = false }: { label: string; cards?: number; narrow?: boolean; table?: boolean }) {
  return (
    <div aria-busy="true" className={`space-y-4 ${narrow ? "max-w-2xl" : ""}`}>
      <LoadingStatus label={`Loading ${label.charAt(0).toLowerCase()}${label.slice(1)}…`} />
      <div aria-hidden="true" className={`h-8 w-1/2 max-w-sm ${bar}`} />
      {Array.from({ length: cards }, (_, i) => (
        <div key={i} aria-hidden="true" className="rounded-lg border border-slate-200 bg-white p-4">
          <div className={`mb-3 h-6 w-1/3 ${bar}`} />
          <SkeletonLines lines={i === 0 ? 4 : 3} />
        </div>
      ))}
      {table && <TableRows />}
    </div>
  );
}

function TableRows({ rows = 6 }: { rows?: number }) {
  return (
    <div aria-hidden="true" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className={`h-5 w-full ${bar}`} />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={`h-9 w-full ${bar}`} />
      ))}
    </div>
  );
}

/** A table while its rows load: the header and `rows` grey rows. */
export function TableSkeleton({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div aria-busy="true">
      <LoadingStatus label={`Loading ${label.charAt(0).toLowerCase()}${label.slice(1)}…`} />
      <TableRows rows={rows} />
    </div>
  );
}

/**
 * Where a chart goes while recharts loads (next/dynamic): the size of a ChartFigure, so the page
 * does not move when it arrives. The chart's title and summary come with it.
 */
export function ChartSkeleton() {
  return (
    <div aria-busy="true" className="rounded-lg border border-slate-200 bg-white p-4">
      <LoadingStatus label="Loading a chart…" />
      <div aria-hidden="true" className={`mb-2 h-6 w-1/3 ${bar}`} />
      <div aria-hidden="true" className={`mb-2 h-4 w-2/3 ${bar}`} />
      <div aria-hidden="true" className={`h-56 w-full ${bar}`} />
    </div>
  );
}
