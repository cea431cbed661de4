import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { checkIns } from "@/db/schema/check-ins";
import { redFlagAlerts } from "@/db/schema/red-flags";
import { submitCheckIn } from "@/lib/dal/check-ins";
import { NotFoundError, ValidationError } from "@/lib/dal/errors";
import { acknowledgeRedFlag, listRedFlagAlerts } from "@/lib/dal/red-flags";
import { listWorklist } from "@/lib/dal/worklist";
import { patientRedFlagIds } from "@/lib/domain/red-flags";
import { becomeCaller, patientIdByMrn } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

const allNo = Object.fromEntries(patientRedFlagIds.map((id) => [id, "no"]));

describeEachDatabase("symptom check-ins", { seed: true }, (t) => {
  it("saves a check-in once per idempotency key and needs every warning sign answered", async () => {
    await becomeCaller(t.db, "thePatient");
    const sam = await patientIdByMrn(t.db, "RC-100101");
    const key = randomUUID();
    const before = (await t.db.select().from(checkIns).where(eq(checkIns.patientId, sam))).length;
    const calm = { idempotencyKey: key, painNow: "3", legSymptoms: ["tingling"], neuroWorse: "no", redFlags: allNo };
    const quiet = { tier: null, redFlags: [], careTeamAlerted: false };
    expect(await submitCheckIn(calm)).toEqual(quiet);
    expect(await submitCheckIn(calm)).toEqual(quiet);
    expect(await t.db.select().from(checkIns).where(eq(checkIns.idempotencyKey, key))).toHaveLength(1);
    const rows = await t.db.select().from(checkIns).where(eq(checkIns.patientId, sam));
    expect(rows).toHaveLength(before + 1);

    const { fever: _skipped, ...missing } = allNo;
    const refusal = (await submitCheckIn({ ...calm, idempotencyKey: randomUUID(), redFlags: missing }).catch((e: unknown) => e)) as ValidationError;
    expect(refusal.fieldErrors["redFlags.fever"]).toEqual(["Answer yes or no."]);
  });

  it("a reported red flag alerts the care team at the top of the worklist until a physician acknowledges it", async () => {
    await becomeCaller(t.db, "thePatient");
    const sam = await patientIdByMrn(t.db, "RC-100101");
    const result = await submitCheckIn({ idempotencyKey: randomUUID(), painNow: 8, legSymptoms: [], neuroWorse: "no", redFlags: { ...allNo, bladder_dysfunction: "yes" } });
    expect(result).toEqual({ tier: "emergency", redFlags: ["bladder_dysfunction"], careTeamAlerted: true });

    await becomeCaller(t.db, "physicianOnTeam");
    const top = (await listWorklist()).rows[0];
    expect(top).toMatchObject({ name: "Sam Rivera", newAlerts: 1 });
    const alert = (await listRedFlagAlerts(sam)).find((a) => a.source === "check_in")!;
    expect(alert.acknowledgedAt).toBeNull();

    await becomeCaller(t.db, "assignedTherapist");
    await expect(acknowledgeRedFlag(sam, { alertId: alert.id })).rejects.toBeInstanceOf(NotFoundError);
    await becomeCaller(t.db, "physicianOnTeam");
    await acknowledgeRedFlag(sam, { alertId: alert.id });
    const [row] = await t.db.select().from(redFlagAlerts).where(eq(redFlagAlerts.id, alert.id));
    expect(row?.acknowledgedAt).toBeInstanceOf(Date);
    expect((await listWorklist({ q: "Rivera" })).rows[0]).toMatchObject({ newAlerts: 0, openAlerts: 1 });
  });

  it("is for patients only, about themselves", async () => {
    for (const caller of ["physicianOnTeam", "assignedTherapist", "admin", "noSession"] as const) {
      await becomeCaller(t.db, caller);
      await expect(submitCheckIn({ idempotencyKey: randomUUID(), painNow: 1, legSymptoms: [], neuroWorse: "no", redFlags: allNo })).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
