import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithPassword, signInWithSecondFactor } from "@/lib/dal/sign-in";
import { endSession, startSession } from "@/lib/dal/session";
import { sessionPolicy } from "@/lib/domain/session-policy";
import { clientAddress } from "./client-address";
import { signInErrorCode } from "./sign-in-errors";
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
      // Two steps through one door: email and password, then (once enrolled) the challenge the
      // first step handed out with a code from the authenticator or a recovery code.
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        challenge: { label: "Challenge", type: "hidden" },
        code: { label: "Code", type: "text" },
      },
      async authorize(credentials, req) {
        const headers = new Headers(req.headers as Record<string, string> | undefined);
        const context = { ip: clientAddress(headers), userAgent: headers.get("user-agent") };
        const result = credentials?.challenge
          ? await signInWithSecondFactor({ challenge: credentials.challenge, code: credentials.code ?? "", ...context })
          : await signInWithPassword({ email: credentials?.email ?? "", password: credentials?.password ?? "", ...context });
        if (result.ok) return result.user;
        // next-auth passes the message to the sign-in form; it never says whether the email exists.
        throw new Error(signInErrorCode(result));
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
    // What the browser may read (`/api/auth/session`): who is signed in, never the session id,
    // which stays inside the encrypted HttpOnly cookie (lib/auth/session.ts reads it there).
    session({ session, token }) {
      if (token.uid && token.role && token.sid) {
        session.user = { role: token.role, name: token.name ?? "", email: token.email ?? "" };
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
