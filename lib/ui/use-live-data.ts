"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";

/** How often an open caseload or adherence view asks whether anything changed. */
export const LIVE_INTERVAL_MS = 10_000;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store", headers: { Accept: "application/json" } });
  // A signed-out browser is redirected to the sign-in page, which is not JSON.
  if (!response.ok || !response.headers.get("content-type")?.includes("application/json")) throw new Error(`Could not load ${url}`);
  return response.json() as Promise<T>;
}

/**
 * Data that changes while the page is open, kept fresh in two steps: every few seconds the page
 * polls `${url}/marker`, a small value with no clinical content that changes when the data does;
 * only when it changes is the data itself fetched (and its read audited). Until then, and while
 * a fetch is under way, the page keeps showing what it has.
 */
export function useLiveData<T extends { marker: string }>(key: string, url: string, initial: T) {
  const marker = useQuery({
    queryKey: [key, url, "marker"],
    queryFn: async () => (await getJson<{ marker: string }>(`${url}/marker`)).marker,
    initialData: initial.marker,
    staleTime: 0,
    refetchInterval: LIVE_INTERVAL_MS,
  });
  const data = useQuery({
    queryKey: [key, url, marker.data],
    queryFn: () => getJson<T>(url),
    initialData: marker.data === initial.marker ? initial : undefined,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  return {
    data: data.data ?? initial,
    updatedAt: Math.max(data.dataUpdatedAt, marker.dataUpdatedAt),
    failed: marker.isError || data.isError,
  };
}
