import type { Bundle, CapabilityStatement, OperationOutcome, Resource } from "@medplum/fhirtypes";
import { z } from "zod";

export const FHIR_JSON = "application/fhir+json; charset=utf-8";
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** The resource types a patient's compartment holds here, in the order a Bundle lists them. */
export const COMPARTMENT_TYPES = [
  "Patient",
  "Condition",
  "Observation",
  "QuestionnaireResponse",
  "CarePlan",
  "Goal",
  "MedicationRequest",
  "ServiceRequest",
  "Task",
  "Flag",
  "Encounter",
] as const;
export type CompartmentType = (typeof COMPARTMENT_TYPES)[number];

export function isCompartmentType(type: string): type is CompartmentType {
  return (COMPARTMENT_TYPES as readonly string[]).includes(type);
}

// FHIR's instant: to the second at least, with a time zone.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** A FHIR instant that names a real moment (no 30 February, which Date.parse would roll over). */
export function isInstant(value: string): boolean {
  const m = INSTANT.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const day = new Date(Date.UTC(y!, mo! - 1, d!));
  return day.getUTCMonth() === mo! - 1 && day.getUTCDate() === d && h! < 24 && mi! < 60 && s! < 60;
}

/** `_since`: a real instant. A "+" left unencoded in a URL arrives as a space: read it as "+". */
export const sinceSchema = z
  .string()
  .transform((value) => value.replace(" ", "+"))
  .refine(isInstant, "_since must be a FHIR instant, such as 2026-11-01T00:00:00Z.");

/** `$everything`'s parameters, as a server that pages large compartments reads them. */
export const everythingQuerySchema = z.object({
  _since: sinceSchema.optional(),
  _count: z.coerce
    .number("_count must be a whole number.")
    .int("_count must be a whole number.")
    .min(1, "_count must be at least 1.")
    .max(MAX_PAGE_SIZE, `_count may be at most ${MAX_PAGE_SIZE}.`)
    .default(DEFAULT_PAGE_SIZE),
  _offset: z.coerce.number("_offset must be a whole number.").int("_offset must be a whole number.").min(0, "_offset cannot be negative.").default(0),
});
export type EverythingQuery = z.output<typeof everythingQuerySchema>;

/** Stable order: by type as listed above, then by id, so pages never overlap or skip. */
export function sortCompartment(resources: Resource[]): Resource[] {
  const rank = (r: Resource) => COMPARTMENT_TYPES.indexOf(r.resourceType as CompartmentType);
  return [...resources].sort((a, b) => rank(a) - rank(b) || (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0));
}

/** One page of a compartment as a searchset Bundle, with self, next and previous links. */
export function searchsetPage(resources: Resource[], query: EverythingQuery, base: string, selfPath: string): Bundle {
  const since = query._since ? Date.parse(query._since) : null;
  const matching = since === null ? resources : resources.filter((r) => r.meta?.lastUpdated && Date.parse(r.meta.lastUpdated) >= since);
  const page = matching.slice(query._offset, query._offset + query._count);
  const link = (offset: number) => {
    const params = new URLSearchParams();
    if (query._since) params.set("_since", query._since);
    params.set("_count", String(query._count));
    params.set("_offset", String(offset));
    return `${base}${selfPath}?${params}`;
  };
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: matching.length,
    link: [
      { relation: "self", url: link(query._offset) },
      ...(query._offset + query._count < matching.length ? [{ relation: "next", url: link(query._offset + query._count) }] : []),
      ...(query._offset > 0 ? [{ relation: "previous", url: link(Math.max(0, query._offset - query._count)) }] : []),
    ],
    // No empty arrays in FHIR JSON: a page past the end has no entry at all.
    ...(page.length ? { entry: page.map((resource) => ({ fullUrl: `${base}/fhir/${resource.resourceType}/${resource.id}`, resource, search: { mode: "match" as const } })) } : {}),
  };
}

/** A whole record as one Bundle: the patient's own copy, every resource, no paging. */
export function collection(resources: Resource[], base: string, at: Date): Bundle {
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: at.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `${base}/fhir/${resource.resourceType}/${resource.id}`, resource })),
  };
}

type IssueCode = "not-found" | "invalid" | "forbidden" | "login" | "exception" | "not-supported" | "processing";

export function operationOutcome(code: IssueCode, diagnostics: string): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] };
}

export function capabilityStatement(base: string, software: { name: string; version: string }, at: Date): CapabilityStatement {
  const read = [{ code: "read" as const }];
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: at.toISOString(),
    kind: "instance",
    publisher: "RunClear",
    software,
    implementation: { description: "RunClear FHIR R4 read API: a patient's record, the patient's own copy, and the clinic's bulk export", url: `${base}/fhir` },
    fhirVersion: "4.0.1",
    format: ["application/fhir+json"],
    rest: [
      {
        mode: "server",
        documentation:
          "Signed-in sessions only (the app's own sign-in); every read is checked against the care team and audited like the screens. A record the caller may not see is answered 404.",
        security: { cors: false, description: "Session cookie from the RunClear sign-in; the same access rules as the app." },
        resource: COMPARTMENT_TYPES.map((type) => ({
          type,
          interaction: read,
          ...(type === "Patient"
            ? {
                operation: [
                  { name: "everything", definition: "http://hl7.org/fhir/OperationDefinition/Patient-everything" },
                  { name: "export", definition: "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export" },
                ],
              }
            : {}),
        })),
        operation: [{ name: "export", definition: "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export" }],
      },
    ],
  };
}
