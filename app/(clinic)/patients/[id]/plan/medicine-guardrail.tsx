import type { MedicationCheck } from "@/lib/domain/medication-guardrails";
import { TextArea } from "./controls";

interface MedicineGuardrailProps {
  of: string;
  check: MedicationCheck;
  justification: string;
  onJustificationChange: (value: string) => void;
  errors?: string[];
}

const panel = {
  none: "",
  advice: "rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950",
  warning: "space-y-2 rounded-md border-2 border-red-700 bg-red-50 p-3 text-red-900",
} as const;

/**
 * NICE NG59 (2020) guardrails, checked as the physician types. A warning does not block the
 * prescription; the server refuses to save it without the reason, so the box appears with it.
 */
export function MedicineGuardrail({ of, check, justification, onJustificationChange, errors }: MedicineGuardrailProps) {
  const { severity, reasons } = check;
  return (
    <div className={`text-sm ${panel[severity]}`}>
      {/* Always present, so a finding that appears while the drug is typed is read out; the
          justification box stays outside it, or every keystroke there would be read out too. */}
      <div aria-live="polite">
        {severity !== "none" && (
          <>
            <p className="font-semibold">{severity === "warning" ? "Guardrail warning" : "Prescribing advice"}</p>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      {severity === "warning" && (
        <TextArea
          of={of}
          label="Why prescribe it anyway?"
          hint="Required to save. Recorded with this version of the plan."
          required
          value={justification}
          onChange={onJustificationChange}
          errors={errors}
        />
      )}
    </div>
  );
}
