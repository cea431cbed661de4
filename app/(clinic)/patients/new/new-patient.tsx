"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import type { ImportedPatient } from "@/lib/fhir/patient-registration-fields";
import { readPatientResourceAction, registerPatientAction } from "./actions";
import { ImportPanel, type ImportStep } from "./import-panel";
import { RegistrationForm, type Option, type RegistrationState } from "./registration-form";

interface PageState {
  /** The last answer to "Read resource". */
  read: ActionState<ImportedPatient> | null;
  /** What the last successful read put in the form. */
  imported: ImportedPatient | null;
  registration: RegistrationState | null;
  /** A new import, or a clear, starts the registration form afresh. */
  generation: number;
}

const START: PageState = { read: null, imported: null, registration: null, generation: 0 };

/**
 * The page's one state, so reading a resource, clearing it and registering cannot disagree: a
 * successful read refills the form; a failed one only says why beside the resource; registering
 * is the usual form and the only thing that saves.
 */
async function step(previous: PageState, payload: ImportStep | FormData): Promise<PageState> {
  if (payload === "clear") return { ...START, generation: previous.generation + 1 };
  if (payload instanceof FormData && payload.get("intent") === "read") {
    const read = await readPatientResourceAction(previous.read, payload);
    if (!read.ok || !read.data) return { ...previous, read };
    return { read, imported: read.data, registration: null, generation: previous.generation + 1 };
  }
  return { ...previous, registration: await registerPatientAction(previous.registration, payload as FormData) };
}

export function NewPatient({ therapists, timeZones }: { therapists: Option[]; timeZones: Option[] }) {
  const [state, dispatch] = useActionState(step, START);
  const registered = state.registration?.ok === true;
  return (
    <>
      {!registered && <ImportPanel read={state.read} dispatch={dispatch} />}
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <RegistrationForm key={state.generation} therapists={therapists} timeZones={timeZones} state={state.registration} action={dispatch} imported={state.imported} />
      </div>
    </>
  );
}
