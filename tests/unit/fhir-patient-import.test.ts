import type { Patient } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { readPatientResource, type PatientImport } from "@/lib/fhir/patient-import";
import { validateResource } from "@/lib/fhir/schema";
import { SYSTEMS } from "@/lib/fhir/systems";

// Our own export's shape (lib/fhir/resources): one official name, the MRN, telecom, the zone.
const exported: Patient = {
  resourceType: "Patient",
  id: "5f0c8c1e-1d0b-4c39-9a43-3f1b7c2d9e10",
  identifier: [{ system: SYSTEMS.mrn, value: "RC-200123" }],
  name: [{ use: "official", family: "Visitor", given: ["Ada"] }],
  gender: "female",
  birthDate: "1990-03-14",
  telecom: [
    { system: "email", value: "ada.visitor@example.org" },
    { system: "phone", value: "+1 312 555 0100" },
  ],
  extension: [{ url: SYSTEMS.timeZoneExtension, valueCode: "America/Chicago" }],
};

// Shaped like HL7's own example (patient-example.json): several names, identifiers, contacts.
const external: Patient = {
  resourceType: "Patient",
  id: "example",
  identifier: [
    {
      use: "usual",
      type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR" }], text: "Medical record number" },
      system: "urn:oid:1.2.36.146.595.217.0.1",
      value: "12345",
    },
  ],
  active: true,
  name: [
    { use: "usual", given: ["Jim"] },
    { use: "official", family: "Chalmers", given: ["Peter", "James"], prefix: ["Mr."] },
    { use: "maiden", family: "Windsor", given: ["Peter", "James"] },
  ],
  telecom: [
    { system: "phone", value: "(03) 5555 6473", use: "work", rank: 1 },
    { system: "phone", value: "(03) 3410 5613", use: "mobile", rank: 2 },
    { system: "email", value: "old@example.org", use: "old" },
    { system: "email", value: "peter@example.org", use: "home" },
  ],
  gender: "male",
  birthDate: "1974-12-25",
  address: [{ use: "home", line: ["534 Erewhon St"], city: "PleasantVille", state: "Vic", postalCode: "3999" }],
  maritalStatus: { text: "Married" },
  managingOrganization: { reference: "Organization/1" },
};

const read = (resource: unknown): PatientImport => readPatientResource(JSON.stringify(resource, null, 2));

function accepted(result: PatientImport) {
  if (!result.ok) throw new Error(`refused: ${result.message} ${result.problems.join(" ")}`);
  return result;
}

function refused(result: PatientImport) {
  if (result.ok) throw new Error("accepted");
  return result;
}

// The first validation compiles the R4 schema (a few seconds); the tests after it are fast.
beforeAll(() => void validateResource({ resourceType: "Patient" }), 60_000);

