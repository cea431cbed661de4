import "server-only";
import { sealAuditTrail } from "@/db/audit-chain";
import { db, type Database } from "@/db/client";
import { auditEvents, type AuditOutcome } from "@/db/schema/audit";
import type { Role } from "@/lib/auth/roles";
import { afterRequest, perRequestValue } from "./request-scope";
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

/**
 * A list view's entry (worklist, caseload, outcomes): written once the answer has gone, like a
 * chart read (`auditRead`), so the audit insert never holds up the page. The address is taken
 * now; outside a request it is written at once.
 */
export async function auditListView(entry: AuditEntry): Promise<void> {
  const context = entry.ip === undefined ? await requestContext() : { ip: entry.ip, userAgent: entry.userAgent ?? null };
  const full = { ...entry, ...context };
  if (!afterRequest(() => writeAudit(full))) await writeAudit(full);
}

/** The `resource` of a list view's entry: the patients it showed. */
export function patientList(patientIds: string[]): string | null {
  return patientIds.length ? `patients:${patientIds.join(",")}` : null;
}

interface PendingRead {
  entry: AuditEntry & { ip: string | null; userAgent: string | null };
  reads: string[];
}

// What this request has read, one entry per patient (and kind of access), written when it ends.
const pendingReads = perRequestValue(() => ({ entries: new Map<string, PendingRead>(), scheduled: false }));

function describeRead(entry: AuditEntry): string {
  return entry.resource ? `${entry.action} ${entry.resource}` : entry.action;
}

/**
 * An allowed read, audited once per request (STYLE.md): every read of the same patient by the same
 * caller in one request becomes a single entry, named after the first read, whose `resource`
 * lists everything read. It is written when the request ends (Next's `after`, or the end of
 * `inRequestScope`); outside a request, at once. The address is taken now: `after` in a server
 * component may not read the request's headers.
 */
export async function auditRead(entry: AuditEntry): Promise<void> {
  const pending = pendingReads();
  const key = [entry.actor?.id ?? "", entry.patientId ?? "", entry.emergency ? "emergency" : ""].join("|");
  const known = pending.entries.get(key);
  if (known) {
    if (!known.reads.includes(describeRead(entry))) known.reads.push(describeRead(entry));
    return;
  }
  const context = entry.ip === undefined ? await requestContext() : { ip: entry.ip, userAgent: entry.userAgent ?? null };
  const again = pending.entries.get(key); // another read of this request got here first
  if (again) {
    if (!again.reads.includes(describeRead(entry))) again.reads.push(describeRead(entry));
    return;
  }
  pending.entries.set(key, { entry: { ...entry, ...context }, reads: [describeRead(entry)] });
  if (!pending.scheduled) {
    pending.scheduled = afterRequest(() => writePendingReads(pending.entries));
    if (!pending.scheduled) {
      pending.entries.delete(key);
      await writeAudit({ ...entry, ...context });
    }
  }
}

async function writePendingReads(entries: Map<string, PendingRead>): Promise<void> {
  for (const { entry, reads } of entries.values()) {
    await writeAudit(reads.length === 1 ? entry : { ...entry, resource: reads.join(", ") });
  }
  entries.clear();
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
