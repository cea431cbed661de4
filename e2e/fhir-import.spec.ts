import { watchConsole } from "./support/console";
import { expect, test } from "./support/fixtures";
import { captureBothWidths } from "./support/screens";

// A Patient as another system sends it: a usual and an official name, its own MRN, contacts, an address.
const resource = {
  resourceType: "Patient",
  identifier: [{ type: { text: "Medical record number" }, system: "urn:oid:1.2.36.146.595.217.0.1", value: "88123" }],
  name: [
    { use: "usual", given: ["Immy"] },
    { use: "official", family: "Fhirsdottir", given: ["Imogen", "Rose"] },
  ],
  gender: "female",
  birthDate: "1988-07-09",
  telecom: [
    { system: "phone", value: "+44 20 7946 0000", use: "mobile" },
    { system: "email", value: "imogen.fhirsdottir@example.org", use: "home" },
  ],
  address: [{ use: "home", line: ["221 Baker Street"], city: "London" }],
  extension: [{ url: "http://hl7.org/fhir/StructureDefinition/timezone", valueCode: "Europe/London" }],
};

test("a physician registers a patient from a pasted FHIR Patient resource, after checking what was read", async ({ page, loginPage }) => {
  test.setTimeout(120_000);
  const checkConsole = watchConsole(page);
  await loginPage.signInAs("physician");
  await page.getByRole("link", { name: "Register a patient" }).click();
  await expect(page.getByRole("heading", { name: "Start from a FHIR Patient resource" })).toBeVisible();
  await captureBothWidths(page, "fhir-import-start");

  await page.getByLabel("Patient resource (JSON)").fill(JSON.stringify(resource, null, 2));
  await page.getByRole("button", { name: "Read resource" }).click();
  // The first read of the server's life compiles the R4 schema: a few seconds.
  const review = page.getByRole("table", { name: "Read from the resource" });
  await expect(review).toBeVisible({ timeout: 30_000 });
  const row = (field: string) => review.getByRole("row", { name: new RegExp(`^${field}`) });
  await expect(row("Given name")).toContainText('"Imogen", "Rose" (given, official name)');
  await expect(row("Given name")).toContainText("Imogen Rose");
  await expect(row("Family name")).toContainText("Fhirsdottir");
  await expect(row("Date of birth")).toContainText("Jul 9, 1988");
  await expect(row("Sex")).toContainText("Female");
  await expect(row("Time zone")).toContainText("Europe/London (time zone extension)");
  await expect(page.getByText("Medical record number from the source, not used as the RunClear MRN: 88123")).toBeVisible();
  await expect(page.getByText("Address not carried over (home): 221 Baker Street, London.")).toBeVisible();
  await expect(page.getByText("Other name (usual): Immy.")).toBeVisible();

  // The usual form, filled in for the clinician to confirm and complete.
  await expect(page.getByLabel("Given name")).toHaveValue("Imogen Rose");
  await expect(page.getByLabel("Family name")).toHaveValue("Fhirsdottir");
  await expect(page.getByLabel("Date of birth")).toHaveValue("1988-07-09");
  await expect(page.getByLabel("Sex")).toHaveValue("female");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("imogen.fhirsdottir@example.org");
  await expect(page.getByLabel("Phone", { exact: true })).toHaveValue("+44 20 7946 0000");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/London");
  await captureBothWidths(page, "fhir-import-read");

  await page.getByLabel("Usual weekly distance (km)").fill("30");
  await page.getByLabel("Running goal").fill("London 10K");
  await page.getByRole("button", { name: "Register patient" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Patient registered with MRN RC-" })).toBeVisible();
  // Once registered, the import has done its job.
  await expect(page.getByRole("heading", { name: "Start from a FHIR Patient resource" })).toHaveCount(0);
  await captureBothWidths(page, "fhir-import-registered");

  await page.getByRole("link", { name: "Open the chart" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Imogen Rose Fhirsdottir" })).toBeVisible();
  await expect(page.getByText(/born Jul 9, 1988/)).toBeVisible();
  checkConsole();
});

test("a paste that is not JSON or not valid R4 says why beside it, keeps the text, and registers nobody", async ({ page, loginPage }) => {
  test.setTimeout(120_000);
  const checkConsole = watchConsole(page);
  await loginPage.signInAs("physician");
  await page.goto("/patients/new");

  const broken = '{\n  "resourceType": "Patient",\n  "name": [{ "family": "Brokenjson", "given": ["Nadia"] }],\n}';
  const box = page.getByLabel("Patient resource (JSON)");
  await box.fill(broken);
  await page.getByRole("button", { name: "Read resource" }).click();
  const message = page.getByRole("alert").filter({ hasText: "This is not valid JSON" });
  await expect(message).toContainText("line 4, column 1");
  await expect(box).toHaveAccessibleDescription(/This is not valid JSON: line 4, column 1/);
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(box).toHaveValue(broken);
  await expect(page.getByRole("table", { name: "Read from the resource" })).toHaveCount(0);
  await expect(page.getByLabel("Family name")).toHaveValue("");
  await captureBothWidths(page, "fhir-import-not-json");

  // Valid JSON that breaks the R4 schema lists each problem by its place.
  await box.fill(JSON.stringify({ resourceType: "Patient", gender: "f", birthDate: "1990-13-01", name: [{ family: "Brokenjson" }] }));
  await page.getByRole("button", { name: "Read resource" }).click();
  const invalid = page.getByRole("alert").filter({ hasText: "not valid FHIR R4" });
  await expect(invalid.getByRole("listitem")).toHaveCount(2, { timeout: 30_000 });
  await expect(invalid).toContainText('gender must be one of "male", "female", "other", "unknown".');
  await expect(invalid).toContainText("birthDate is not written the way FHIR writes this type");
  await captureBothWidths(page, "fhir-import-invalid");

  // A chosen file lands in the box; a birth date without its day asks for the full date.
  const partial = { resourceType: "Patient", name: [{ family: "Brokenjson", given: ["Nadia"] }], birthDate: "1988-07" };
  await page.getByLabel("Or choose a .json file").setInputFiles({ name: "patient.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(partial)) });
  await expect(box).toHaveValue(JSON.stringify(partial));
  await page.getByRole("button", { name: "Read resource" }).click();
  await expect(page.getByLabel("Family name")).toHaveValue("Brokenjson");
  await expect(page.getByLabel("Date of birth")).toHaveValue("");
  await expect(page.getByLabel("Date of birth")).toHaveAccessibleDescription("The resource gives only the year and month (1988-07); enter the full date of birth.");
  await expect(page.getByLabel("Sex")).toHaveValue("");

  await page.getByRole("button", { name: "Clear" }).click();
  await expect(box).toHaveValue("");
  await expect(invalid).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Read from the resource" })).toHaveCount(0);
  await expect(page.getByLabel("Family name")).toHaveValue("");

  await page.goto("/patients?q=Brokenjson");
  await expect(page.getByText("No patient matches these filters.")).toBeVisible();
  checkConsole();
});
