import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema/users";
import { decoyHash, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";

export interface AuthenticatedUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * Checks an email and password. Unknown email, wrong password and inactive account all
 * answer null after the same amount of work, so the answer does not reveal which it was.
 */
export async function verifyCredentials(email: string, password: string): Promise<AuthenticatedUser | null> {
  const normalized = email.trim().toLowerCase();
  if (!normalized || !password || password.length > 1024) return null;
  const database = await db();
  const [user] = await database
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, normalized))
    .limit(1);
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !matches || !user.active) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}
