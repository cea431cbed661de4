import "server-only";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { collection, everythingQuerySchema, isCompartmentType, searchsetPage, sortCompartment, type CompartmentType } from "@/lib/fhir/bundle";
import { compartmentResources } from "@/lib/fhir/resources";
import { auditOf, authorizeRole, readPatient } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { loadFhirFacts } from "./internal/fhir-facts";
import { NotFoundError, ValidationError } from "./errors";
import { getCurrentUser } from "./session";

/**
 * The FHIR read API's data (DOMAIN.md §9): a patient's compartment under the same access rules
 * and audit as the chart. Everything is built from one load of the patient's facts by the pure
 * mapping in lib/fhir/resources.ts, so the API, the patient's copy and the bulk export agree.
 */

async function compartment(patientId: string): Promise<Resource[]> {
  // One snapshot: the permission in force and the red flags it rests on come from the same moment.
  const facts = (await (await db()).transaction((tx) => loadFhirFacts(tx, [patientId]), { isolationLevel: "repeatable read", accessMode: "read only" })).get(patientId);
  if (!facts) throw new NotFoundError();
  return sortCompartment(compartmentResources(facts));
}

/** `Patient/{id}/$everything`, one page of it. Bad parameters are a ValidationError naming them. */
export async function getPatientEverything(patientId: string, query: Record<string, string>, base: string): Promise<Bundle> {
  const parsed = everythingQuerySchema.safeParse(query);
  await readPatient(patientId, "fhir.everything");
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((i) => i.message).join(" "));
  return searchsetPage(await compartment(patientId), parsed.data, base, `/fhir/Patient/${patientId}/$everything`);
}

// The tables whose rows are resources, by the type they become. A derived resource's id is its
// owner row's id and a suffix ("<exam id>.pain"), so every id leads back to one patient's row.
const OWNER_TABLES: Record<CompartmentType, string[]> = {
  Patient: [],
  Condition: ["episodes"],
  Observation: ["exams", "check_ins", "clearances", "activity_logs", "questionnaire_responses"],
  QuestionnaireResponse: ["questionnaire_responses"],
  CarePlan: ["plan_versions"],
  Goal: ["plan_versions"],
  MedicationRequest: ["plan_versions"],
  ServiceRequest: ["therapy_referrals", "escalation_referrals"],
  Task: ["activity_logs"],
  Flag: ["red_flag_alerts"],
  Encounter: ["therapy_sessions"],
};
// FHIR's id: letters, digits, "-" and ".", 1 to 64 of them.
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function ownerOf(type: CompartmentType, id: string): Promise<string | null> {
  const rowId = id.split(".")[0]!;
  if (!UUID.test(rowId)) return null;
  if (type === "Patient" || (type === "Observation" && id.endsWith(".permission"))) return rowId;
  const union = sql.join(
    OWNER_TABLES[type].map((table) => sql`select patient_id from ${sql.identifier(table)} where id = ${rowId}::uuid`),
    sql` union all `,
  );
  const result = await (await db()).execute(sql`${union} limit 1`);
  return (result as unknown as { rows: { patient_id: string }[] }).rows[0]?.patient_id ?? null;
}

/** `GET /fhir/{type}/{id}`: one resource of a compartment the caller may see, else not found. */
export async function getFhirResource(type: string, id: string): Promise<Resource> {
  const owner = isCompartmentType(type) ? await ownerOf(type, id) : null;
  if (!owner) {
    // Audited like any refused read, and answered the same as a missing one.
    const named = isCompartmentType(type) && FHIR_ID.test(id) ? `${type}/${id}` : "an id that is not a FHIR id";
    await writeAudit({ actor: await getCurrentUser(), action: "fhir.read", resource: named, outcome: "denied" });
    throw new NotFoundError();
  }
  await readPatient(owner, "fhir.read", { resource: `${type}/${id}` });
  const resource = (await compartment(owner)).find((r) => r.resourceType === type && r.id === id);
  if (!resource) throw new NotFoundError();
  return resource;
}

/** The signed-in patient's whole record as one Bundle; the download is in their access log. */
export async function downloadMyRecord(base: string): Promise<{ bundle: Bundle; fileName: string }> {
  const user = await authorizeRole("fhir.patient_copy", ["patient"]);
  if (!user.patientId) throw new NotFoundError();
  const now = new Date();
  const bundle = collection(await compartment(user.patientId), base, now);
  await writeAudit(auditOf({ user, patientId: user.patientId, via: "self" }, "fhir.patient_copy", "Bundle"));
  return { bundle, fileName: `runclear-record-${now.toISOString().slice(0, 10)}.json` };
}
