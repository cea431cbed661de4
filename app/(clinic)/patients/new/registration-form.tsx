"use client";

import Link from "next/link";
import type { ActionState } from "@/lib/actions/action-state";
import type { ImportedPatient } from "@/lib/fhir/patient-registration-fields";
import { Field, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form";
import type { registerPatientAction } from "./actions";

export interface Option {
  value: string;
  label: string;
}

export type RegistrationState = Awaited<ReturnType<typeof registerPatientAction>>;

interface Props {
  therapists: Option[];
  timeZones: Option[];
  state: RegistrationState | null;
  action: (formData: FormData) => void;
  /** Values read from a FHIR Patient resource, for the clinician to check before registering. */
  imported?: ImportedPatient | null;
}

export function RegistrationForm({ therapists, timeZones, state, action, imported }: Props) {
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
  // The fields show the last answer's values and errors; before any, what the import read, with
  // its messages where a field needs the clinician (a birth date without its day).
  const fieldState: ActionState<unknown> | null = state ?? (imported ? importedState(imported) : null);
  const previous = fieldState && !fieldState.ok ? fieldState.values : undefined;
  const zone = previous?.timeZone;
  const zones = zone && !timeZones.some((z) => z.value === zone) ? [...timeZones, { value: zone, label: zone.replaceAll("_", " ") }] : timeZones;
  return (
    <form action={action} key={JSON.stringify(previous ?? {})} className="space-y-6" noValidate>
      <FormMessage state={state} />
      {imported && !state && (
        <p className="rounded-md border border-brand-700 bg-brand-50 px-3 py-2 text-sm text-slate-900">
          Filled in from the FHIR resource. Check each value and complete the rest; nothing is saved until you register.
        </p>
      )}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Patient</legend>
        <Field name="givenName" label="Given name" autoComplete="off" state={fieldState} required />
        <Field name="familyName" label="Family name" autoComplete="off" state={fieldState} required />
        <Field name="dateOfBirth" label="Date of birth" type="date" state={fieldState} required />
        <SelectField
          name="sex"
          label="Sex"
          state={fieldState}
          required
          options={[
            { value: "", label: "Choose…" },
            { value: "female", label: "Female" },
            { value: "male", label: "Male" },
            { value: "other", label: "Other" },
            { value: "unknown", label: "Not recorded" },
          ]}
        />
        <Field name="email" label="Email" type="email" autoComplete="off" state={fieldState} />
        <Field name="phone" label="Phone" type="tel" autoComplete="off" state={fieldState} />
        <SelectField name="timeZone" label="Time zone" state={fieldState} required options={[{ value: "", label: "Choose…" }, ...zones]} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Running before this episode</legend>
        <Field name="weeklyDistanceKm" label="Usual weekly distance (km)" type="number" inputMode="numeric" min={0} max={500} state={fieldState} required />
        <Field name="runningGoal" label="Running goal" hint="For example: a half marathon in the spring" state={fieldState} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Care team</legend>
        <p className="text-sm text-slate-700 sm:col-span-2">You are the patient&apos;s physician. Add a physical therapist now or later.</p>
        <SelectField name="therapistId" label="Physical therapist" state={fieldState} options={[{ value: "", label: "None yet" }, ...therapists]} />
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

function importedState(imported: ImportedPatient): ActionState<unknown> {
  const fieldErrors = Object.fromEntries(Object.entries(imported.fieldMessages).map(([field, message]) => [field, [message]]));
  return { ok: false, message: "", values: imported.fields, fieldErrors };
}
