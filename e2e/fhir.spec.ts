import fs from "node:fs";
import { captureBothWidths } from "./support/screens";
import { accounts } from "./support/accounts";
import { watchConsole } from "./support/console";
import { signedIn } from "./support/signed-in";
import { expect, test } from "./support/fixtures";

interface BundleLike {
  resourceType: string;
  type: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: { resource: { resourceType: string; id: string; identifier?: { value: string }[] } }[];
}

test("a patient downloads their own record as a FHIR Bundle, and sees the download in who opened their record", async ({ page, loginPage }) => {
  const consoleClean = watchConsole(page);
  await loginPage.signInAs("patient");
  await page.getByRole("link", { name: "Who opened my record" }).first().click();
  await expect(page.getByRole("heading", { name: "A copy of your record" })).toBeVisible();
  await captureBothWidths(page, "record-copy");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my record (FHIR JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^runclear-record-\d{4}-\d{2}-\d{2}\.json$/);
  const bundle = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as BundleLike;
  expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
  const types = new Set(bundle.entry!.map((e) => e.resource.resourceType));
  for (const type of ["Patient", "Condition", "Observation", "CarePlan", "QuestionnaireResponse", "ServiceRequest"]) expect(types).toContain(type);
  expect(bundle.entry![0]!.resource.identifier?.[0]?.value).toBe("RC-100101");

  await page.reload();
  const first = page.getByRole("listitem").filter({ hasText: "You downloaded your record" }).first();
  await expect(first).toBeVisible();
  await expect(first).toContainText("Sam Rivera");
  consoleClean();
});

test("the FHIR API answers a physician on the care team, 404s others, and 401s without a session", async ({ page, loginPage, request, browser }) => {
  const anonymous = await request.get("/fhir/metadata");
  expect(anonymous.status()).toBe(200);
  expect(anonymous.headers()["content-type"]).toContain("application/fhir+json");
  expect(await anonymous.json()).toMatchObject({ resourceType: "CapabilityStatement", fhirVersion: "4.0.1" });
  const noSession = await request.get("/fhir/Patient/00000000-0000-4000-8000-000000000000/$everything");
  expect(noSession.status()).toBe(401);
  expect(await noSession.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "login" }] });

  await loginPage.signInAs("physician");
  await page.getByRole("link", { name: "Sam Rivera" }).click();
  await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/);
  const samId = new URL(page.url()).pathname.split("/")[2]!;
  const first = await page.request.get(`/fhir/Patient/${samId}/$everything?_count=20`);
  expect(first.status()).toBe(200);
  const bundle = (await first.json()) as BundleLike;
  expect(bundle).toMatchObject({ resourceType: "Bundle", type: "searchset" });
  expect(bundle.entry).toHaveLength(20);
  const next = bundle.link!.find((l) => l.relation === "next")!;
  const second = (await (await page.request.get(next.url)).json()) as BundleLike;
  expect(second.entry![0]!.resource.id).not.toBe(bundle.entry![0]!.resource.id);
  const condition = bundle.entry!.find((e) => e.resource.resourceType === "Condition")!.resource;
  const read = await page.request.get(`/fhir/Condition/${condition.id}`);
  expect(read.status()).toBe(200);
  expect((await read.json()).id).toBe(condition.id);
  const bad = await page.request.get(`/fhir/Patient/${samId}/$everything?_count=abc`);
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "invalid" }] });

  // Amrit Singh, PT, is not on Sam's care team: the record does not exist for him. (Not Dr. Chen:
  // earlier specs open Sam's chart under his emergency access, which lets him read it.)
  const outsider = await signedIn(browser, accounts.otherTherapist.email);
  const refused = await outsider.page.request.get(`/fhir/Patient/${samId}/$everything`);
  expect(refused.status()).toBe(404);
  expect(await refused.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "not-found" }] });
  expect((await outsider.page.request.get(`/fhir/Condition/${condition.id}`)).status()).toBe(404);
  await outsider.page.close();
});

