import { queryOptions } from "@tanstack/react-query";
import type { BulkExportView } from "@/lib/dal/bulk-export";
import { fetchJson } from "./fetch-json";

/** A job as the server renders it (dates) or the API answers it (ISO strings). */
export type ExportJob = Omit<BulkExportView, "requestedAt" | "completedAt" | "since"> & {
  requestedAt: string | Date;
  completedAt: string | Date | null;
  since: string | Date | null;
};

/** The clinical lead's bulk exports: polled every 2 seconds while one runs, not at all once none does. */
export const bulkExportsQuery = () =>
  queryOptions({
    queryKey: ["bulk-exports"],
    queryFn: () => fetchJson<ExportJob[]>("/api/exports"),
    // A running job's progress moves by the second; a second's staleness is what a poll costs.
    staleTime: 1_000,
    refetchInterval: (query) => (query.state.data?.some((j) => j.status === "in_progress") ? 2_000 : false),
  });
