import { redFlags } from "@/lib/domain/red-flags";
import { redFlagGroups, yesNoOptions } from "./exam-labels";
import { ExamSection, startingValue, type SectionProps } from "./form-bits";
import { NoneOfTheseButton } from "./quick-fill";
import { RadioGroup } from "./radio-group";

// A flag answered "yes" turns its box red at once, before anything is saved, and offers the
// long-standing box (DOMAIN.md §2: a symptom assessed as long-standing does not re-alarm).
const flagBox =
  "group rounded-md border border-slate-300 px-3 py-1 has-[input[value=yes]:checked]:border-2 has-[input[value=yes]:checked]:border-red-700 has-[input[value=yes]:checked]:bg-red-50";

export function RedFlagsSection(section: SectionProps) {
  return (
    <ExamSection
      id="red-flags-heading"
      title="Red flags"
      danger
      intro="Answer every flag. A “Yes” in the first group means emergency care now, in the second a same-day medical review; either means no clearance, and signing raises an alert on the chart. A sign you have assessed as long-standing (for example both legs in known stenosis) can be marked so: it raises no alert, and check-ins ask only whether it got worse."
      state={section.state}
      groupErrors={[{ name: "redFlags", label: "Red flags" }]}
    >
      <div className="flex flex-wrap items-center gap-3">
        <NoneOfTheseButton flagIds={redFlags.map((flag) => flag.id)} label="None of these" />
        <p className="text-sm text-slate-700">Answers “No” to all {redFlags.length}; each is recorded as asked and answered. Change any that apply.</p>
      </div>
      {redFlagGroups.map(({ tier, title }) => (
        <fieldset key={tier} className="min-w-0">
          <legend className="mb-2 text-base font-semibold text-red-800">{title}</legend>
          <div className="grid gap-2 lg:grid-cols-2">
          {redFlags
            .filter((flag) => flag.tier === tier)
            .map((flag) => (
              <div key={flag.id} className={flagBox}>
                <RadioGroup name={`redFlags.${flag.id}`} legend={flag.clinicianLabel} options={yesNoOptions} {...section} />
                <label className="hidden min-h-11 items-center gap-2 text-sm group-has-[input[value=yes]:checked]:flex">
                  <input
                    type="checkbox"
                    name={`redFlagsLongStanding.${flag.id}`}
                    defaultChecked={startingValue(section, `redFlagsLongStanding.${flag.id}`) === "on"}
                    className="h-5 w-5"
                  />
                  Long-standing and already assessed: no alert
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      ))}
    </ExamSection>
  );
}
