"use client";

import { useId, useState } from "react";
import type { DayItem } from "@/lib/dal/activity";
import { EntryRefused, useLogActivity, useUndoActivity } from "./use-log";

/**
 * Each plan item of the day: one tick per time it is due (three for "3 times a day"), a skip with
 * the reason the care team will read, and Undo for the newest tick or skip.
 */
export function DayItems({ date, items }: { date: string; items: DayItem[] }) {
  if (!items.length) return <p className="text-slate-700">Your plan has no exercises or treatments to log for this day.</p>;
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <DayItemRow key={`${date}-${item.key}`} date={date} item={item} />
      ))}
    </ul>
  );
}

function refusal(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof EntryRefused) {
    const fields = error.state.fieldErrors ?? {};
    return fields.skipReason?.[0] ?? fields.status?.[0] ?? fields.date?.[0] ?? fields.itemKey?.[0] ?? error.message;
  }
  return "Not saved: check your connection and try again.";
}

const actionButton = "min-h-11 rounded-md px-4 font-semibold";

function DayItemRow({ date, item }: { date: string; item: DayItem }) {
  const log = useLogActivity();
  const undo = useUndoActivity();
  const reasonId = useId();
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState("");
  const done = item.entries.filter((e) => e.status === "done").length;
  const skip = item.entries.find((e) => e.status === "skipped");
  const newest = item.entries.at(-1);
  const error = refusal(log.error) ?? refusal(undo.error);
  const mark = (status: "done" | "skipped") =>
    log.mutate(
      { kind: "item", idempotencyKey: crypto.randomUUID(), date, itemKey: item.key, status, skipReason: status === "skipped" ? reason : "" },
      { onSuccess: () => status === "skipped" && setSkipping(false) },
    );
  const progress =
    item.timesPerDay > 1 ? `${done} of ${item.timesPerDay} times done` : done ? "Done" : skip ? "Skipped" : "Not done yet";
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-medium">{item.name}</p>
          <p className="text-sm text-slate-700">{item.dose}</p>
          <p role="status" className={`mt-1 text-sm font-semibold ${item.status === "done" ? "text-emerald-800" : item.status === "skipped" ? "text-amber-900" : "text-slate-700"}`}>
            {item.status === "done" && "✓ "}
            {progress}
            {skip && `${item.timesPerDay > 1 ? " · skipped the rest" : ""}: “${skip.skipReason ?? "no reason given"}”`}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {item.status !== "done" && !skip && (
            <button
              type="button"
              onClick={() => mark("done")}
              disabled={log.isPending}
              className={`${actionButton} border-2 border-emerald-700 bg-white text-emerald-800 hover:bg-emerald-50 disabled:opacity-60`}
              aria-label={item.timesPerDay > 1 ? `${item.name}: tick one time done (${done} of ${item.timesPerDay})` : `${item.name}: mark done`}
            >
              {item.timesPerDay > 1 ? `Tick time ${done + 1} done` : "Mark done"}
            </button>
          )}
          {item.status !== "done" && !skip && !skipping && (
            <button type="button" onClick={() => setSkipping(true)} className={`${actionButton} border border-slate-400 bg-white font-medium`} aria-label={`${item.name}: skip`}>
              Skip…
            </button>
          )}
          {newest && !newest.id.startsWith("pending-") && (
            <button
              type="button"
              onClick={() => undo.mutate(newest.id)}
              disabled={undo.isPending}
              className={`${actionButton} border border-slate-400 bg-white font-medium text-slate-900 disabled:opacity-60`}
              aria-label={`${item.name}: undo the last ${newest.status === "done" ? "tick" : "skip"}`}
            >
              Undo
            </button>
          )}
        </div>
      </div>
      {skipping && !skip && item.status !== "done" && (
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <div className="flex-1">
            <label htmlFor={reasonId} className="text-sm font-medium">
              Why are you skipping {item.name}? Your care team reads this.
            </label>
            <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} className="mt-1 block min-h-11 w-full rounded-md border border-slate-400 px-3" />
          </div>
          <button type="button" onClick={() => mark("skipped")} disabled={log.isPending} className={`${actionButton} bg-amber-700 text-white disabled:opacity-60`}>
            Save skip
          </button>
          <button type="button" onClick={() => setSkipping(false)} className={`${actionButton} border border-slate-400 bg-white font-medium`}>
            Cancel
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
