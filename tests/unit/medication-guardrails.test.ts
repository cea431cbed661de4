import { describe, expect, it } from "vitest";
import {
  CHRONIC_SCIATICA_WEEKS,
  NSAID_COURSE_MAX_DAYS,
  NSAID_RISK_AGE,
  OPIOID_SHORT_COURSE_MAX_DAYS,
  checkMedication,
  classifyDrug,
  currentMedicineNotices,
  drugClasses,
  drugNames,
  isChronicSciatica,
  nsaidRiskNames,
  type DrugClass,
  type MedicationQuery,
  type PatientMedicineRisk,
  type Severity,
} from "@/lib/domain/medication-guardrails";
import type { MedicineDose, MedicineUnit } from "@/lib/domain/plan-catalogue";

/** A structured dose: `amount` `unit` up to `timesPerDay` a day for `days` days. */
function dose(drug: string, amount: number, timesPerDay: number, days = 5, unit: MedicineUnit = "mg"): MedicineDose {
  return { kind: "medicine", drug, amount, unit, timesPerDay, asNeeded: false, days, startDate: "2026-05-01" };
}
const q = (drug: string, amount: number, timesPerDay: number, days = 5, rest: Omit<MedicationQuery, "dose"> = {}): MedicationQuery => ({
  dose: dose(drug, amount, timesPerDay, days),
  ...rest,
});

