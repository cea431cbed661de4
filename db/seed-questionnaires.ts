/**
 * Outcome questionnaires for the demo clinic (DOMAIN.md §5): a STarT Back and an Oswestry at
 * baseline (the day the episode opened; the demo keeps only each patient's latest exam), then an
 * Oswestry every two weeks up to today.
 * Most patients improve; Diego Alvarez's ODI barely moves, so by week 6 he is flagged as not
 * improving; Rosa Delgado, examined two weeks ago, has her baseline only.
 */
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import { QUESTIONNAIRE_INTERVAL_DAYS } from "../lib/domain/questionnaires";
import { addDays, localDate } from "../lib/domain/schedule";
import { odiScore, startBack, type OdiAnswers, type StartBackAnswers } from "../lib/domain/scores";
import type { Database } from "./client";
import { episodes } from "./schema/episodes";
import { exams } from "./schema/exams";
import { patients } from "./schema/patients";
import { questionnaireResponses } from "./schema/questionnaires";

type Risk = "low" | "medium" | "high";
/** ODI at the first and at the latest questionnaire, and the STarT Back risk group at baseline. */
const stories: Record<number, { odi: [number, number]; risk: Risk }> = {
  0: { odi: [44, 22], risk: "low" }, // Sam Rivera
  1: { odi: [38, 18], risk: "low" }, // Priya Natarajan
  3: { odi: [40, 36], risk: "medium" }, // Grace Liu: worsening pain, little change
  4: { odi: [30, 16], risk: "low" }, // Olu Adeyemi
  5: { odi: [40, 8], risk: "low" }, // Megan O'Brien, healed
  6: { odi: [48, 48], risk: "medium" }, // Rosa Delgado: baseline only
  7: { odi: [42, 36], risk: "medium" }, // Marcus Bell
  8: { odi: [34, 20], risk: "low" }, // Hannah Kowalski
  9: { odi: [36, 32], risk: "low" }, // Diego Alvarez: not improving by week 6
  11: { odi: [46, 40], risk: "high" }, // Elena Petrova
  12: { odi: [30, 6], risk: "low" }, // Jamal Carter, healed
  13: { odi: [40, 30], risk: "low" }, // Kenji Watanabe
};

/** Ten section answers (0–5) that score `percent`, spread evenly. */
export function odiAnswersFor(percent: number): OdiAnswers {
  const total = Math.round((percent * 50) / 100);
  return Array.from({ length: 10 }, (_, i) => Math.min(5, Math.floor(total / 10) + (i < total % 10 ? 1 : 0)));
}

const startBackAnswers: Record<Risk, StartBackAnswers> = {
  low: { agree: [true, false, false, false, false, false, false, false], bothersome: "slightly" },
  medium: { agree: [true, true, true, true, true, false, false, false], bothersome: "moderately" },
  high: { agree: [true, false, true, false, true, true, true, true], bothersome: "very_much" },
};

export async function seedDemoQuestionnaires(db: Database, now: Date): Promise<void> {
  for (const [index, story] of Object.entries(stories)) {
    const mrn = `RC-${100101 + Number(index)}`;
    const [patient] = await db.select({ id: patients.id, timeZone: patients.timeZone }).from(patients).where(eq(patients.mrn, mrn));
    if (!patient) continue;
    const [episode] = await db.select({ id: episodes.id, openedAt: episodes.openedAt }).from(episodes).where(eq(episodes.patientId, patient.id)).orderBy(desc(episodes.openedAt)).limit(1);
    if (!episode) continue;
    const [first] = await db
      .select({ signedAt: exams.signedAt })
      .from(exams)
      .where(and(eq(exams.episodeId, episode.id), eq(exams.status, "signed")))
      .orderBy(asc(exams.signedAt))
      .limit(1);
    if (!first?.signedAt) continue;
    const baseline = localDate(episode.openedAt, patient.timeZone);
    const today = localDate(now, patient.timeZone);
    const dates: string[] = [];
    for (let d = baseline; d <= today; d = addDays(d, QUESTIONNAIRE_INTERVAL_DAYS)) dates.push(d);
    const rows: { kind: "odi" | "start_back"; date: string; answers: unknown; score: number | null; subscore: number | null }[] = dates.map((date, n) => {
      const percent = dates.length === 1 ? story.odi[0] : story.odi[0] + ((story.odi[1] - story.odi[0]) * n) / (dates.length - 1);
      const answers = odiAnswersFor(percent);
      return { kind: "odi", date, answers, score: odiScore(answers), subscore: null };
    });
    const sb = startBackAnswers[story.risk];
    const sbScore = startBack(sb);
    rows.unshift({ kind: "start_back", date: baseline, answers: sb, score: sbScore.total, subscore: sbScore.psychosocial });
    await db.insert(questionnaireResponses).values(
      rows.map((r) => ({
        patientId: patient.id,
        episodeId: episode.id,
        kind: r.kind,
        answers: r.answers,
        score: r.score,
        subscore: r.subscore,
        localDate: r.date,
        idempotencyKey: randomUUID(),
        completedAt: new Date(`${r.date}T19:00:00Z`),
      })),
    );
  }
}
