import { vi } from "vitest";

// The DAL asks next-auth who is signed in; under test the caller is whoever `actAs` chose.
vi.mock("@/lib/auth/session", async () => {
  const { currentTestUser } = await import("./session-stub");
  return {
    getSessionUser: async () => currentTestUser(),
    requireRole: async () => {
      const user = currentTestUser();
      if (!user) throw new Error("NEXT_REDIRECT /login");
      return user;
    },
  };
});
