import { getPatientAdherence } from "@/lib/dal/adherence";
import { jsonOrNotFound } from "@/lib/api/json";

export const dynamic = "force-dynamic";

/** One patient's adherence view, for the open page to refetch. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return jsonOrNotFound(() => getPatientAdherence(id));
}
