import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { checkIns } from "@/db/schema/check-ins";
import { redFlagAlerts } from "@/db/schema/red-flags";
import { users } from "@/db/schema/users";
import { highestTier, isRedFlagId, redFlagIdSchema, redFlagLabel, type RedFlagId, type RedFlagTier } from "@/lib/domain/red-flags";
import { auditOf, authorizeClinicalWrite, readPatient } from "./internal/access";
import { writeAudit } from "./internal/audit-log";
import { NotFoundError, ValidationError } from "./errors";
import { withPatientLocked } from "./internal/care-facts";
import { knownSymptomsOf, recordKnownSymptoms, type KnownSymptomView } from "./internal/known-symptoms";
import { preparedRead } from "./internal/prepared-read";

export interface RedFlagAlertView {
  id: string;
  source: "exam" | "check_in";
  tier: RedFlagTier;
  flags: { id: RedFlagId; label: string }[];
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  resolution: string | null;
  /** For a check-in: what the patient answered yes to, pain and leg symptoms. */
  checkIn: { painNow: number; legSymptoms: string[]; neuroWorse: boolean } | null;
}

const acknowledger = alias(users, "acknowledger");
const resolver = alias(users, "resolver");

/** A patient's red flag alerts, newest first, with the check-in that raised each. */
const redFlagAlertRows = preparedRead(["patientId"], (database, at) =>
  database
    .select({
      id: redFlagAlerts.id,
      source: redFlagAlerts.source,
      flags: redFlagAlerts.flags,
      raisedAt: redFlagAlerts.raisedAt,
      acknowledgedAt: redFlagAlerts.acknowledgedAt,
      acknowledgedByName: acknowledger.name,
      resolvedAt: redFlagAlerts.resolvedAt,
      resolvedByName: resolver.name,
      resolution: redFlagAlerts.resolution,
      painNow: checkIns.painNow,
      legSymptoms: checkIns.legSymptoms,
      neuroWorse: checkIns.neuroWorse,
    })
    .from(redFlagAlerts)
    .leftJoin(acknowledger, eq(acknowledger.id, redFlagAlerts.acknowledgedById))
    .leftJoin(resolver, eq(resolver.id, redFlagAlerts.resolvedById))
    .leftJoin(checkIns, eq(checkIns.id, redFlagAlerts.checkInId))
    .where(eq(redFlagAlerts.patientId, at.patientId))
    .orderBy(desc(redFlagAlerts.raisedAt)),
);

/** A patient's red-flag alerts, unresolved first, then newest. */
export async function listRedFlagAlerts(patientId: string): Promise<RedFlagAlertView[]> {
  await readPatient(patientId, "red_flag.list", { roles: ["physician", "therapist"] });
  const rows = await redFlagAlertRows({ patientId });
  return rows
    .map(({ painNow, legSymptoms, neuroWorse, flags, ...r }) => {
      const ids = flags.filter(isRedFlagId);
      return {
        ...r,
        tier: highestTier(ids) ?? "urgent",
        flags: ids.map((id) => ({ id, label: redFlagLabel(id) })),
        checkIn: painNow === null ? null : { painNow, legSymptoms: legSymptoms ?? [], neuroWorse: neuroWorse ?? false },
      };
    })
    .sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null));
}

export const resolveRedFlagSchema = z.object({
  alertId: z.uuid("Unknown alert."),
  resolution: z
    .string()
    .trim()
    .min(10, "Record how the red flag was resolved (at least 10 characters): what was found and what was done.")
    .max(2000, "Keep this under 2,000 characters."),
  /** Flags of this alert the physician found long-standing and assessed: check-ins then ask only if they worsen. */
  longStanding: z.array(redFlagIdSchema).max(20).default([]),
});

/** A physician records how a red flag was resolved; until then no clearance is in force. */
export async function resolveRedFlag(patientId: string, input: z.input<typeof resolveRedFlagSchema>): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "red_flag.resolve");
  const parsed = resolveRedFlagSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError("Please correct the highlighted field.", { resolution: parsed.error.issues.map((i) => i.message) });
  }
  const { alertId, resolution, longStanding } = parsed.data;
  await withPatientLocked(patientId, async (tx) => {
    const updated = await tx
      .update(redFlagAlerts)
      .set({ resolvedAt: new Date(), resolvedById: access.user.id, resolution })
      .where(and(eq(redFlagAlerts.id, alertId), eq(redFlagAlerts.patientId, patientId), isNull(redFlagAlerts.resolvedAt)))
      .returning({ id: redFlagAlerts.id, flags: redFlagAlerts.flags });
    if (!updated.length) throw new NotFoundError();
    const known = longStanding.filter((id) => updated[0]!.flags.includes(id));
    await recordKnownSymptoms(tx, patientId, known, access.user.id, "red_flag_resolution", resolution);
    await writeAudit(auditOf(access, "red_flag.resolve", `red_flag:${alertId}`), tx);
  });
}

export const acknowledgeRedFlagSchema = z.object({ alertId: z.uuid("Unknown alert.") });

/** A physician confirms they have seen a red flag the patient reported, before resolving it. */
export async function acknowledgeRedFlag(patientId: string, input: z.input<typeof acknowledgeRedFlagSchema>): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "red_flag.acknowledge");
  const { alertId } = acknowledgeRedFlagSchema.parse(input);
  await withPatientLocked(patientId, async (tx) => {
    const updated = await tx
      .update(redFlagAlerts)
      .set({ acknowledgedAt: new Date(), acknowledgedById: access.user.id })
      .where(and(eq(redFlagAlerts.id, alertId), eq(redFlagAlerts.patientId, patientId), isNull(redFlagAlerts.acknowledgedAt)))
      .returning({ id: redFlagAlerts.id });
    if (!updated.length) throw new NotFoundError();
    await writeAudit(auditOf(access, "red_flag.acknowledge", `red_flag:${alertId}`), tx);
  });
}

/** Symptoms recorded as long-standing and assessed, for the chart. */
export async function listKnownSymptoms(patientId: string): Promise<KnownSymptomView[]> {
  await readPatient(patientId, "known_symptom.list", { roles: ["physician", "therapist"] });
  return knownSymptomsOf(patientId);
}
