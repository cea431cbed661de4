"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ActionState } from "@/lib/actions/action-state";
import type { LogResult, MyDay } from "@/lib/dal/activity";
import type { ActivityInput } from "@/lib/domain/activity";
import { logActivityAction } from "./actions";

export const myDayKey = ["my-day"] as const;

export async function fetchMyDay(): Promise<MyDay> {
  const response = await fetch("/api/me/day", { cache: "no-store" });
  if (!response.ok) throw new Error("Could not load your day.");
  return response.json() as Promise<MyDay>;
}

/** A refusal the patient must fix; not worth retrying. */
export class EntryRefused extends Error {
  constructor(readonly state: Extract<ActionState<LogResult>, { ok: false }>) {
    super(state.message);
  }
}

async function send(entry: ActivityInput): Promise<LogResult> {
  const form = new FormData();
  form.set("entry", JSON.stringify(entry));
  const state = await logActivityAction(null, form);
  if (!state.ok) throw new EntryRefused(state);
  return state.data ?? { breaches: [], verdict: null };
}

/**
 * Saving an entry. The entry's idempotency key is made once per tap, before the first try, so
 * a retry after a lost answer (or a double tap) is saved once. Item ticks show at once and are
 * rolled back if the save fails.
 */
export function useLogActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    retry: (count, error) => !(error instanceof EntryRefused) && count < 3,
    onMutate: async (entry) => {
      if (entry.kind !== "item") return { previous: undefined };
      await client.cancelQueries({ queryKey: myDayKey });
      const previous = client.getQueryData<MyDay>(myDayKey);
      client.setQueryData<MyDay>(myDayKey, (day) =>
        day ? { ...day, items: day.items.map((i) => (i.key === entry.itemKey ? { ...i, status: entry.status } : i)) } : day,
      );
      return { previous };
    },
    onError: (_error, _entry, context) => {
      if (context?.previous) client.setQueryData(myDayKey, context.previous);
    },
    onSettled: () => client.invalidateQueries({ queryKey: myDayKey }),
  });
}
