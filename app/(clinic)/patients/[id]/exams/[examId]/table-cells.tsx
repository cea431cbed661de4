import { useId } from "react";
import { FieldError } from "@/lib/ui/form";
import { ScrollRegion } from "@/lib/ui/scroll-region";
import type { Option } from "./exam-labels";
import { errorsFor, startingValue, type SectionProps } from "./form-bits";

// Inputs inside a left/right table: the column header is the visible label, so each input
// carries its full name (root, test, side) for screen readers and for getByLabel.

const cellInput = "block min-h-11 w-full min-w-14 rounded-md border border-slate-400 bg-white px-1 py-2 sm:min-w-20 sm:px-2 text-base aria-[invalid=true]:border-red-600";

interface CellProps extends SectionProps {
  name: string;
  label: string;
}

export function GradeCell({ name, label, ...section }: CellProps) {
  const id = useId();
  const errors = errorsFor(section.state, name);
  return (
    <td className="px-1 py-2 align-top sm:px-2">
      <input
        type="number"
        inputMode="numeric"
        min={0}
        max={5}
        step={1}
        name={name}
        aria-label={label}
        defaultValue={startingValue(section, name)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
        className={cellInput}
      />
      <FieldError id={`${id}-error`} errors={errors} />
    </td>
  );
}

export function SelectCell({ name, label, options, ...section }: CellProps & { options: readonly Option[] }) {
  const id = useId();
  const errors = errorsFor(section.state, name);
  return (
    <td className="px-1 py-2 align-top sm:px-2">
      <select
        name={name}
        aria-label={label}
        defaultValue={startingValue(section, name) ?? ""}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
        className={cellInput}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} errors={errors} />
    </td>
  );
}

const headCell = "px-1 py-2 sm:px-2 text-left font-semibold text-slate-800";
export const rowHeadCell = "px-1 py-2 sm:px-2 text-left align-top font-semibold text-slate-900";
export const textCell = "px-1 py-2 sm:px-2 align-top text-slate-800";

interface SidedInputTableProps {
  /** Names the scrolling region. */
  label: string;
  caption: string;
  /** The two describing columns before Left and Right. */
  columns: [string, string];
  /** One row per test: its heading cell, its describing cell, then a cell per side. */
  children: React.ReactNode;
}

export function SidedInputTable({ label, caption, columns, children }: SidedInputTableProps) {
  return (
    <ScrollRegion label={label}>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            {[...columns, "Left", "Right"].map((column) => (
              <th key={column} scope="col" className={headCell}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
