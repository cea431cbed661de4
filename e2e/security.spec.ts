import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Browser, Page } from "@playwright/test";
import { patientRedFlagIds } from "../lib/domain/red-flags";
import { AppClient } from "../tests/resilience/app-client";
import { accounts, DEMO_PASSWORD, type AccountKey } from "./support/accounts";
import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { LoginPage } from "./support/login-page";

const base = () => String(test.info().project.use.baseURL);

async function client(key: AccountKey): Promise<AppClient> {
  const c = new AppClient(base());
  await c.signIn(accounts[key].email, DEMO_PASSWORD);
  return c;
}

function checkInFields(): Record<string, string> {
  return { idempotencyKey: randomUUID(), painNow: "3", neuroWorse: "no", ...Object.fromEntries(patientRedFlagIds.map((id) => [`redFlags.${id}`, "no"])) };
}

/** How many audit entries of one action the admin's audit trail shows (first page: up to 50). */
async function auditCount(admin: AppClient, action: string): Promise<number> {
  const page = await admin.get(`/admin/audit?action=${encodeURIComponent(action)}`);
  return (page.text.match(new RegExp(`<code>${action.replace(".", "\\.")}</code>`, "g")) ?? []).length;
}

function expectStrictHeaders(headers: Headers, what: string) {
  expect(headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(headers.get("referrer-policy"), what).toBe("same-origin");
  expect(headers.get("permissions-policy"), what).toContain("camera=()");
  expect(headers.get("cross-origin-opener-policy"), what).toBe("same-origin");
  expect(headers.get("x-frame-options"), what).toBe("DENY");
}

function expectDataHeaders(headers: Headers, what: string) {
  expectStrictHeaders(headers, what);
  const csp = headers.get("content-security-policy") ?? "";
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).not.toContain("unsafe-eval");
  expect(/script-src[^;]*'unsafe-inline'/.test(csp), what).toBe(false);
  expect(headers.get("cache-control"), what).toContain("no-store");
  // Served over plain http here: no HSTS (see tests/unit/security-headers.test.ts for https).
  expect(headers.get("strict-transport-security"), what).toBeNull();
}

test("every kind of response carries the security headers; health data is never stored", async () => {
  const sam = await client("patient");
  const page = await sam.get("/me");
  expect(page.status).toBe(200);
  expectDataHeaders(page.headers, "page");
  const nonce = /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy")!)![1]!;
  expect(page.text).toContain(`nonce="${nonce}"`);
  // Every script the page carries has this request's nonce.
  const scripts = page.text.match(/<script\b[^>]*>/g)!;
  expect(scripts.length).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  expect(/'nonce-([^']+)'/.exec((await sam.get("/me")).headers.get("content-security-policy")!)![1]).not.toBe(nonce);

  const json = await sam.request("/api/me/day");
  expect(json.status).toBe(200);
  expectDataHeaders(json.headers, "route handler");

  const action = await sam.action("/me/check-in", "(portal)/me/check-in/actions.ts", "submitCheckInAction", checkInFields());
  expect(action.ok).toBe(true);
  expectDataHeaders(action.headers, "server action");

  const missing = await sam.get("/no-such-page");
  expect(missing.status).toBe(404);
  expectDataHeaders(missing.headers, "404");

  const refused = await sam.get("/patients?q=%00");
  expect(refused.status).toBe(400);
  expectDataHeaders(refused.headers, "error (400)");

  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(page.text)![1]!;
  const file = await sam.request(asset);
  expect(file.status).toBe(200);
  expectStrictHeaders(file.headers, "static asset");
  expect(file.headers.get("cache-control")).toContain("immutable");
});

async function watchedPage(browser: Browser, key: AccountKey): Promise<{ page: Page; problems: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${new URL(page.url()).pathname} console: ${m.text()} ${m.location().url}`);
  });
  page.on("pageerror", (e) => problems.push(`${new URL(page.url()).pathname} page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await new LoginPage(page).signInAs(key);
  return { page, problems };
}