describe("thresholds", () => {
  it("are written out: chronic at 12 weeks; opioid courses past 7 days and NSAID courses past 14 warn; NSAID risk from age 65", () => {
    expect(CHRONIC_SCIATICA_WEEKS).toBe(12);
    expect(OPIOID_SHORT_COURSE_MAX_DAYS).toBe(7);
    expect(NSAID_COURSE_MAX_DAYS).toBe(14);
    expect(NSAID_RISK_AGE).toBe(65);
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
    ["aspirin", ["nsaid"]],
    ["paracetamol", ["paracetamol"]],
    ["Acetaminophen", ["paracetamol"]],
    ["Tylenol", ["paracetamol"]],
    // SSRIs, SNRIs and tricyclics (NICE NG59: no recommendation for sciatica, against for low back pain).
    ["amitriptyline", ["antidepressant"]],
    ["Duloxetine 30 mg", ["antidepressant"]],
    ["sertraline", ["antidepressant"]],
    ["Cymbalta", ["antidepressant"]],
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

describe("checkMedication (NICE NG59 2020 for sciatica, dose ceilings, plus product limits)", () => {
  it.each<[string, MedicationQuery, Severity]>([
    // Do not offer for sciatica, whatever the duration.
    ["gabapentin, 3 days", q("gabapentin", 300, 3, 3), "warning"],
    ["Lyrica, 30 days", q("Lyrica", 75, 2, 30), "warning"],
    ["lamotrigine", q("lamotrigine", 25, 1, 14), "warning"],
    ["prednisolone by mouth, 5 days", q("prednisolone", 40, 1, 5), "warning"],
    ["Valium, 3 days", q("Valium", 2, 3, 3), "warning"],
    // Oral corticosteroids only: an epidural steroid injection is a separate, recommended option.
    ["Depo-Medrol injection", q("Depo-Medrol", 80, 1, 1), "none"],
    ["dexamethasone, route given as injection", q("dexamethasone", 8, 1, 1, { route: "injection" }), "none"],
    // Opioids: always a recorded reason (an NSAID contraindicated, not tolerated or not working).
    ["codeine 30 mg × 4, acute, 7 days", q("codeine", 30, 4, 7), "warning"],
    ["codeine 30 mg × 4, acute, 8 days", q("codeine", 30, 4, 8), "warning"],
    ["tramadol, chronic, 3 days", q("tramadol", 50, 4, 3, { chronic: true }), "warning"],
    ["tramadol, explicitly acute, 5 days", q("tramadol", 50, 4, 5, { chronic: false }), "warning"],
    ["fentanyl patch, chronic (transdermal is still an opioid)", q("fentanyl patch", 0.012, 1, 28, { chronic: true }), "warning"],
    // NSAIDs: advice, and a warning past the product limit of 14 days.
    ["ibuprofen 400 mg × 3, 14 days", q("ibuprofen", 400, 3, 14), "advice"],
    ["ibuprofen 400 mg × 3, 15 days", q("ibuprofen", 400, 3, 15), "warning"],
    ["Aleve 250 mg × 2, 7 days", q("Aleve", 250, 2, 7), "advice"],
    ["diclofenac gel, 28 days (topical)", q("diclofenac gel", 50, 4, 28), "none"],
    // Paracetamol alone: NG59 advises against it for low back pain with or without sciatica.
    ["paracetamol alone, 28 days", q("paracetamol", 1000, 4, 28), "warning"],
    ["acetaminophen alone, chronic", q("acetaminophen", 1000, 4, 28, { chronic: true }), "warning"],
    ["paracetamol beside an NSAID", q("paracetamol", 1000, 4, 5, { otherClasses: ["nsaid"] }), "none"],
    ["paracetamol beside an opioid", q("paracetamol", 1000, 4, 5, { otherClasses: ["opioid"] }), "none"],
    ["paracetamol beside an antidepressant only", q("paracetamol", 1000, 4, 5, { otherClasses: ["antidepressant"] }), "warning"],
    // Antidepressants: record the indication.
    ["amitriptyline", q("amitriptyline", 10, 1, 28), "warning"],
    ["duloxetine", q("duloxetine", 60, 1, 28), "warning"],
    ["sertraline", q("sertraline", 50, 1, 28), "warning"],
    // A combination takes its most serious part.
    ["co-codamol, acute, 5 days", q("co-codamol 8/500", 2, 4, 5), "warning"],
    ["co-codamol, chronic", q("co-codamol 30/500", 2, 4, 5, { chronic: true }), "warning"],
    ["ibuprofen and paracetamol together", q("Ibuprofen and paracetamol 200/500", 1, 3, 5), "advice"],
    // Off every list: nothing to say.
    ["vitamin D", q("vitamin D", 0.025, 1, 28), "none"],
  ])("%s → %s", (_, query, severity) => {
    const check = checkMedication(query);
    expect(check.severity).toBe(severity);
    expect(check.requiresJustification).toBe(severity === "warning");
    expect(check.reasons.length > 0).toBe(severity !== "none");
    expect(check.warnings.length > 0).toBe(severity === "warning");
  });

  it("names the source and the reason a clinician can act on", () => {
    const gaba = checkMedication(q("pregabalin", 75, 2, 14));
    expect(gaba.reasons).toEqual([expect.stringMatching(/NICE NG59.*gabapentinoids for sciatica/)]);

    const nsaid = checkMedication(q("naproxen", 250, 2, 21));
    expect(nsaid.reasons).toHaveLength(2);
    expect(nsaid.reasons[0]).toMatch(/lowest effective dose for the shortest time/);
    expect(nsaid.reasons[0]).toMatch(/gastro-intestinal, liver and cardio-renal/);
    expect(nsaid.reasons[1]).toMatch(/not a NICE number/);

    const opioid = checkMedication(q("morphine", 10, 4, 3, { chronic: true }));
    expect(opioid.reasons[0]).toMatch(/chronic sciatica/);
  });
});

describe("dose ceilings: above one, a warning that needs a recorded reason (DOMAIN.md §7)", () => {
  const ceilingWarnings = (query: MedicationQuery) => checkMedication(query).warnings.filter((w) => /usual ceiling/.test(w));

  it("ibuprofen 4,000 mg six times a day: refused on both ceilings, naming the BNF", () => {
    const check = checkMedication(q("Ibuprofen", 4000, 6));
    expect(check.severity).toBe("warning");
    expect(check.requiresJustification).toBe(true);
    expect(check.warnings).toEqual([
      "A single dose of ibuprofen, 4,000 mg, is above the usual ceiling of 800 mg (BNF: 1,200 mg a day without prescription, 2,400 mg a day prescribed; single dose 800 mg at most). Record why you are prescribing above it.",
      "The daily dose of ibuprofen, 24,000 mg, is above the usual ceiling of 1,200 mg (BNF: 1,200 mg a day without prescription, 2,400 mg a day prescribed; single dose 800 mg at most). Record why you are prescribing above it.",
    ]);
  });

  it.each<[string, MedicationQuery, Severity, RegExp[]]>([
    ["ibuprofen 400 mg × 3 over the counter (1,200 mg)", q("Ibuprofen", 400, 3), "advice", []],
    ["ibuprofen 800 mg × 3 over the counter (2,400 mg > 1,200)", q("Ibuprofen", 800, 3), "warning", [/daily dose of ibuprofen, 2,400 mg, .* ceiling of 1,200 mg/]],
    ["ibuprofen 800 mg × 3 prescribed (2,400 mg)", q("Ibuprofen", 800, 3, 5, { prescribed: true }), "advice", []],
    ["naproxen 500 mg × 2 (1,000 mg)", q("Naproxen", 500, 2), "advice", []],
    ["naproxen 750 mg once (> 500 mg a dose)", q("Naproxen", 750, 1), "warning", [/single dose of naproxen, 750 mg, .* ceiling of 500 mg/]],
    ["diclofenac 50 mg × 3 (150 mg)", q("Diclofenac", 50, 3), "advice", []],
    ["diclofenac 75 mg × 3 (225 mg > 150)", q("Diclofenac", 75, 3), "warning", [/daily dose of diclofenac, 225 mg, .* ceiling of 150 mg/]],
    ["paracetamol 1 g × 4 beside an NSAID (4 g)", { dose: dose("Paracetamol", 1, 4, 5, "g"), otherClasses: ["nsaid"] }, "none", []],
    ["paracetamol 1 g × 5 beside an NSAID (5 g > 4 g)", { dose: dose("Paracetamol", 1, 5, 5, "g"), otherClasses: ["nsaid"] }, "warning", [/daily dose of paracetamol, 5,000 mg, .* ceiling of 4,000 mg/]],
    ["codeine 60 mg × 4 (240 mg)", q("Codeine", 60, 4), "warning", []],
    ["codeine 60 mg × 5 (300 mg > 240)", q("Codeine", 60, 5), "warning", [/daily dose of codeine, 300 mg, .* ceiling of 240 mg/]],
    ["codeine 60,000 mcg × 4 (60 mg a dose)", { dose: dose("Codeine", 60_000, 4, 5, "mcg") }, "warning", []],
    ["tramadol 100 mg × 4 (400 mg)", q("Tramadol", 100, 4), "warning", []],
    ["tramadol 100 mg × 5 (500 mg > 400)", q("Tramadol", 100, 5), "warning", [/daily dose of tramadol, 500 mg, .* ceiling of 400 mg/]],
    ["tramadol 150 mg once (> 100 mg a dose)", q("Tramadol", 150, 1), "warning", [/single dose of tramadol, 150 mg, .* ceiling of 100 mg/]],
    // Ceilings are oral: a gel or an injection is not checked against them.
    ["diclofenac gel, 1,000 mg × 4", q("Diclofenac gel", 1000, 4), "none", []],
    ["ibuprofen given as an injection, 1,000 mg once", q("Ibuprofen", 1000, 1, 1, { route: "injection" }), "advice", []],
  ])("%s → %s", (_, query, severity, breaches) => {
    expect(checkMedication(query).severity).toBe(severity);
    const found = ceilingWarnings(query);
    expect(found).toHaveLength(breaches.length);
    breaches.forEach((pattern, i) => expect(found[i]).toMatch(pattern));
  });

  it("a combination product is not checked from one amount, and says so", () => {
    for (const drug of ["co-codamol 30/500", "Tylenol with codeine", "Percocet", "Ibuprofen and codeine"]) {
      const check = checkMedication(q(drug, 1000, 8));
      expect(check.reasons.some((r) => /usual ceiling/.test(r))).toBe(false);
      expect(check.reasons).toContain(
        "Combination product: RunClear cannot check each ingredient's ceiling from one amount. Check them against your formulary (paracetamol 4 g a day).",
      );
    }
    expect(checkMedication(q("Ibuprofen", 400, 3)).reasons.some((r) => /Combination product/.test(r))).toBe(false);
  });
});

describe("low-dose aspirin for the heart is not an analgesic NSAID course (≤ 150 mg a day)", () => {
  it.each<[string, MedicineDose, Severity, DrugClass[]]>([
    ["aspirin 75 mg once a day", dose("Aspirin 75 mg", 75, 1, 365), "advice", []],
    ["aspirin 75 mg twice a day (150 mg)", dose("Aspirin", 75, 2, 28), "advice", []],
    ["aspirin 75 mg three times a day (225 mg): an NSAID course", dose("Aspirin", 75, 3, 5), "advice", ["nsaid"]],
    ["aspirin 300 mg × 3 for pain, 21 days", dose("Aspirin", 300, 3, 21), "warning", ["nsaid"]],
  ])("%s", (_, medicine, severity, classes) => {
    const check = checkMedication({ dose: medicine });
    expect(check.severity).toBe(severity);
    expect(check.classes).toEqual(classes);
  });

  it("gets its own advice, and no NSAID risk warning even at 80", () => {
    const check = checkMedication({ dose: dose("Aspirin", 75, 1, 365), patient: { age: 80, nsaidRisks: ["gi_bleed"] } });
    expect(check.reasons).toEqual(["Low-dose aspirin for the heart: not an analgesic course, but it adds to the bleeding risk of any NSAID."]);
    expect(check.requiresJustification).toBe(false);
  });
});

describe("opioids: a recorded reason every time (NICE NG59: weak opioids only when an NSAID is not an option)", () => {
  it("acute, short course: one warning asking which applies", () => {
    const check = checkMedication(q("codeine", 30, 4, 5));
    expect(check.warnings).toEqual([
      "Opioid: NICE NG59 (2020) keeps weak opioids for acute pain when an NSAID is contraindicated, not tolerated or has not worked. Record which applies.",
    ]);
  });

  it("beside an NSAID in the plan: says so", () => {
    expect(checkMedication(q("codeine", 30, 4, 5, { otherClasses: ["nsaid"] })).warnings[0]).toBe(
      "Opioid: NICE NG59 (2020) keeps weak opioids for acute pain when an NSAID is contraindicated, not tolerated or has not worked, and this plan also has an NSAID. Record which applies.",
    );
  });

  it.each<[number, number]>([
    [7, 1],
    [8, 2],
  ])("a %i-day course: %i warning(s), the second past 7 days", (days, count) => {
    const check = checkMedication(q("tramadol", 50, 4, days));
    expect(check.warnings).toHaveLength(count);
    if (count === 2) expect(check.warnings[1]).toMatch(/^Opioid course of 8 days: RunClear warns past 7 days/);
  });

  it("chronic sciatica (12 weeks or more): one warning against opioids, whatever the length", () => {
    for (const days of [3, 28]) {
      expect(checkMedication(q("tramadol", 50, 4, days, { chronic: true })).warnings).toEqual([
        "Chronic sciatica (12 weeks or more): NICE NG59 (2020) advises against opioids for chronic sciatica.",
      ]);
    }
  });
});

describe("NSAID risk factors turn the advice into a warning (DOMAIN.md §7)", () => {
  const nsaid = (patient: PatientMedicineRisk | undefined, drug = "Naproxen") => checkMedication({ dose: dose(drug, 250, 2, 7), patient });

  it.each<[string, PatientMedicineRisk | undefined, Severity]>([
    ["no history", undefined, "advice"],
    ["age unknown, no risks", { age: null, nsaidRisks: [] }, "advice"],
    ["age 64", { age: 64, nsaidRisks: [] }, "advice"],
    ["age 65", { age: 65, nsaidRisks: [] }, "warning"],
    ["age 67", { age: 67, nsaidRisks: [] }, "warning"],
    ["age 40, a previous GI bleed", { age: 40, nsaidRisks: ["gi_bleed"] }, "warning"],
    ["age 40, kidney disease", { age: 40, nsaidRisks: ["kidney_disease"] }, "warning"],
    ["age 40, on an anticoagulant", { age: 40, nsaidRisks: ["anticoagulant"] }, "warning"],
  ])("%s → %s", (_, patient, severity) => {
    expect(nsaid(patient).severity).toBe(severity);
  });

  it("names the risk factors, asks for gastroprotection and a reason", () => {
    const check = nsaid({ age: 67, nsaidRisks: ["gi_bleed", "cardiovascular"] });
    expect(check.warnings).toHaveLength(1);
    expect(check.warnings[0]).toMatch(
      /^NSAID for a patient with risk factors \(age 67; previous stomach ulcer or gastro-intestinal bleed; heart failure or cardiovascular disease\): use the lowest effective dose/,
    );
    expect(check.warnings[0]).toMatch(/Consider gastroprotection, and record why you are going ahead\.$/);
  });

  it("a topical NSAID gets no advice at all, even with risk factors", () => {
    expect(nsaid({ age: 80, nsaidRisks: ["gi_bleed"] }, "Diclofenac gel").severity).toBe("none");
    expect(checkMedication({ dose: dose("Ibuprofen", 5, 3, 14), route: "topical", patient: { age: 80, nsaidRisks: [] } }).severity).toBe("none");
  });

  it.each<[PatientMedicineRisk | undefined, string[]]>([
    [undefined, []],
    [{ age: 64, nsaidRisks: [] }, []],
    [{ age: 65, nsaidRisks: [] }, ["age 65"]],
    [{ age: 70, nsaidRisks: ["kidney_disease", "anticoagulant"] }, ["age 70", "kidney disease", "takes an anticoagulant or antiplatelet medicine"]],
  ])("nsaidRiskNames(%o) → %j", (patient, names) => {
    expect(nsaidRiskNames(patient)).toEqual(names);
  });

  // Checked without case: the label is lower-cased whole, so "NSAIDs" reads "nsaids" (reported as a wording slip).
  it("names asthma made worse by NSAIDs", () => {
    expect(nsaidRiskNames({ age: null, nsaidRisks: ["nsaid_asthma"] })).toEqual([expect.stringMatching(/^asthma made worse by nsaids$/i)]);
  });
});

describe("paracetamol alone and antidepressants (NICE NG59, low back pain with or without sciatica)", () => {
  it("paracetamol alone asks for a reason", () => {
    expect(checkMedication(q("Paracetamol", 1000, 4)).warnings).toEqual([
      "NICE NG59 (2020) advises against paracetamol alone for low back pain, with or without sciatica. Record why you are prescribing it.",
    ]);
  });

  it("an antidepressant asks for the indication", () => {
    expect(checkMedication(q("Amitriptyline", 10, 1, 28)).warnings).toEqual([
      "NICE NG59 (2020) advises against SSRIs, SNRIs and tricyclic antidepressants for low back pain, and makes no recommendation for sciatica. Record the indication.",
    ]);
  });
});

describe("currentMedicineNotices: NG59 asks to explain the risks of continuing", () => {
  it.each<[Parameters<typeof currentMedicineNotices>[0], string[]]>([
    [[], []],
    [["opioid"], ["The patient already takes opioids for their sciatica: NICE NG59 (2020) asks you to explain the risks of continuing them."]],
    [
      ["gabapentinoid", "benzodiazepine"],
      [
        "The patient already takes gabapentinoids (gabapentin, pregabalin) for their sciatica: NICE NG59 (2020) asks you to explain the risks of continuing them.",
        "The patient already takes benzodiazepines for their sciatica: NICE NG59 (2020) asks you to explain the risks of continuing them.",
      ],
    ],
  ])("%j", (current, notices) => {
    expect(currentMedicineNotices(current)).toEqual(notices);
  });
});
