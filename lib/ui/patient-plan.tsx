import type { MyPlan } from "@/lib/dal/plans";
import { getReaderFormat } from "@/lib/dal/reader-format";
import type { CareState } from "@/lib/domain/care-state";
import { itemName, type PlanItem } from "@/lib/domain/plan";
import { catalogueEntry, describeDose, type PlanCategory } from "@/lib/domain/plan-catalogue";
import { formatDate } from "@/lib/ui/format";

const sections: { title: string; categories: PlanCategory[] }[] = [
  { title: "Heat and cold", categories: ["heat_cold"] },
  { title: "Stretches and exercises", categories: ["stretch", "strength"] },
  { title: "Walking and running", categories: ["walking", "running"] },
  { title: "Medicines", categories: ["otc_medicine", "prescription_medicine"] },
  { title: "Advice", categories: ["advice"] },
];

function addWeeks(date: string, weeks: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * An item's dose as the state in force allows it today: running paused while no clearance is in
 * force, or cut to the clearance's limits; a medicine only between its start and end dates.
 */
async function ItemDose({ item, care }: { item: PlanItem; care: CareState }) {
  const fmt = await getReaderFormat();
  if (item.dose.kind === "advice") return null;
  const running = care.running.find((r) => r.key === item.key);
  if (running) {
    if (running.status === "paused") {
      return (
        <p className="text-sm font-semibold text-red-800">
          Paused: do not run for now. <span className="font-normal">Your plan says {describeDose(running.planned).toLowerCase()}, once your doctor clears you.</span>
        </p>
      );
    }
    return <p className="text-sm text-slate-800">{describeDose(running.allowed!)}{running.exceedsClearance ? " (cut to your clearance's limits)" : ""}</p>;
  }
  const medicine = care.medicines.find((m) => m.key === item.key);
  if (medicine) {
    const when =
      medicine.status === "ended"
        ? `Finished on ${formatDate(medicine.endsOn, fmt)}: do not take it any more unless your doctor says so.`
        : medicine.status === "not_started"
          ? `Starts on ${formatDate(medicine.startsOn, fmt)}, until ${formatDate(medicine.endsOn, fmt)}.`
          : `From ${formatDate(medicine.startsOn, fmt)} until ${formatDate(medicine.endsOn, fmt)}.`;
    return (
      <>
        <p className={`text-sm ${medicine.status === "ended" ? "text-slate-600 line-through" : "text-slate-800"}`}>{describeDose(item.dose)}</p>
        <p className={`text-sm ${medicine.status === "ended" ? "font-semibold text-slate-800" : "text-slate-700"}`}>{when}</p>
      </>
    );
  }
  return <p className="text-sm text-slate-800">{describeDose(item.dose)}</p>;
}

/** The patient's current plan in plain language: what to do, how much, and how. */
export async function MyPlanSection({ plan }: { plan: MyPlan | null }) {
  const fmt = await getReaderFormat();
  if (!plan) {
    return (
      <section aria-labelledby="plan-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="plan-heading" className="text-lg font-semibold">My plan</h2>
        <p className="mt-2">Your care team has not written your plan yet. It will appear here once they have.</p>
      </section>
    );
  }
  const { plan: p } = plan;
  return (
    <section aria-labelledby="plan-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="plan-heading" className="text-lg font-semibold">My plan</h2>
      <p className="text-sm text-slate-700">
        {p.courseWeeks} weeks, from {formatDate(p.startDate, fmt)} to {formatDate(addWeeks(p.startDate, p.courseWeeks), fmt)}. Most people feel much better within 4 to 8 weeks.
      </p>
      {sections.map(({ title, categories }) => {
        const items = p.items.filter((i) => categories.includes(catalogueEntry(i.catalogueId).category));
        if (!items.length) return null;
        return (
          <div key={title}>
            <h3 className="font-semibold">{title}</h3>
            <ul className="mt-1 space-y-2">
              {items.map((item) => (
                <li key={item.key} className="rounded-md border border-slate-200 p-3">
                  <p className="font-medium">{itemName(item)}</p>
                  <ItemDose item={item} care={plan.care} />
                  <p className="mt-1 text-sm text-slate-700">{item.instructions}</p>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {p.goals.length > 0 && (
        <div>
          <h3 className="font-semibold">My goals</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {p.goals.map((g) => (
              <li key={g.description}>
                {g.description} — by {formatDate(g.targetDate, fmt)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
