import { MECHANISMS, PAIN_PATTERNS, SYMPTOM_SIDES, mechanismLabels } from "@/lib/domain/exam";
import { CURRENT_MEDICINE_CLASSES, currentMedicineLabels, NSAID_RISKS, nsaidRiskLabels } from "@/lib/domain/medication-guardrails";
import { Field, SelectField } from "@/lib/ui/form";
import { chooseOption, optionsOf, painPatternLabels, symptomSideLabels, yesNoOptions } from "./exam-labels";
import { ExamSection, startingValue, type SectionProps } from "./form-bits";
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
      <div className="grid gap-4 sm:grid-cols-2">
        <Ticks
          section={section}
          legend="Already takes for this pain"
          hint="NICE NG59 asks you to explain the risks of continuing these."
          name="history.currentMedicines"
          options={CURRENT_MEDICINE_CLASSES.map((c) => ({ value: c, label: currentMedicineLabels[c] }))}
        />
        <Ticks
          section={section}
          legend="NSAID risk factors"
          hint="Turn the NSAID advice into a warning. Age 65 or over counts by itself."
          name="history.nsaidRisks"
          options={NSAID_RISKS.map((r) => ({ value: r, label: nsaidRiskLabels[r] }))}
        />
      </div>
    </ExamSection>
  );
}

/** Tick all that apply; an unticked box is "no". */
function Ticks({ section, legend, hint, name, options }: { section: SectionProps; legend: string; hint: string; name: string; options: { value: string; label: string }[] }) {
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <p className="text-sm text-slate-700">{hint} Tick all that apply; leave empty for none.</p>
      <div className="mt-1 space-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name={`${name}.${o.value}`} defaultChecked={startingValue(section, `${name}.${o.value}`) === "on"} className="h-5 w-5" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
