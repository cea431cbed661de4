import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";

describe("the session object next-auth gives the browser", () => {
  let authOptions: typeof import("@/lib/auth/options").authOptions;
  beforeAll(async () => {
    vi.stubEnv("NEXTAUTH_SECRET", "unit-test-secret-of-at-least-32-characters");
    ({ authOptions } = await import("@/lib/auth/options"));
  });

  it("carries who is signed in, never the session id or the user id", async () => {
    const token: JWT = { uid: "2f0c3a57-0000-4000-8000-000000000001", sid: "the-session-id-value", role: "physician", name: "Dr. Elena Ortiz", email: "dr.ortiz@runclear.example" };
    const session = (await authOptions.callbacks!.session!({ session: { expires: "2026-12-02T00:00:00Z" } as Session, token } as never)) as Session;
    expect(session.user).toEqual({ name: "Dr. Elena Ortiz", email: "dr.ortiz@runclear.example", role: "physician" });
    expect(JSON.stringify(session)).not.toContain("the-session-id-value");
    expect(JSON.stringify(session)).not.toContain(token.uid);
  });
});
