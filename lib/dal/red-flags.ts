import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { redFlagAlerts } from "@/db/schema/red-flags";
import { users } from "@/db/schema/users";
import { isRedFlagId, redFlagLabel, type RedFlagId } from "@/lib/domain/red-flags";
import { auditOf, authorizeClinicalWrite, readPatient } from "./access";
import { writeAudit } from "./audit-log";
import { NotFoundError } from "./errors";

export interface RedFlagAlertView {
  id: string;
  source: "exam" | "check_in";
  flags: { id: RedFlagId; label: string }[];
  raisedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  resolution: string | null;
}

/** A patient's red-flag alerts, unresolved first, then newest. */
export async function listRedFlagAlerts(patientId: string): Promise<RedFlagAlertView[]> {
  await readPatient(patientId, "red_flag.list", { roles: ["physician", "therapist"] });
  const rows = await (await db())
    .select({
      id: redFlagAlerts.id,
      source: redFlagAlerts.source,
      flags: redFlagAlerts.flags,
      raisedAt: redFlagAlerts.raisedAt,
      acknowledgedAt: redFlagAlerts.acknowledgedAt,
      resolvedAt: redFlagAlerts.resolvedAt,
      resolvedByName: users.name,
      resolution: redFlagAlerts.resolution,
    })
    .from(redFlagAlerts)
    .leftJoin(users, eq(users.id, redFlagAlerts.resolvedById))
    .where(eq(redFlagAlerts.patientId, patientId))
    .orderBy(desc(redFlagAlerts.raisedAt));
  return rows
    .map((r) => ({ ...r, flags: r.flags.filter(isRedFlagId).map((id) => ({ id, label: redFlagLabel(id) })) }))
    .sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null));
}

export const resolveRedFlagSchema = z.object({
  alertId: z.uuid("Unknown alert."),
  resolution: z
    .string()
    .trim()
    .min(10, "Record how the red flag was resolved (at least 10 characters): what was found and what was done.")
    .max(2000, "Keep this under 2,000 characters."),
});

/** A physician records how a red flag was resolved; until then the patient cannot be cleared. */
export async function resolveRedFlag(patientId: string, input: z.input<typeof resolveRedFlagSchema>): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "red_flag.resolve");
  const { alertId, resolution } = resolveRedFlagSchema.parse(input);
  const now = new Date();
  await (await db()).transaction(async (tx) => {
    const updated = await tx
      .update(redFlagAlerts)
      .set({ resolvedAt: now, resolvedById: access.user.id, resolution })
      .where(and(eq(redFlagAlerts.id, alertId), eq(redFlagAlerts.patientId, patientId), isNull(redFlagAlerts.resolvedAt)))
      .returning({ id: redFlagAlerts.id });
    if (!updated.length) throw new NotFoundError();
    await writeAudit(auditOf(access, "red_flag.resolve", `red_flag:${alertId}`), tx);
  });
}

export const acknowledgeRedFlagSchema = z.object({ alertId: z.uuid("Unknown alert.") });

/** A physician confirms they have seen a red flag the patient reported, before resolving it. */
export async function acknowledgeRedFlag(patientId: string, input: z.input<typeof acknowledgeRedFlagSchema>): Promise<void> {
  const access = await authorizeClinicalWrite(patientId, "red_flag.acknowledge");
  const { alertId } = acknowledgeRedFlagSchema.parse(input);
  await (await db()).transaction(async (tx) => {
    const updated = await tx
      .update(redFlagAlerts)
      .set({ acknowledgedAt: new Date(), acknowledgedById: access.user.id })
      .where(and(eq(redFlagAlerts.id, alertId), eq(redFlagAlerts.patientId, patientId), isNull(redFlagAlerts.acknowledgedAt)))
      .returning({ id: redFlagAlerts.id });
    if (!updated.length) throw new NotFoundError();
    await writeAudit(auditOf(access, "red_flag.acknowledge", `red_flag:${alertId}`), tx);
  });
}
