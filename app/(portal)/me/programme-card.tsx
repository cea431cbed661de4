import type { MyDay } from "@/lib/dal/activity";

/**
 * The walk/run programme, or the graded return to training after healing, as the patient reads
 * it: today's session, the stage, the good runs counted, and a step back explained. No hooks: the
 * home page (server) and the daily log (client) both show it.
 */
export function ProgrammeCard({ day, headingLevel = 2 }: { day: Pick<MyDay, "programme" | "returnToTraining">; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const { programme, returnToTraining: back } = day;
  if (programme) {
    return (
      <section aria-labelledby="programme-heading" className="rounded-lg border border-brand-700 bg-brand-50 p-4">
        <Heading id="programme-heading" className="text-lg font-semibold">
          Walk/run programme: {programme.stage}
        </Heading>
        {programme.status === "paused" ? (
          <p className="mt-1 font-semibold text-red-800">Paused while you are not cleared to run. Do not run; your care team will restart it.</p>
        ) : (
          <>
            <p className="mt-1 font-semibold">{programme.today}</p>
            <p className="text-sm text-slate-800">{programme.progress} Each stage needs two good runs with a rest day between.</p>
          </>
        )}
        {programme.steppedBack ? (
          <p role="status" className="mt-2 rounded-md border-2 border-amber-600 bg-amber-50 p-2 text-sm font-medium text-amber-950">
            {programme.lastChange}
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-800">Latest: {programme.lastChange}.</p>
        )}
        <p className="mt-2 text-sm text-slate-700">After each run, enter your pain during and after it, and your pain the next morning: they decide whether you move on, stay, or step back.</p>
      </section>
    );
  }
  if (back) {
    return (
      <section aria-labelledby="programme-heading" className="rounded-lg border border-emerald-700 bg-emerald-50 p-4">
        <Heading id="programme-heading" className="text-lg font-semibold">
          Back to your usual running
        </Heading>
        <p className="mt-1 font-semibold">
          {back.done ? `You are back to your usual ${back.goalKm} km a week.` : `Week ${back.week} of ${back.weeks}: about ${back.targetKm} km this week, on the way to your usual ${back.goalKm} km.`}
        </p>
        <details className="mt-2 text-sm">
          <summary className="inline-flex min-h-8 cursor-pointer items-center font-medium underline underline-offset-2">Every week of the plan</summary>
          <ol className="mt-1 grid grid-cols-2 gap-x-4 sm:grid-cols-4">
            {back.plan.map((w) => (
              <li key={w.week} className={w.week === back.week ? "font-semibold" : undefined}>
                Week {w.week}: {w.km} km
              </li>
            ))}
          </ol>
        </details>
        <p className="mt-2 text-sm text-slate-700">Add no more than about a tenth to your weekly distance each week.</p>
      </section>
    );
  }
  return null;
}
