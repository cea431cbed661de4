"use client";

import { useId } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/actions/action-state";

const inputClass =
  "mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600";

type FormState = ActionState<unknown> | null;

/** What every field derives from its name and the form's last answer. */
function useFieldState(name: string, state: FormState, hint?: string) {
  const id = `${useId()}${name}`;
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  const previous = state && !state.ok ? state.values?.[name] : undefined;
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, errors, previous, control: { id, name, "aria-invalid": errors ? true : undefined, "aria-describedby": describedBy } };
}

/**
 * Label and hint above a control, its error right under it. A required field says so beside its
 * label; screen readers hear it from the control's own `required`, so the mark is hidden from them.
 */
function FieldFrame({ id, label, hint, errors, required, children }: { id: string; label: string; hint?: string; errors?: string[]; required?: boolean; children: React.ReactNode }) {
  return (
    <div>
      <div className="flex flex-wrap items-baseline gap-x-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {required && (
          <span aria-hidden="true" className="text-xs text-slate-600">
            (required)
          </span>
        )}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

interface FieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  hint?: string;
  state: FormState;
}

/** A labelled input whose error, if any, sits right under it and is announced with it. */
export function Field({ name, label, hint, state, defaultValue, ...input }: FieldProps) {
  const field = useFieldState(name, state, hint);
  return (
    <FieldFrame id={field.id} label={label} hint={hint} errors={field.errors} required={input.required}>
      <input {...field.control} defaultValue={field.previous ?? defaultValue} className={inputClass} {...input} />
    </FieldFrame>
  );
}

interface SelectProps extends React.SelectHTMLAttributes<HTMLSelectElement> {
  name: string;
  label: string;
  state: FormState;
  options: { value: string; label: string }[];
}

export function SelectField({ name, label, state, options, defaultValue, ...select }: SelectProps) {
  const field = useFieldState(name, state);
  return (
    <FieldFrame id={field.id} label={label} errors={field.errors} required={select.required}>
      <select {...field.control} defaultValue={field.previous ?? defaultValue} className={inputClass} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface TextAreaProps extends React.TextareaHTMLAttributes<HTMLTextAreaElement> {
  name: string;
  label: string;
  hint?: string;
  state: FormState;
}

export function TextAreaField({ name, label, hint, state, defaultValue, ...area }: TextAreaProps) {
  const field = useFieldState(name, state, hint);
  return (
    <FieldFrame id={field.id} label={label} hint={hint} errors={field.errors} required={area.required}>
      <textarea {...field.control} defaultValue={field.previous ?? defaultValue} className={`${inputClass} min-h-24`} {...area} />
    </FieldFrame>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {errors.join(" ")}
    </p>
  );
}

/** The form-level outcome: an error summary, or a success note. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state) return null;
  if (state.ok) {
    return state.message ? (
      <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        {state.message}
      </p>
    ) : null;
  }
  return (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">
      {state.message}
    </p>
  );
}

export function SubmitButton({ children, pendingText, tone = "primary" }: { children: React.ReactNode; pendingText: string; tone?: "primary" | "danger" }) {
  const { pending } = useFormStatus();
  const colors = tone === "danger" ? "bg-red-700 hover:bg-red-800" : "bg-brand-700 hover:bg-brand-800";
  return (
    <button type="submit" disabled={pending} className={`min-h-11 rounded-md px-4 py-2 font-semibold text-white disabled:opacity-60 ${colors}`}>
      {pending ? pendingText : children}
    </button>
  );
}
