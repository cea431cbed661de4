import { redFlags } from "@/lib/domain/red-flags";
import { redFlagGroups, yesNoOptions } from "./exam-labels";
import { ExamSection, type SectionProps } from "./form-bits";
import { RadioGroup } from "./radio-group";

// A flag answered "yes" turns its box red at once, before anything is saved.
const flagBox = "rounded-md border border-slate-300 px-3 py-1 has-[input[value=yes]:checked]:border-2 has-[input[value=yes]:checked]:border-red-700 has-[input[value=yes]:checked]:bg-red-50";

export function RedFlagsSection(section: SectionProps) {
  return (
    <ExamSection
      id="red-flags-heading"
      title="Red flags"
      danger
      intro="Answer every flag. Any “Yes” means emergency care now and no clearance to run; signing raises an alert on the chart."
      state={section.state}
      groupErrors={[{ name: "redFlags", label: "Red flags" }]}
    >
      {redFlagGroups.map(({ tier, title }) => (
        <fieldset key={tier} className="min-w-0 space-y-2">
          <legend className="mb-2 text-base font-semibold text-red-800">{title}</legend>
          {redFlags
            .filter((flag) => flag.tier === tier)
            .map((flag) => (
              <div key={flag.id} className={flagBox}>
                <RadioGroup name={`redFlags.${flag.id}`} legend={flag.clinicianLabel} options={yesNoOptions} {...section} />
              </div>
            ))}
        </fieldset>
      ))}
    </ExamSection>
  );
}
