"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form";
import { registerPatientAction } from "./actions";

export interface Option {
  value: string;
  label: string;
}

export function RegistrationForm({ therapists, timeZones }: { therapists: Option[]; timeZones: Option[] }) {
  const [state, action] = useActionState(registerPatientAction, null);
  if (state?.ok && state.data) {
    const { patientId, mrn, account } = state.data;
    return (
      <div role="status" className="space-y-3 rounded-lg border border-emerald-400 bg-emerald-50 p-4 text-emerald-950">
        <p className="font-semibold">Patient registered with MRN {mrn}. They are awaiting their first examination.</p>
        {account && (
          <div>
            <p>Sign-in account for {account.email}. One-time password (shown only now):</p>
            <p className="mt-1 font-mono text-lg tracking-wider" data-testid="one-time-password">{account.oneTimePassword}</p>
            <p className="text-sm">The patient must choose their own password when they first sign in.</p>
          </div>
        )}
        <Link href={`/patients/${patientId}`} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800">
          Open the chart
        </Link>
      </div>
    );
  }
  const previous = state && !state.ok ? state.values : undefined;
  return (
    <form action={action} key={JSON.stringify(previous ?? {})} className="space-y-6" noValidate>
      <FormMessage state={state} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Patient</legend>
        <Field name="givenName" label="Given name" autoComplete="off" state={state} required />
        <Field name="familyName" label="Family name" autoComplete="off" state={state} required />
        <Field name="dateOfBirth" label="Date of birth" type="date" state={state} required />
        <SelectField
          name="sex"
          label="Sex"
          state={state}
          required
          options={[
            { value: "", label: "Choose…" },
            { value: "female", label: "Female" },
            { value: "male", label: "Male" },
            { value: "other", label: "Other" },
            { value: "unknown", label: "Not recorded" },
          ]}
        />
        <Field name="email" label="Email" type="email" autoComplete="off" state={state} />
        <Field name="phone" label="Phone" type="tel" autoComplete="off" state={state} />
        <SelectField name="timeZone" label="Time zone" state={state} required options={[{ value: "", label: "Choose…" }, ...timeZones]} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Running before this episode</legend>
        <Field name="weeklyDistanceKm" label="Usual weekly distance (km)" type="number" inputMode="numeric" min={0} max={500} state={state} required />
        <Field name="runningGoal" label="Running goal" hint="For example: a half marathon in the spring" state={state} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Care team</legend>
        <p className="text-sm text-slate-700 sm:col-span-2">You are the patient&apos;s physician. Add a physical therapist now or later.</p>
        <SelectField name="therapistId" label="Physical therapist" state={state} options={[{ value: "", label: "None yet" }, ...therapists]} />
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-lg font-semibold">Sign-in account</legend>
        <label className="inline-flex min-h-11 items-center gap-2">
          <input type="checkbox" name="createAccount" defaultChecked={previous?.createAccount === "on"} className="h-5 w-5" />
          Create the patient&apos;s sign-in account now (needs their email; a one-time password is shown once)
        </label>
      </fieldset>
      <SubmitButton pendingText="Registering…">Register patient</SubmitButton>
    </form>
  );
}
