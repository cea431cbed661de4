import "server-only";
import { asc } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema/users";
import { getSessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";

export interface AccountListItem {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: Date;
}

/** Every account, for administrators only; holds no clinical content. */
export async function listAccounts(): Promise<AccountListItem[]> {
  const user = await getSessionUser();
  if (user?.role !== "admin") return [];
  const database = await db();
  return database
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.role), asc(users.name));
}
