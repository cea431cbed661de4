import type { Metadata } from "next";
import { getClinicSettings } from "@/lib/dal/clinic-settings";
import { requireRole } from "@/lib/dal/session";
import { EmergencyAdvice } from "@/lib/ui/emergency-advice";

export const metadata: Metadata = { title: "Emergency signs" };

export default async function EmergencyPage() {
  await requireRole("patient");
  const settings = await getClinicSettings();
  return (
    <section aria-labelledby="emergency-heading" className="rounded-lg border-4 border-red-800 bg-red-50 p-5 text-red-950">
      <h1 id="emergency-heading" className="mb-3 text-2xl font-bold">Emergency signs</h1>
      <EmergencyAdvice settings={settings} />
    </section>
  );
}
