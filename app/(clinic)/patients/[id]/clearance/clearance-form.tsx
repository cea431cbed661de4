"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { addMonths, CLEARANCE_LEVELS, MAX_PAIN_AT_REST_FOR_FULL, MAX_PAIN_AT_REST_FOR_RESTRICTED, MAX_REVIEW_MONTHS, type ClearanceLevel, type Restrictions } from "@/lib/domain/clearance";
import type { RedFlagId } from "@/lib/domain/red-flags";
import { Field, FormMessage, SubmitButton, TextAreaField } from "@/lib/ui/form";
import { decideClearanceAction } from "./actions";
import { restrictionFormValues } from "./clearance-form-data";
import { RadioGroup } from "@/lib/ui/radio-group";
import { RestrictionsFieldset } from "./restrictions-fieldset";
import { RulesPreview, type SerializedExam } from "./rules-preview";
import { useSubmissionKey } from "@/lib/ui/use-submission-key";

const LEVEL_OPTIONS = [
  { value: "not_cleared", label: "Not cleared" },
  { value: "restricted", label: "Cleared with restrictions" },
  { value: "full", label: "Fully cleared" },
] as const satisfies readonly { value: ClearanceLevel; label: string }[];

interface ClearanceFormProps {
  patientId: string;
  /** The version this decision builds on (0 for the first); the server refuses it if stale. */
  currentVersion: number;
  currentRestrictions: Restrictions | null;
  activeRedFlags: RedFlagId[];
  lastSignedExam: SerializedExam | null;
  now: string;
  /** The patient's today, YYYY-MM-DD: the review date must come after it. */
  today: string;
}

function asLevel(value: string | undefined): ClearanceLevel | null {
  return CLEARANCE_LEVELS.find((level) => level === value) ?? null;
}

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function ClearanceForm(props: ClearanceFormProps) {
  const [state, action] = useActionState(decideClearanceAction, null);
  const key = useSubmissionKey(state);
  return <DecisionForm key={key} {...props} state={state} action={action} />;
}

interface DecisionFormProps extends ClearanceFormProps {
  state: ActionState<{ version: number }> | null;
  action: (formData: FormData) => void;
}

function DecisionForm({ state, action, patientId, currentVersion, currentRestrictions, activeRedFlags, lastSignedExam, now, today }: DecisionFormProps) {
  const typed = state && !state.ok ? state.values : undefined;
  // No level is chosen in advance: a signed clearance should be a deliberate choice each time.
  const [level, setLevel] = useState(asLevel(typed?.level));
  const [overrideReason, setOverrideReason] = useState(typed?.overrideReason ?? "");
  const problems = state && !state.ok ? state.fieldErrors?.form : undefined;
  // A success note belongs to the version it recorded; once a newer one exists it would mislead.
  const message = state?.ok && state.data?.version !== currentVersion ? null : state;
  return (
    <form action={action} noValidate className="space-y-5">
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="basedOnVersion" value={currentVersion} />
      <FormMessage state={message} />
      {problems && (
        <ul className="list-disc space-y-1 rounded-md border border-red-300 bg-red-50 py-2 pr-3 pl-8 text-sm text-red-800">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <RadioGroup name="level" legend="Decision" options={LEVEL_OPTIONS} state={state} onChange={(value) => setLevel(asLevel(value))} />
      <RestrictionsFieldset state={state} defaults={typed ?? restrictionFormValues(currentRestrictions)} hidden={level !== "restricted"} />
      <Field
        name="reviewDate"
        label="Review date"
        hint={`After today and within ${MAX_REVIEW_MONTHS} months.`}
        type="date"
        min={dayAfter(today)}
        max={addMonths(today, MAX_REVIEW_MONTHS)}
        required
        state={state}
      />
      <TextAreaField
        name="overrideReason"
        label="Override reason"
        hint={`Needed to clear despite a finding of the last exam: pain at rest above ${MAX_PAIN_AT_REST_FOR_FULL}/10 (full) or ${MAX_PAIN_AT_REST_FOR_RESTRICTED}/10 (with limits), a motor deficit, or signs in both legs.`}
        state={state}
        onChange={(event) => setOverrideReason(event.currentTarget.value)}
      />
      <RulesPreview level={level} overrideReason={overrideReason} activeRedFlags={activeRedFlags} lastSignedExam={lastSignedExam} now={now} />
      <SubmitButton pendingText="Signing…">Sign clearance decision</SubmitButton>
    </form>
  );
}
