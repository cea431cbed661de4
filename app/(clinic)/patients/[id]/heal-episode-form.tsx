"use client";

import { useActionState } from "react";
import { FieldError, FormMessage, SubmitButton } from "@/lib/ui/form";
import { markEpisodeHealedAction } from "./actions";

/**
 * Marking healed asks for a confirmation box, and the server refuses it while a red flag is open
 * (DOMAIN.md §10.2); `blockedBy` says so before the physician tries.
 */
export function HealEpisodeForm({ patientId, blockedBy }: { patientId: string; blockedBy: string | null }) {
  const [state, action] = useActionState(markEpisodeHealedAction, null);
  if (blockedBy) return <p className="mt-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">{blockedBy}</p>;
  const error = state && !state.ok ? state.fieldErrors?.confirm : undefined;
  return (
    <form action={action} className="mt-3 space-y-2" noValidate>
      <input type="hidden" name="patientId" value={patientId} />
      <FormMessage state={state} />
      <label className="flex min-h-11 items-start gap-2 text-sm">
        <input type="checkbox" name="confirm" value="healed" className="mt-1 h-5 w-5" aria-invalid={error ? true : undefined} aria-describedby={error ? "confirm-heal-error" : undefined} />
        <span>I confirm this episode is healed: the runner can return to their usual training gradually, about 10 % more a week.</span>
      </label>
      <FieldError id="confirm-heal-error" errors={error} />
      <SubmitButton pendingText="Saving…">Mark episode healed</SubmitButton>
    </form>
  );
}
