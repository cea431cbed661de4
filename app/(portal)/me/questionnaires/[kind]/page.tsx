import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getMyQuestionnaireDraft } from "@/lib/dal/questionnaires";
import { requireRole } from "@/lib/dal/session";
import { kindOfSlug, questionnaireTitles } from "@/lib/domain/questionnaires";
import { QuestionnaireForm } from "./questionnaire-form";

export const metadata: Metadata = { title: "Questionnaire" };

/** One questionnaire, a section per screen; what was answered is kept if the page is left. */
export default async function QuestionnairePage({ params }: { params: Promise<{ kind: string }> }) {
  await requireRole("patient");
  const kind = kindOfSlug((await params).kind);
  if (!kind) notFound();
  const draft = await getMyQuestionnaireDraft(kind);
  return (
    <section aria-labelledby="questionnaire-heading" className="max-w-2xl space-y-4">
      <h1 id="questionnaire-heading" className="text-2xl font-semibold">{questionnaireTitles[kind]}</h1>
      <QuestionnaireForm kind={kind} draft={draft} />
    </section>
  );
}
