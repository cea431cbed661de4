import { LIMB_SIDES, strengthTests } from "@/lib/domain/exam";
import { ExamSection, type SectionProps } from "./form-bits";
import { GradeCell, SidedInputTable, rowHeadCell, textCell } from "./table-cells";

export function StrengthSection(section: SectionProps) {
  return (
    <ExamSection
      id="strength-heading"
      title="Strength"
      intro="MRC grade from 0 (no contraction) to 5 (normal power), each side."
      state={section.state}
      groupErrors={[
        { name: "strength", label: "Strength" },
        ...strengthTests.map((t) => ({ name: `strength.${t.root}`, label: `${t.root} ${t.muscle.toLowerCase()}` })),
      ]}
    >
      <SidedInputTable
        label="Strength by root, left and right"
        caption="Muscle strength, MRC grade 0 to 5, left and right"
        columns={["Root", "Muscle"]}
      >
        {strengthTests.map((test) => (
          <tr key={test.root}>
            <th scope="row" className={rowHeadCell}>{test.root}</th>
            <td className={textCell}>
              {test.muscle}
              {test.hint && <span className="block text-slate-700">{test.hint}</span>}
            </td>
            {LIMB_SIDES.map((side) => (
              <GradeCell
                key={side}
                name={`strength.${test.root}.${side}`}
                label={`${test.root} ${test.muscle.toLowerCase()}, ${side}, MRC grade`}
                {...section}
              />
            ))}
          </tr>
        ))}
      </SidedInputTable>
    </ExamSection>
  );
}
