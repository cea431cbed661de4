import type { Metadata } from "next";
import Link from "next/link";
import { getPatientChart } from "@/lib/dal/patients";
import { getPlan } from "@/lib/dal/plans";
import { requireRole } from "@/lib/dal/session";
import { listTherapySessions } from "@/lib/dal/therapy-sessions";
import { itemName } from "@/lib/domain/plan";
import { describeDose } from "@/lib/domain/plan-catalogue";
import { adjustableFields, isTherapistDosed } from "@/lib/domain/therapy-session";
import { orNotFound } from "@/lib/ui/or-not-found";
import { SubpageHeader } from "../subpage-header";
import { DoseAdjustForm, type AdjustableItem } from "./dose-adjust-form";
import { RecordSessionForm } from "./record-session-form";
import { SessionList } from "./session-list";

export const metadata: Metadata = { title: "Therapy sessions" };

const card = "rounded-lg border border-slate-200 bg-white p-4";
const planLink = "mt-1 inline-flex min-h-11 items-center text-brand-700 underline";

export default async function TherapyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole("physician", "therapist");
  const { id } = await params;
  // Therapists reach only their own patients, so a therapist here is on the care team (DOMAIN.md §8).
  const isTherapist = user.role === "therapist";
  const [chart, sessions, plan] = await Promise.all([
    orNotFound(getPatientChart(id)),
    orNotFound(listTherapySessions(id)),
    isTherapist ? orNotFound(getPlan(id)) : Promise.resolve(null),
  ]);
  const canWrite = isTherapist && chart.accessVia === "care_team";
  const current = plan?.current ?? null;
  const exercises: AdjustableItem[] = (current?.plan.items ?? []).filter(isTherapistDosed).map((item) => {
    const dose: Record<string, unknown> = item.dose;
    return {
      key: item.key,
      name: itemName(item),
      doseText: describeDose(item.dose),
      fields: adjustableFields(item.dose).map((field) => ({ field, value: Number(dose[field]) })),
    };
  });

  return (
    <article aria-labelledby="therapy-heading" className="space-y-4">
      <SubpageHeader headingId="therapy-heading" title="Therapy sessions" patient={chart} />

      {canWrite && plan && (
        <section aria-labelledby="record-session-heading" className={card}>
          <h2 id="record-session-heading" className="mb-3 text-lg font-semibold">Record a session</h2>
          <RecordSessionForm patientId={chart.id} today={plan.today} />
        </section>
      )}

      <SessionList sessions={sessions} />

      {canWrite ? (
        <section aria-labelledby="adjust-dose-heading" className={card}>
          <h2 id="adjust-dose-heading" className="text-lg font-semibold">Adjust home-exercise dose</h2>
          <p className="mt-1 text-sm text-slate-700">
            You can change the numbers of the stretches, strength exercises and walking in the plan. Each change saves a new plan version with your name and
            reason, for the physician to see. Medicines, running, heat or cold, advice and the clearance stay with the physician. Open an exercise to change it.
          </p>
          <Link href={`/patients/${chart.id}/plan`} className={planLink}>
            See the plan and its history
          </Link>
          {!current ? (
            <p className="mt-3 text-sm text-slate-700">There is no plan yet: the physician writes it first.</p>
          ) : exercises.length === 0 ? (
            <p className="mt-3 text-sm text-slate-700">The current plan has no stretches, strength exercises or walking to adjust.</p>
          ) : (
            <div className="divide-y divide-slate-200">
              {exercises.map((item) => (
                <DoseAdjustForm key={item.key} patientId={chart.id} basedOnVersion={current.version} item={item} />
              ))}
            </div>
          )}
        </section>
      ) : (
        <section aria-labelledby="dose-changes-heading" className={card}>
          <h2 id="dose-changes-heading" className="text-lg font-semibold">Dose changes</h2>
          <p className="mt-1 text-sm text-slate-700">
            The patient&apos;s physical therapist records sessions here and may adjust the dose of home exercises. Each change appears in the plan history
            with the therapist&apos;s name and reason.
          </p>
          <Link href={`/patients/${chart.id}/plan`} className={planLink}>
            See the plan and its history
          </Link>
        </section>
      )}
    </article>
  );
}
