import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { describeError } from "@/db/errors";
import { signInWithPassword, signInWithSecondFactor } from "@/lib/dal/internal/sign-in";
import { getCurrentUser } from "@/lib/dal/session";
import { endSession, startSession } from "@/lib/dal/internal/sessions";
import { sessionPolicy } from "@/lib/domain/session-policy";
import { clientAddress } from "./client-address";
import { signInErrorCode } from "./sign-in-errors";
import { authSecret } from "./secret";

// What the sign-in form may send. Control characters never belong in an email or a password
// typed into a form, and PostgreSQL refuses NUL in text; such input is simply a failed sign-in.
const NO_CONTROL = /^[^\p{Cc}]*$/u;
const credentialsSchema = z.object({
  email: z.string().max(320).regex(NO_CONTROL),
  password: z.string().max(1024).regex(NO_CONTROL),
  challenge: z.string().max(200).regex(NO_CONTROL),
  code: z.string().max(64).regex(NO_CONTROL),
});

const REQUEST_ERRORS = new Set(["MISSING_NEXTAUTH_API_ROUTE_ERROR", "INVALID_CALLBACK_URL_ERROR"]);

/** Thrown from the jwt callback: next-auth then answers no session and clears the cookie. */
class SessionEndedError extends Error {
  constructor() {
    super("The session was signed out, revoked or expired.");
    this.name = "SessionEndedError";
  }
}

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
      // next-auth passes the thrown message to the sign-in form (and into a redirect address):
      // only these codes ever leave, never whether the email exists or what the database said.
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse({
          email: credentials?.email ?? "",
          password: credentials?.password ?? "",
          challenge: credentials?.challenge ?? "",
          code: credentials?.code ?? "",
        });
        if (!parsed.success) throw new Error("invalid");
        const { email, password, challenge, code } = parsed.data;
        const headers = new Headers(req.headers as Record<string, string> | undefined);
        const context = { ip: clientAddress(headers), userAgent: headers.get("user-agent") };
        let result: Awaited<ReturnType<typeof signInWithPassword>> | Awaited<ReturnType<typeof signInWithSecondFactor>>;
        try {
          result = challenge ? await signInWithSecondFactor({ challenge, code, ...context }) : await signInWithPassword({ email, password, ...context });
        } catch (error) {
          console.error("[sign-in]", describeError(error));
          throw new Error("unavailable");
        }
        if (result.ok) return result.user;
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
        return token;
      }
      // `/api/auth/session`: a signed-out, revoked or expired session answers nothing and its
      // cookie is cleared instead of re-issued.
      if (!(await getCurrentUser())) throw new SessionEndedError();
      return token;
    },
    // next-auth's default throws (a 500 on every auth route) when the callbackUrl parameter or
    // cookie is not a URL; anything but a path or an address of this app goes home instead.
    redirect({ url, baseUrl }) {
      if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${baseUrl}${url}`;
      try {
        if (new URL(url).origin === baseUrl) return url;
      } catch {
        // not a URL at all
      }
      return baseUrl;
    },
    session({ session, token }) {
      // Page JavaScript gets the name, email and role; never the user id or the session id.
      if (token.role) session.user = { role: token.role, name: token.name ?? "", email: token.email ?? "" };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await endSession(token.sid);
    },
  },
  // next-auth logs the error it caught; never with a database error's query or parameters.
  logger: {
    error(code, metadata) {
      const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      if (error instanceof SessionEndedError) return; // an ended session is not an error
      // A request for a path or callback next-auth does not know: the client's mistake, not ours.
      if (REQUEST_ERRORS.has(code)) return console.warn(`[next-auth] ${code}`);
      console.error(`[next-auth] ${code}`, describeError(error));
    },
    warn(code) {
      console.warn(`[next-auth] ${code}`);
    },
    debug() {},
  },
};
