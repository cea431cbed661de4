"use client";

import { useActionState } from "react";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form";
import { startBulkExportAction } from "./actions";
import { useRefreshExportsAfter } from "./export-jobs";

export function StartExportForm({ types }: { types: string[] }) {
  const [state, action] = useActionState(startBulkExportAction, null);
  useRefreshExportsAfter(state);
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <h2 className="text-lg font-semibold">New export</h2>
      <FormMessage state={state} />
      <fieldset>
        <legend className="font-medium">Resource types</legend>
        <p className="text-sm text-slate-700">Leave all unticked to export every type.</p>
        <div className="mt-2 grid gap-x-4 sm:grid-cols-3">
          {types.map((type) => (
            <label key={type} className="inline-flex min-h-11 items-center gap-2">
              <input type="checkbox" name={`type.${type}`} className="h-5 w-5" />
              {type}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="max-w-xs">
        <Field name="since" label="Changed since (optional)" type="date" hint="Only what changed on or after this day (UTC)." state={state} />
      </div>
      <SubmitButton pendingText="Starting…">Start export</SubmitButton>
    </form>
  );
}
