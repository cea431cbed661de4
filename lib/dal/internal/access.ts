import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { preparedRead } from "./prepared-read";
import { careTeamMembers } from "@/db/schema/care-team";
import { emergencyAccessGrants } from "@/db/schema/emergency-access";
import type { Role } from "@/lib/auth/roles";
import { auditRead, writeAudit } from "./audit-log";
import { perRequest } from "./request-scope";
import { NotFoundError } from "../errors";
import { getCurrentUser, type CurrentUser } from "../session";

export type AccessVia = "care_team" | "self" | "emergency";

export interface PatientAccess {
  user: CurrentUser;
  patientId: string;
  via: AccessVia;
}

// Ids are written in lower case, as PostgreSQL prints them; any other spelling is not found, so
// every lookup keyed by the id (maps of rows, comparisons) sees the same string.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * DOMAIN.md §8: physicians and therapists reach the patients on their care team; a physician
 * also reaches a chart under an unexpired emergency grant; a patient reaches only their own
 * record; an administrator reaches no clinical record.
 */
async function howUserReaches(user: CurrentUser, patientId: string): Promise<AccessVia | null> {
  if (user.role === "patient") return user.patientId === patientId ? "self" : null;
  if (user.role === "admin") return null;
  return howClinicianReaches(user.id, user.role, patientId);
}

// The two reads that can let a clinician reach a patient: a care-team seat, or an emergency
// access not yet expired.
const careTeamSeat = preparedRead(["patientId", "userId"], (database, at) =>
  database
    .select({ role: careTeamMembers.role })
    .from(careTeamMembers)
    .where(and(eq(careTeamMembers.patientId, at.patientId), eq(careTeamMembers.userId, at.userId))),
);
const openEmergencyGrant = preparedRead(["patientId", "userId", "now"], (database, at) =>
  database
    .select({ id: emergencyAccessGrants.id })
    .from(emergencyAccessGrants)
    .where(and(eq(emergencyAccessGrants.patientId, at.patientId), eq(emergencyAccessGrants.userId, at.userId), gt(emergencyAccessGrants.expiresAt, at.now)))
    .limit(1),
);

// Once per request (STYLE.md): a chart page's ten reads share one care-team lookup.
const howClinicianReaches = perRequest(async (userId: string, role: Role, patientId: string): Promise<AccessVia | null> => {
  const [member] = await careTeamSeat({ patientId, userId });
  if (member) return "care_team";
  if (role !== "physician") return null;
  const [grant] = await openEmergencyGrant({ patientId, userId, now: new Date().toISOString() });
  return grant ? "emergency" : null;
});

/**
 * Checks that the caller may touch this patient for `action`. A refusal is written to the
 * audit trail and thrown as not found. The allowed action is audited by the caller: reads
 * through `readPatient`, writes inside their own transaction.
 */
export interface AccessOptions {
  roles?: Role[];
  resource?: string;
  /** Writes: emergency access lets a physician read a chart, not change it. */
  careTeamOnly?: boolean;
}

/**
 * A refusal's audit entry, written once per request (a page whose layout and body both ask is
 * refused once); a second ask waits for the first's entry, so no refusal is answered before it is
 * in the audit trail. The caller is the request's one signed-in user (or none).
 */
const auditRefusal = perRequest(async (patientId: string, action: string, resource: string) => {
  await writeAudit({ actor: await getCurrentUser(), action, patientId: UUID.test(patientId) ? patientId : null, resource: resource || null, outcome: "denied" });
});

export async function authorizePatient(patientId: string, action: string, options: AccessOptions = {}): Promise<PatientAccess> {
  const user = await getCurrentUser();
  const usable = user && !user.setupStep && (!options.roles || options.roles.includes(user.role));
  const reached = usable && UUID.test(patientId) ? await howUserReaches(user, patientId) : null;
  const via = options.careTeamOnly && reached === "emergency" ? null : reached;
  if (!user || !via) {
    await auditRefusal(patientId, action, options.resource ?? "");
    throw new NotFoundError();
  }
  return { user, patientId, via };
}

/** authorizePatient for a read, with the allowed read audited: one entry per request (auditRead). */
export async function readPatient(patientId: string, action: string, options: AccessOptions = {}): Promise<PatientAccess> {
  const access = await authorizePatient(patientId, action, options);
  await auditRead(auditOf(access, action, options.resource));
  return access;
}

/** The physicians who may change a patient's clinical record: their care team's (DOMAIN.md §8). */
export function authorizeClinicalWrite(patientId: string, action: string, resource?: string): Promise<PatientAccess> {
  return authorizePatient(patientId, action, { roles: ["physician"], careTeamOnly: true, resource });
}

/** The audit entry of an allowed action under this access. */
export function auditOf(access: PatientAccess, action: string, resource?: string | null) {
  return {
    actor: access.user,
    action,
    patientId: access.patientId,
    resource: resource ?? null,
    outcome: "allowed" as const,
    emergency: access.via === "emergency",
  };
}

/** For calls that need a role but no patient: the caller, or an audited denial as not found. */
export async function authorizeRole(action: string, roles: Role[], options: { allowAccountSetup?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user || (user.setupStep && !options.allowAccountSetup) || !roles.includes(user.role)) {
    await writeAudit({ actor: user, action, outcome: "denied" });
    throw new NotFoundError();
  }
  return user;
}

/**
 * For DAL functions: the caller, or not found. Until its setup is done (a one-time password
 * changed, two-factor sign-in set up where required, a second administrator's confirmation) the
 * account reaches nothing but its own account pages.
 */
export async function requireUser(options: { roles?: Role[]; allowAccountSetup?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new NotFoundError();
  if (user.setupStep && !options.allowAccountSetup) throw new NotFoundError();
  if (options.roles && !options.roles.includes(user.role)) throw new NotFoundError();
  return user;
}
