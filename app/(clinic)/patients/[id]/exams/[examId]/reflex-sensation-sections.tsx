import {
  LIMB_SIDES,
  REFLEX_GRADES,
  SENSATION_GRADES,
  reflexGradeLabels,
  reflexTests,
  sensationAreas,
  sensationGradeLabels,
} from "@/lib/domain/exam";
import { ScrollRegion } from "@/lib/ui/scroll-region";
import { chooseOption, optionsOf } from "./exam-labels";
import { ExamSection, type SectionProps } from "./form-bits";
import { SelectCell, headCell, rowHeadCell, textCell } from "./table-cells";

const reflexOptions = [chooseOption, ...optionsOf(REFLEX_GRADES, reflexGradeLabels)];
const sensationOptions = [chooseOption, ...optionsOf(SENSATION_GRADES, sensationGradeLabels)];

function SidedHead({ first, second }: { first: string; second: string }) {
  return (
    <thead className="bg-slate-50">
      <tr>
        <th scope="col" className={headCell}>{first}</th>
        <th scope="col" className={headCell}>{second}</th>
        <th scope="col" className={headCell}>Left</th>
        <th scope="col" className={headCell}>Right</th>
      </tr>
    </thead>
  );
}

export function ReflexesSection(section: SectionProps) {
  return (
    <ExamSection
      id="reflexes-heading"
      title="Reflexes"
      state={section.state}
      groupErrors={[
        { name: "reflexes", label: "Reflexes" },
        ...reflexTests.map((t) => ({ name: `reflexes.${t.reflex}`, label: t.label })),
      ]}
    >
      <ScrollRegion label="Reflexes, left and right">
        <table className="w-full text-sm">
          <caption className="sr-only">Reflexes, left and right</caption>
          <SidedHead first="Reflex" second="Roots" />
          <tbody className="divide-y divide-slate-200">
            {reflexTests.map((test) => (
              <tr key={test.reflex}>
                <th scope="row" className={rowHeadCell}>{test.label}</th>
                <td className={textCell}>{test.roots}</td>
                {LIMB_SIDES.map((side) => (
                  <SelectCell key={side} name={`reflexes.${test.reflex}.${side}`} label={`${test.label}, ${side}`} options={reflexOptions} {...section} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </ExamSection>
  );
}

export function SensationSection(section: SectionProps) {
  return (
    <ExamSection
      id="sensation-heading"
      title="Sensation"
      state={section.state}
      groupErrors={[
        { name: "sensation", label: "Sensation" },
        ...sensationAreas.map((a) => ({ name: `sensation.${a.root}`, label: `${a.root} ${a.area.toLowerCase()}` })),
      ]}
    >
      <ScrollRegion label="Sensation, left and right">
        <table className="w-full text-sm">
          <caption className="sr-only">Sensation by dermatome, left and right</caption>
          <SidedHead first="Root" second="Area" />
          <tbody className="divide-y divide-slate-200">
            {sensationAreas.map((area) => (
              <tr key={area.root}>
                <th scope="row" className={rowHeadCell}>{area.root}</th>
                <td className={textCell}>{area.area}</td>
                {LIMB_SIDES.map((side) => (
                  <SelectCell
                    key={side}
                    name={`sensation.${area.root}.${side}`}
                    label={`${area.root} sensation, ${area.area.toLowerCase()}, ${side}`}
                    options={sensationOptions}
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
