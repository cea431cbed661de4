import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema/users";
import type { SessionUser } from "@/lib/auth/session";

/** The session a seeded user would carry after signing in. */
export async function sessionOf(db: Database, email: string): Promise<SessionUser> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  if (!u) throw new Error(`no such user: ${email}`);
  return { id: u.id, name: u.name, email: u.email, role: u.role };
}
