import { queryOptions } from "@tanstack/react-query";
import type { MyDay } from "@/lib/dal/activity";
import { fetchJson } from "./fetch-json";

/** Every day of the log shares the prefix, so one invalidation refreshes whichever is open. */
export const myDayKey = ["my-day"] as const;

/** The patient's day on the log page: the server prefetches the day it opens on, the browser the others. */
export const myDayQuery = (date: string) =>
  queryOptions({
    queryKey: [...myDayKey, date],
    queryFn: () => fetchJson<MyDay>(`/api/me/day?date=${encodeURIComponent(date)}`),
    // The day changes through this tab's own saves, which invalidate it; another device's ticks
    // show when the patient comes back to the tab after half a minute (refetch on focus).
    staleTime: 30_000,
  });
