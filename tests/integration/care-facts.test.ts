/**
 * The facts a patient's state in force is derived from (lib/dal/internal/care-facts.ts) are read
 * in one statement for any number of patients: a patient's facts must be the same read alone, as
 * the chart and the patient's own screens read them, and with others, as the worklist and the
 * caseload do, whatever their time zones. A list once read every patient's check-ins from its
 * earliest patient's day, so a patient far ahead of the others got older check-ins on the list
 * than on the chart.
 */
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { activityLogs } from "@/db/schema/activity";
import { checkIns } from "@/db/schema/check-ins";
import { patients } from "@/db/schema/patients";
import { loadCareFacts } from "@/lib/dal/internal/care-facts";
import { RECENT_DAYS } from "@/lib/domain/care-state";
import { addDays, localDate } from "@/lib/domain/schedule";
import { describeEachDatabase } from "../support/databases";

const HOUR = 3_600_000;
const RUN_DAYS = RECENT_DAYS + 3;

describeEachDatabase("care facts read together", {}, (t) => {
  it("gives each patient the same facts alone and in a list, whatever the time zones", async () => {
    // The zones furthest ahead of and behind UTC, and UTC: on most instants their todays differ.
    const zones = ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"];
    const base = Date.parse("2026-06-15T12:00:00Z");
    const ids: string[] = [];
    const runDays = new Map<string, string[]>();
    for (const timeZone of zones) {
      const suffix = randomUUID().slice(0, 8);
      const [p] = await t.db
        .insert(patients)
        .values({ mrn: `CF-${suffix}`, givenName: "Facts", familyName: `Runner${suffix}`, dateOfBirth: "1988-03-04", sex: "female", timeZone, weeklyDistanceKm: 20 })
        .returning({ id: patients.id });
      ids.push(p!.id);
      // A check-in every five hours and a run every day over three weeks before the base: each
      // window's edges fall between them somewhere.
      const days = Array.from({ length: 22 }, (_, i) => addDays(localDate(new Date(base), timeZone), -i));
      runDays.set(p!.id, days);
      await t.db.insert(checkIns).values(
        Array.from({ length: 110 }, (_, i) => ({
          patientId: p!.id,
          idempotencyKey: randomUUID(),
          painNow: i % 10,
          legSymptoms: [],
          neuroWorse: i % 7 === 0,
          redFlagAnswers: {},
          createdAt: new Date(base - i * 5 * HOUR),
        })),
      );
      await t.db.insert(activityLogs).values(
        days.map((localDate, i) => ({ patientId: p!.id, idempotencyKey: randomUUID(), kind: "run" as const, localDate, minutes: 20, painBefore: i % 4, painDuring: i % 5, painAfter: i % 6, breaches: [] })),
      );
    }
    // Instants across a day, so that each zone's today moves past the others'.
    for (let h = 0; h < 24; h += 3) {
      const now = new Date(base + h * HOUR);
      const together = await loadCareFacts(t.db, ids, now);
      for (const id of ids) {
        const alone = (await loadCareFacts(t.db, [id], now)).get(id)!;
        expect(together.get(id), `${alone.timeZone} at ${now.toISOString()}`).toEqual(alone);
        // The windows are each patient's own: runs after today less RUN_DAYS, check-ins from the day before that.
        const inWindow = runDays.get(id)!.filter((d) => d > addDays(alone.today, -RUN_DAYS) && d <= alone.today).sort();
        expect(inWindow.length).toBeGreaterThanOrEqual(RUN_DAYS - 1);
        expect(alone.runs.map((r) => r.localDate)).toEqual(inWindow);
        expect(alone.checkIns.length).toBeGreaterThan(0);
        expect(alone.checkIns.every((c) => c.localDate >= localDate(new Date(`${addDays(alone.today, -RUN_DAYS - 1)}T00:00:00Z`), alone.timeZone))).toBe(true);
      }
      expect(new Set(ids.map((id) => together.get(id)!.today)).size, `zones' todays differ at ${now.toISOString()}`).toBeGreaterThan(1);
    }
  });
});
