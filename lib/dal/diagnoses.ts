import "server-only";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { diagnoses } from "@/db/schema/diagnoses";
import { users } from "@/db/schema/users";
import {
  codeNoteFor,
  confirmationMethodSchema,
  diagnosisById,
  diagnosisIdSchema,
  icd10For,
  regionForLevel,
  suspectedLevelSchema,
  type DiagnosisId,
} from "@/lib/domain/diagnoses";
import { SYMPTOM_SIDES } from "@/lib/domain/exam";
import { auditOf, authorizeClinicalWrite, readPatient } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { withPatientLocked } from "./internal/care-facts";
import { latestEpisode } from "./internal/episodes";
import { ValidationError } from "./errors";
import { preparedRead } from "./internal/prepared-read";

export const diagnosisInputSchema = z.object({
  condition: diagnosisIdSchema,
  side: z.enum(SYMPTOM_SIDES, "Choose left, right or both."),
  level: z.union([suspectedLevelSchema, z.literal("").transform(() => null)]).nullable().default(null),
  confirmation: confirmationMethodSchema,
  notes: z.string().trim().max(2000, "Keep notes under 2,000 characters.").default(""),
});

export interface DiagnosisView {
  condition: DiagnosisId;
  label: string;
  icd10Code: string | null;
  codeNote: string | null;
  side: string;
  level: string | null;
  confirmation: "clinical" | "imaging";
  notes: string;
  recordedByName: string;
  recordedAt: Date;
}

/** A patient's diagnoses, newest first. */
const diagnosisRows = preparedRead(["patientId"], (database, at) =>
  database
    .select({ d: diagnoses, recordedByName: users.name })
    .from(diagnoses)
    .innerJoin(users, eq(users.id, diagnoses.recordedById))
    .where(eq(diagnoses.patientId, at.patientId))
    .orderBy(desc(diagnoses.recordedAt)),
);

/** The current diagnosis (the newest recorded) and the earlier ones. */
export async function getDiagnoses(patientId: string): Promise<DiagnosisView[]> {
  await readPatient(patientId, "diagnosis.view", { roles: ["physician", "therapist"] });
  const rows = await diagnosisRows({ patientId });
  return rows.map(({ d, recordedByName }) => {
    const condition = diagnosisIdSchema.parse(d.condition);
    return {
      condition,
      label: diagnosisById(condition).label,
      icd10Code: d.icd10Code,
      codeNote: d.icd10Code ? null : codeNoteFor(condition, d.level ? regionForLevel(suspectedLevelSchema.parse(d.level)) : undefined),
      side: d.side,
      level: d.level,
      confirmation: confirmationMethodSchema.parse(d.confirmation),
      notes: d.notes,
      recordedByName,
      recordedAt: d.recordedAt,
    };
  });
}

/** Records the root cause with its ICD-10-CM code (derived here, never typed in). */
export async function recordDiagnosis(patientId: string, input: z.input<typeof diagnosisInputSchema>): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "diagnosis.record");
  const data = diagnosisInputSchema.parse(input);
  const episode = await latestEpisode(patientId);
  if (!episode || episode.status === "awaiting_exam") {
    throw new ValidationError("Examine the patient first: a diagnosis belongs to an episode opened by an exam.");
  }
  const icd10Code = icd10For(data.condition, data.side, data.level ? regionForLevel(data.level) : undefined);
  // Under the patient's lock, so the outcomes aggregate (its root cause) follows in the same transaction.
  await withPatientLocked(patientId, async (tx) => {
    await tx.insert(diagnoses).values({ patientId, episodeId: episode.id, ...data, icd10Code, recordedById: access.user.id });
    await writeAudit(auditOf(access, "diagnosis.record"), tx);
  });
}
