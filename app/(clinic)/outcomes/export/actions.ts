"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { deleteBulkExport, startBulkExport } from "@/lib/dal/bulk-export";
import { COMPARTMENT_TYPES } from "@/lib/fhir/bundle";

// One checkbox per resource type ("type.Observation"); none ticked is every type.
const startForm = z.object({
  ...Object.fromEntries(COMPARTMENT_TYPES.map((type) => [`type.${type}`, z.literal("on").optional()])),
  since: z.union([z.literal(""), z.iso.date("Enter a date, or leave it empty for everything.")]).default(""),
});

/** Starts a clinic export from the page: the same kick-off as GET /fhir/$export. */
export const startBulkExportAction = validatedAction(startForm, { roles: ["physician"], action: "fhir.bulk_export.start" }, async (input) => {
  const types = COMPARTMENT_TYPES.filter((type) => (input as Record<string, unknown>)[`type.${type}`] === "on");
  const since = input.since;
  const query: Record<string, string> = {};
  if (types.length) query._type = types.join(",");
  if (since) query._since = `${since}T00:00:00Z`;
  await startBulkExport(query, `/fhir/$export${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ""}`);
  revalidatePath("/outcomes/export");
  return { ok: true, message: "Export started. It runs in the background; this page shows its progress." };
});

export const deleteBulkExportAction = validatedAction(z.object({ id: z.uuid("Unknown export.") }), { roles: ["physician"], action: "fhir.bulk_export.delete" }, async ({ id }) => {
  await deleteBulkExport(id);
  revalidatePath("/outcomes/export");
  return { ok: true, message: "Export removed, with its files." };
});