test("no page breaks the Content-Security-Policy (charts included)", async ({ browser }) => {
  test.setTimeout(300_000);
  const ortiz = await watchedPage(browser, "physician");
  await ortiz.page.goto("/patients");
  const chart = await ortiz.page.getByRole("link", { name: "Sam Rivera", exact: true }).getAttribute("href");
  const pages: Record<AccountKey, string[]> = {
    physician: ["/patients", "/patients/new", "/emergency-access", "/account/password", chart!, `${chart}/adherence`, `${chart}/clearance`, `${chart}/diagnosis`, `${chart}/plan`, `${chart}/plan/versions/1`, `${chart}/referrals`, `${chart}/therapy`, `${chart}/exams/new`],
    therapist: ["/patients", `${chart}/adherence`, `${chart}/therapy`],
    patient: ["/me", "/me/access", "/me/check-in", "/me/emergency", "/me/log", "/me/progress"],
    admin: ["/admin", "/admin/accounts/new", "/admin/audit", "/admin/settings", "/admin/emergency-access", "/account/two-factor"],
    otherPhysician: [],
    otherTherapist: [],
    secondAdmin: [],
  };
  for (const [key, paths] of Object.entries(pages) as [AccountKey, string[]][]) {
    if (!paths.length) continue;
    const { page, problems } = key === "physician" ? ortiz : await watchedPage(browser, key);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), `${key} ${path}`).toBe(200);
      await page.waitForLoadState("networkidle");
      // Pages with charts draw them on the client (recharts): they ran under the policy.
      if (path.endsWith("/adherence") || path === "/me/progress") await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
    }
    expect(problems, `${key}: console errors or CSP violations`).toEqual([]);
  }
});

test("a write from another site, or with no Origin, is refused and writes nothing", async ({ request }) => {
  const sam = await client("patient");
  const admin = await client("admin");
  const before = await auditCount(admin, "check_in.create");
  const forged = await sam.action("/me/check-in", "(portal)/me/check-in/actions.ts", "submitCheckInAction", checkInFields(), { origin: "https://evil.example" });
  expect(forged.status).toBe(403);
  const missing = await sam.action("/me/check-in", "(portal)/me/check-in/actions.ts", "submitCheckInAction", checkInFields(), { origin: "" });
  expect(missing.status).toBe(403);
  expect(await auditCount(admin, "check_in.create")).toBe(before);
  const real = await sam.action("/me/check-in", "(portal)/me/check-in/actions.ts", "submitCheckInAction", checkInFields());
  expect(real.ok).toBe(true);
  expect(await auditCount(admin, "check_in.create")).toBe(before + 1);

  // A route that changes state: sign-out from another site leaves the session signed in.
  const [name, value] = sam.sessionCookie()!;
  const signOut = await request.post("/api/auth/signout", { headers: { origin: "https://evil.example", cookie: `${name}=${value}` }, form: { csrfToken: "x" }, maxRedirects: 0 });
  expect(signOut.status()).toBe(403);
  expect((await sam.get("/me")).status).toBe(200);
});

