import type { Bundle, Observation, Resource } from "@medplum/fhirtypes";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents } from "@/db/schema/audit";
import { careTeamMembers } from "@/db/schema/care-team";
import { patients } from "@/db/schema/patients";
import { users } from "@/db/schema/users";
import { listMyRecordAccesses } from "@/lib/dal/audit";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { downloadMyRecord, getFhirResource, getPatientEverything } from "@/lib/dal/fhir";
import { validateResource } from "@/lib/fhir/schema";
import { SYSTEMS } from "@/lib/fhir/systems";
import { becomeCaller, CALLERS, patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";
import { signInAs } from "../support/people";

const BASE = "https://clinic.example";
const ALL = { _count: "500" };

function resources(bundle: Bundle): Resource[] {
  return (bundle.entry ?? []).map((e) => e.resource!);
}

/** The whole compartment, following next links as a client would. */
async function everything(patientId: string, query: Record<string, string> = ALL): Promise<{ pages: Bundle[]; list: Resource[] }> {
  const pages: Bundle[] = [];
  let next: Record<string, string> | null = query;
  while (next && pages.length < 100) {
    const page = await getPatientEverything(patientId, next, BASE);
    pages.push(page);
    const link = page.link?.find((l) => l.relation === "next");
    next = link ? Object.fromEntries(new URL(link.url!).searchParams) : null;
  }
  return { pages, list: pages.flatMap(resources) };
}

describeEachDatabase("FHIR read API", { seed: true }, (t) => {
  it("every demo patient's $everything validates against the R4 schema, with coded content", async () => {
    const teams = await t.db
      .select({ patientId: careTeamMembers.patientId, email: users.email })
      .from(careTeamMembers)
      .innerJoin(users, eq(users.id, careTeamMembers.userId))
      .where(eq(careTeamMembers.role, "physician"));
    const all = await t.db.select({ id: patients.id }).from(patients);
    expect(teams.map((row) => row.patientId).sort()).toEqual(expect.arrayContaining(all.map((p) => p.id)));
    const types = new Set<string>();
    for (const { id } of all) {
      await signInAs(t.db, teams.find((row) => row.patientId === id)!.email);
      const { pages, list } = await everything(id);
      for (const page of pages) expect(validateResource(page), `bundle of ${id}`).toEqual([]);
      expect(pages[0]!.total).toBe(list.length);
      for (const resource of list) {
        types.add(resource.resourceType);
        // Every reference to the patient is to this patient: nothing of another record leaks in.
        const text = JSON.stringify(resource);
        for (const match of text.matchAll(/"Patient\/([0-9a-f-]{36})"/g)) expect(match[1]).toBe(id);
      }
    }
    // Across the demo clinic every kind of record the issue names is exported.
    expect([...types].sort()).toEqual(
      ["CarePlan", "Condition", "Encounter", "Flag", "Goal", "MedicationRequest", "Observation", "Patient", "QuestionnaireResponse", "ServiceRequest", "Task"].sort(),
    );
  }, 240_000);

  it("Sam's record carries its systems and units, pages with next links, filters by _since, and keeps its ids", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await becomeCaller(t.db, "physicianOnTeam");
    const { list } = await everything(sam);
    expect(list[0]).toMatchObject({ resourceType: "Patient", id: sam, identifier: [expect.objectContaining({ system: SYSTEMS.mrn, value: "RC-100101" })] });
    const condition = list.find((r) => r.resourceType === "Condition") as Resource & { code: { coding: { system: string }[] }; bodySite: { coding: { system: string }[] }[] };
    expect(condition.code.coding.map((c) => c.system)).toEqual([SYSTEMS.icd10cm]);
    expect(condition.bodySite[0]!.coding[0]!.system).toBe(SYSTEMS.snomed);
    const observations = list.filter((r): r is Observation => r.resourceType === "Observation");
    expect(observations.some((o) => o.code.coding?.some((c) => c.system === SYSTEMS.loinc && c.code === "72514-3"))).toBe(true);
    for (const o of observations) {
      for (const q of [o.valueQuantity, ...(o.component ?? []).map((c) => c.valueQuantity)].filter(Boolean)) expect(q).toMatchObject({ system: SYSTEMS.ucum, code: expect.any(String) });
    }
    const permission = observations.find((o) => o.code.coding?.[0]?.code === "running-permission");
    expect(permission?.valueCodeableConcept?.text).toBeTruthy();

    // Smaller pages join up to the same whole, with next links and no overlap.
    const small = await everything(sam, { _count: "60" });
    expect(small.pages.length).toBe(Math.ceil(list.length / 60));
    for (const page of small.pages) expect(page.total).toBe(list.length);
    expect(small.list.map((r) => `${r.resourceType}/${r.id}`)).toEqual(list.map((r) => `${r.resourceType}/${r.id}`));

    // _since: only what changed at or after the instant comes back.
    const times = list.map((r) => r.meta!.lastUpdated!).sort();
    const since = times[Math.floor(times.length / 2)]!;
    const recent = (await everything(sam, { _since: since, _count: "500" })).list;
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThan(list.length);
    for (const r of recent) expect(Date.parse(r.meta!.lastUpdated!)).toBeGreaterThanOrEqual(Date.parse(since));
    expect(recent.length).toBe(list.filter((r) => Date.parse(r.meta!.lastUpdated!) >= Date.parse(since)).length);
    await expect(getPatientEverything(sam, { _since: "yesterday" }, BASE)).rejects.toBeInstanceOf(ValidationError);
    await expect(getPatientEverything(sam, { _count: "0" }, BASE)).rejects.toBeInstanceOf(ValidationError);

    // Stable ids: a second export names everything the same, and each resource reads back alone.
    const again = (await everything(sam)).list;
    expect(again.map((r) => `${r.resourceType}/${r.id}`)).toEqual(list.map((r) => `${r.resourceType}/${r.id}`));
    // Each resource reads back alone (every type, and a sample of the many logs).
    const sample = list.filter((r, i) => !r.id!.endsWith(".permission") && (r.resourceType !== "Task" || i % 25 === 0));
    for (const resource of sample) {
      expect(await getFhirResource(resource.resourceType, resource.id!)).toEqual(resource);
    }
  }, 120_000);

  it("never exports running as allowed while a red flag is open (§10)", async () => {
    const kenji = await patientIdByMrn(t.db, "RC-100114");
    await becomeCaller(t.db, "physicianOffTeam"); // Dr. Chen: Kenji's physician
    const { list } = await everything(kenji);
    const observations = list.filter((r): r is Observation => r.resourceType === "Observation");
    const permission = observations.find((o) => o.code.coding?.[0]?.code === "running-permission")!;
    expect(permission.valueCodeableConcept?.coding?.[0]?.code).toBe("paused-red-flag-open");
    expect(permission.derivedFrom?.some((d) => d.reference?.startsWith("Flag/"))).toBe(true);
    // His restricted clearance is on record as a decision, not in force.
    const decisions = observations.filter((o) => o.code.coding?.[0]?.code === "running-clearance");
    expect(decisions.length).toBeGreaterThan(0);
    for (const d of decisions) {
      expect(d.valueCodeableConcept?.text).toMatch(/^Decision \(version \d+\)/);
      expect(d.component?.find((c) => c.code.coding?.[0]?.code === "in-force")?.valueBoolean).toBe(false);
    }
    expect(list.find((r) => r.resourceType === "Flag" && (r as { status?: string }).status === "active")).toBeTruthy();
    const plan = list.filter((r) => r.resourceType === "CarePlan" && (r as { status?: string }).status === "active") as (Resource & { activity?: { detail?: { status: string; scheduledString?: string; code?: { coding?: { code: string }[] } } }[] })[];
    const running = plan.flatMap((p) => p.activity ?? []).filter((a) => a.detail?.code?.coding?.[0]?.code?.startsWith("plan-item-run"));
    expect(running.length).toBeGreaterThan(0);
    for (const a of running) {
      expect(a.detail!.status).toBe("on-hold");
      expect(a.detail!.scheduledString).toMatch(/^Paused/);
    }
    // Nothing in the record is an empty array (FHIR JSON never has one).
    expect(JSON.stringify(list)).not.toContain("[]");
  }, 60_000);

  it("follows the chart's access rules: others get not found, and every read is audited", async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    await becomeCaller(t.db, "physicianOnTeam");
    const condition = (await everything(sam)).list.find((r) => r.resourceType === "Condition")!;
    const allowed = ["physicianOnTeam", "assignedTherapist", "thePatient"];
    for (const caller of CALLERS) {
      await becomeCaller(t.db, caller);
      if (allowed.includes(caller)) {
        expect((await getPatientEverything(sam, { _count: "1" }, BASE)).total).toBeGreaterThan(10);
        expect((await getFhirResource("Condition", condition.id!)).id).toBe(condition.id);
      } else {
        await expect(getPatientEverything(sam, {}, BASE), caller).rejects.toBeInstanceOf(NotFoundError);
        await expect(getFhirResource("Condition", condition.id!), caller).rejects.toBeInstanceOf(NotFoundError);
        await expect(getFhirResource("Patient", sam), caller).rejects.toBeInstanceOf(NotFoundError);
      }
    }
    await becomeCaller(t.db, "physicianOnTeam");
    await expect(getFhirResource("Condition", "not-an-id")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFhirResource("Medication", sam)).rejects.toBeInstanceOf(NotFoundError);
    const denied = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "fhir.everything"), eq(auditEvents.outcome, "denied")));
    expect(denied.length).toBeGreaterThanOrEqual(CALLERS.length - allowed.length);
    const reads = await t.db.select().from(auditEvents).where(and(eq(auditEvents.action, "fhir.read"), eq(auditEvents.outcome, "allowed"), eq(auditEvents.patientId, sam)));
    expect(reads.length).toBeGreaterThan(0);
  }, 120_000);

  it("the patient downloads their own copy, and it shows in who opened their record", async () => {
    await becomeCaller(t.db, "thePatient");
    const { bundle, fileName } = await downloadMyRecord(BASE);
    expect(fileName).toMatch(/^runclear-record-\d{4}-\d{2}-\d{2}\.json$/);
    expect(bundle.type).toBe("collection");
    expect(validateResource(bundle)).toEqual([]);
    expect((await listMyRecordAccesses())[0]).toMatchObject({ what: "You downloaded your record" });
    for (const caller of ["physicianOnTeam", "admin", "noSession"] as const) {
      await becomeCaller(t.db, caller);
      await expect(downloadMyRecord(BASE)).rejects.toBeInstanceOf(NotFoundError);
    }
  }, 60_000);
});