test("an administrator makes Dr. Chen clinical lead; he exports the clinic as FHIR NDJSON and downloads a file", async ({ page, loginPage, browser }) => {
  const consoleClean = watchConsole(page);
  await loginPage.signInAs("admin");
  await page.getByRole("link", { name: "Dr. Wei Chen" }).click();
  await page.getByRole("button", { name: "Make clinical lead" }).click();
  await expect(page.getByText(/Clinical lead granted/)).toBeVisible();

  const chen = await signedIn(browser, accounts.otherPhysician.email);
  const lead = chen.page;
  await lead.getByRole("link", { name: "Outcomes" }).click();
  // A clinical lead switches to the whole clinic, which has an address of its own.
  await lead.getByRole("link", { name: "Whole clinic" }).click();
  await expect(lead).toHaveURL(/\/outcomes\/clinic$/);
  await expect(lead.getByText(/\d+ episodes? opened by an exam in the whole clinic/)).toBeVisible();
  await expect(lead.getByRole("link", { name: "Whole clinic" })).toHaveAttribute("aria-current", "page");
  await lead.getByRole("link", { name: "Export the clinic (FHIR)" }).click();
  await expect(lead.getByRole("heading", { name: "Export the clinic", level: 1 })).toBeVisible();
  await expect(lead.getByText("No exports yet.")).toBeVisible();
  await captureBothWidths(lead, "clinic-export-empty");
  await lead.getByLabel("Changed since (optional)").fill("2000-01-01");
  await lead.getByRole("button", { name: "Start export" }).click();
  await expect(lead.getByText("Export started.", { exact: false })).toBeVisible();
  await expect(lead.getByText("Ready to download")).toBeVisible({ timeout: 60_000 });
  await captureBothWidths(lead, "clinic-export-ready");
  const [download] = await Promise.all([lead.waitForEvent("download"), lead.getByRole("link", { name: "Patient.ndjson" }).click()]);
  const rows = fs.readFileSync((await download.path())!, "utf8").trimEnd().split("\n").map((line) => JSON.parse(line) as { resourceType: string });
  expect(rows.length).toBeGreaterThan(10);
  expect(new Set(rows.map((r) => r.resourceType))).toEqual(new Set(["Patient"]));

  // The Bulk Data status endpoint answers a FHIR client with the same job's manifest.
  const kickOff = await lead.request.get("/fhir/$export?_type=Condition", { headers: { Prefer: "respond-async", Accept: "application/fhir+json" } });
  expect(kickOff.status()).toBe(202);
  const statusUrl = kickOff.headers()["content-location"]!;
  let status = await lead.request.get(statusUrl);
  for (let i = 0; i < 60 && status.status() === 202; i++) {
    await lead.waitForTimeout(500);
    status = await lead.request.get(statusUrl);
  }
  expect(status.status()).toBe(200);
  const manifest = (await status.json()) as { output: { type: string; url: string; count: number }[] };
  expect(manifest.output.map((o) => o.type)).toEqual(["Condition"]);
  expect((await lead.request.get(manifest.output[0]!.url)).status()).toBe(200);
  // The file is Dr. Chen's: another physician gets not found.
  const ortiz = await signedIn(browser, accounts.physician.email);
  expect((await ortiz.page.request.get(manifest.output[0]!.url)).status()).toBe(404);
  expect((await ortiz.page.request.get("/fhir/$export", { headers: { Prefer: "respond-async" } })).status()).toBe(404);
  await ortiz.page.close();

  // Both exports are listed; deleting one takes it and its files away.
  await lead.reload();
  await expect(lead.getByRole("button", { name: "Delete the files" })).toHaveCount(2);
  await lead.getByRole("button", { name: "Delete the files" }).first().click();
  // While the deletion runs its button reads "Removing…": one button left means it is done.
  await expect(lead.getByRole("button", { name: /^(Delete the files|Removing…)$/ })).toHaveCount(1);
  expect((await lead.request.get(manifest.output[0]!.url)).status()).toBe(404);
  chen.checkConsole();
  await lead.close();
  // The role goes back: later specs see the demo clinic without a clinical lead.
  await page.getByRole("button", { name: "Revoke clinical lead" }).click();
  await expect(page.getByText(/Clinical lead revoked/)).toBeVisible();
  consoleClean();
});
