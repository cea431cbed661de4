"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/lib/ui/form";
import { markEpisodeHealedAction } from "./actions";

export function HealEpisodeForm({ patientId }: { patientId: string }) {
  const [state, action] = useActionState(markEpisodeHealedAction, null);
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="patientId" value={patientId} />
      <FormMessage state={state} />
      <SubmitButton pendingText="Saving…">Mark episode healed</SubmitButton>
      <p className="text-sm text-slate-700">The patient&apos;s plan then returns them to full training gradually, about 10 % more a week.</p>
    </form>
  );
}
