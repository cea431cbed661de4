import { MECHANISMS, PAIN_PATTERNS, SYMPTOM_SIDES, mechanismLabels } from "@/lib/domain/exam";
import { Field, SelectField } from "@/lib/ui/form";
import { chooseOption, optionsOf, painPatternLabels, symptomSideLabels, yesNoOptions } from "./exam-labels";
import { ExamSection, type SectionProps } from "./form-bits";
import { RadioGroup } from "./radio-group";

// Both pain scores are on the 0–10 numeric rating scale.
const painScale = { type: "number", inputMode: "numeric", min: 0, max: 10, step: 1 } as const;

export function HistorySection(section: SectionProps) {
  const { state, values } = section;
  return (
    <ExamSection id="history-heading" title="History" state={state} groupErrors={[{ name: "history", label: "History" }]}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="history.onsetDate" label="Date the pain started" type="date" state={state} defaultValue={values["history.onsetDate"]} />
        <SelectField
          name="history.mechanism"
          label="How the pain started"
          options={[chooseOption, ...optionsOf(MECHANISMS, mechanismLabels)]}
          state={state}
          defaultValue={values["history.mechanism"] ?? ""}
        />
        <Field
          name="history.mechanismNotes"
          label="Details of how it started"
          hint="Needed when the cause is “Other”."
          state={state}
          defaultValue={values["history.mechanismNotes"]}
        />
        <RadioGroup name="history.trauma" legend="Did it start with trauma?" options={yesNoOptions} {...section} />
        <RadioGroup name="history.side" legend="Side of the leg symptoms" options={optionsOf(SYMPTOM_SIDES, symptomSideLabels)} {...section} />
        <RadioGroup name="history.painPattern" legend="Which hurts more" options={optionsOf(PAIN_PATTERNS, painPatternLabels)} {...section} />
        <Field name="history.painNow" label="Pain now (0–10)" {...painScale} state={state} defaultValue={values["history.painNow"]} />
        <Field name="history.painWorst" label="Worst pain (0–10)" {...painScale} state={state} defaultValue={values["history.painWorst"]} />
      </div>
    </ExamSection>
  );
}
