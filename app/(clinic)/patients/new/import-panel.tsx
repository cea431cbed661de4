"use client";

import { startTransition, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import type { ImportedPatient } from "@/lib/fhir/patient-registration-fields";
import { SubmitButton } from "@/lib/ui/form";
import { ImportReview } from "./import-review";

export type ImportStep = "clear";

// Matches the server's limit (actions.ts): a file larger than this is not one Patient resource.
const MAX_FILE_BYTES = 500_000;

const textareaClass =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm aria-[invalid=true]:border-red-600";

/**
 * Paste or choose a FHIR Patient resource and read it into the registration form below. The
 * file is read in the browser into the text box, so what is read is always what is shown.
 */
export function ImportPanel({ read, dispatch }: { read: ActionState<ImportedPatient> | null; dispatch: (payload: ImportStep | FormData) => void }) {
  const [text, setText] = useState("");
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const problem = fileProblem ? { message: fileProblem, list: [] } : read && !read.ok ? { message: read.message, list: read.fieldErrors?.resource ?? [] } : null;

  async function chooseFile(file: File | undefined) {
    setFileProblem(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileProblem(`${file.name} is larger than a Patient resource would be (${Math.round(file.size / 1000)} kB). Choose the Patient resource's own file.`);
      return;
    }
    setText(await file.text());
  }

  function clear() {
    setText("");
    setFileProblem(null);
    if (fileInput.current) fileInput.current.value = "";
    startTransition(() => dispatch("clear"));
    textarea.current?.focus();
  }

  return (
    <section aria-labelledby="import-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="import-heading" className="text-lg font-semibold">Start from a FHIR Patient resource</h2>
      <p className="text-sm text-slate-700">
        Optional. Paste a FHIR R4 Patient resource (JSON), or choose a .json file, and read it: the form below is filled in for you to check. Nothing is saved until you register.
      </p>
      <form action={dispatch} onSubmit={() => setFileProblem(null)} className="space-y-3" noValidate>
        <input type="hidden" name="intent" value="read" />
        <div>
          <label htmlFor="fhir-resource" className="text-sm font-medium text-slate-800">
            Patient resource (JSON)
          </label>
          <textarea
            ref={textarea}
            id="fhir-resource"
            name="resource"
            rows={8}
            spellCheck={false}
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? "fhir-resource-error" : undefined}
            className={textareaClass}
          />
          {problem && (
            <div id="fhir-resource-error" role="alert" className="mt-1 text-sm font-medium text-red-700">
              <p>{problem.message}</p>
              {problem.list.length > 0 && (
                <ul className="mt-1 list-disc space-y-0.5 pl-5 font-normal">
                  {problem.list.map((line) => (
                    <li key={line} className="[overflow-wrap:anywhere]">{line}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
        <div>
          <label htmlFor="fhir-file" className="text-sm font-medium text-slate-800">
            Or choose a .json file
          </label>
          <input
            ref={fileInput}
            id="fhir-file"
            type="file"
            accept=".json,application/json,application/fhir+json"
            onChange={(e) => void chooseFile(e.target.files?.[0])}
            className="mt-1 block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-4 file:font-medium"
          />
        </div>
        <div className="flex flex-wrap gap-3">
          <SubmitButton pendingText="Reading…">Read resource</SubmitButton>
          <button type="button" onClick={clear} className="min-h-11 rounded-md border border-slate-400 bg-white px-4 font-medium">
            Clear
          </button>
        </div>
      </form>
      {read?.ok && read.data && <ImportReview imported={read.data} />}
    </section>
  );
}
