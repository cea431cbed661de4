import { telHref, urgentLine, type ClinicSettings } from "@/lib/domain/clinic-settings";
import { flagsOfTier, type RedFlagTier } from "@/lib/domain/red-flags";

const callButton = "inline-flex min-h-12 items-center rounded-md px-5 text-lg font-bold ring-2";

function Signs({ tier }: { tier: RedFlagTier }) {
  return (
    <ul className="list-disc space-y-1 pl-5">
      {flagsOfTier(tier)
        .filter((f) => f.patientQuestion !== null)
        .map((f) => (
          <li key={f.id}>{f.patientSign[0]!.toUpperCase() + f.patientSign.slice(1)}</li>
        ))}
    </ul>
  );
}

/**
 * The red-flag signs (DOMAIN.md §2) in the patient's words, in two tiers, with the clinic's own
 * emergency number and urgent-advice line. `only` shows one tier (after a check-in reported it).
 */
export function EmergencyAdvice({ settings, only }: { settings: ClinicSettings; only?: RedFlagTier }) {
  return (
    <div className="space-y-5">
      {only !== "urgent" && (
        <section aria-labelledby="emergency-tier" className="space-y-3">
          <h2 id="emergency-tier" className="text-lg font-bold">
            Emergency: call {settings.emergencyNumber} or go to the nearest emergency department now
          </h2>
          <Signs tier="emergency" />
          <p>Do not wait for your next appointment or for your care team, and do not run. Tell your care team afterwards.</p>
          <a href={telHref(settings.emergencyNumber)} className={`${callButton} bg-white text-red-800 ring-red-800`}>
            Call {settings.emergencyNumber}
          </a>
        </section>
      )}
      {only !== "emergency" && (
        <section aria-labelledby="urgent-tier" className="space-y-3">
          <h2 id="urgent-tier" className="text-lg font-bold">Urgent: get a medical review today</h2>
          <Signs tier="urgent" />
          <p>
            Call {urgentLine(settings)} today. If you cannot be seen today, go to an urgent care centre, or call {settings.emergencyNumber} if you feel
            very unwell. Do not run until a doctor has seen you.
          </p>
          {settings.urgentLineNumber && (
            <a href={telHref(settings.urgentLineNumber)} className={`${callButton} bg-white text-amber-900 ring-amber-800`}>
              Call {settings.urgentLineName}
            </a>
          )}
        </section>
      )}
    </div>
  );
}
