import type { Address, CodeableConcept, ContactPoint, HumanName, Identifier, Patient, Reference } from "@medplum/fhirtypes";
import { isKnownTimeZone } from "@/lib/domain/patient";
import { SYSTEMS } from "./systems";

export const IMPORTED_FIELDS = ["givenName", "familyName", "dateOfBirth", "sex", "email", "phone", "timeZone"] as const;
export type ImportedField = (typeof IMPORTED_FIELDS)[number];

/** What a FHIR Patient gives the registration form; the clinician confirms it before anything is saved. */
export interface ImportedPatient {
  /** The registration form's values, "" where the resource has nothing usable. */
  fields: Record<ImportedField, string>;
  /** Where each value came from, in the resource's own words ("" when the resource has none). */
  from: Record<ImportedField, string>;
  /** What the clinician has to do about a field before registering. */
  fieldMessages: Partial<Record<ImportedField, string>>;
  /** What the resource holds that is not carried over. */
  notes: string[];
}

const SEXES = new Set(["female", "male", "other", "unknown"]);
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Elements read below, or that say nothing about the person (the resource's own bookkeeping).
const READ = new Set(["resourceType", "name", "birthDate", "gender", "telecom", "extension", "identifier", "address", "deceasedBoolean", "deceasedDateTime", "active", "id", "meta", "text", "implicitRules", "language", "contained"]);
const OTHER_ELEMENTS: Record<string, string> = {
  maritalStatus: "Marital status",
  multipleBirthBoolean: "Multiple birth",
  multipleBirthInteger: "Multiple birth (birth order)",
  photo: "Photo",
  contact: "Contacts (next of kin, emergency contacts)",
  communication: "Languages",
  generalPractitioner: "General practitioner",
  managingOrganization: "Managing organization",
  link: "Links to other patient records",
};

/**
 * A FHIR R4 Patient (already checked against the schema) as registration fields. The name is
 * the official one, else the usual one, else the first; the email and phone are the
 * best-ranked of their kind. Everything else the resource says becomes a note, so the
 * clinician sees what was left behind.
 */
export function registrationFieldsOf(patient: Patient): ImportedPatient {
  const fields = { givenName: "", familyName: "", dateOfBirth: "", sex: "", email: "", phone: "", timeZone: "" };
  const from = { ...fields };
  const fieldMessages: ImportedPatient["fieldMessages"] = {};
  const notes: string[] = [];

  const names = patient.name ?? [];
  const name = chosenName(names);
  if (name) {
    const which = name.use ? `${name.use} name` : "name";
    const given = (name.given ?? []).map((g) => g.trim()).filter(Boolean);
    if (given.length) {
      fields.givenName = given.join(" ");
      from.givenName = `${given.map((g) => `"${g}"`).join(", ")} (given, ${which})`;
    }
    if (name.family?.trim()) {
      fields.familyName = name.family.trim();
      from.familyName = `"${fields.familyName}" (family, ${which})`;
    }
    if (!given.length && !name.family?.trim() && name.text) {
      from.givenName = from.familyName = `"${name.text}" (${which}, as text only)`;
      fieldMessages.givenName = fieldMessages.familyName = "The resource gives the name only as one text; enter the given and family names.";
    }
    if (name.prefix?.length || name.suffix?.length) notes.push(`Name prefix or suffix not carried over: ${[...(name.prefix ?? []), ...(name.suffix ?? [])].join(", ")}.`);
  }
  for (const other of names.filter((n) => n !== name)) notes.push(`Other name${other.use ? ` (${other.use})` : ""}: ${nameText(other)}.`);

  if (patient.birthDate) {
    from.dateOfBirth = `${patient.birthDate} (birthDate)`;
    if (FULL_DATE.test(patient.birthDate)) fields.dateOfBirth = patient.birthDate;
    else fieldMessages.dateOfBirth = `The resource gives only ${patient.birthDate.length === 4 ? "the year" : "the year and month"} (${patient.birthDate}); enter the full date of birth.`;
  }

  if (patient.gender) {
    from.sex = `${patient.gender} (gender)`;
    if (SEXES.has(patient.gender)) fields.sex = patient.gender;
  }

  const telecom = patient.telecom ?? [];
  const email = bestContact(telecom, "email", ["home", "work", "mobile", "temp", "old"]);
  const phone = bestContact(telecom, "phone", ["mobile", "home", "work", "temp", "old"]);
  for (const [field, point] of [["email", email], ["phone", phone]] as const) {
    if (!point) continue;
    fields[field] = point.value!.trim();
    from[field] = `${fields[field]} (${contactWords(point)})`;
  }
  for (const other of telecom.filter((t) => t !== email && t !== phone)) notes.push(`Other contact not carried over: ${other.value ?? "(no value)"} (${contactWords(other)}).`);

  for (const extension of patient.extension ?? []) {
    if (extension.url === SYSTEMS.timeZoneExtension && extension.valueCode && !fields.timeZone && !from.timeZone) {
      from.timeZone = `${extension.valueCode} (time zone extension)`;
      if (isKnownTimeZone(extension.valueCode)) fields.timeZone = extension.valueCode;
      else fieldMessages.timeZone = `The resource's time zone "${extension.valueCode}" is not one RunClear knows; choose the patient's time zone.`;
    } else {
      notes.push(`Extension not carried over: ${extension.url}.`);
    }
  }

  for (const identifier of patient.identifier ?? []) notes.push(identifierNote(identifier));
  for (const address of patient.address ?? []) notes.push(`Address not carried over${address.use ? ` (${address.use})` : ""}: ${addressText(address)}.`);
  if (patient.deceasedBoolean || patient.deceasedDateTime) {
    notes.push(`The resource says the patient has died${patient.deceasedDateTime ? ` (${patient.deceasedDateTime})` : ""}. Check before registering.`);
  }
  if (patient.active === false) notes.push("The source system marks this record as inactive (active: false).");
  if (patient.modifierExtension?.length) {
    notes.push(`Modifier extensions, which can change what the resource means, were not read: ${patient.modifierExtension.map((e) => e.url).join(", ")}. Check the record with its sender.`);
  }
  for (const [element, value] of Object.entries(patient)) {
    if (READ.has(element) || element === "modifierExtension" || element.startsWith("_")) continue;
    notes.push(`${OTHER_ELEMENTS[element] ?? element} not carried over${summary(value)}.`);
  }
  if (patient.id) notes.push(`The source system's id for this resource: Patient/${patient.id}.`);
  // A note ending in a value that ends a sentence itself ("Mr.") takes no second full stop.
  return { fields, from, fieldMessages, notes: notes.map((note) => note.replace(/\.\.$/, ".")) };
}

function chosenName(names: HumanName[]): HumanName | undefined {
  return names.find((n) => n.use === "official") ?? names.find((n) => n.use === "usual") ?? names.find((n) => n.use !== "old") ?? names[0];
}

function nameText(name: HumanName): string {
  return name.text ?? [...(name.prefix ?? []), ...(name.given ?? []), name.family, ...(name.suffix ?? [])].filter(Boolean).join(" ");
}

/**
 * The best-ranked current contact of one kind (rank 1 is the preferred), then by use, then the
 * first listed. A contact marked old, or whose period has ended, is never chosen.
 */
function bestContact(telecom: ContactPoint[], system: "email" | "phone", useOrder: string[]): ContactPoint | undefined {
  const order = (point: ContactPoint) => (point.use ? useOrder.indexOf(point.use) : useOrder.length);
  const current = (point: ContactPoint) => point.use !== "old" && !(point.period?.end && Date.parse(point.period.end) < Date.now());
  return telecom
    .filter((point) => point.system === system && point.value?.trim() && current(point))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || order(a) - order(b))[0];
}

