import Link from "next/link";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { listEmergencyAccessNotices } from "@/lib/dal/emergency-access";
import { EMERGENCY_NOTICE_DAYS } from "@/lib/domain/emergency-access";
import { formatDateTime } from "@/lib/ui/format";

/**
 * The care team is told of emergency access to their patients (DOMAIN.md §8) at the top of their
 * patient list, so nobody has to open each chart to find out.
 */
export async function EmergencyAccessNotices() {
  const fmt = await getReaderFormat();
  const notices = await listEmergencyAccessNotices();
  if (notices.length === 0) return null;
  return (
    <section aria-labelledby="emergency-notices-heading" className="rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950">
      <h2 id="emergency-notices-heading" className="font-semibold">
        Emergency access to your patients in the last {EMERGENCY_NOTICE_DAYS} days
      </h2>
      <ul className="mt-2 space-y-2">
        {notices.map((n) => (
          <li key={n.grantId} className="text-sm">
            <span className="font-medium">{n.physicianName}</span> opened <span className="font-medium">{n.patientName}</span>{" "}
            <span className="tabular-nums">({n.mrn})</span>, {formatDateTime(n.grantedAt, fmt)}, until {formatDateTime(n.expiresAt, fmt)}.
            <span className="block">Reason: {n.reason}</span>
            {/* The list item names the patient; the link's own name stays short (WCAG 2.4.4, link purpose in context). */}
            <Link href={`/patients/${n.patientId}`} className="inline-flex min-h-11 items-center font-medium underline">
              Open the chart
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
