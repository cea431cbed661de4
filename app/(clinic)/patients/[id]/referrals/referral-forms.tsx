"use client";

import { useActionState } from "react";
import { Field, FormMessage, SelectField, SubmitButton, TextAreaField } from "@/lib/ui/form";
import { useSubmissionKey } from "@/lib/ui/use-submission-key";
import { referToTherapyAction, requestEscalationAction, updateEscalationStatusAction } from "./actions";
import { escalationLabels, statusLabels } from "./labels";

interface TherapyReferralFormProps {
  patientId: string;
  therapists: { value: string; label: string }[];
  /** The therapist already on the care team, chosen to start with. */
  defaultTherapistId?: string;
}

export function TherapyReferralForm({ patientId, therapists, defaultTherapistId }: TherapyReferralFormProps) {
  const [state, action] = useActionState(referToTherapyAction, null);
  return (
    <form key={useSubmissionKey(state)} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="patientId" value={patientId} />
      <FormMessage state={state} />
      <SelectField name="therapistId" label="Physical therapist" state={state} options={[{ value: "", label: "Choose…" }, ...therapists]}
        defaultValue={therapists.some((t) => t.value === defaultTherapistId) ? defaultTherapistId : ""}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="sessionsPerWeek" label="Sessions per week" type="number" inputMode="numeric" min={1} max={7} defaultValue="2" state={state} />
        <Field name="weeks" label="Number of weeks" type="number" inputMode="numeric" min={1} max={52} defaultValue="6" state={state} />
      </div>
      <TextAreaField name="goals" label="Therapy goals" hint="For example: restore hip and core control; return to 30 minutes of easy running." state={state} />
      <TextAreaField name="notes" label="Notes for the therapist" state={state} />
      <SubmitButton pendingText="Referring…">Refer to physical therapy</SubmitButton>
    </form>
  );
}

export function EscalationForm({ patientId }: { patientId: string }) {
  const [state, action] = useActionState(requestEscalationAction, null);
  return (
    <form key={useSubmissionKey(state)} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="patientId" value={patientId} />
      <FormMessage state={state} />
      <SelectField
        name="kind"
        label="Referral for"
        state={state}
        options={[{ value: "", label: "Choose…" }, ...Object.entries(escalationLabels).map(([value, label]) => ({ value, label }))]}
      />
      <TextAreaField name="reason" label="Clinical reason" hint="NICE NG59: imaging only when it would change management, usually in specialist care." state={state} />
      <SubmitButton pendingText="Recording…">Record referral</SubmitButton>
    </form>
  );
}

export function EscalationStatusForm({ patientId, referralId, status, label }: { patientId: string; referralId: string; status: string; label: string }) {
  const [state, action] = useActionState(updateEscalationStatusAction, null);
  return (
    <form key={useSubmissionKey(state)} action={action} className="mt-2 flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="referralId" value={referralId} />
      <div className="min-w-40">
        <SelectField
          name="status"
          label={`Status of ${label}`}
          defaultValue={status}
          state={state}
          options={Object.entries(statusLabels).map(([value, text]) => ({ value, label: text }))}
        />
      </div>
      <div className="min-w-48 flex-1">
        <Field name="statusNote" label="Note" state={state} />
      </div>
      <SubmitButton pendingText="Saving…">Update</SubmitButton>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
