"use client";

import { useId } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/actions/action-state";

const inputClass =
  "mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600";

interface FieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  hint?: string;
  state: ActionState<unknown> | null;
}

/** A labelled input whose error, if any, sits right under it and is announced with it. */
export function Field({ name, label, hint, state, defaultValue, ...input }: FieldProps) {
  const id = `${useId()}${name}`;
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  const previous = state && !state.ok ? state.values?.[name] : undefined;
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        defaultValue={previous ?? defaultValue}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
        {...input}
      />
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

interface SelectProps extends React.SelectHTMLAttributes<HTMLSelectElement> {
  name: string;
  label: string;
  state: ActionState<unknown> | null;
  options: { value: string; label: string }[];
}

export function SelectField({ name, label, state, options, defaultValue, ...select }: SelectProps) {
  const id = `${useId()}${name}`;
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  const previous = state && !state.ok ? state.values?.[name] : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={previous ?? defaultValue}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
        className={inputClass}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

interface TextAreaProps extends React.TextareaHTMLAttributes<HTMLTextAreaElement> {
  name: string;
  label: string;
  hint?: string;
  state: ActionState<unknown> | null;
}

export function TextAreaField({ name, label, hint, state, defaultValue, ...area }: TextAreaProps) {
  const id = `${useId()}${name}`;
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  const previous = state && !state.ok ? state.values?.[name] : undefined;
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        defaultValue={previous ?? defaultValue}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy}
        className={`${inputClass} min-h-24`}
        {...area}
      />
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
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
export function FormMessage({ state }: { state: ActionState<unknown> | null }) {
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
