import { expect, it } from "vitest";
import { updateClinicSettings } from "@/lib/dal/clinic-settings";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { becomeCaller } from "../support/callers";
import { describeEachDatabase } from "../support/databases";

describeEachDatabase("dates and times in the reader's zone", { seed: true }, (t) => {
  it("gives a patient their own zone and everyone else the clinic's, in the clinic's locale", async () => {
    // Sam Rivera lives in Chicago; the demo clinic keeps Chicago time too, so move the clinic.
    await becomeCaller(t.db, "admin");
    await updateClinicSettings({ clinicName: "Test Clinic", emergencyNumber: "999", urgentLineName: "NHS 111", urgentLineNumber: "111", reviewGraceDays: "7", timeZone: "Europe/London", locale: "en-GB" });
    expect(await getReaderFormat()).toEqual({ locale: "en-GB", timeZone: "Europe/London" });

    await becomeCaller(t.db, "physicianOnTeam");
    expect(await getReaderFormat()).toEqual({ locale: "en-GB", timeZone: "Europe/London" });

    await becomeCaller(t.db, "thePatient");
    expect(await getReaderFormat()).toEqual({ locale: "en-GB", timeZone: "America/Chicago" });

    await becomeCaller(t.db, "noSession");
    expect(await getReaderFormat()).toEqual({ locale: "en-GB", timeZone: "Europe/London" });
  });
});
