"use client";

import { useActionState } from "react";
import { questionnaireShortNames, type QuestionnaireKind } from "@/lib/domain/questionnaires";
import { FormMessage } from "@/lib/ui/form";
import { requestQuestionnaireAction } from "./actions";

/** Ask the patient to fill in a questionnaire now, outside the fortnightly rhythm. */
export function RequestQuestionnaireForm({ patientId, kind }: { patientId: string; kind: QuestionnaireKind }) {
  const [state, action, pending] = useActionState(requestQuestionnaireAction, null);
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="kind" value={kind} />
      <button type="submit" disabled={pending} className="min-h-11 rounded-md border border-slate-400 bg-white px-3 text-sm font-medium hover:bg-slate-50 disabled:opacity-60">
        Ask for {questionnaireShortNames[kind]} now
      </button>
      <FormMessage state={state} />
    </form>
  );
}
