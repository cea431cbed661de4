import type { Metadata } from "next";
import Link from "next/link";
import { listClinicians } from "@/lib/dal/patients";
import { requireRole } from "@/lib/dal/session";
import { commonTimeZones } from "@/lib/domain/patient";
import { NewPatient } from "./new-patient";

export const metadata: Metadata = { title: "Register a patient" };

export default async function RegisterPatientPage() {
  await requireRole("physician");
  const clinicians = await listClinicians();
  return (
    <section aria-labelledby="register-heading" className="max-w-3xl space-y-4">
      <Link href="/patients" className="text-sm text-brand-700 underline">← My patients</Link>
      <h1 id="register-heading" className="text-2xl font-semibold">Register a patient</h1>
      <NewPatient
        therapists={clinicians.filter((c) => c.role === "therapist").map((c) => ({ value: c.id, label: c.name }))}
        timeZones={commonTimeZones.map((tz) => ({ value: tz, label: tz.replace("_", " ") }))}
      />
    </section>
  );
}
