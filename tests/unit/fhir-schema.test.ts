import { describe, expect, it } from "vitest";
import { r4ResourceTypes, validateResource } from "@/lib/fhir/schema";

describe("the R4 JSON schema validator", () => {
  it("knows the 146 R4 resource types and none of Medplum's own", () => {
    const types = r4ResourceTypes();
    expect(types).toHaveLength(146);
    expect(types).toEqual(expect.arrayContaining(["Patient", "Observation", "CarePlan", "Bundle"]));
    expect(types).not.toContain("Bot");
    expect(validateResource({ resourceType: "Bot" })).toEqual([{ path: "/resourceType", message: '"Bot" is not a FHIR R4 resource type.' }]);
  }, 60_000);

  it("accepts a valid resource and names each problem of an invalid one by its place", () => {
    expect(validateResource({ resourceType: "Patient", name: [{ family: "Rivera", given: ["Sam"] }], gender: "male", birthDate: "1990-04-12" })).toEqual([]);
    const problems = validateResource({ resourceType: "Patient", name: { family: "Rivera" }, gender: "m", birthDate: "1990-13-01", meta: { project: "x" } });
    expect(problems.map((p) => p.path).sort()).toEqual(["/birthDate", "/gender", "/meta/project", "/name"]);
    expect(problems.find((p) => p.path === "/gender")?.message).toContain('"female"');
    expect(validateResource({ name: [] })).toEqual([{ path: "/resourceType", message: "A FHIR resource names its resourceType." }]);
  });

  it("checks a Bundle's entries each against their own type", () => {
    const bundle = { resourceType: "Bundle", type: "collection", entry: [{ resource: { resourceType: "Patient", gender: "x" } }, { resource: { resourceType: "Flag" } }] };
    const problems = validateResource(bundle);
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(["/entry/0/resource/gender", "/entry/1/resource"]));
  });
});
