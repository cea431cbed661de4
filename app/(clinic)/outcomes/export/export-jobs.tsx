"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useActionState, useEffect } from "react";
import { bulkExportsQuery, type ExportJob as Job } from "@/lib/queries/bulk-exports";
import { FormMessage, SubmitButton } from "@/lib/ui/form";
import { formatDateTime } from "@/lib/ui/format";
import { useReaderFormat } from "@/lib/ui/reader-format-context";
import { deleteBulkExportAction } from "./actions";

/** Refetches the list after this page started or removed an export. */
export function useRefreshExportsAfter(state: { ok: boolean } | null) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (state?.ok) void queryClient.invalidateQueries({ queryKey: bulkExportsQuery().queryKey });
  }, [state, queryClient]);
}

const STATUS: Record<Job["status"], string> = { in_progress: "Running", complete: "Ready to download", failed: "Failed", cancelled: "Cancelled" };

export function ExportJobs() {
  const fmt = useReaderFormat();
  // The page prefetches the list (HydrationBoundary), so it is here on the first render.
  const { data: jobs = [], isError } = useQuery(bulkExportsQuery());
  return (
    <section aria-labelledby="jobs-heading" className="space-y-3">
      <h2 id="jobs-heading" className="text-lg font-semibold">Your exports</h2>
      {isError && <p role="alert" className="text-sm text-red-800">Could not refresh the list. It will try again.</p>}
      {jobs.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">No exports yet.</p>
      ) : (
        <ol className="space-y-3">
          {jobs.map((job) => (
            <li key={job.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-semibold">{STATUS[job.status]}</p>
                <p className="text-sm text-slate-700">Started {formatDateTime(new Date(job.requestedAt), fmt)}</p>
              </div>
              <p className="text-sm text-slate-700">
                {job.types.length ? job.types.join(", ") : "All resource types"}
                {job.since ? `, changed since ${formatDateTime(new Date(job.since), { ...fmt, timeZone: "UTC" })}` : ""}
              </p>
              {job.status === "in_progress" && (
                <div className="mt-2">
                  <progress className="h-3 w-full" max={Math.max(job.patientsTotal, 1)} value={job.patientsDone} aria-label="Patients exported" />
                  <p className="text-sm" aria-live="polite">{job.patientsDone} of {job.patientsTotal} patients exported</p>
                </div>
              )}
              {job.status === "failed" && <p className="mt-2 text-sm text-red-800">{job.error}</p>}
              {job.status === "complete" && (
                <ul className="mt-2 grid gap-x-4 sm:grid-cols-2">
                  {job.files.map((file) => (
                    <li key={file.file}>
                      <a href={`/fhir/bulk/${job.id}/${file.file}`} download className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                        {file.file}
                      </a>{" "}
                      <span className="text-sm text-slate-700">({file.count.toLocaleString(fmt.locale)} resources)</span>
                    </li>
                  ))}
                </ul>
              )}
              {job.status !== "cancelled" && <RemoveExport id={job.id} running={job.status === "in_progress"} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function RemoveExport({ id, running }: { id: string; running: boolean }) {
  const [state, action] = useActionState(deleteBulkExportAction, null);
  useRefreshExportsAfter(state);
  return (
    <form action={action} className="mt-3 space-y-2">
      <input type="hidden" name="id" value={id} />
      <FormMessage state={state && !state.ok ? state : null} />
      <SubmitButton tone="danger" pendingText="Removing…">{running ? "Cancel export" : "Delete the files"}</SubmitButton>
    </form>
  );
}
