import {
  reflexGradeLabels,
  reflexTests,
  sensationAreas,
  sensationGradeLabels,
  strengthTests,
  testResultLabels,
  type ExamDraft,
} from "@/lib/domain/exam";
import { NOT_RECORDED, labelOf } from "./exam-labels";
import { SidedTable } from "./sided-table";

type SlrSide = NonNullable<NonNullable<ExamDraft["slr"]>["left"]>;

const card = "rounded-lg border border-slate-200 bg-white p-4";

function slrText(test: SlrSide | undefined): string {
  const result = labelOf(test?.result, testResultLabels);
  return test?.angle === null || test?.angle === undefined ? result : `${result} at ${test.angle}°`;
}

function grade(value: number | undefined): string {
  return value === undefined ? NOT_RECORDED : `${value}/5`;
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className={card}>
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function NeuroFindings({ findings }: { findings: ExamDraft }) {
  const { slr, femoralStretch, strength, reflexes, sensation } = findings;
  return (
    <>
      <Section id="nerve-tension-heading" title="Nerve tension tests">
        <SidedTable
          label="Nerve tension tests, left and right"
          columns={["Test"]}
          rows={[
            { key: "slr", cells: ["Straight-leg raise"], left: slrText(slr?.left), right: slrText(slr?.right) },
            { key: "crossed", cells: ["Crossed straight-leg raise"], both: labelOf(findings.crossedSlr, testResultLabels) },
            { key: "slump", cells: ["Slump test"], both: labelOf(findings.slump, testResultLabels) },
            {
              key: "femoral",
              cells: ["Femoral nerve stretch test"],
              left: labelOf(femoralStretch?.left, testResultLabels),
              right: labelOf(femoralStretch?.right, testResultLabels),
            },
          ]}
        />
      </Section>
      <Section id="strength-heading" title="Strength (MRC grade)">
        <SidedTable
          label="Strength by root, left and right"
          columns={["Root", "Muscle"]}
          rows={strengthTests.map((t) => ({
            key: t.root,
            cells: [t.root, t.muscle],
            left: grade(strength?.[t.root]?.left),
            right: grade(strength?.[t.root]?.right),
          }))}
        />
      </Section>
      <Section id="reflexes-heading" title="Reflexes">
        <SidedTable
          label="Reflexes, left and right"
          columns={["Reflex", "Roots"]}
          rows={reflexTests.map((t) => ({
            key: t.reflex,
            cells: [t.label, t.roots],
            left: labelOf(reflexes?.[t.reflex]?.left, reflexGradeLabels),
            right: labelOf(reflexes?.[t.reflex]?.right, reflexGradeLabels),
          }))}
        />
      </Section>
      <Section id="sensation-heading" title="Sensation">
        <SidedTable
          label="Sensation, left and right"
          columns={["Root", "Area"]}
          rows={sensationAreas.map((a) => ({
            key: a.root,
            cells: [a.root, a.area],
            left: labelOf(sensation?.[a.root]?.left, sensationGradeLabels),
            right: labelOf(sensation?.[a.root]?.right, sensationGradeLabels),
          }))}
        />
      </Section>
    </>
  );
}
