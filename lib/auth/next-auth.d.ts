import type { Role } from "./roles";

declare module "next-auth" {
  /** What `/api/auth/session` answers page JavaScript: no user id, no session id. */
  interface Session {
    user: { name: string; email: string; role: Role };
  }
  interface User {
    id: string;
    name: string;
    email: string;
    role: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sid?: string;
    role?: Role;
  }
}
