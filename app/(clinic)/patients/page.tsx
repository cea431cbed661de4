import type { Metadata } from "next";
import Link from "next/link";
import { ScrollRegion } from "@/lib/ui/scroll-region";
import { requireRole } from "@/lib/dal/session";
import { listCareTeamPatients } from "@/lib/dal/patients";
import { EpisodeStatusBadge } from "@/lib/ui/episode-status-badge";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage() {
  const user = await requireRole("physician", "therapist");
  const patients = await listCareTeamPatients();
  return (
    <section aria-labelledby="patients-heading">
      <h1 id="patients-heading" className="text-2xl font-semibold">
        {user.role === "therapist" ? "My caseload" : "My patients"}
      </h1>
      <p className="mt-1 text-sm text-slate-700">
        {patients.length} {patients.length === 1 ? "patient" : "patients"} on your care team.
      </p>
      {patients.length === 0 ? (
        <p className="mt-6 rounded-md border border-slate-200 bg-white p-4">No patients are on your care team yet.</p>
      ) : (
        <ScrollRegion label="Patients table">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Patients on your care team</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">Name</th>
                <th scope="col" className="px-3 py-2 font-semibold">MRN</th>
                <th scope="col" className="px-3 py-2 font-semibold">Age</th>
                <th scope="col" className="px-3 py-2 font-semibold">Status</th>
                <th scope="col" className="px-3 py-2 font-semibold">Running</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {patients.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/patients/${p.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {p.name}
                    </Link>
                  </th>
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{p.mrn}</td>
                  <td className="px-3 py-2 tabular-nums">{p.age}</td>
                  <td className="px-3 py-2"><EpisodeStatusBadge status={p.episodeStatus} /></td>
                  <td className="px-3 py-2 text-slate-700">
                    {p.weeklyDistanceKm} km/week · {p.runningGoal}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
