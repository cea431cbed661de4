import {
  LIMB_SIDES,
  REFLEX_GRADES,
  SENSATION_GRADES,
  reflexGradeLabels,
  reflexTests,
  sensationAreas,
  sensationGradeLabels,
} from "@/lib/domain/exam";
import { chooseOption, optionsOf } from "./exam-labels";
import { ExamSection, type SectionProps } from "./form-bits";
import { SelectCell, SidedInputTable, rowHeadCell, textCell } from "./table-cells";

const reflexOptions = [chooseOption, ...optionsOf(REFLEX_GRADES, reflexGradeLabels)];
const sensationOptions = [chooseOption, ...optionsOf(SENSATION_GRADES, sensationGradeLabels)];

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
      <SidedInputTable label="Reflexes, left and right" caption="Reflexes, left and right" columns={["Reflex", "Roots"]}>
        {reflexTests.map((test) => (
          <tr key={test.reflex}>
            <th scope="row" className={rowHeadCell}>{test.label}</th>
            <td className={textCell}>{test.roots}</td>
            {LIMB_SIDES.map((side) => (
              <SelectCell key={side} name={`reflexes.${test.reflex}.${side}`} label={`${test.label}, ${side}`} options={reflexOptions} {...section} />
            ))}
          </tr>
        ))}
      </SidedInputTable>
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
      <SidedInputTable label="Sensation, left and right" caption="Sensation by dermatome, left and right" columns={["Root", "Area"]}>
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
      </SidedInputTable>
    </ExamSection>
  );
}
