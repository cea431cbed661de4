import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db } from "@/db/client";
import { examAddenda, exams } from "@/db/schema/exams";
import { redFlagAlerts } from "@/db/schema/red-flags";
import { users } from "@/db/schema/users";
import { examDraftSchema, examRedFlags, examSignSchema, hasMotorDeficit, type ExamDraft } from "@/lib/domain/exam";
import { suggestRootLevel, type LevelSuggestion } from "@/lib/domain/level-suggestion";
import { auditOf, authorizeClinicalWrite, readPatient } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { episodeForNewExam } from "./internal/episodes";
import { ConflictError, fieldErrorsOf, NotFoundError, ValidationError } from "./errors";
import { withPatientLocked } from "./internal/care-facts";
import { endKnownSymptoms, recordKnownSymptoms } from "./internal/known-symptoms";
import { patientToday } from "./internal/today";
import { preparedRead } from "./internal/prepared-read";
import { dateOf } from "./internal/sql-rows";

export interface ExamSummary {
  id: string;
  status: "draft" | "signed";
  authorName: string;
  createdAt: Date;
  signedAt: Date | null;
  painNow: number | null;
  redFlagCount: number;
  suggestedLevel: string | null;
}

export interface ExamView extends ExamSummary {
  patientId: string;
  version: number;
  findings: ExamDraft;
  signedByName: string | null;
  suggestion: LevelSuggestion;
  addenda: { id: string; authorName: string; text: string; signedAt: Date }[];
}

/** The exams of one patient, newest first, as the list shows them. */
const examRows = preparedRead(["patientId"], (database, at) =>
  database
    .select({
      id: exams.id,
      status: exams.status,
      authorName: users.name,
      createdAt: exams.createdAt,
      signedAt: exams.signedAt,
      painNow: exams.painNow,
      redFlags: exams.redFlags,
      suggestedLevel: exams.suggestedLevel,
    })
    .from(exams)
    .innerJoin(users, eq(users.id, exams.authorId))
    .where(eq(exams.patientId, at.patientId))
    .orderBy(desc(exams.createdAt)),
);

/** The exams of one patient, newest first. */
export async function listExams(patientId: string): Promise<ExamSummary[]> {
  await readPatient(patientId, "exam.list", { roles: ["physician", "therapist"] });
  const rows = await examRows({ patientId });
  return rows.map(({ redFlags, ...r }) => ({ ...r, redFlagCount: redFlags.length }));
}

/** The audited read of one exam of a chart (one entry per request) and the shape of its id. */
async function readExam(patientId: string, examId: string): Promise<void> {
  await readPatient(patientId, "exam.view", { roles: ["physician", "therapist"], resource: `exam:${examId}` });
  if (!z.uuid().safeParse(examId).success) throw new NotFoundError();
}

/**
 * The exam page's check before its skeleton streams: the chart may be read and the exam is one of
 * its exams, or NotFoundError. The same audited read as getExam, so the request has one entry.
 */
export async function assertExamAccess(patientId: string, examId: string): Promise<void> {
  await readExam(patientId, examId);
  const database = await db();
  const [row] = await database.select({ id: exams.id }).from(exams).where(and(eq(exams.id, examId), eq(exams.patientId, patientId)));
  if (!row) throw new NotFoundError();
}

const author = alias(users, "author");
const signer = alias(users, "signer");
/** One exam with its author's and signer's names and its addenda, oldest first. */
const examRow = preparedRead(["patientId", "examId"], (database, at) =>
  database
    .select({
      exam: exams,
      authorName: author.name,
      signedByName: signer.name,
      addenda: sql<{ id: string; authorName: string; text: string; signedAt: string }[]>`coalesce((
        select json_agg(json_build_object('id', a.id, 'authorName', u.name, 'text', a.text, 'signedAt', a.signed_at) order by a.signed_at)
        from exam_addenda a join users u on u.id = a.author_id where a.exam_id = ${at.examId}), '[]')`,
    })
    .from(exams)
    .innerJoin(author, eq(author.id, exams.authorId))
    .leftJoin(signer, eq(signer.id, exams.signedById))
    .where(and(eq(exams.id, at.examId), eq(exams.patientId, at.patientId))),
);

/** One exam with its addenda; the record's own patient id must match. */
export async function getExam(patientId: string, examId: string): Promise<ExamView> {
  await readExam(patientId, examId);
  const [row] = await examRow({ patientId, examId });
  if (!row) throw new NotFoundError();
  const { exam } = row;
  return {
    id: exam.id,
    patientId: exam.patientId,
    status: exam.status,
    version: exam.version,
    findings: exam.findings,
    authorName: row.authorName,
    createdAt: exam.createdAt,
    signedAt: exam.signedAt,
    signedByName: row.signedByName,
    painNow: exam.painNow,
    redFlagCount: exam.redFlags.length,
    suggestedLevel: exam.suggestedLevel,
    suggestion: suggestRootLevel(exam.findings),
    addenda: row.addenda.map((a) => ({ ...a, signedAt: dateOf(a.signedAt) })),
  };
}

/** Starts a draft exam; the first exam of an episode opens it. */
export async function startExam(patientId: string): Promise<{ examId: string }> {
  const access = await authorizeClinicalWrite(patientId, "exam.create");
  const now = new Date();
  // A new exam after healing opens a new episode: a change to the clinical state, under the lock.
  const examId = await withPatientLocked(patientId, async (tx) => {
    const episodeId = await episodeForNewExam(tx, patientId, now);
    const [created] = await tx.insert(exams).values({ patientId, episodeId, authorId: access.user.id, createdAt: now, updatedAt: now }).returning({ id: exams.id });
    await writeAudit(auditOf(access, "exam.create", `exam:${created!.id}`), tx);
    return created!.id;
  });
  return { examId };
}

