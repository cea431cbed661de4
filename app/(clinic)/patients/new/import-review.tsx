"use client";

import type { ImportedField, ImportedPatient } from "@/lib/fhir/patient-registration-fields";
import { formatDate } from "@/lib/ui/format";
import { useReaderFormat } from "@/lib/ui/reader-format-context";

const fieldLabel: Record<ImportedField, string> = {
  givenName: "Given name",
  familyName: "Family name",
  dateOfBirth: "Date of birth",
  sex: "Sex",
  email: "Email",
  phone: "Phone",
  timeZone: "Time zone",
};
// In the form's order; the type import keeps the mapping (and zod) out of the browser's bundle.
const fields = Object.keys(fieldLabel) as ImportedField[];
const sexLabel: Record<string, string> = { female: "Female", male: "Male", other: "Other", unknown: "Not recorded" };
const cell = "px-3 py-2 align-top [overflow-wrap:anywhere]";

/** What was read, field by field, and what the resource holds that is not carried over. */
export function ImportReview({ imported }: { imported: ImportedPatient }) {
  const format = useReaderFormat();
  const shown = (field: ImportedField, value: string) =>
    field === "dateOfBirth" ? formatDate(value, format) : field === "sex" ? sexLabel[value] : field === "timeZone" ? value.replaceAll("_", " ") : value;
  return (
    <div className="space-y-3">
      <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        Resource read. The registration form below is filled in with these values; nothing is saved yet.
      </p>
      <table className="w-full table-fixed text-left text-sm">
        <caption className="mb-1 text-left font-semibold">Read from the resource</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="w-[26%] px-3 py-2 font-semibold">Field</th>
            <th scope="col" className="px-3 py-2 font-semibold">From the resource</th>
            <th scope="col" className="px-3 py-2 font-semibold">Will be registered as</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {fields.map((field) => {
            const value = imported.fields[field];
            const message = imported.fieldMessages[field];
            return (
              <tr key={field}>
                <th scope="row" className={`${cell} font-medium`}>{fieldLabel[field]}</th>
                <td className={cell}>{imported.from[field] || <span className="text-slate-600">Not in the resource</span>}</td>
                <td className={cell}>
                  {message ? <span className="font-medium text-red-700">{message}</span> : value ? shown(field, value) : <span className="text-slate-600">Enter it on the form</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {imported.notes.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">In the resource but not carried over</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-800">
            {imported.notes.map((note) => (
              <li key={note} className="[overflow-wrap:anywhere]">{note}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
