import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { describeChanges, reviewPlan, type Plan, type PlanItem } from "@/lib/domain/plan";
import { catalogueEntry, type CatalogueId, type Dose } from "@/lib/domain/plan-catalogue";

const item = (catalogueId: CatalogueId, dose?: Dose, justification = ""): PlanItem => ({
  key: randomUUID(),
  catalogueId,
  dose: dose ?? catalogueEntry(catalogueId).defaultDose,
  instructions: catalogueEntry(catalogueId).instruction,
  justification,
});
const plan = (items: PlanItem[]): Plan => ({ startDate: "2026-11-01", courseWeeks: 6, goals: [], items });
const run = (minutesPerRun: number, runsPerWeek: number, maxRpe: number) => item("running", { kind: "running", minutesPerRun, runsPerWeek, maxRpe });
const drug = (name: string, maxDays: number, justification = "") =>
  item("prescription-medicine", { kind: "medicine", drug: name, doseText: "x", frequencyText: "y", maxDays }, justification);
const restricted = { level: "restricted" as const, restrictions: { maxRunMinutes: 20, runsPerWeek: 3, maxEffortRpe: 4 } };

describe("reviewPlan: running stays inside the clearance", () => {
  it.each([
    ["at the limits", run(20, 3, 4), restricted, {}],
    ["one minute over", run(21, 3, 4), restricted, { "items.0.dose.minutesPerRun": ["The clearance allows runs of up to 20 minutes"] }],
    ["one run too many", run(20, 4, 4), restricted, { "items.0.dose.runsPerWeek": [expect.stringContaining("3")] }],
    ["too hard", run(20, 3, 5), restricted, { "items.0.dose.maxRpe": ["The clearance allows an effort of up to 4 out of 10"] }],
    ["not cleared at all", run(10, 1, 3), { level: "not_cleared" as const, restrictions: null }, { "items.0.dose": [expect.stringContaining("not cleared")] }],
    ["fully cleared", run(90, 6, 8), { level: "full" as const, restrictions: null }, {}],
  ])("%s", (_name, running, clearance, errors) => {
    expect(reviewPlan(plan([running]), { clearance, chronic: false }).fieldErrors).toEqual(errors);
  });
});

describe("reviewPlan: medication guardrails (NICE NG59)", () => {
  const context = { clearance: restricted, chronic: false };
  it.each([
    ["paracetamol", drug("Paracetamol", 7), "none", false],
    ["ibuprofen, short", drug("Ibuprofen", 7), "advice", false],
    ["ibuprofen past 14 days", drug("Ibuprofen", 21), "warning", true],
    ["gabapentin", drug("Gabapentin", 14), "warning", true],
    ["diazepam", drug("Diazepam", 5), "warning", true],
    ["prednisolone by mouth", drug("Prednisolone", 5), "warning", true],
  ])("%s → %s", (_name, medicine, severity, needsReason) => {
    const review = reviewPlan(plan([medicine]), context);
    expect(review.medications[0]?.check.severity).toBe(severity);
    expect(Boolean(review.fieldErrors["items.0.justification"])).toBe(needsReason);
  });

  it("accepts a warned medicine once a justification is recorded", () => {
    expect(reviewPlan(plan([drug("Gabapentin", 14, "Trial agreed with the patient.")]), context).fieldErrors).toEqual({});
  });
});

describe("describeChanges", () => {
  it("names what was added, changed and removed", () => {
    const heat = item("heat-pack");
    const walk = item("brisk-walk");
    const before = plan([heat, walk]);
    const after = plan([{ ...walk, dose: { kind: "walking", minutes: 40, timesPerDay: 1, daysPerWeek: 5 } }, item("piriformis-stretch")]);
    expect(describeChanges(before, { ...after, courseWeeks: 8 })).toEqual([
      expect.stringMatching(/^Changed Brisk walk: .* → 40 minutes, once a day, 5 days a week\.$/),
      expect.stringMatching(/^Added Piriformis stretch/),
      "Removed Heat pack.",
      "Course 6 → 8 weeks.",
    ]);
    expect(describeChanges(null, before)).toEqual(["First plan: 2 items over 6 weeks."]);
    expect(describeChanges(before, before)).toEqual(["Saved with no changes."]);
  });
});
