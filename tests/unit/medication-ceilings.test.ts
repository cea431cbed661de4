import { describe, expect, it } from "vitest";
import {
  LOW_DOSE_ASPIRIN_MAX_MG_A_DAY,
  amountInMg,
  ceilingBreaches,
  ceilingsFor,
  dailyMg,
  describeBreach,
  doseCeilings,
} from "@/lib/domain/medication-ceilings";
import type { MedicineDose, MedicineUnit } from "@/lib/domain/plan-catalogue";

function dose(drug: string, amount: number, timesPerDay = 1, unit: MedicineUnit = "mg"): MedicineDose {
  return { kind: "medicine", drug, amount, unit, timesPerDay, asNeeded: false, days: 5, startDate: "2026-05-01" };
}

describe("usual adult oral ceilings, as data with their source (DOMAIN.md §7, BNF)", () => {
  it.each<[string, number | null, number, number | null]>([
    ["ibuprofen", 800, 1200, 2400],
    ["naproxen", 500, 1000, null],
    ["diclofenac", null, 150, null],
    ["paracetamol", 1000, 4000, null],
    ["codeine", 60, 240, null],
    ["tramadol", 100, 400, null],
    ["aspirin", 900, 4000, null],
  ])("%s: single dose %s mg at most, %s mg a day (prescribed: %s mg)", (ingredient, single, daily, prescribed) => {
    const ceiling = doseCeilings.find((c) => c.ingredient === ingredient)!;
    expect(ceiling).toMatchObject({ singleMaxMg: single, dailyMaxMg: daily });
    expect(ceiling.prescribedDailyMaxMg ?? null).toBe(prescribed);
    expect(ceiling.source).toMatch(/^BNF/);
  });

  it("low-dose aspirin for the heart is at most 150 mg a day", () => {
    expect(LOW_DOSE_ASPIRIN_MAX_MG_A_DAY).toBe(150);
  });
});

describe("units", () => {
  it.each<[number, MedicineUnit, number]>([
    [400, "mg", 400],
    [1, "g", 1000],
    [0.5, "g", 500],
    [250, "mcg", 0.25],
    [60_000, "mcg", 60],
  ])("%s %s is %s mg", (amount, unit, mg) => {
    expect(amountInMg({ amount, unit })).toBeCloseTo(mg, 9);
  });

  it.each<[number, MedicineUnit, number, number]>([
    [400, "mg", 3, 1200],
    [1, "g", 4, 4000],
    [500, "mcg", 2, 1],
  ])("%s %s × %i a day is %s mg a day", (amount, unit, timesPerDay, mg) => {
    expect(dailyMg({ amount, unit, timesPerDay })).toBeCloseTo(mg, 9);
  });
});

describe("ceilingsFor: the ingredients a name contains, whole words", () => {
  it.each<[string, string[]]>([
    ["Ibuprofen", ["ibuprofen"]],
    ["Nurofen Express 400 mg", ["ibuprofen"]],
    ["Aleve", ["naproxen"]],
    ["Voltarol 50 mg", ["diclofenac"]],
    ["Acetaminophen", ["paracetamol"]],
    ["TYLENOL", ["paracetamol"]],
    ["codeine phosphate", ["codeine"]],
    ["Zydol", ["tramadol"]],
    ["Aspirin 75 mg dispersible", ["aspirin"]],
    // Two ingredients with ceilings in one name: a combination product.
    ["Tylenol with codeine", ["paracetamol", "codeine"]],
    ["ibuprofen and codeine", ["ibuprofen", "codeine"]],
    // Whole words: dihydrocodeine is not codeine; co-codamol names neither ingredient.
    ["dihydrocodeine", []],
    ["co-codamol 30/500", []],
    ["gabapentin", []],
  ])("%s → %j", (drug, ingredients) => {
    expect(ceilingsFor(drug).map((c) => c.ingredient)).toEqual(ingredients);
  });
});