function contactWords(point: ContactPoint): string {
  return [point.system ?? "contact", point.use, point.rank ? `rank ${point.rank}` : null].filter(Boolean).join(", ");
}

/** The source's record numbers are shown, never used: RunClear assigns its own RC- MRN. */
function identifierNote(identifier: Identifier): string {
  if (identifier.system === SYSTEMS.mrn) {
    return `RunClear MRN ${identifier.value ?? ""} in the resource: registering gives a new MRN, so check that this patient is not registered already.`;
  }
  const kind = identifier.type ? conceptText(identifier.type) : "Identifier";
  return `${kind} from the source, not used as the RunClear MRN: ${identifier.value ?? "(no value)"}${identifier.system ? ` (${identifier.system})` : ""}.`;
}

function addressText(address: Address): string {
  return address.text ?? [...(address.line ?? []), address.city, address.district, address.state, address.postalCode, address.country].filter(Boolean).join(", ");
}

function conceptText(concept: CodeableConcept): string {
  return concept.text ?? concept.coding?.map((c) => c.display ?? c.code).filter(Boolean).join(", ") ?? "Identifier";
}

/** A short reading of an element that is not carried over: its text, display or reference, if it has one. */
function summary(value: unknown): string {
  const items = Array.isArray(value) ? value : [value];
  const words = items
    .map((item) => {
      if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") return String(item);
      const concept = item as CodeableConcept & Reference;
      return concept.text ?? concept.display ?? concept.reference ?? concept.coding?.[0]?.display ?? concept.coding?.[0]?.code ?? null;
    })
    .filter(Boolean);
  if (words.length) return `: ${words.join(", ")}`;
  return items.length > 1 ? ` (${items.length})` : "";
}
