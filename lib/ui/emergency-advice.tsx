import { emergencySigns } from "@/lib/domain/red-flags";

/** The red-flag symptoms (DOMAIN.md §2) in the patient's words, and what to do now. */
export function EmergencyAdvice() {
  return (
    <div className="space-y-3">
      <p className="text-lg font-semibold">If you have any of these, get emergency care now: call 911 or go to the nearest emergency department.</p>
      <ul className="list-disc space-y-1 pl-5">
        {emergencySigns.map((s) => (
          <li key={s.id}>{s.sign}</li>
        ))}
      </ul>
      <p>Do not wait for your next appointment, and do not run. Tell your care team afterwards.</p>
      <a href="tel:911" className="inline-flex min-h-12 items-center rounded-md bg-white px-5 text-lg font-bold text-red-800 ring-2 ring-red-800">
        Call 911
      </a>
    </div>
  );
}
