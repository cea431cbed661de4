import { FOOT_MECHANICS, LIMB_SIDES, footMechanicsLabels } from "@/lib/domain/exam";
import { SelectField, TextAreaField } from "@/lib/ui/form";
import { chooseOption, optionsOf } from "./exam-labels";
import { ExamSection, type SectionProps } from "./form-bits";

const footOptions = [chooseOption, ...optionsOf(FOOT_MECHANICS, footMechanicsLabels)];

export function RunnerSection({ state, values }: SectionProps) {
  return (
    <ExamSection
      id="runner-heading"
      title="Runner-specific"
      state={state}
      groupErrors={[{ name: "footMechanics", label: "Foot mechanics" }]}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {LIMB_SIDES.map((side) => (
          <SelectField
            key={side}
            name={`footMechanics.${side}`}
            label={`Foot mechanics, ${side}`}
            options={footOptions}
            state={state}
            defaultValue={values[`footMechanics.${side}`] ?? ""}
          />
        ))}
      </div>
      <TextAreaField name="posture" label="Posture" state={state} defaultValue={values.posture} />
      <TextAreaField name="gait" label="Gait" hint="Running gait if seen: cadence, over-striding, foot strike." state={state} defaultValue={values.gait} />
    </ExamSection>
  );
}

export function NotesSection({ state, values }: SectionProps) {
  return (
    <ExamSection id="notes-heading" title="Notes" state={state}>
      <TextAreaField name="notes" label="Notes" hint="Anything else found or discussed." state={state} defaultValue={values.notes} />
    </ExamSection>
  );
}
