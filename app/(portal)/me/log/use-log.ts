"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ActionState } from "@/lib/actions/action-state";
import type { LogResult, MyDay } from "@/lib/dal/activity";
import { myDayKey, myDayQuery } from "@/lib/queries/my-day";
import { dayStatus, type ActivityInput } from "@/lib/domain/activity";
import { logActivityAction, undoActivityAction } from "./actions";

/** A refusal the patient must fix; not worth retrying. */
export class EntryRefused extends Error {
  constructor(readonly state: Extract<ActionState<LogResult>, { ok: false }>) {
    super(state.message);
  }
}

async function send(entry: ActivityInput): Promise<LogResult> {
  const state = await logActivityAction(entry);
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
      const key = myDayQuery(entry.date).queryKey;
      await client.cancelQueries({ queryKey: key });
      const previous = client.getQueryData<MyDay>(key);
      client.setQueryData<MyDay>(key, (day) =>
        day
          ? {
              ...day,
              items: day.items.map((i) => {
                if (i.key !== entry.itemKey) return i;
                const entries = [...i.entries, { id: `pending-${entry.idempotencyKey}`, status: entry.status, skipReason: entry.skipReason ?? null }];
                return { ...i, entries, status: dayStatus(entries, i.timesPerDay) };
              }),
            }
          : day,
      );
      return { previous, key };
    },
    onError: (_error, _entry, context) => {
      if (context?.previous && context.key) client.setQueryData(context.key, context.previous);
    },
    onSettled: () => client.invalidateQueries({ queryKey: myDayKey }),
  });
}

/** Taking back a tick or a skip; the day's list refreshes from the server afterwards. */
export function useUndoActivity() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (entryId: string) => {
      const state = await undoActivityAction({ entryId });
      if (!state.ok) throw new EntryRefused(state);
      return state.message;
    },
    retry: (count, error) => !(error instanceof EntryRefused) && count < 3,
    onSettled: () => client.invalidateQueries({ queryKey: myDayKey }),
  });
}
