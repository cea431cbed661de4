import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { patientOutcomes } from "@/db/schema/outcomes";
import { questionnaireResponses } from "@/db/schema/questionnaires";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import {
  getMyQuestionnaireDraft,
  getMyQuestionnaires,
  getOutcomeScores,
  requestQuestionnaire,
  saveQuestionnaireDraft,
  submitQuestionnaire,
} from "@/lib/dal/questionnaires";
import { becomeCaller, patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

describeEachDatabase("outcome questionnaires", { seed: true }, (t) => {
  it("a clinician asks, the patient resumes a draft, submits once, and the chart shows the change", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await becomeCaller(t.db, "physicianOnTeam");
    const before = await getOutcomeScores(sam);
    // The demo: baseline 44 and a fortnightly history down to 22, a low-risk STarT Back.
    expect(before.odiSummary).toMatchObject({ baseline: { score: 44 }, change: { direction: "better", meaningful: true } });
    expect(before.startBack).toMatchObject({ risk: "low" });
    expect(before.goals).toEqual([{ description: "Disability score (Oswestry) down by at least 10 points", points: 10, status: "met" }]);
    await requestQuestionnaire({ patientId: sam, kind: "odi" });

    await becomeCaller(t.db, "thePatient");
    expect((await getMyQuestionnaires()).due).toContainEqual(expect.objectContaining({ kind: "odi", reason: "requested", started: false }));
    await saveQuestionnaireDraft({ kind: "odi", draft: { answers: [1, 1, null] } });
    expect(await getMyQuestionnaireDraft("odi")).toEqual({ answers: [1, 1, null] });
    expect((await getMyQuestionnaires()).due.find((d) => d.kind === "odi")?.started).toBe(true);
    await expect(saveQuestionnaireDraft({ kind: "odi", draft: { answers: [9] } } as never)).rejects.toBeInstanceOf(ValidationError);

    const submission = { kind: "odi", idempotencyKey: randomUUID(), answers: [1, 1, null, 1, 1, 1, 1, 1, 1, 1] };
    expect(await submitQuestionnaire(submission)).toEqual({ kind: "odi", score: 20, subscore: null });
    expect(await submitQuestionnaire(submission)).toEqual({ kind: "odi", score: 20, subscore: null });
    expect(await t.db.select().from(questionnaireResponses).where(eq(questionnaireResponses.idempotencyKey, submission.idempotencyKey))).toHaveLength(1);
    expect(await getMyQuestionnaireDraft("odi")).toBeNull();
    expect((await getMyQuestionnaires()).due.map((d) => d.kind)).not.toContain("odi");
    await expect(submitQuestionnaire({ ...submission, idempotencyKey: randomUUID(), answers: [1, 2] })).rejects.toBeInstanceOf(ValidationError);
    await expect(submitQuestionnaire({ kind: "start_back", idempotencyKey: randomUUID(), answers: { agree: [true], bothersome: "slightly" } })).rejects.toBeInstanceOf(ValidationError);

    await becomeCaller(t.db, "assignedTherapist");
    const after = await getOutcomeScores(sam);
    expect(after.odiSummary).toMatchObject({ latest: { score: 20, band: "minimal" }, baseline: { score: 44 }, change: { points: -24, meaningful: true } });
    // The maintained outcomes row follows the submission (written under the patient's lock).
    const [row] = await t.db.select({ latestOdi: patientOutcomes.latestOdi }).from(patientOutcomes).where(and(eq(patientOutcomes.patientId, sam)));
    expect(row?.latestOdi).toBe(20);
  });

  it("is the patient's own, and only the care team may ask", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    for (const caller of ["physicianOffTeam", "otherTherapist", "thePatient", "admin"] as const) {
      await becomeCaller(t.db, caller);
      await expect(requestQuestionnaire({ patientId: sam, kind: "start_back" })).rejects.toBeInstanceOf(NotFoundError);
    }
    for (const caller of ["physicianOnTeam", "assignedTherapist", "admin", "noSession"] as const) {
      await becomeCaller(t.db, caller);
      await expect(getMyQuestionnaires()).rejects.toBeInstanceOf(NotFoundError);
      await expect(submitQuestionnaire({ kind: "odi", idempotencyKey: randomUUID(), answers: Array(10).fill(1) })).rejects.toBeInstanceOf(NotFoundError);
    }
    await becomeCaller(t.db, "otherPatient");
    await expect(getOutcomeScores(sam)).rejects.toBeInstanceOf(NotFoundError);
  });
});