describe("reading a FHIR Patient for registration", () => {
  it("takes every field of RunClear's own export, and shows its MRN without using it", () => {
    const result = accepted(read(exported));
    expect(result.fields).toEqual({
      givenName: "Ada",
      familyName: "Visitor",
      dateOfBirth: "1990-03-14",
      sex: "female",
      email: "ada.visitor@example.org",
      phone: "+1 312 555 0100",
      timeZone: "America/Chicago",
    });
    expect(result.fieldMessages).toEqual({});
    expect(result.from.givenName).toBe('"Ada" (given, official name)');
    expect(result.from.timeZone).toBe("America/Chicago (time zone extension)");
    expect(result.notes).toContain("RunClear MRN RC-200123 in the resource: registering gives a new MRN, so check that this patient is not registered already.");
  });

  it("prefers the official name, joins given names, picks the best-ranked contacts, and lists the rest", () => {
    const result = accepted(read(external));
    expect(result.fields).toMatchObject({ givenName: "Peter James", familyName: "Chalmers", dateOfBirth: "1974-12-25", sex: "male" });
    // Rank 1 wins over use; without ranks, a home email wins over an old one.
    expect(result.fields.phone).toBe("(03) 5555 6473");
    expect(result.fields.email).toBe("peter@example.org");
    expect(result.fields.timeZone).toBe("");
    expect(result.from.phone).toBe("(03) 5555 6473 (phone, work, rank 1)");
    expect(result.notes).toEqual(
      expect.arrayContaining([
        "Name prefix or suffix not carried over: Mr.",
        "Other name (usual): Jim.",
        "Other name (maiden): Peter James Windsor.",
        "Other contact not carried over: (03) 3410 5613 (phone, mobile, rank 2).",
        "Other contact not carried over: old@example.org (email, old).",
        "Medical record number from the source, not used as the RunClear MRN: 12345 (urn:oid:1.2.36.146.595.217.0.1).",
        "Address not carried over (home): 534 Erewhon St, PleasantVille, Vic, 3999.",
        "Marital status not carried over: Married.",
        "Managing organization not carried over: Organization/1.",
        "The source system's id for this resource: Patient/example.",
      ]),
    );
  });

  it.each([
    ["usual before the first", [{ use: "nickname", given: ["Pete"] }, { use: "usual", family: "Chalmers", given: ["Peter"] }], "Peter Chalmers"],
    ["the first when none is official or usual", [{ given: ["Peter"], family: "Chalmers" }, { use: "nickname", given: ["Pete"] }], "Peter Chalmers"],
    ["a current name before an old one", [{ use: "old", given: ["Old"], family: "Name" }, { use: "anonymous", given: ["New"], family: "Name" }], "New Name"],
  ])("picks %s", (_, name, expected) => {
    const { fields } = accepted(read({ resourceType: "Patient", name }));
    expect(`${fields.givenName} ${fields.familyName}`).toBe(expected);
  });

  it("leaves the sex unset when the resource has no gender, for the clinician to choose", () => {
    const { fields, from, fieldMessages } = accepted(read({ resourceType: "Patient", name: [{ family: "Doe", given: ["Jo"] }] }));
    expect(fields.sex).toBe("");
    expect(from.sex).toBe("");
    expect(fieldMessages.sex).toBeUndefined();
  });

  it.each([
    ["1974", "The resource gives only the year (1974); enter the full date of birth."],
    ["1974-12", "The resource gives only the year and month (1974-12); enter the full date of birth."],
  ])("asks for the full date when birthDate is only %s", (birthDate, message) => {
    const result = accepted(read({ ...exported, birthDate }));
    expect(result.fields.dateOfBirth).toBe("");
    expect(result.from.dateOfBirth).toBe(`${birthDate} (birthDate)`);
    expect(result.fieldMessages.dateOfBirth).toBe(message);
  });

  it("asks for a time zone the runtime does not know", () => {
    const result = accepted(read({ ...exported, extension: [{ url: SYSTEMS.timeZoneExtension, valueCode: "Mars/Olympus_Mons" }] }));
    expect(result.fields.timeZone).toBe("");
    expect(result.fieldMessages.timeZone).toMatch(/"Mars\/Olympus_Mons" is not one RunClear knows/);
  });

  it("says when the resource records a death", () => {
    const result = accepted(read({ ...exported, deceasedDateTime: "2025-02-03" }));
    expect(result.notes).toContain("The resource says the patient has died (2025-02-03). Check before registering.");
  });

  it("takes the one Patient of a Bundle and says the rest was not read", () => {
    const bundle = { resourceType: "Bundle", type: "searchset", entry: [{ resource: { resourceType: "Organization", name: "Clinic" } }, { resource: exported }] };
    const result = accepted(read(bundle));
    expect(result.fields.familyName).toBe("Visitor");
    expect(result.notes).toContain("The Bundle's other resource was not read.");
  });

  it.each([
    ["a Bundle with no Patient", { resourceType: "Bundle", type: "collection", entry: [] }, "This Bundle holds no Patient resource."],
    ["a Bundle with two", { resourceType: "Bundle", type: "collection", entry: [{ resource: exported }, { resource: external }] }, "This Bundle holds 2 Patient resources; paste the one to register on its own."],
    ["another resource type", { resourceType: "Observation", status: "final" }, "This is a FHIR Observation resource, not a Patient. Paste a Patient resource (or a Bundle holding one)."],
    ["an object without resourceType", { name: "Ada" }, "This JSON has no resourceType, so it is not a FHIR resource. Paste a FHIR Patient resource."],
    ["a list", [exported], "This is JSON, but not a FHIR resource: a resource is one object with a resourceType."],
    ["a string", "Patient", "This is JSON, but not a FHIR resource: a resource is one object with a resourceType."],
  ])("refuses %s", (_, resource, message) => {
    expect(refused(read(resource))).toEqual({ ok: false, message, problems: [] });
  });

  it.each([
    ["a trailing comma, with its line and column", '{\n  "resourceType": "Patient",\n}', /^This is not valid JSON: line 3, column 1: /],
    ["an unquoted value", '{ "resourceType": Patient }', /^This is not valid JSON/],
    ["text cut short", '{ "resourceType": "Patient", "name": [', /^This is not valid JSON: it ends too early/],
    ["nothing", "   ", /^This is empty\./],
  ])("refuses text that is not JSON: %s", (_, text, message) => {
    expect(refused(readPatientResource(text)).message).toMatch(message);
  });

  it("lists each schema problem with its place in the resource", () => {
    const result = refused(read({ resourceType: "Patient", gender: "f", name: { family: "Doe" }, birthDate: "1990-13-01" }));
    expect(result.message).toBe("This Patient resource is not valid FHIR R4 (3 problems). Correct it and read it again:");
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'gender must be one of "male", "female", "other", "unknown".',
        "name must be array.",
        expect.stringMatching(/^birthDate is not written the way FHIR writes this type/),
      ]),
    );
  });

  it("places a Bundle's Patient problems inside the Bundle", () => {
    const result = refused(read({ resourceType: "Bundle", type: "collection", entry: [{ resource: { resourceType: "Patient", gendre: "male" } }] }));
    expect(result.problems).toEqual(["entry[0].resource.gendre is not an R4 element here."]);
  });
});
