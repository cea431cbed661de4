import type { Metadata } from "next";
import { requireRole } from "@/lib/dal/session";
import { EMERGENCY_ACCESS_MINUTES } from "@/lib/dal/emergency-access";
import { EMERGENCY_REQUESTS_PER_HOUR } from "@/lib/domain/emergency-access";
import { EmergencyAccessForm } from "./emergency-access-form";

export const metadata: Metadata = { title: "Emergency access" };

export default async function EmergencyAccessPage() {
  await requireRole("physician");
  return (
    <section aria-labelledby="emergency-heading">
      <h1 id="emergency-heading" className="text-2xl font-semibold">Emergency access to a chart</h1>
      <p className="mt-2 max-w-2xl text-slate-700">
        Use this only when you must see a patient who is not on your care team, for their care, now. Give the patient&apos;s MRN
        and date of birth, as on their wristband or referral. Access lasts {EMERGENCY_ACCESS_MINUTES} minutes and lets you
        read the chart, not change it. It is flagged in the audit trail, an administrator reviews it, the care team sees your
        name and reason, and the patient sees it in their record. You can ask {EMERGENCY_REQUESTS_PER_HOUR} times an hour.
      </p>
      <EmergencyAccessForm />
    </section>
  );
}