describe("ceilingBreaches: above the single or daily ceiling", () => {
  it.each<[string, MedicineDose, boolean, string[]]>([
    // Ibuprofen: 800 mg a dose; 1,200 mg a day over the counter, 2,400 mg prescribed.
    ["ibuprofen 400 mg × 3 (1,200 mg) over the counter", dose("Ibuprofen", 400, 3), false, []],
    ["ibuprofen 400 mg × 4 (1,600 mg) over the counter", dose("Ibuprofen", 400, 4), false, ["daily:1600>1200"]],
    ["ibuprofen 800 mg × 3 (2,400 mg) over the counter", dose("Ibuprofen", 800, 3), false, ["daily:2400>1200"]],
    ["ibuprofen 800 mg × 3 (2,400 mg) prescribed", dose("Ibuprofen", 800, 3), true, []],
    ["ibuprofen 800 mg × 4 (3,200 mg, a US label) prescribed", dose("Ibuprofen", 800, 4), true, ["daily:3200>2400"]],
    ["ibuprofen 1,000 mg once", dose("Ibuprofen", 1000, 1), true, ["single:1000>800"]],
    ["ibuprofen 4,000 mg × 6", dose("Ibuprofen", 4000, 6), false, ["single:4000>800", "daily:24000>1200"]],
    // Naproxen: 500 mg a dose, 1,000 mg a day.
    ["naproxen 500 mg × 2", dose("Naproxen", 500, 2), false, []],
    ["naproxen 750 mg once", dose("Naproxen", 750, 1), false, ["single:750>500"]],
    ["naproxen 500 mg × 3", dose("Naproxen", 500, 3), true, ["daily:1500>1000"]],
    // Diclofenac: 150 mg a day, no single ceiling.
    ["diclofenac 50 mg × 3", dose("Diclofenac", 50, 3), false, []],
    ["diclofenac 150 mg once", dose("Diclofenac", 150, 1), false, []],
    ["diclofenac 75 mg × 3", dose("Diclofenac", 75, 3), false, ["daily:225>150"]],
    // Paracetamol: 1 g a dose, 4 g a day; grams and micrograms convert.
    ["paracetamol 1,000 mg × 4", dose("Paracetamol", 1000, 4), false, []],
    ["paracetamol 1 g × 4", dose("Paracetamol", 1, 4, "g"), false, []],
    ["paracetamol 1 g × 5", dose("Paracetamol", 1, 5, "g"), false, ["daily:5000>4000"]],
    ["paracetamol 1.5 g once", dose("Paracetamol", 1.5, 1, "g"), false, ["single:1500>1000"]],
    ["Tylenol 1,000 mg × 5", dose("Tylenol", 1000, 5), false, ["daily:5000>4000"]],
    // Codeine: 60 mg a dose, 240 mg a day.
    ["codeine 60 mg × 4", dose("Codeine", 60, 4), false, []],
    ["codeine 60 mg × 5", dose("Codeine", 60, 5), false, ["daily:300>240"]],
    ["codeine 60,000 mcg × 4 (60 mg)", dose("Codeine", 60_000, 4, "mcg"), false, []],
    ["codeine 90,000 mcg once (90 mg)", dose("Codeine", 90_000, 1, "mcg"), false, ["single:90>60"]],
    // Tramadol: 100 mg a dose, 400 mg a day.
    ["tramadol 100 mg × 4", dose("Tramadol", 100, 4), false, []],
    ["tramadol 100 mg × 5", dose("Tramadol", 100, 5), false, ["daily:500>400"]],
    ["tramadol 150 mg × 2", dose("Tramadol", 150, 2), false, ["single:150>100"]],
    // Aspirin for pain: 900 mg a dose, 4 g a day.
    ["aspirin 900 mg × 4", dose("Aspirin", 900, 4), false, []],
    ["aspirin 1,000 mg once", dose("Aspirin", 1000, 1), false, ["single:1000>900"]],
    // Not checked: combinations (one amount cannot be split) and medicines without a listed ceiling.
    ["Tylenol with codeine 1,000 mg × 8", dose("Tylenol with codeine", 1000, 8), false, []],
    ["gabapentin 600 mg × 3", dose("Gabapentin", 600, 3), false, []],
  ])("%s", (_, medicine, prescribed, expected) => {
    expect(ceilingBreaches(medicine, prescribed).map((b) => `${b.kind}:${b.prescribedMg}>${b.ceilingMg}`)).toEqual(expected);
  });

  it("describes a breach with its numbers and source", () => {
    const [single, daily] = ceilingBreaches(dose("Ibuprofen", 4000, 6), false);
    expect(describeBreach(single!)).toBe(
      "A single dose of ibuprofen, 4,000 mg, is above the usual ceiling of 800 mg (BNF: 1,200 mg a day without prescription, 2,400 mg a day prescribed; single dose 800 mg at most).",
    );
    expect(describeBreach(daily!)).toBe(
      "The daily dose of ibuprofen, 24,000 mg, is above the usual ceiling of 1,200 mg (BNF: 1,200 mg a day without prescription, 2,400 mg a day prescribed; single dose 800 mg at most).",
    );
    const [micro] = ceilingBreaches(dose("Codeine", 60_500, 1, "mcg"), false);
    expect(describeBreach(micro!)).toBe("A single dose of codeine, 60.5 mg, is above the usual ceiling of 60 mg (BNF: 240 mg a day, single dose 60 mg).");
  });
});
