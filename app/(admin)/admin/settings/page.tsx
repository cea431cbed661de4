import type { Metadata } from "next";
import { getClinicSettings } from "@/lib/dal/clinic-settings";
import { requireRole } from "@/lib/dal/session";
import { emergencySentence } from "@/lib/domain/clinic-settings";
import { ClinicSettingsForm } from "./settings-form";

/** Every IANA zone this runtime knows, and UTC. */
const TIME_ZONES = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];

export const metadata: Metadata = { title: "Clinic settings" };

export default async function ClinicSettingsPage() {
  await requireRole("admin");
  const settings = await getClinicSettings();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Clinic settings</h1>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="numbers-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="numbers-heading" className="mb-3 text-lg font-semibold">Emergency advice, reviews and sign-in</h2>
          <ClinicSettingsForm settings={settings} timeZones={TIME_ZONES} />
        </section>
        <section aria-labelledby="preview-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="preview-heading" className="mb-3 text-lg font-semibold">What patients read now</h2>
          <p className="font-medium">Emergency red flags</p>
          <p className="mt-1 text-sm text-slate-800">{emergencySentence(settings, "emergency")}</p>
          <p className="mt-3 font-medium">Urgent red flags</p>
          <p className="mt-1 text-sm text-slate-800">{emergencySentence(settings, "urgent")}</p>
        </section>
      </div>
    </div>
  );
}
