"use client";

import { useQuery } from "@tanstack/react-query";
import { liveDataQuery, liveMarkerQuery, type LiveSource } from "@/lib/queries/live";

/**
 * The live data of `source` (lib/queries/live.ts), as the server prefetched it and then kept fresh:
 * the marker is polled, the data fetched again only when the marker changes. Until then, and
 * while a fetch is under way, the page keeps showing what it has.
 */
export function useLiveData<T extends { marker: string }>(source: LiveSource<T>) {
  const marker = useQuery(liveMarkerQuery(source));
  const data = useQuery(liveDataQuery(source, marker.data));
  return {
    data: data.data as T | undefined,
    updatedAt: Math.max(data.dataUpdatedAt, marker.dataUpdatedAt),
    failed: marker.isError || data.isError,
  };
}
