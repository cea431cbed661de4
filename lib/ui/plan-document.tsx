import type { PlanDocument } from "@/lib/dal/documents";
import { permissionLabel } from "@/lib/domain/permission-wording";
import { describeChange, programmeProgressText } from "@/lib/domain/walk-run";
import { EmergencyAdvice } from "./emergency-advice";
import { MyPlanSection } from "./patient-plan";
import { PermissionCard } from "./permission-card";

/** Today's walk/run stage, or the graded return to the usual volume, in the patient's words. */
function Programme({ care }: { care: PlanDocument["care"] }) {
  const { programme, returnToTraining: back } = care;
  if (programme) {
    const text = programmeProgressText(programme);
    return (
      <section aria-labelledby="programme-heading" data-print="keep" className="rounded-lg border border-slate-300 p-4">
        <h2 id="programme-heading" className="text-lg font-semibold">
          Walk/run programme: {text.stage}
        </h2>
        {programme.status === "paused" ? (
          <p className="mt-1 font-semibold text-red-800">Paused while you are not cleared to run. Do not run; your care team will restart it.</p>
        ) : (
          <>
            <p className="mt-1 font-semibold">{text.today}</p>
            <p className="text-sm">{text.progress} Each stage needs two good runs with a rest day between.</p>
          </>
        )}
        <p className="mt-1 text-sm">Latest: {describeChange(programme.lastChange)}.</p>
      </section>
    );
  }
  if (back) {
    return (
      <section aria-labelledby="programme-heading" data-print="keep" className="rounded-lg border border-slate-300 p-4">
        <h2 id="programme-heading" className="text-lg font-semibold">Back to your usual running</h2>
        <p className="mt-1 font-semibold">
          {back.done ? `You are back to your usual ${back.goalKm} km a week.` : `Week ${back.week} of ${back.weeks.length}: about ${back.targetKm} km this week, on the way to your usual ${back.goalKm} km.`}
        </p>
        <ol className="mt-1 grid grid-cols-4 gap-x-4 text-sm">
          {back.weeks.map((w) => (
            <li key={w.week} className={w.week === back.week ? "font-semibold" : undefined}>
              Week {w.week}: {w.km} km
            </li>
          ))}
        </ol>
      </section>
    );
  }
  return null;
}

/**
 * The patient's plan on paper, the same for the patient and the care team: the clearance in force
 * and its limits in plain words (PermissionCard, from the state in force), today's walk/run stage,
 * every plan item with its dose, and the emergency advice with the clinic's number and every sign.
 */
export function PlanDocumentBody({ doc }: { doc: PlanDocument }) {
  return (
    <>
      <p data-testid="clearance-in-force">
        <span className="font-semibold">Clearance to run when printed: </span>
        {permissionLabel(doc.care.permission)}
      </p>
      <PermissionCard care={doc.care} settings={doc.settings} emergencyAdvice={false} />
      <Programme care={doc.care} />
      <MyPlanSection plan={doc.plan} />
      <section aria-label="Emergency signs" data-print="keep" className="rounded-lg border-2 border-red-800 p-4 text-red-950">
        <EmergencyAdvice settings={doc.settings} />
      </section>
    </>
  );
}
