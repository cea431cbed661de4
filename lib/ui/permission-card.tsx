import type { CareState } from "@/lib/domain/care-state";
import { getReaderFormat } from "@/lib/dal/reader-format";
import type { ClinicSettings } from "@/lib/domain/clinic-settings";
import { telHref } from "@/lib/domain/clinic-settings";
import { describePermissionForPatient } from "@/lib/domain/permission-wording";
import { formatDate } from "./format";

const tones = {
  cleared: "border-slate-200 bg-white",
  stop: "border-2 border-amber-600 bg-amber-50 text-amber-950",
  urgent: "border-4 border-red-700 bg-red-50 text-red-950",
  emergency: "border-4 border-red-800 bg-red-700 text-white",
} as const;

/**
 * What the patient may do about running today, in plain words, from the state in force
 * (lib/domain/care-state.ts): the same state every other screen shows.
 */
export async function PermissionCard({ care, settings, emergencyAdvice = true }: { care: CareState; settings: ClinicSettings; emergencyAdvice?: boolean }) {
  const fmt = await getReaderFormat();
  const text = describePermissionForPatient(care.permission, settings, (d: string) => formatDate(d, fmt));
  const { permission } = care;
  return (
    <section aria-labelledby="clearance-heading" className={`rounded-lg p-4 ${tones[text.tone]}`}>
      <h2 id="clearance-heading" className={`font-semibold ${text.tone === "cleared" ? "text-lg" : "text-xl"}`}>
        {text.headline}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {text.sentences.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {text.tone === "emergency" && (
        <a href={telHref(settings.emergencyNumber)} className="mt-3 inline-flex min-h-12 items-center rounded-md bg-white px-5 text-lg font-bold text-red-800">
          Call {settings.emergencyNumber}
        </a>
      )}
      {text.tone === "urgent" && settings.urgentLineNumber && (
        <a href={telHref(settings.urgentLineNumber)} className="mt-3 inline-flex min-h-12 items-center rounded-md bg-red-800 px-5 text-lg font-bold text-white">
          Call {settings.urgentLineName}
        </a>
      )}
      {permission.status === "cleared" && permission.reviewDate && (
        <p className="mt-2 text-sm text-slate-700">Next review: {formatDate(permission.reviewDate, fmt)}</p>
      )}
      {/* Never a bullet among the running advice: the emergency signs stand apart, in red. */}
      {emergencyAdvice && text.emergencyAdvice && (
        <p className="mt-3 rounded-md border-2 border-red-700 bg-red-50 p-3 text-sm font-medium text-red-950">
          <span className="font-bold">Emergency: </span>
          {text.emergencyAdvice}
        </p>
      )}
    </section>
  );
}
