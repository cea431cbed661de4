import { describe, expect, it } from "vitest";
import { accountSetupStep, type AccountFacts } from "@/lib/domain/account-setup";
import { nextEmergencyRequestAt } from "@/lib/domain/emergency-access";

const done: Omit<AccountFacts, "role"> = {
  mustChangePassword: false,
  twoFactorEnabled: false,
  twoFactorEnrolmentRequired: false,
  clinicRequiresTwoFactor: false,
  accessConfirmed: true,
};

describe("account setup", () => {
  it.each([
    ["physician", { clinicRequiresTwoFactor: true }, "two_factor"],
    ["admin", { clinicRequiresTwoFactor: true }, "two_factor"],
    ["therapist", { clinicRequiresTwoFactor: true }, null],
    ["patient", { clinicRequiresTwoFactor: true }, null],
    ["physician", { clinicRequiresTwoFactor: true, twoFactorEnabled: true }, null],
    ["therapist", { twoFactorEnrolmentRequired: true }, "two_factor"],
    ["physician", {}, null],
    ["physician", { accessConfirmed: false }, "confirmation"],
    ["therapist", { accessConfirmed: false }, "confirmation"],
    ["admin", { accessConfirmed: false }, "confirmation"],
    ["patient", { accessConfirmed: false }, null],
    ["physician", { mustChangePassword: true, accessConfirmed: false, clinicRequiresTwoFactor: true }, "password"],
    ["physician", { accessConfirmed: false, clinicRequiresTwoFactor: true }, "two_factor"],
  ] as const)("%s with %o: %s", (role, facts, step) => {
    expect(accountSetupStep({ ...done, ...facts, role })).toBe(step);
  });
});

describe("emergency access limit", () => {
  const now = new Date("2026-12-01T10:00:00Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

  it("allows 5 requests in any 60 minutes", () => {
    expect(nextEmergencyRequestAt([1, 2, 3, 4].map(minutesAgo), now)).toBeNull();
    expect(nextEmergencyRequestAt([50, 40, 30, 20, 10].map(minutesAgo), now)).toEqual(new Date(now.getTime() + 10 * 60_000));
    expect(nextEmergencyRequestAt([61, 40, 30, 20, 10].map(minutesAgo), now)).toBeNull();
    expect(nextEmergencyRequestAt([59, 58, 57, 56, 55, 1].map(minutesAgo), now)).toEqual(new Date(now.getTime() + 2 * 60_000));
  });
});
