"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { saveQuestionnaireDraft, submitQuestionnaire, type SubmittedQuestionnaire } from "@/lib/dal/questionnaires";
import { bothersomeAnswers } from "@/lib/domain/scores";

/**
 * The questionnaire travels as form fields, one per answer: `s0`…`s9` for the Oswestry sections
 * ("0"–"5", or "blank" for a section left blank; absent once not reached yet) and `a0`…`a7`
 * ("agree"/"disagree") with `bothersome` for STarT Back. The DAL checks the answers again.
 */
const odiAnswer = z.enum(["0", "1", "2", "3", "4", "5", "blank"]).optional();
const agreeAnswer = z.enum(["agree", "disagree"]).optional();
const fields = z.object({
  kind: z.enum(["odi", "start_back"]),
  idempotencyKey: z.string().optional(),
  ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`s${i}`, odiAnswer])),
  ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`a${i}`, agreeAnswer])),
  bothersome: z.enum(bothersomeAnswers).optional(),
}) as z.ZodType<{ kind: "odi" | "start_back"; idempotencyKey?: string; bothersome?: (typeof bothersomeAnswers)[number] } & Record<string, string | undefined>>;

type Fields = z.output<typeof fields>;

/** The answers given so far, in order, stopping at the first not reached. */
function reached<T>(input: Fields, prefix: string, count: number, read: (v: string) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < count; i++) {
    const v = input[`${prefix}${i}`];
    if (v === undefined) break;
    out.push(read(v));
  }
  return out;
}

const odiOf = (input: Fields) => reached(input, "s", 10, (v) => (v === "blank" ? null : Number(v)));
const agreeOf = (input: Fields) => reached(input, "a", 8, (v) => v === "agree");

export const saveQuestionnaireDraftAction = validatedAction(fields, { roles: ["patient"], action: "questionnaire.draft" }, async (input) => {
  await saveQuestionnaireDraft(
    input.kind === "odi" ? { kind: "odi", draft: { answers: odiOf(input) } } : { kind: "start_back", draft: { agree: agreeOf(input), bothersome: input.bothersome ?? null } },
  );
  return { ok: true };
});

export const submitQuestionnaireAction = validatedAction(fields, { roles: ["patient"], action: "questionnaire.submit" }, async (input) => {
  const answers = input.kind === "odi" ? odiOf(input) : { agree: agreeOf(input), bothersome: input.bothersome };
  const result: SubmittedQuestionnaire = await submitQuestionnaire({ kind: input.kind, idempotencyKey: input.idempotencyKey, answers });
  revalidatePath("/me");
  return { ok: true, data: result };
});
