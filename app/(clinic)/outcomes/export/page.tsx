import type { Metadata } from "next";
import Link from "next/link";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { listMyBulkExports } from "@/lib/dal/bulk-export";
import { orNotFound } from "@/lib/ui/or-not-found";
import { COMPARTMENT_TYPES } from "@/lib/fhir/bundle";
import { bulkExportsQuery } from "@/lib/queries/bulk-exports";
import { getQueryClient } from "@/lib/ui/query-client";
import { ExportJobs } from "./export-jobs";
import { StartExportForm } from "./start-export-form";

export const metadata: Metadata = { title: "Export the clinic" };

/** A clinical lead exports every patient's record as FHIR NDJSON files (Bulk Data `$export`). */
export default async function ClinicExportPage() {
  const jobs = await orNotFound(listMyBulkExports());
  const queryClient = getQueryClient();
  queryClient.setQueryData(bulkExportsQuery().queryKey, jobs);
  return (
    <section aria-labelledby="export-heading" className="space-y-4">
      <p>
        <Link href="/outcomes/clinic" className="font-medium text-brand-700 underline">Back to outcomes</Link>
      </p>
      <h1 id="export-heading" className="text-2xl font-semibold">Export the clinic</h1>
      <p className="max-w-3xl text-slate-700">
        Every patient&apos;s record, as FHIR R4 resources in NDJSON files, one per resource type: for moving records to
        another system or for analysis. As clinical lead you may export the whole clinic; each patient&apos;s audit trail
        records that their record was exported, and only you can download your exports. The same export is available
        to FHIR clients at <code className="rounded bg-slate-100 px-1">GET /fhir/$export</code>.
      </p>
      <StartExportForm types={[...COMPARTMENT_TYPES]} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ExportJobs />
      </HydrationBoundary>
    </section>
  );
}