test("no GET changes state: the audit chain is verified only by a POST", async ({ browser }) => {
  const admin = await client("admin");
  const before = await auditCount(admin, "audit.verify");
  expect((await admin.get("/admin/audit?verify=1")).status).toBe(200);
  expect(await auditCount(admin, "audit.verify")).toBe(before);

  const page = await (await browser.newContext()).newPage();
  await new LoginPage(page).signInAs("admin");
  await page.goto("/admin/audit");
  await page.getByRole("button", { name: "Verify the chain" }).click();
  await expect(page.getByText(/Chain intact: all \d+ entries verified/)).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  expect(await auditCount(admin, "audit.verify")).toBe(before + 1);
  await expectAccessible(page);
  await page.screenshot({ path: "e2e/.screens/audit-verify-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await expectAccessible(page);
  await page.screenshot({ path: "e2e/.screens/audit-verify-375.png", fullPage: true });
});

test("bad input gets a 4xx, never a 500, SQL or a stack trace", async ({ request }) => {
  const ortiz = await client("physician");
  const chart = /href="(\/patients\/[0-9a-f-]{36})"/.exec((await ortiz.get("/patients")).text)![1]!;
  for (const [path, status] of [
    [chart.toUpperCase().replace("/PATIENTS/", "/patients/"), 404],
    [`${chart.toUpperCase().replace("/PATIENTS/", "/patients/")}/adherence`, 404],
    [`/api${chart.toUpperCase().replace("/PATIENTS/", "/patients/")}/adherence`, 404],
    ["/patients?q=%00", 400],
    ["/patients/%00", 400],
  ] as const) {
    const answer = await ortiz.get(path);
    expect(answer.status, path).toBe(status);
  }
  const origin = base();
  const malformed = await request.post("/api/auth/callback/credentials", { headers: { origin, "content-type": "application/json" }, data: '{"email":' });
  expect(malformed.status()).toBe(400);
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (const email of ["sam.rivera@runclear.example\u0000", "a\u0000b@runclear.example"]) {
    const nul = await request.post("/api/auth/callback/credentials", { headers: { origin }, form: { csrfToken: csrf.csrfToken, email, password: DEMO_PASSWORD }, maxRedirects: 0 });
    expect(nul.status()).toBe(302);
    const location = nul.headers().location ?? "";
    expect(location).toContain("error=invalid");
    expect(decodeURIComponent(location)).not.toMatch(/select|query|params/i);
  }
});

test("the benchmark's ceiling page does not exist unless the server is started for the benchmark", async ({ request }) => {
  // tests/bench/http starts its server with RUNCLEAR_BENCH_CEILING=1; no other server has the page.
  const answer = await request.get("/bench-ceiling?kb=40");
  expect(answer.status()).toBe(404);
  expect(await answer.text()).not.toContain("Benchmark ceiling");
});

test("/api/auth/session answers nothing for a signed-out cookie, and never a session id", async ({ request }) => {
  const sam = await client("patient");
  const [name, value] = sam.sessionCookie()!;
  const session = (await sam.request("/api/auth/session")).text;
  expect(JSON.parse(session)).toEqual({ user: { name: "Sam Rivera", email: accounts.patient.email, role: "patient" }, expires: expect.any(String) });
  const csrf = JSON.parse((await sam.request("/api/auth/csrf")).text) as { csrfToken: string };
  await sam.request("/api/auth/signout", { method: "POST", headers: { origin: base() }, body: new URLSearchParams({ csrfToken: csrf.csrfToken }) });
  const replay = await request.get("/api/auth/session", { headers: { cookie: `${name}=${value}` } });
  expect(await replay.json()).toEqual({});
  expect(replay.headers()["set-cookie"] ?? "").toMatch(new RegExp(`${name.replace(/[-.]/g, "\\$&")}=;`));
});

/** One request sent from `localAddress`, another loopback address of this machine. */
function fromAddress(localAddress: string, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(url, { method: init.method ?? "GET", headers: init.headers, localAddress }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end(init.body);
  });
}

async function signInAttempt(localAddress: string, forwardedFor: string, n: number): Promise<string> {
  const origin = base();
  const csrf = await fromAddress(localAddress, `${origin}/api/auth/csrf`);
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email: `nobody-${n}-${randomUUID().slice(0, 6)}@runclear.example`, password: "wrong password, attempt" }).toString();
  const response = await fromAddress(localAddress, `${origin}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { origin, cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": forwardedFor, "x-real-ip": forwardedFor },
    body,
  });
  return new URL(String(response.headers.location ?? "http://x/"), origin).searchParams.get("error") ?? "";
}

test("40 sign-in attempts with rotating forged X-Forwarded-For are throttled as one address", async () => {
  // Sent from another loopback address of this machine, fresh for each run, so the throttle on
  // it leaves the other tests' sign-ins (from 127.0.0.1) alone.
  const address = `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
  const answers: string[] = [];
  for (let i = 0; i < 40; i++) answers.push(await signInAttempt(address, `203.0.113.${i + 1}, 198.51.${i}.${i}`, i));
  const throttled = answers.filter((a) => a.startsWith("throttled:")).length;
  // 20 failures per address are free (lib/domain/sign-in-throttle.ts); every attempt after them waits.
  expect(answers.slice(0, 20).every((a) => a === "invalid")).toBe(true);
  expect(throttled).toBe(20);

  const admin = await client("admin");
  const trail = await admin.get("/admin/audit?action=sign_in");
  expect(trail.text).toContain(address);
  expect(trail.text).not.toContain("203.0.113.");
});
