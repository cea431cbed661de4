import { describe, expect, it } from "vitest";
import { examSignSchema } from "@/lib/domain/exam";
import { examDraftFromForm, examFormValues } from "@/lib/domain/exam-form";
import { demoExam } from "@/db/seed-clinical";

describe("exam form fields ↔ exam", () => {
  it("nests dotted names, converts numbers and yes/no, and drops empty fields", () => {
    const draft = examDraftFromForm([
      ["history.painNow", "4"],
      ["history.painWorst", ""],
      ["history.trauma", "no"],
      ["redFlags.fever", "yes"],
      ["strength.L5.left", "3"],
      ["slr.left.result", "negative"],
      ["notes", ""],
      ["$ACTION_ID_abc", "x"],
      ["patientId", "ignored"],
    ]);
    expect(draft).toEqual({
      history: { painNow: 4, trauma: false },
      redFlags: { fever: true },
      strength: { L5: { left: 3 } },
      slr: { left: { result: "negative", angle: null } },
      notes: "",
    });
  });

  it("keeps a number that is not a number as typed, so validation can name the field", () => {
    expect(examDraftFromForm([["strength.L4.right", "five"]])).toEqual({ strength: { L4: { right: "five" } } });
  });

  it("round-trips a complete exam through the form's values", () => {
    const exam = demoExam("S1", "right", 2, "2026-10-01", ["fever"]);
    const back = examDraftFromForm(Object.entries(examFormValues(exam)));
    expect(examSignSchema("2026-11-25").parse(back)).toEqual(exam);
  });
});
