"use client";

import { useId } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { Field, FieldError, TextAreaField } from "@/lib/ui/form";
import type { NumericLimit } from "./clearance-form-data";

interface Limit {
  key: NumericLimit;
  label: string;
  hint?: string;
  inputMode?: "numeric" | "decimal";
  min: number;
  max?: number;
  step?: number;
}

const LIMITS: Limit[] = [
  { key: "maxRunMinutes", label: "Longest run (minutes)", min: 1, max: 240 },
  { key: "runsPerWeek", label: "Runs per week", min: 1, max: 7 },
  { key: "weeklyDistanceKm", label: "Weekly distance (km)", inputMode: "decimal", min: 0.1, step: 0.1 },
  { key: "maxEffortRpe", label: "Highest effort (RPE 1–10)", hint: "Rating of perceived exertion: 1 is very easy, 10 is flat out.", min: 1, max: 10 },
  { key: "painCeiling", label: "Pain ceiling (0–10)", hint: "The patient stops the run when pain goes above this.", min: 0, max: 10 },
];

interface RestrictionsFieldsetProps {
  state: ActionState<unknown> | null;
  /** Form values to start from: the current limits, or what was typed before a refusal. */
  defaults: Record<string, string>;
  hidden: boolean;
}

/**
 * The limits of a restricted clearance. Hidden rather than removed for the other levels, so
 * what was typed survives switching level; the server ignores limits unless restricted.
 */
export function RestrictionsFieldset({ state, defaults, hidden }: RestrictionsFieldsetProps) {
  const errorId = `${useId()}-restrictions-error`;
  const errors = state && !state.ok ? state.fieldErrors?.restrictions : undefined;
  return (
    <fieldset hidden={hidden} aria-describedby={errors ? errorId : undefined} className="min-w-0 space-y-4 rounded-md border border-slate-300 p-3">
      <legend className="px-1 font-semibold">Restrictions</legend>
      <p className="text-sm text-slate-700">Set at least one of the number limits. Leave a box empty for no limit.</p>
      <FieldError id={errorId} errors={errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        {LIMITS.map(({ key, inputMode, ...limit }) => (
          <Field key={key} name={`restrictions.${key}`} type="number" inputMode={inputMode ?? "numeric"} {...limit} defaultValue={defaults[`restrictions.${key}`]} state={state} />
        ))}
      </div>
      <div className="flex flex-wrap gap-x-6">
        <Checkbox name="restrictions.flatGroundOnly" label="Flat ground only" checked={defaults["restrictions.flatGroundOnly"] === "on"} />
        <Checkbox name="restrictions.noSpeedWork" label="No speed work" checked={defaults["restrictions.noSpeedWork"] === "on"} />
      </div>
      <TextAreaField name="restrictions.notes" label="Notes on the restrictions" defaultValue={defaults["restrictions.notes"]} state={state} />
    </fieldset>
  );
}

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="inline-flex min-h-11 items-center gap-2">
      <input type="checkbox" name={name} defaultChecked={checked} className="h-5 w-5" />
      {label}
    </label>
  );
}
