import Link from "next/link";
import { redFlagLabel, type RedFlagId } from "@/lib/domain/red-flags";

/** Red flags mean emergency care now and no clearance at all (DOMAIN.md §2), so they lead the page. */
export function RedFlagPanel({ patientId, flags }: { patientId: string; flags: RedFlagId[] }) {
  if (flags.length === 0) return null;
  return (
    <section aria-labelledby="red-flag-heading" className="rounded-md border-2 border-red-800 bg-red-700 p-4 text-white">
      <h2 id="red-flag-heading" className="text-lg font-bold">Red flag: emergency care needed</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {flags.map((flag) => (
          <li key={flag}>{redFlagLabel(flag)}</li>
        ))}
      </ul>
      <p className="mt-2">
        No clearance to run is possible until a physician records on the chart how {flags.length === 1 ? "this red flag was" : "these red flags were"}{" "}
        resolved.
      </p>
      <Link href={`/patients/${patientId}`} className="mt-2 inline-flex min-h-11 items-center font-semibold text-white underline">
        Open the chart to record the resolution
      </Link>
    </section>
  );
}
