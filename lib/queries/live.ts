import { queryOptions, type QueryClient } from "@tanstack/react-query";
import type { Caseload } from "@/lib/dal/caseload";
import type { PatientAdherence } from "@/lib/dal/adherence";
import { fetchJson } from "./fetch-json";

/** How often an open caseload or adherence view asks whether anything changed. */
export const LIVE_INTERVAL_MS = 10_000;

/**
 * Data that changes while the page is open, kept fresh in two steps: every few seconds the page
 * polls `${url}/marker`, a small value with no clinical content that changes when the data does;
 * only when it changes is the data itself fetched (and its read audited).
 */
export interface LiveSource<T extends { marker: string }> {
  /** The data's address, which also names its queries. */
  url: string;
  /** The marker's address when it is not `${url}/marker` (one marker for every page of a list). */
  markerUrl?: string;
  /** Only for the type: what the data query answers. */
  readonly _data?: T;
}

/** One page of the caseload; every page shares the whole caseload's marker. */
export const caseloadSource = (page: number): LiveSource<Caseload> => ({
  url: page > 1 ? `/api/caseload?page=${page}` : "/api/caseload",
  markerUrl: "/api/caseload/marker",
});

export const adherenceSource = (patientId: string): LiveSource<PatientAdherence> => ({ url: `/api/patients/${patientId}/adherence` });

export const liveMarkerQuery = <T extends { marker: string }>(source: LiveSource<T>) =>
  queryOptions({
    queryKey: [source.markerUrl ?? `${source.url}/marker`],
    queryFn: async () => (await fetchJson<{ marker: string }>(source.markerUrl ?? `${source.url}/marker`)).marker,
    // The marker the server rendered with is as fresh as a poll: asking again the moment the page
    // hydrates would only repeat it. The interval's polls take over from there.
    staleTime: LIVE_INTERVAL_MS,
    refetchInterval: LIVE_INTERVAL_MS,
  });

export const liveDataQuery = <T extends { marker: string }>(source: LiveSource<T>, marker: string | undefined) =>
  queryOptions({
    queryKey: [source.url, "data", marker],
    queryFn: () => fetchJson<T>(source.url),
    enabled: marker !== undefined,
    // Keyed by the marker, so the data under one marker never goes stale: a new marker is a new query.
    staleTime: Infinity,
    // While the data of a new marker loads, the page keeps showing what it has; never another
    // source's data (another page of the caseload) under this one's address.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[0] === source.url ? previous : undefined),
  });

/** For the server page: the data it read through the DAL, under both keys the browser will ask for. */
export function seedLive<T extends { marker: string }>(client: QueryClient, source: LiveSource<T>, data: T): void {
  client.setQueryData(liveMarkerQuery(source).queryKey, data.marker);
  client.setQueryData(liveDataQuery(source, data.marker).queryKey, data);
}
