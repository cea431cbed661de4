import Link from "next/link";
import type { CareState } from "@/lib/domain/care-state";
import { redFlagLabel } from "@/lib/domain/red-flags";

/** Open red flags mean no clearance in force (DOMAIN.md §2), so they lead the page, by tier. */
export function RedFlagPanel({ patientId, care }: { patientId: string; care: CareState }) {
  if (care.openRedFlags.length === 0) return null;
  const flags = [...new Set(care.openRedFlags.flatMap((f) => f.flags))];
  const emergency = care.redFlagTier === "emergency";
  return (
    <section aria-labelledby="red-flag-heading" className="rounded-md border-2 border-red-800 bg-red-700 p-4 text-white">
      <h2 id="red-flag-heading" className="text-lg font-bold">
        {emergency ? "Emergency red flag: emergency care now" : "Urgent red flag: same-day medical review"}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {flags.map((flag) => (
          <li key={flag}>{redFlagLabel(flag)}</li>
        ))}
      </ul>
      <p className="mt-2">
        No clearance to run is in force until a physician records on the chart how {flags.length === 1 ? "this red flag was" : "these red flags were"}{" "}
        resolved and then decides again.
      </p>
      <Link href={`/patients/${patientId}`} className="mt-2 inline-flex min-h-11 items-center font-semibold text-white underline">
        Open the chart to record the resolution
      </Link>
    </section>
  );
}
