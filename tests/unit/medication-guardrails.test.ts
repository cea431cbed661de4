import { describe, expect, it } from "vitest";
import {
  CHRONIC_SCIATICA_WEEKS,
  NSAID_COURSE_MAX_DAYS,
  OPIOID_SHORT_COURSE_MAX_DAYS,
  checkMedication,
  classifyDrug,
  drugClasses,
  drugNames,
  isChronicSciatica,
  type DrugClass,
  type MedicationQuery,
  type Severity,
} from "@/lib/domain/medication-guardrails";

describe("thresholds", () => {
  it("are written out: chronic at 12 weeks; opioid courses past 7 days and NSAID courses past 14 warn", () => {
    expect(CHRONIC_SCIATICA_WEEKS).toBe(12);
    expect(OPIOID_SHORT_COURSE_MAX_DAYS).toBe(7);
    expect(NSAID_COURSE_MAX_DAYS).toBe(14);
  });

  it.each([
    ["2026-01-01", "2026-03-25", false], // 83 days
    ["2026-01-01", "2026-03-26", true], // 84 days = 12 weeks
  ])("symptoms since %s are chronic on %s: %s", (onset, today, chronic) => {
    expect(isChronicSciatica(onset, today)).toBe(chronic);
  });
});

describe("classifyDrug matches generic and brand names, whole words, any case", () => {
  it.each<[string, DrugClass[]]>([
    ["gabapentin", ["gabapentinoid"]],
    ["Pregabalin 75 mg capsules", ["gabapentinoid"]],
    ["NEURONTIN", ["gabapentinoid"]],
    ["Lyrica CR", ["gabapentinoid"]],
    ["carbamazepine", ["antiepileptic"]],
    ["Topamax", ["antiepileptic"]],
    ["sodium valproate", ["antiepileptic"]],
    ["Prednisolone 5 mg", ["oral_corticosteroid"]],
    ["methylprednisolone", ["oral_corticosteroid"]],
    ["Medrol dose pack", ["oral_corticosteroid"]],
    ["Valium", ["benzodiazepine"]],
    ["diazepam", ["benzodiazepine"]],
    ["Klonopin", ["benzodiazepine"]],
    ["tramadol", ["opioid"]],
    ["Oxycodone hydrochloride", ["opioid"]],
    ["co-codamol 30/500", ["opioid", "paracetamol"]],
    ["Tylenol with codeine", ["opioid", "paracetamol"]],
    ["Percocet", ["opioid", "paracetamol"]],
    ["Ibuprofen", ["nsaid"]],
    ["naproxen sodium", ["nsaid"]],
    ["Voltaren", ["nsaid"]],
    ["celecoxib", ["nsaid"]],
    ["paracetamol", ["paracetamol"]],
    ["Acetaminophen", ["paracetamol"]],
    ["Tylenol", ["paracetamol"]],
    ["amitriptyline", []],
    ["vitamin D", []],
    // Whole words only: one generic inside another does not match it.
    ["dihydrocodeine", ["opioid"]],
  ])("%s → %o", (drug, classes) => {
    expect(classifyDrug(drug)).toEqual(classes);
  });

  it("offers every class with generic names for the prescribing form", () => {
    for (const cls of drugClasses) expect(drugNames[cls].generic.length).toBeGreaterThan(0);
  });
});

describe("checkMedication (NICE NG59 2020 for sciatica, plus product limits)", () => {
  it.each<[string, MedicationQuery, Severity]>([
    // Do not offer for sciatica, whatever the duration.
    ["gabapentin, 3 days", { drug: "gabapentin", maxDays: 3 }, "warning"],
    ["Lyrica, 30 days", { drug: "Lyrica", maxDays: 30 }, "warning"],
    ["lamotrigine", { drug: "lamotrigine", maxDays: 14 }, "warning"],
    ["prednisolone by mouth, 5 days", { drug: "prednisolone", maxDays: 5 }, "warning"],
    ["Valium, 3 days", { drug: "Valium", maxDays: 3 }, "warning"],
    // Oral corticosteroids only: an epidural steroid injection is a separate, recommended option.
    ["Depo-Medrol injection", { drug: "Depo-Medrol", maxDays: 1 }, "none"],
    ["dexamethasone, route given as injection", { drug: "dexamethasone", maxDays: 1, route: "injection" }, "none"],
    // Opioids: not for chronic sciatica; short courses only in acute sciatica.
    ["codeine, acute, 7 days", { drug: "codeine", maxDays: 7 }, "advice"],
    ["codeine, acute, 8 days", { drug: "codeine", maxDays: 8 }, "warning"],
    ["tramadol, chronic, 3 days", { drug: "tramadol", maxDays: 3, chronic: true }, "warning"],
    ["tramadol, explicitly acute, 5 days", { drug: "tramadol", maxDays: 5, chronic: false }, "advice"],
    ["fentanyl patch, chronic (transdermal is still an opioid)", { drug: "fentanyl patch", maxDays: 28, chronic: true }, "warning"],
    // NSAIDs: advice, and a warning past the product limit.
    ["ibuprofen, 14 days", { drug: "ibuprofen", maxDays: 14 }, "advice"],
    ["ibuprofen, 15 days", { drug: "ibuprofen", maxDays: 15 }, "warning"],
    ["Aleve, 7 days", { drug: "Aleve", maxDays: 7 }, "advice"],
    ["diclofenac gel, 28 days (topical)", { drug: "diclofenac gel", maxDays: 28 }, "none"],
    // Paracetamol and medicines off the lists: nothing to say.
    ["paracetamol, 28 days", { drug: "paracetamol", maxDays: 28 }, "none"],
    ["acetaminophen, chronic", { drug: "acetaminophen", maxDays: 28, chronic: true }, "none"],
    ["amitriptyline", { drug: "amitriptyline", maxDays: 28 }, "none"],
    // A combination takes its most serious part.
    ["co-codamol, acute, 5 days", { drug: "co-codamol 8/500", maxDays: 5 }, "advice"],
    ["co-codamol, chronic", { drug: "co-codamol 30/500", maxDays: 5, chronic: true }, "warning"],
  ])("%s → %s", (_, query, severity) => {
    const check = checkMedication(query);
    expect(check.severity).toBe(severity);
    expect(check.requiresJustification).toBe(severity === "warning");
    expect(check.reasons.length > 0).toBe(severity !== "none");
  });

  it("names the source and the reason a clinician can act on", () => {
    const gaba = checkMedication({ drug: "pregabalin", maxDays: 14 });
    expect(gaba.reasons).toEqual([expect.stringMatching(/NICE NG59.*gabapentinoids for sciatica/)]);

    const nsaid = checkMedication({ drug: "naproxen", maxDays: 21 });
    expect(nsaid.reasons).toHaveLength(2);
    expect(nsaid.reasons[0]).toMatch(/lowest effective dose for the shortest time/);
    expect(nsaid.reasons[0]).toMatch(/gastro-intestinal, liver and cardio-renal/);
    expect(nsaid.reasons[1]).toMatch(/not a NICE number/);

    const opioid = checkMedication({ drug: "morphine", maxDays: 3, chronic: true });
    expect(opioid.reasons[0]).toMatch(/chronic sciatica/);
  });
});
