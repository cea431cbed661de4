import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { careTeamMembers } from "@/db/schema/care-team";
import { emergencyAccessGrants } from "@/db/schema/emergency-access";
import { patients } from "@/db/schema/patients";
import { authorizeRole } from "./access";
import { writeAudit } from "./audit-log";
import { NotFoundError } from "./errors";

export const EMERGENCY_ACCESS_MINUTES = Number(process.env.RUNCLEAR_EMERGENCY_ACCESS_MINUTES ?? 60) || 60;

export const emergencyAccessSchema = z.object({
  mrn: z.string().trim().toUpperCase().min(1, "Enter the patient's MRN.").max(40, "That is not an MRN."),
  reason: z
    .string()
    .trim()
    .min(15, "Say why you need this chart now (at least 15 characters); the care team will read it.")
    .max(500, "Keep the reason under 500 characters."),
});

/**
 * Break-glass (DOMAIN.md §8): a physician outside the care team opens a chart after giving a
 * reason. The grant expires, every use of it is flagged in the audit trail, and the care team
 * sees a notice on the chart.
 */
export async function requestEmergencyAccess(input: z.input<typeof emergencyAccessSchema>): Promise<{ patientId: string; expiresAt: Date | null }> {
  const user = await authorizeRole("emergency_access.grant", ["physician"]);
  const data = emergencyAccessSchema.parse(input);
  const database = await db();
  const [patient] = await database.select({ id: patients.id }).from(patients).where(eq(patients.mrn, data.mrn));
  if (!patient) {
    await writeAudit({ actor: user, action: "emergency_access.grant", resource: "mrn_not_found", outcome: "denied", emergency: true });
    throw new NotFoundError();
  }
  const [member] = await database
    .select({ role: careTeamMembers.role })
    .from(careTeamMembers)
    .where(and(eq(careTeamMembers.patientId, patient.id), eq(careTeamMembers.userId, user.id)));
  if (member) return { patientId: patient.id, expiresAt: null };

  const expiresAt = new Date(Date.now() + EMERGENCY_ACCESS_MINUTES * 60_000);
  await database.transaction(async (tx) => {
    const [grant] = await tx
      .insert(emergencyAccessGrants)
      .values({ patientId: patient.id, userId: user.id, reason: data.reason, expiresAt })
      .returning({ id: emergencyAccessGrants.id });
    await writeAudit(
      { actor: user, action: "emergency_access.grant", patientId: patient.id, resource: `grant:${grant!.id}`, outcome: "allowed", emergency: true },
      tx,
    );
  });
  return { patientId: patient.id, expiresAt };
}
