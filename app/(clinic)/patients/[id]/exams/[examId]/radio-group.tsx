import { RadioGroup as SharedRadioGroup } from "@/lib/ui/radio-group";
import type { Option } from "./exam-labels";
import type { SectionProps } from "./form-bits";

interface RadioGroupProps extends SectionProps {
  name: string;
  legend: string;
  options: readonly Option[];
}

/** The shared radio group, starting from the saved draft; it brings back a refused submission itself. */
export function RadioGroup({ name, legend, options, state, values }: RadioGroupProps) {
  return <SharedRadioGroup name={name} legend={legend} options={options} state={state} defaultValue={values[name]} />;
}
