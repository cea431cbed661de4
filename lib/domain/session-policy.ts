/** Idle timeout and absolute session limit (OWASP Session Management Cheat Sheet). */
export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export function sessionPolicy(env: Record<string, string | undefined> = process.env): SessionPolicy {
  return {
    idleMinutes: positive(env.RUNCLEAR_SESSION_IDLE_MINUTES, 30),
    maxHours: positive(env.RUNCLEAR_SESSION_MAX_HOURS, 12),
  };
}

export type SessionVerdict = "valid" | "idle" | "expired" | "revoked";

export function judgeSession(
  session: { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null },
  user: { active: boolean; sessionsValidAfter: Date },
  policy: SessionPolicy,
  now: Date,
): SessionVerdict {
  if (session.revokedAt || !user.active || session.createdAt < user.sessionsValidAfter) return "revoked";
  if (now.getTime() - session.createdAt.getTime() > policy.maxHours * 3_600_000) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() > policy.idleMinutes * 60_000) return "idle";
  return "valid";
}
