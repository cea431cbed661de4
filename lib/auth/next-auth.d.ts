import type { Role } from "./roles";

declare module "next-auth" {
  interface Session {
    user: { id: string; sid: string; name: string; email: string; role: Role };
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
