"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { myDayKey } from "@/lib/queries/my-day";
import { logMorningPainAction } from "./actions";

/** The morning after a run: how the leg feels now tells whether the run was tolerated (DOMAIN.md §6). */
export function MorningPain({ runId, label }: { runId: string; label: string }) {
  const id = useId();
  const client = useQueryClient();
  const [pain, setPain] = useState("");
  const save = useMutation({
    mutationFn: async () => {
      const typed = pain.trim();
      // Blank is sent as no number at all, and refused: never read as a pain of 0.
      const state = await logMorningPainAction({ runId, pain: typed === "" ? Number.NaN : Number(typed) });
      if (!state.ok) throw new Error(state.fieldErrors?.pain?.[0] ?? state.message);
      return state.data ? { ...state.data.verdict, programme: state.data.programme } : null;
    },
    retry: 1,
    onSuccess: () => client.invalidateQueries({ queryKey: myDayKey }),
  });
  return (
    <div className="mt-1 flex flex-wrap items-end gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        Next-morning pain after the {label} run (0–10)
      </label>
      <input id={id} inputMode="numeric" value={pain} onChange={(e) => setPain(e.target.value)} className="block min-h-11 w-20 rounded-md border border-slate-400 px-3" />
      <button type="button" onClick={() => save.mutate()} disabled={save.isPending} className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white disabled:opacity-60">
        Save
      </button>
      {save.isSuccess && save.data && (
        <p role="status" className={`w-full text-sm ${save.data.alertCareTeam ? "font-semibold text-red-800" : "text-slate-800"}`}>
          {save.data.reason}
          {save.data.programme && <span className="block font-medium">Walk/run programme: {save.data.programme}</span>}
        </p>
      )}
      {save.isError && (
        <p role="alert" className="w-full text-sm font-medium text-red-700">
          {save.error.message}
        </p>
      )}
    </div>
  );
}
