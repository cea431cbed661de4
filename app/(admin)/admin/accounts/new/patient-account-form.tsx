"use client";

import { useActionState } from "react";
import { Field, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form";
import { createPatientAccountAction } from "../../actions";
import { OneTimePassword } from "../../one-time-password";

export interface PatientChoice {
  id: string;
  label: string;
}

export function PatientAccountForm({ patients }: { patients: PatientChoice[] }) {
  const [state, action] = useActionState(createPatientAccountAction, null);
  if (state?.ok && state.data) return <OneTimePassword email={state.data.email} password={state.data.oneTimePassword} />;
  if (patients.length === 0) return <p className="text-slate-700">Every patient record already has an account.</p>;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <SelectField
        name="patientId"
        label="Patient record"
        state={state}
        options={[{ value: "", label: "Choose a patient…" }, ...patients.map((p) => ({ value: p.id, label: p.label }))]}
      />
      <Field name="email" label="Patient's email" type="email" autoComplete="off" state={state} required />
      <SubmitButton pendingText="Creating…">Create patient account</SubmitButton>
    </form>
  );
}
