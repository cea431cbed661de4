import type { TherapySessionView } from "@/lib/dal/therapy-sessions";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { attendanceLabels } from "@/lib/domain/therapy-session";
import { formatDate } from "@/lib/ui/format";

/** Every recorded session, newest first. */
export async function SessionList({ sessions }: { sessions: TherapySessionView[] }) {
  const fmt = await getReaderFormat();
  return (
    <section aria-labelledby="sessions-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="sessions-heading" className="text-lg font-semibold">Sessions</h2>
      {sessions.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No sessions recorded yet.</p>
      ) : (
        <ol className="mt-2 divide-y divide-slate-200">
          {sessions.map((s) => (
            <li key={s.id} className="py-3 text-sm">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                <span>{formatDate(s.sessionDate, fmt)}</span>
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-semibold ${s.attendance === "no_show" ? "bg-amber-100 text-amber-900" : "bg-emerald-100 text-emerald-900"}`}
                >
                  {attendanceLabels[s.attendance]}
                </span>
              </p>
              {s.exercisesInClinic && <p className="mt-1 text-slate-800">In the clinic: {s.exercisesInClinic}</p>}
              {s.notes && <p className="mt-1 text-slate-700">Notes: {s.notes}</p>}
              <p className="mt-1 text-xs text-slate-600">Recorded by {s.therapistName}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
