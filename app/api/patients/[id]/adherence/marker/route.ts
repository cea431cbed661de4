import { patientAdherenceMarker } from "@/lib/dal/adherence";
import { jsonOrNotFound } from "@/lib/api/json";

export const dynamic = "force-dynamic";

/** Polled by the open adherence view: it changes when the patient logs or checks in. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return jsonOrNotFound(async () => ({ marker: await patientAdherenceMarker(id) }));
}
