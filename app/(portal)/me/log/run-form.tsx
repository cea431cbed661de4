"use client";

import { useState } from "react";
import { EntryRefused, useLogActivity } from "./use-log";

const FIELDS = [
  { name: "minutes", label: "Minutes", inputMode: "numeric" },
  { name: "distanceKm", label: "Distance (km)", inputMode: "decimal" },
  { name: "rpe", label: "Effort (1 easy – 10 all-out)", inputMode: "numeric" },
  { name: "painBefore", label: "Pain before (0–10)", inputMode: "numeric" },
  { name: "painDuring", label: "Pain during (0–10)", inputMode: "numeric" },
  { name: "painAfter", label: "Pain after (0–10)", inputMode: "numeric" },
] as const;

const EMPTY: RunFields = { minutes: "", distanceKm: "", rpe: "", painBefore: "", painDuring: "", painAfter: "" };

type RunFields = Record<(typeof FIELDS)[number]["name"], string>;

/** Logs a run; a run beyond the clearance is saved, flagged to the care team, and explained here. */
export function RunForm({ date }: { date: string }) {
  const log = useLogActivity();
  const [values, setValues] = useState<RunFields>(EMPTY);
  const [newNumbness, setNewNumbness] = useState(false);
  const [runDate, setRunDate] = useState(date);
  const refused = log.error instanceof EntryRefused ? log.error.state : null;
  const errorOf = (name: string) => refused?.fieldErrors?.[name]?.[0];

  function submit(event: React.FormEvent) {
    event.preventDefault();
    // Typed values stay in the form whatever happens; a success clears them for the next run.
    log.mutate(
      { kind: "run", idempotencyKey: crypto.randomUUID(), date: runDate, ...values, newNumbnessOrWeakness: newNumbness },
      {
        onSuccess: () => {
          setValues(EMPTY);
          setNewNumbness(false);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <label className="block text-sm font-medium">
        Date of the run
        <input type="date" value={runDate} max={date} onChange={(e) => setRunDate(e.target.value)} className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3" />
      </label>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {FIELDS.map((f) => (
          <label key={f.name} className="block text-sm font-medium">
            {f.label}
            <input
              inputMode={f.inputMode}
              value={values[f.name]}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              aria-invalid={errorOf(f.name) ? true : undefined}
              className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3 aria-[invalid=true]:border-red-600"
            />
            {errorOf(f.name) && <span className="mt-1 block text-sm font-medium text-red-700">{errorOf(f.name)}</span>}
          </label>
        ))}
      </div>
      <p className="text-sm text-slate-700">Leave a pain score empty if you did not notice; it is never counted as 0.</p>
      <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
        <input type="checkbox" checked={newNumbness} onChange={(e) => setNewNumbness(e.target.checked)} className="h-5 w-5" />
        New numbness or weakness in my leg during or after this run
      </label>
      <button type="submit" disabled={log.isPending} className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {log.isPending ? "Saving…" : "Save run"}
      </button>
      {log.isError && !refused && <p role="alert" className="text-sm font-medium text-red-700">Not saved: check your connection and try again. What you typed is still here.</p>}
      {refused && <p role="alert" className="text-sm font-medium text-red-700">{refused.message}</p>}
      {log.isSuccess && log.data.breaches.length > 0 && (
        <div role="alert" className="rounded-md border-2 border-amber-600 bg-amber-50 p-3 text-amber-950">
          <p className="font-semibold">This run went beyond what your doctor allowed. Your care team will see it.</p>
          <ul className="mt-1 list-disc pl-5">
            {log.data.breaches.map((b) => (
              <li key={b.code}>{b.patientMessage}</li>
            ))}
          </ul>
        </div>
      )}
      {log.isSuccess && log.data.breaches.length === 0 && <p role="status" className="text-sm font-medium text-emerald-800">Run saved.</p>}
      {log.isSuccess && log.data.verdict && (
        <p
          role={log.data.verdict.alertCareTeam ? "alert" : "status"}
          className={`rounded-md px-3 py-2 text-sm ${log.data.verdict.alertCareTeam ? "border-2 border-red-700 bg-red-50 font-semibold text-red-900" : "border border-slate-300 bg-slate-50 text-slate-800"}`}
        >
          {log.data.verdict.reason}
        </p>
      )}
      {log.isSuccess && log.data.programme && (
        <p role="status" className="rounded-md border border-brand-700 bg-brand-50 px-3 py-2 text-sm font-medium text-slate-900">
          Walk/run programme: {log.data.programme}
        </p>
      )}
    </form>
  );
}
