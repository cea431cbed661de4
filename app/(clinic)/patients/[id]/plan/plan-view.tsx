import type { MedicationFinding, Plan } from "@/lib/domain/plan";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { itemName } from "@/lib/domain/plan";
import { catalogueEntry, describeDose } from "@/lib/domain/plan-catalogue";
import { formatDate } from "@/lib/ui/format";
import { CourseSummary } from "./course-summary";
import { groupByCategory } from "./labels";

interface PlanViewProps {
  plan: Plan;
  /** Guardrail findings for the plan's medicines, when known, shown beside each. */
  medications?: MedicationFinding[];
}

/** A saved plan, read-only: what the patient does, grouped as the catalogue groups it. */
export async function PlanView({ plan, medications = [] }: PlanViewProps) {
  const fmt = await getReaderFormat();
  return (
    <div className="space-y-4">
      <CourseSummary startDate={plan.startDate} courseWeeks={plan.courseWeeks} />
      {groupByCategory(plan.items, (item) => catalogueEntry(item.catalogueId).category).map((group) => (
        <div key={group.category}>
          <h3 className="font-semibold">{group.label}</h3>
          <ul className="mt-1 space-y-2">
            {group.items.map((item) => {
              const finding = medications.find((m) => m.itemKey === item.key);
              return (
                <li key={item.key} className="rounded-md border border-slate-200 p-3 text-sm">
                  <p className="font-medium text-slate-900">{itemName(item)}</p>
                  {item.dose.kind !== "advice" && <p className="text-slate-800">{describeDose(item.dose)}</p>}
                  <p className="mt-1 text-slate-700">{item.instructions}</p>
                  {finding && finding.check.severity !== "none" && (
                    <ul className={`mt-2 list-disc space-y-1 pl-5 ${finding.check.severity === "warning" ? "text-red-800" : "text-amber-950"}`}>
                      {finding.check.reasons.map((reason) => (
                        <li key={reason}>{reason}</li>
                      ))}
                    </ul>
                  )}
                  {item.justification !== "" && (
                    <p className="mt-2 text-slate-800">
                      <span className="font-medium">Reason for prescribing:</span> {item.justification}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <div>
        <h3 className="font-semibold">Goals</h3>
        {plan.goals.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">No goals set.</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-800">
            {plan.goals.map((goal, i) => (
              <li key={i}>
                {goal.description} — by {formatDate(goal.targetDate, fmt)}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
