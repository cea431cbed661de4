"use client";

import { useActionState, useId, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { confirmationMethods, diagnoses, suspectedLevels } from "@/lib/domain/diagnoses";
import { SYMPTOM_SIDES } from "@/lib/domain/exam";
import { FormMessage, SelectField, SubmitButton, TextAreaField } from "@/lib/ui/form";
// Shared with the clearance form until they move into lib/ui/form.tsx.
import { RadioGroup } from "@/lib/ui/radio-group";
import { useSubmissionKey } from "@/lib/ui/use-submission-key";
import { recordDiagnosisAction } from "./actions";
import { codePreview } from "./code-preview";
import { confirmationLabel, sideLabel } from "./labels";

const CONDITION_OPTIONS = [{ value: "", label: "Choose a condition…" }, ...diagnoses.map((d) => ({ value: d.id, label: d.label }))];
const SIDE_OPTIONS = SYMPTOM_SIDES.map((side) => ({ value: side, label: sideLabel[side] ?? side }));
const LEVEL_OPTIONS = [{ value: "", label: "Not determined" }, ...suspectedLevels.map((level) => ({ value: level, label: level }))];
const CONFIRMATION_OPTIONS = confirmationMethods.map((method) => ({ value: method, label: confirmationLabel[method] }));

/** What the signed exam already says, so the form starts from it rather than asking again. */
export interface DiagnosisDefaults {
  side?: string;
  level?: string;
  /** Where the defaults came from, shown above the fields. */
  source: string;
}

export function DiagnosisForm({ patientId, defaults }: { patientId: string; defaults?: DiagnosisDefaults }) {
  const [state, action] = useActionState(recordDiagnosisAction, null);
  const key = useSubmissionKey(state);
  return <DiagnosisFields key={key} patientId={patientId} state={state} action={action} defaults={defaults} />;
}

interface DiagnosisFieldsProps {
  patientId: string;
  state: ActionState | null;
  action: (formData: FormData) => void;
  defaults?: DiagnosisDefaults;
}

function DiagnosisFields({ patientId, state, action, defaults }: DiagnosisFieldsProps) {
  const typed = state && !state.ok ? state.values : undefined;
  const [condition, setCondition] = useState(typed?.condition ?? "");
  const [side, setSide] = useState(typed?.side ?? defaults?.side ?? "");
  const [level, setLevel] = useState(typed?.level ?? defaults?.level ?? "");
  const codeLabelId = useId();
  return (
    <form action={action} noValidate className="space-y-5">
      <input type="hidden" name="patientId" value={patientId} />
      <FormMessage state={state} />
      {defaults && <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">{defaults.source}</p>}
      <SelectField name="condition" label="Condition" options={CONDITION_OPTIONS} state={state} onChange={(event) => setCondition(event.currentTarget.value)} />
      <RadioGroup name="side" legend="Side" options={SIDE_OPTIONS} state={state} defaultValue={defaults?.side} onChange={setSide} />
      <SelectField name="level" label="Suspected level" options={LEVEL_OPTIONS} state={state} defaultValue={defaults?.level} onChange={(event) => setLevel(event.currentTarget.value)} />
      <div className="rounded-md border border-slate-300 bg-slate-50 p-3">
        <p id={codeLabelId} className="text-sm font-medium text-slate-800">
          ICD-10-CM
        </p>
        <output aria-labelledby={codeLabelId} aria-live="polite" className="block font-semibold text-slate-900">
          {codePreview(condition, side, level)}
        </output>
        <p className="text-sm text-slate-700">Derived from the condition, side and level; it is stored with the diagnosis.</p>
      </div>
      <RadioGroup
        name="confirmation"
        legend="Confirmed by"
        hint="NICE NG59 advises against routine imaging outside specialist care, so a clinical confirmation is a complete answer."
        options={CONFIRMATION_OPTIONS}
        state={state}
      />
      <TextAreaField name="notes" label="Notes" state={state} />
      <SubmitButton pendingText="Recording…">Record diagnosis</SubmitButton>
    </form>
  );
}
