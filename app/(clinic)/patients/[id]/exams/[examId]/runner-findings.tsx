import { footMechanicsLabels, type ExamDraft } from "@/lib/domain/exam";
import { NOT_RECORDED, labelOf } from "./exam-labels";
import { SidedTable } from "./sided-table";

function Text({ label, value }: { label: string; value: string | undefined }) {
  return (
    <div className="mt-3">
      <h3 className="font-semibold">{label}</h3>
      <p className="whitespace-pre-wrap text-sm text-slate-800">{value || NOT_RECORDED}</p>
    </div>
  );
}

export function RunnerFindings({ findings }: { findings: ExamDraft }) {
  return (
    <section aria-labelledby="runner-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="runner-heading" className="text-lg font-semibold">Runner-specific</h2>
      <SidedTable
        label="Foot mechanics, left and right"
        columns={["Finding"]}
        rows={[
          {
            key: "foot",
            cells: ["Foot mechanics"],
            left: labelOf(findings.footMechanics?.left, footMechanicsLabels),
            right: labelOf(findings.footMechanics?.right, footMechanicsLabels),
          },
        ]}
      />
      <Text label="Posture" value={findings.posture} />
      <Text label="Gait" value={findings.gait} />
      <Text label="Notes" value={findings.notes} />
    </section>
  );
}
