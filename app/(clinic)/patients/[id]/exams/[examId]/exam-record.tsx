import type { ExamView } from "@/lib/dal/exams";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { activeRedFlags, redFlagLabel } from "@/lib/domain/red-flags";
import { formatDateTime } from "@/lib/ui/format";
import { Addenda } from "./addenda";
import { HistoryFindings, RedFlagFindings } from "./history-findings";
import { LevelSuggestionPanel } from "./level-suggestion-panel";
import { NeuroFindings } from "./neuro-findings";
import { RunnerFindings } from "./runner-findings";

/**
 * The exam as recorded, read-only: every signed exam, and a draft for those who may not edit it
 * (therapists, or a physician reading under emergency access).
 */
export async function ExamRecord({ exam, canAddAddendum }: { exam: ExamView; canAddAddendum: boolean }) {
  const fmt = await getReaderFormat();
  const flags = activeRedFlags(exam.findings.redFlags ?? {});
  const signed = exam.status === "signed";
  return (
    <div className="space-y-4">
      <p className={`rounded-md border px-4 py-3 text-sm ${signed ? "border-slate-300 bg-white text-slate-800" : "border-amber-400 bg-amber-50 text-amber-950"}`}>
        {signed && exam.signedAt ? (
          <>
            <span className="font-semibold">Signed by {exam.signedByName} on {formatDateTime(exam.signedAt, fmt)}.</span> Started by {exam.authorName}{" "}
            on {formatDateTime(exam.createdAt, fmt)}.
          </>
        ) : (
          <>
            <span className="font-semibold">Draft, not signed yet.</span> Started by {exam.authorName} on {formatDateTime(exam.createdAt, fmt)}; these
            findings may still change.
          </>
        )}
      </p>
      {flags.length > 0 && (
        <p className="rounded-md border-2 border-red-700 bg-red-700 px-4 py-3 font-semibold text-white">
          Red flag{flags.length > 1 ? "s" : ""} recorded: {flags.map(redFlagLabel).join("; ")}.
        </p>
      )}
      <HistoryFindings history={exam.findings.history} />
      <RedFlagFindings answers={exam.findings.redFlags} longStanding={exam.findings.redFlagsLongStanding} />
      <NeuroFindings findings={exam.findings} />
      <LevelSuggestionPanel suggestion={exam.suggestion} />
      <RunnerFindings findings={exam.findings} />
      {signed && <Addenda patientId={exam.patientId} examId={exam.id} addenda={exam.addenda} canAdd={canAddAddendum} />}
    </div>
  );
}
