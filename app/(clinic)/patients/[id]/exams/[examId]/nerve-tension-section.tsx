import { LIMB_SIDES, TEST_RESULTS, testResultLabels } from "@/lib/domain/exam";
import { Field } from "@/lib/ui/form";
import { limbSideLabels, optionsOf } from "./exam-labels";
import { ExamSection, type SectionProps } from "./form-bits";
import { RadioGroup } from "./radio-group";

const testResults = optionsOf(TEST_RESULTS, testResultLabels);

export function NerveTensionSection(section: SectionProps) {
  const { state, values } = section;
  return (
    <ExamSection
      id="nerve-tension-heading"
      title="Nerve tension tests"
      state={state}
      groupErrors={[
        { name: "slr", label: "Straight-leg raise" },
        ...LIMB_SIDES.map((side) => ({ name: `slr.${side}`, label: `Straight-leg raise, ${side}` })),
        { name: "femoralStretch", label: "Femoral nerve stretch test" },
      ]}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {LIMB_SIDES.map((side) => (
          <div key={side} className="space-y-3 rounded-md border border-slate-200 p-3">
            <h3 className="font-semibold">{limbSideLabels[side]} leg</h3>
            <RadioGroup name={`slr.${side}.result`} legend={`Straight-leg raise, ${side}: result`} options={testResults} {...section} />
            <Field
              name={`slr.${side}.angle`}
              label={`Straight-leg raise, ${side}: angle (degrees)`}
              hint="Where the leg pain came on. Needed when positive; empty when not tested."
              type="number"
              inputMode="numeric"
              min={0}
              max={90}
              step={1}
              state={state}
              defaultValue={values[`slr.${side}.angle`]}
            />
            <RadioGroup name={`femoralStretch.${side}`} legend={`Femoral nerve stretch test, ${side}`} options={testResults} {...section} />
          </div>
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <RadioGroup name="crossedSlr" legend="Crossed straight-leg raise" options={testResults} {...section} />
        <RadioGroup name="slump" legend="Slump test" options={testResults} {...section} />
      </div>
    </ExamSection>
  );
}
