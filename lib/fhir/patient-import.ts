import "server-only";
import type { Patient } from "@medplum/fhirtypes";
import { registrationFieldsOf, type ImportedPatient } from "./patient-registration-fields";
import { validateResource } from "./schema";

export type PatientImport = { ok: false; message: string; problems: string[] } | ({ ok: true } & ImportedPatient);

const PROBLEMS_SHOWN = 10;

/**
 * Pasted or uploaded text → the registration fields of the FHIR R4 Patient it holds, or why it
 * cannot be read. A Bundle is accepted when exactly one of its entries is a Patient (a search
 * result, a `$everything`); only that Patient is read. Nothing is saved here.
 */
export function readPatientResource(text: string): PatientImport {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return refused(notJsonMessage(text, error));
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return refused("This is JSON, but not a FHIR resource: a resource is one object with a resourceType.");
  }
  const found = patientIn(json as Record<string, unknown>);
  if ("message" in found) return refused(found.message);

  const problems = validateResource(found.patient);
  if (problems.length) {
    const lines = problems.map((p) => `${placeInWords(found.path + p.path)} ${p.message}`);
    const more = lines.length > PROBLEMS_SHOWN ? [`…and ${lines.length - PROBLEMS_SHOWN} more.`] : [];
    return refused(
      `This Patient resource is not valid FHIR R4 (${problems.length === 1 ? "1 problem" : `${problems.length} problems`}). Correct it and read it again:`,
      [...lines.slice(0, PROBLEMS_SHOWN), ...more],
    );
  }
  const imported = registrationFieldsOf(found.patient as Patient);
  if (found.others) imported.notes.push(`The Bundle's ${found.others === 1 ? "other resource was" : `other ${found.others} resources were`} not read.`);
  return { ok: true, ...imported };
}

function refused(message: string, problems: string[] = []): PatientImport {
  return { ok: false, message, problems };
}

function patientIn(json: Record<string, unknown>): { patient: unknown; path: string; others: number } | { message: string } {
  const type = json.resourceType;
  if (type === "Patient") return { patient: json, path: "", others: 0 };
  if (typeof type !== "string") return { message: "This JSON has no resourceType, so it is not a FHIR resource. Paste a FHIR Patient resource." };
  if (type !== "Bundle") return { message: `This is a FHIR ${type} resource, not a Patient. Paste a Patient resource (or a Bundle holding one).` };
  const entries = Array.isArray(json.entry) ? (json.entry as unknown[]) : [];
  const indexes = entries.flatMap((entry, index) => ((entry as { resource?: { resourceType?: unknown } } | null)?.resource?.resourceType === "Patient" ? [index] : []));
  if (indexes.length === 0) return { message: "This Bundle holds no Patient resource." };
  if (indexes.length > 1) return { message: `This Bundle holds ${indexes.length} Patient resources; paste the one to register on its own.` };
  const index = indexes[0]!;
  return { patient: (entries[index] as { resource: unknown }).resource, path: `/entry/${index}/resource`, others: entries.length - 1 };
}

/** JSON.parse names a position for most mistakes; it is told as a line and column. */
function notJsonMessage(text: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : "";
  const position = /at position (\d+)/.exec(detail);
  const reason = detail.replace(/ in JSON at position \d+.*$/, "").replace(/, ".*" is not valid JSON$/, "");
  if (!text.trim()) return "This is empty. Paste a FHIR Patient resource, or choose a .json file.";
  if (/Unexpected end of JSON input/.test(detail)) return "This is not valid JSON: it ends too early (a closing bracket or quote may be missing).";
  if (!position) return `This is not valid JSON (${reason}).`;
  const before = text.replace(/^\uFEFF/, "").slice(0, Number(position[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `This is not valid JSON: line ${line}, column ${column}: ${reason}.`;
}

/** A JSON pointer as FHIR people write a path: "/name/0/given" → "name[0].given". */
function placeInWords(pointer: string): string {
  const parts = pointer.split("/").filter(Boolean);
  if (!parts.length) return "The resource";
  return parts
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), "");
}
