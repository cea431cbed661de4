import { getWalkRunProgramme } from "@/lib/dal/walk-run";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { SESSIONS_PER_STAGE } from "@/lib/domain/progression";
import { describeChange, LAST_STAGE, type RunEffect } from "@/lib/domain/walk-run";
import { formatDate } from "@/lib/ui/format";
import { SetStageForm, SignOffForm } from "./walk-run-forms";

const card = "rounded-lg border border-slate-200 bg-white p-4";
const effectLabel: Record<RunEffect, string> = {
  counted: "good run, counted",
  counted_advanced: "good run: moved up",
  too_soon: "good, but no rest day before it",
  below_stage: "below the stage in force",
  hold: "hold: count starts again",
  step_back: "step back",
  pending: "waiting for next-morning pain",
  held_by_clearance: "good, held by the clearance",
};

/** The walk/run programme on the chart (DOMAIN.md §6, §10.6), or the return to training after healing. */
export async function WalkRunCard({ patientId, canSignOff, canSetStage }: { patientId: string; canSignOff: boolean; canSetStage: boolean }) {
  const [view, fmt] = await Promise.all([getWalkRunProgramme(patientId), getReaderFormat()]);
  const { programme: p, returnToTraining: back } = view;
  return (
    <section aria-labelledby="walk-run-heading" className={`${card} space-y-3`}>
      <h2 id="walk-run-heading" className="text-lg font-semibold">Walk/run programme</h2>
      {p ? (
        <>
          <p>
            <span className="font-semibold">
              Stage {p.stage} of {LAST_STAGE}: {p.session.patientLabel}
            </span>{" "}
            · {p.countedAtStage} of {SESSIONS_PER_STAGE} good runs at this stage{p.status === "paused" && " · paused: not cleared to run"}
            {p.heldByClearance && ` · held at stage ${p.stage} by the clearance (allows ${p.clearanceCap})`}
          </p>
          <p className={`text-sm ${p.lastChange.kind === "step_back" ? "rounded-md border-2 border-amber-600 bg-amber-50 p-2 font-medium text-amber-950" : "text-slate-700"}`}>
            {describeChange(p.lastChange)} on {formatDate(p.lastChange.date, fmt)}: {p.lastChange.reason}
          </p>
          {p.runs.length > 0 && (
            <ul className="space-y-1 text-sm">
              {p.runs.slice(0, 6).map((r) => (
                <li key={r.runId}>
                  {formatDate(r.localDate, fmt)}, stage {r.stage}: {effectLabel[r.effect]}
                </li>
              ))}
            </ul>
          )}
          {canSetStage && p.status === "active" && (
            <details className="rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer font-medium">Set the stage</summary>
              <div className="mt-2">
                <SetStageForm patientId={patientId} stage={p.stage} cap={view.cap} />
              </div>
            </details>
          )}
        </>
      ) : back ? (
        <p>
          Healed: graded return to {back.goalKm} km a week, {back.done ? "completed" : `week ${back.week} of ${back.weeks.length} (about ${back.targetKm} km this week)`}, from{" "}
          {back.startKm} km in the week before healing.
        </p>
      ) : view.mayStart ? (
        <>
          <p className="text-sm text-slate-700">Not started. Sign off the entry criteria to start at stage 1 (run 1 min, walk 4 min, 5 times).</p>
          {canSignOff && <SignOffForm patientId={patientId} />}
        </>
      ) : (
        <p className="text-sm text-slate-700">Not started: the programme can begin once a clearance in force allows running.</p>
      )}
    </section>
  );
}
