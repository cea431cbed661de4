/**
 * Code systems and identifier namespaces RunClear's FHIR resources use. External systems are the
 * canonical URIs HL7 names (terminology.hl7.org, "Using Codes in Resources"); RunClear's own
 * identifiers and codes live under one base, so another system can tell them apart.
 */
export const SYSTEMS = {
  icd10cm: "http://hl7.org/fhir/sid/icd-10-cm",
  snomed: "http://snomed.info/sct",
  loinc: "http://loinc.org",
  ucum: "http://unitsofmeasure.org",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  conditionCategory: "http://terminology.hl7.org/CodeSystem/condition-category",
  conditionClinical: "http://terminology.hl7.org/CodeSystem/condition-clinical",
  conditionVerification: "http://terminology.hl7.org/CodeSystem/condition-ver-status",
  /** R4 core extension: the person's IANA time zone. */
  timeZoneExtension: "http://hl7.org/fhir/StructureDefinition/timezone",
  /** The clinic's medical record numbers (RC-200001). */
  mrn: "https://runclear.example/fhir/sid/mrn",
  /** RunClear's own codes, where no standard code exists (a clearance to run, plan items). */
  runclear: "https://runclear.example/fhir/CodeSystem/runclear",
} as const;
