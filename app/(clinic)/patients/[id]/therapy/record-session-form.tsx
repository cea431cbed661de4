"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { attendanceLabels, THERAPY_ATTENDANCE } from "@/lib/domain/therapy-session";
import { Field, FormMessage, SubmitButton, TextAreaField } from "@/lib/ui/form";
import { RadioGroup } from "@/lib/ui/radio-group";
import { useSubmissionKey } from "@/lib/ui/use-submission-key";
import { recordTherapySessionAction } from "./actions";

const ATTENDANCE_OPTIONS = THERAPY_ATTENDANCE.map((value) => ({ value, label: attendanceLabels[value] }));

export function RecordSessionForm({ patientId, today }: { patientId: string; today: string }) {
  const [state, action] = useActionState(recordTherapySessionAction, null);
  // A fresh form after every answer: the typed values after a refusal, empty after a save.
  return <SessionForm key={useSubmissionKey(state)} patientId={patientId} today={today} state={state} action={action} />;
}

interface SessionFormProps {
  patientId: string;
  today: string;
  state: ActionState | null;
  action: (data: FormData) => void;
}

function SessionForm({ patientId, today, state, action }: SessionFormProps) {
  // One key per session: a double submit or a retry of the same form is saved once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [attendance, setAttendance] = useState((state && !state.ok ? state.values?.attendance : undefined) ?? "");
  // A missed session has no exercises: the field is hidden and not sent, but keeps what was typed.
  const missed = attendance === "no_show";
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <FormMessage state={state} />
      <div className="max-w-xs">
        <Field name="sessionDate" label="Date of the session" hint="The patient's local date." type="date" max={today} defaultValue={today} state={state} />
      </div>
      <RadioGroup name="attendance" legend="Did the patient attend?" options={ATTENDANCE_OPTIONS} state={state} onChange={setAttendance} />
      <div hidden={missed}>
        <TextAreaField
          name="exercisesInClinic"
          label="Exercises done in the clinic"
          hint="For example: prone press-ups 1×10, bird-dog 3×10, gait review."
          disabled={missed}
          state={state}
        />
      </div>
      <TextAreaField name="notes" label="Notes" hint="Optional: response, pain, what to work on next." state={state} />
      <SubmitButton pendingText="Recording…">Record session</SubmitButton>
    </form>
  );
}
