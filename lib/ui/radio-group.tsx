"use client";

import { useId } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { FieldError } from "./form";

export interface RadioOption {
  value: string;
  label: string;
}

interface RadioGroupProps {
  name: string;
  legend: string;
  options: readonly RadioOption[];
  state: ActionState<unknown> | null;
  defaultValue?: string;
  hint?: string;
  onChange?: (value: string) => void;
}

/**
 * A labelled set of radios with its error under it. Uncontrolled, like the fields in
 * lib/ui/form.tsx: after a refused submission the typed value comes back from `state.values`.
 */
export function RadioGroup({ name, legend, options, state, defaultValue, hint, onChange }: RadioGroupProps) {
  const id = `${useId()}${name}`;
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  const chosen = (state && !state.ok ? state.values?.[name] : undefined) ?? defaultValue;
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} className="min-w-0">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <div className="mt-1 flex flex-wrap gap-2">
        {options.map((option) => (
          <label
            key={option.value}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-400 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              defaultChecked={chosen === option.value}
              aria-invalid={errors ? true : undefined}
              onChange={(event) => onChange?.(event.currentTarget.value)}
              className="h-5 w-5"
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}
