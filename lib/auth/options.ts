import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithPassword } from "@/lib/dal/sign-in";
import { endSession, startSession } from "@/lib/dal/session";
import { sessionPolicy } from "@/lib/domain/session-policy";
import { clientAddress } from "./client-address";
import { authSecret } from "./secret";

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  // The cookie lives no longer than the absolute limit; the idle timeout, sign-out and
  // deactivation are enforced against the auth_sessions table on every request.
  session: { strategy: "jwt", maxAge: sessionPolicy().maxHours * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const headers = new Headers(req.headers as Record<string, string> | undefined);
        const result = await signInWithPassword({
          email: credentials?.email ?? "",
          password: credentials?.password ?? "",
          ip: clientAddress(headers),
          userAgent: headers.get("user-agent"),
        });
        if (result.ok) return result.user;
        // next-auth passes the message to the sign-in form; it never says whether the email exists.
        throw new Error(result.code === "throttled" ? `throttled:${result.retryAfterSeconds}` : "invalid");
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sid = await startSession(user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role && token.sid) {
        session.user = { id: token.uid, sid: token.sid, role: token.role, name: token.name ?? "", email: token.email ?? "" };
      }
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSession(token.sid);
    },
  },
};
