"use client";

import { useState } from "react";
import type { DayItem } from "@/lib/dal/activity";
import { EntryRefused, useLogActivity } from "./use-log";

/** Each plan item for today: one tap for done, two taps and a reason for skipped. */
export function DayItems({ date, items }: { date: string; items: DayItem[] }) {
  if (!items.length) return <p className="text-slate-700">Your plan has no exercises or treatments to log today.</p>;
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <DayItemRow key={item.key} date={date} item={item} />
      ))}
    </ul>
  );
}

function DayItemRow({ date, item }: { date: string; item: DayItem }) {
  const log = useLogActivity();
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState("");
  const error = log.error instanceof EntryRefused ? (log.error.state.fieldErrors?.skipReason?.[0] ?? log.error.message) : log.error ? "Not saved: check your connection and try again." : null;
  const mark = (status: "done" | "skipped") =>
    log.mutate({ kind: "item", idempotencyKey: crypto.randomUUID(), date, itemKey: item.key, status, skipReason: status === "skipped" ? reason : "" });
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="font-medium">{item.name}</p>
          <p className="text-sm text-slate-700">{item.dose}</p>
        </div>
        {item.status ? (
          <p role="status" className={`rounded-full px-3 py-1 text-sm font-semibold ${item.status === "done" ? "bg-emerald-100 text-emerald-900" : "bg-amber-100 text-amber-950"}`}>
            {item.status === "done" ? "Done today" : "Skipped today"}
          </p>
        ) : (
          <div className="flex gap-2">
            <button type="button" onClick={() => mark("done")} className="min-h-11 rounded-md bg-emerald-700 px-4 font-semibold text-white hover:bg-emerald-800" aria-label={`${item.name}: done`}>
              Done
            </button>
            <button type="button" onClick={() => setSkipping(true)} className="min-h-11 rounded-md border border-slate-400 px-4 font-medium" aria-label={`${item.name}: skip`}>
              Skip
            </button>
          </div>
        )}
      </div>
      {skipping && !item.status && (
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <label className="flex-1 text-sm font-medium">
            Why are you skipping {item.name}?
            <input value={reason} onChange={(e) => setReason(e.target.value)} className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3" />
          </label>
          <button type="button" onClick={() => mark("skipped")} className="min-h-11 rounded-md bg-amber-700 px-4 font-semibold text-white">
            Save skip
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </li>
  );
}
