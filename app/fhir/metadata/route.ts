import { fhirBase, fhirRead } from "@/lib/api/fhir";
import { capabilityStatement } from "@/lib/fhir/bundle";
import packageJson from "@/package.json" with { type: "json" };

export const dynamic = "force-dynamic";

/** The CapabilityStatement: public, as FHIR servers publish theirs; it names no patient. */
export async function GET(request: Request) {
  return fhirRead(async () => capabilityStatement(fhirBase(request), { name: "RunClear", version: packageJson.version }, new Date()), { public: true });
}
