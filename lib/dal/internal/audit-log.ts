import "server-only";
import { sealAuditTrail } from "@/db/audit-chain";
import { db, type Database } from "@/db/client";
import { auditEvents, type AuditOutcome } from "@/db/schema/audit";
import type { Role } from "@/lib/auth/roles";
import { requestContext } from "./request-context";

/** Anything that can run an insert: the database or an open transaction. */
type Executor = Pick<Database, "insert">;

export interface AuditEntry {
  actor: { id: string; role: Role; email: string } | null;
  /** For failed sign-ins: the email that was typed. */
  actorLabel?: string;
  action: string;
  patientId?: string | null;
  resource?: string | null;
  outcome: AuditOutcome;
  emergency?: boolean;
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * Appends one row to the audit trail. Writes pass their transaction so the change and its
 * audit row commit together; the database chains and numbers the row.
 */
export async function writeAudit(entry: AuditEntry, executor?: Executor): Promise<void> {
  const context = entry.ip === undefined ? await requestContext() : { ip: entry.ip, userAgent: entry.userAgent ?? null };
  await (executor ?? (await db())).insert(auditEvents).values({
    actorUserId: entry.actor?.id ?? null,
    actorRole: entry.actor?.role ?? null,
    actorLabel: entry.actorLabel ?? entry.actor?.email ?? null,
    action: entry.action,
    patientId: entry.patientId ?? null,
    resource: entry.resource ?? null,
    outcome: entry.outcome,
    emergency: entry.emergency ?? false,
    ip: context.ip,
    userAgent: context.userAgent,
  });
  noteWritten();
}

// Every this many entries this process seals the trail in the background (RUNCLEAR_AUDIT_SEAL_EVERY,
// 0 = only when verified), so at most about that many recent entries await a signed checkpoint.
const sealing = { written: 0, running: false };

function sealEvery(): number {
  const n = Number(process.env.RUNCLEAR_AUDIT_SEAL_EVERY ?? 100);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function noteWritten(): void {
  const every = sealEvery();
  if (!every || ++sealing.written < every || sealing.running) return;
  sealing.written = 0;
  sealing.running = true;
  // Never awaited: the entry may belong to a transaction still open, which the sealer waits for.
  void db()
    .then((database) => sealAuditTrail(database))
    .catch((error: unknown) => console.error("[audit] sealing failed:", error instanceof Error ? error.message : String(error)))
    .finally(() => {
      sealing.running = false;
    });
}
