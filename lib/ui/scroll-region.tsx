/** A horizontally scrollable box (wide tables on phones) that keyboard users can scroll too. */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="relative mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      {children}
    </div>
  );
}
