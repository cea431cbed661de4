import { useId } from "react";
import { FieldError } from "@/lib/ui/form";

/**
 * Controlled inputs for the plan editor. The plan lives in React state, not in the inputs, so
 * a refused save leaves every value where it was. Labels are short on screen, under the item's
 * heading; `of` names the item for screen readers and for anyone reading one field alone.
 */

export const controlClass =
  "mt-1 block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600";

interface Common {
  label: string;
  /** The item or goal the control belongs to, spoken before the label. */
  of?: string;
  hint?: string;
  errors?: string[];
}

/** The id and ARIA that tie one control to its label, hint and errors. */
function useControl({ hint, errors }: Common) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy };
}

/** Label and hint above a control, its errors right under it. */
function Frame({ id, label, of, hint, errors, children }: Common & { id: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {of && <span className="sr-only">{of}: </span>}
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {children}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

interface NumberProps extends Common {
  value: number | undefined;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  /** "any" for amounts such as 0.5 g; whole numbers otherwise. */
  step?: number | "any";
}

/** An empty box is NaN, which reaches the server as null and is refused with the field's own words. */
export function NumberInput({ value, onChange, min, max, step = 1, ...common }: NumberProps) {
  const control = useControl(common);
  return (
    <Frame id={control.id} {...common}>
      <input
        {...control}
        type="number"
        inputMode={step === 1 ? "numeric" : "decimal"}
        step={step}
        min={min}
        max={max}
        value={value === undefined || Number.isNaN(value) ? "" : value}
        onChange={(event) => onChange(event.currentTarget.value === "" ? Number.NaN : Number(event.currentTarget.value))}
        className={controlClass}
      />
    </Frame>
  );
}

interface TextProps extends Common {
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "date";
  list?: string;
}

export function TextInput({ value, onChange, type = "text", list, ...common }: TextProps) {
  const control = useControl(common);
  return (
    <Frame id={control.id} {...common}>
      <input {...control} type={type} list={list} value={value} onChange={(event) => onChange(event.currentTarget.value)} className={controlClass} />
    </Frame>
  );
}

interface TextAreaProps extends Common {
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}

export function TextArea({ value, onChange, required, ...common }: TextAreaProps) {
  const control = useControl(common);
  return (
    <Frame id={control.id} {...common}>
      <textarea
        {...control}
        value={value}
        required={required}
        onChange={(event) => onChange(event.currentTarget.value)}
        rows={3}
        className={`${controlClass} min-h-24`}
      />
    </Frame>
  );
}

interface SelectProps extends Common {
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}

export function SelectInput({ value, options, onChange, ...common }: SelectProps) {
  const control = useControl(common);
  return (
    <Frame id={control.id} {...common}>
      <select {...control} value={value} onChange={(event) => onChange(event.currentTarget.value)} className={controlClass}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A labelled checkbox; its label sits beside it. */
export function CheckboxInput({ checked, onChange, label, of, errors }: Common & { checked: boolean; onChange: (checked: boolean) => void }) {
  const control = useControl({ label, errors });
  return (
    <div>
      <label htmlFor={control.id} className="flex min-h-11 items-center gap-2 text-sm font-medium text-slate-800">
        <input {...control} type="checkbox" checked={checked} onChange={(event) => onChange(event.currentTarget.checked)} className="h-5 w-5" />
        <span>
          {of && <span className="sr-only">{of}: </span>}
          {label}
        </span>
      </label>
      <FieldError id={`${control.id}-error`} errors={errors} />
    </div>
  );
}

export const secondaryButton =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-60";
