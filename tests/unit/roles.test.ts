import { describe, expect, it } from "vitest";
import { homeFor, type Role } from "@/lib/auth/roles";
import { ageOn } from "@/lib/domain/age";

describe("homeFor", () => {
  it.each<[Role, string]>([
    ["physician", "/patients"],
    ["therapist", "/patients"],
    ["patient", "/me"],
    ["admin", "/admin"],
  ])("%s lands on %s", (role, home) => {
    expect(homeFor(role)).toBe(home);
  });
});

describe("ageOn", () => {
  it.each([
    ["1988-04-12", "2026-04-11", 37],
    ["1988-04-12", "2026-04-12", 38],
    ["2000-02-29", "2026-02-28", 25],
    ["2000-02-29", "2026-03-01", 26],
  ])("born %s is %i years old on %s", (dob, today, age) => {
    expect(ageOn(dob, new Date(`${today}T12:00:00Z`))).toBe(age);
  });
});