async function draftRow(patientId: string, examId: string, expectedVersion: number) {
  if (!z.uuid().safeParse(examId).success) throw new NotFoundError();
  const [row] = await (await db())
    .select({ status: exams.status, version: exams.version })
    .from(exams)
    .where(and(eq(exams.id, examId), eq(exams.patientId, patientId)));
  if (!row) throw new NotFoundError();
  if (row.status === "signed") throw new ConflictError("This exam has been signed and can no longer change. Add an addendum instead.");
  if (row.version !== expectedVersion) throw new ConflictError();
}

/**
 * Saves a draft. `expectedVersion` is the version the editor loaded: if someone else saved in
 * between, nothing is written and the caller gets a conflict to show.
 */
export async function saveExamDraft(patientId: string, examId: string, expectedVersion: number, input: unknown): Promise<{ version: number }> {
  const access = await authorizeClinicalWrite(patientId, "exam.save_draft", `exam:${examId}`);
  const parsed = examDraftSchema(await patientToday(patientId)).safeParse(input);
  if (!parsed.success) throw new ValidationError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  await draftRow(patientId, examId, expectedVersion);
  return (await db()).transaction(async (tx) => {
    const updated = await tx
      .update(exams)
      .set({ findings: parsed.data, version: expectedVersion + 1, updatedAt: new Date() })
      .where(and(eq(exams.id, examId), eq(exams.patientId, patientId), eq(exams.version, expectedVersion), eq(exams.status, "draft")))
      .returning({ version: exams.version });
    if (!updated.length) throw new ConflictError();
    await writeAudit(auditOf(access, "exam.save_draft", `exam:${examId}`), tx);
    return { version: updated[0]!.version };
  });
}

/**
 * Signs a complete exam. From then on it never changes. A red flag in it raises an alert: no
 * clearance is in force until a physician records how it was resolved. A flag the physician
 * marks long-standing and assessed raises none, and check-ins then ask only whether it worsened.
 * Written under the patient's row lock, so a clearance decided in between sees the alert.
 */
export async function signExam(patientId: string, examId: string, expectedVersion: number, input: unknown): Promise<{ redFlagRaised: boolean }> {
  const access = await authorizeClinicalWrite(patientId, "exam.sign", `exam:${examId}`);
  const parsed = examSignSchema(await patientToday(patientId)).safeParse(input);
  if (!parsed.success) throw new ValidationError("The exam is not complete yet: correct the highlighted fields, or save it as a draft.", fieldErrorsOf(parsed.error));
  await draftRow(patientId, examId, expectedVersion);
  const exam = parsed.data;
  const { raised, longStanding, absent } = examRedFlags(exam);
  const present = [...raised, ...longStanding];
  const suggestion = suggestRootLevel(exam);
  await withPatientLocked(patientId, async (tx, facts) => {
    const [draft] = await tx.select({ episodeId: exams.episodeId }).from(exams).where(eq(exams.id, examId));
    if (draft?.episodeId !== facts.episode?.id || facts.episode?.status === "healed") {
      throw new ConflictError("This draft belongs to an episode that has since been marked healed. Start a new examination instead.");
    }
    const now = new Date();
    const updated = await tx
      .update(exams)
      .set({
        findings: exam,
        status: "signed",
        version: expectedVersion + 1,
        painNow: exam.history.painNow,
        hasMotorDeficit: hasMotorDeficit(exam),
        redFlags: present,
        suggestedLevel: suggestion.level,
        signedById: access.user.id,
        signedAt: now,
        updatedAt: now,
      })
      .where(and(eq(exams.id, examId), eq(exams.patientId, patientId), eq(exams.version, expectedVersion), eq(exams.status, "draft")))
      .returning({ id: exams.id });
    if (!updated.length) throw new ConflictError();
    if (raised.length) {
      // The examining physician has seen it: an exam's red flag is acknowledged as it is raised.
      await tx.insert(redFlagAlerts).values({ patientId, source: "exam", examId, flags: raised, raisedById: access.user.id, raisedAt: now, acknowledgedAt: now, acknowledgedById: access.user.id });
    }
    // This exam's answers replace any earlier long-standing record of the same flags.
    await endKnownSymptoms(tx, patientId, [...absent, ...raised]);
    await recordKnownSymptoms(tx, patientId, longStanding, access.user.id, "exam", "Recorded as long-standing and assessed at the examination.");
    await writeAudit(auditOf(access, "exam.sign", `exam:${examId}`), tx);
  });
  return { redFlagRaised: raised.length > 0 };
}

export const addendumSchema = z.object({
  text: z.string().trim().min(3, "Write the addendum.").max(4000, "Keep the addendum under 4,000 characters."),
});

/** A signed correction to a signed exam; the exam itself stays as it was signed. */
export async function addExamAddendum(patientId: string, examId: string, input: z.input<typeof addendumSchema>): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "exam.addendum", `exam:${examId}`);
  const { text } = addendumSchema.parse(input);
  if (!z.uuid().safeParse(examId).success) throw new NotFoundError();
  const database = await db();
  const [row] = await database.select({ status: exams.status }).from(exams).where(and(eq(exams.id, examId), eq(exams.patientId, patientId)));
  if (!row) throw new NotFoundError();
  if (row.status !== "signed") throw new ValidationError("Addenda are for signed exams; edit the draft instead.");
  await database.transaction(async (tx) => {
    await tx.insert(examAddenda).values({ examId, patientId, authorId: access.user.id, text });
    await writeAudit(auditOf(access, "exam.addendum", `exam:${examId}`), tx);
  });
}
