import { LIMB_SIDES, strengthTests } from "@/lib/domain/exam";
import { ScrollRegion } from "@/lib/ui/scroll-region";
import { ExamSection, type SectionProps } from "./form-bits";
import { GradeCell, headCell, rowHeadCell, textCell } from "./table-cells";

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
      <ScrollRegion label="Strength by root, left and right">
        <table className="w-full text-sm">
          <caption className="sr-only">Muscle strength, MRC grade 0 to 5, left and right</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={headCell}>Root</th>
              <th scope="col" className={headCell}>Muscle</th>
              <th scope="col" className={headCell}>Left</th>
              <th scope="col" className={headCell}>Right</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
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
          </tbody>
        </table>
      </ScrollRegion>
    </ExamSection>
  );
}
