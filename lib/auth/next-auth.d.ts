import type { Role } from "./roles";

declare module "next-auth" {
  interface Session {
    // No ids: this is what page JavaScript can read.
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
