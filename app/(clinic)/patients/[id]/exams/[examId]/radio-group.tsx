import { RadioGroup as SharedRadioGroup } from "@/lib/ui/radio-group";
import type { Option } from "./exam-labels";
import { startingValue, type SectionProps } from "./form-bits";

interface RadioGroupProps extends SectionProps {
  name: string;
  legend: string;
  options: readonly Option[];
}

/** The shared radio group, starting from what was just submitted or the saved draft. */
export function RadioGroup({ name, legend, options, ...section }: RadioGroupProps) {
  return <SharedRadioGroup name={name} legend={legend} options={options} state={section.state} defaultValue={startingValue(section, name)} />;
}
