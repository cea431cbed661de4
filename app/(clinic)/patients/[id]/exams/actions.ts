"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { validatedAction } from "@/lib/actions/validated-action";
import { addExamAddendum, addendumSchema, saveExamDraft, signExam, startExam } from "@/lib/dal/exams";
import { examDraftFromForm } from "@/lib/domain/exam-form";

const patientFields = { patientId: z.uuid("Unknown patient.") };
const examFields = { ...patientFields, examId: z.uuid("Unknown examination.") };

// The findings are every other field of the form. The exam schema inside the DAL judges them,
// so this only checks which record and version they are for and lets the rest through.
const examForm = z.looseObject({
  ...examFields,
  version: z.coerce.number().int().min(1),
  timeZone: z.string().max(64).optional(),
});

function findingsOf(fields: Record<string, unknown>) {
  return examDraftFromForm(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

// The server's clock zone is not the physician's: the form sends the browser's zone.
function clockTime(timeZone: string | undefined): string {
  const options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
  try {
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone: timeZone || undefined }).format(new Date());
  } catch {
    return new Intl.DateTimeFormat("en-GB", options).format(new Date());
  }
}

export const startExamAction = validatedAction(z.object(patientFields), { roles: ["physician"], action: "exam.create" }, async ({ patientId }) => {
  const { examId } = await startExam(patientId);
  revalidatePath(`/patients/${patientId}`);
  redirect(`/patients/${patientId}/exams/${examId}`);
});

export const saveExamDraftAction = validatedAction(
  examForm,
  { roles: ["physician"], action: "exam.save_draft" },
  async ({ patientId, examId, version, timeZone, ...fields }) => {
    const saved = await saveExamDraft(patientId, examId, version, findingsOf(fields));
    revalidatePath(`/patients/${patientId}/exams/${examId}`);
    return { ok: true, message: `Draft saved at ${clockTime(timeZone)}.`, data: { version: saved.version } };
  },
);

export const signExamAction = validatedAction(
  examForm,
  { roles: ["physician"], action: "exam.sign" },
  async ({ patientId, examId, version, ...fields }) => {
    const { redFlagRaised } = await signExam(patientId, examId, version, findingsOf(fields));
    revalidatePath("/patients");
    revalidatePath(`/patients/${patientId}`);
    // A raised red flag needs acting on now, and the chart is where it is resolved.
    redirect(redFlagRaised ? `/patients/${patientId}?redflag=1` : `/patients/${patientId}/exams/${examId}?signed=1`);
  },
);

export const addExamAddendumAction = validatedAction(
  addendumSchema.extend(examFields),
  { roles: ["physician"], action: "exam.addendum" },
  async ({ patientId, examId, text }) => {
    await addExamAddendum(patientId, examId, { text });
    revalidatePath(`/patients/${patientId}/exams/${examId}`);
    return { ok: true, message: "Addendum signed." };
  },
);
