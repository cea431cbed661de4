/**
 * The fuzzing harness of tests/integration/fuzz-actions.test.ts and fuzz-routes.test.ts.
 * Property-based fuzzing of the app's public doors (fast-check). Every server action exported
 * from app/**\/actions.ts and every route handler in app/**\/route.ts is DISCOVERED here, so a
 * door someone adds later is fuzzed without touching this file. Each gets FUZZ_RUNS (default
 * 1,000) generated malformed inputs — NUL and control bytes, upper-case, malformed and other
 * patients' ids, oversized values, wrong types, missing and unknown fields, broken JSON — from
 * every kind of caller, and must:
 * - answer a clear refusal (a field error, a message, not found, or a 4xx), never throw, never
 *   the "something went wrong" of an unexpected error, never a 5xx;
 * - never show SQL, a stack trace, or a patient the caller may not see;
 * - never write anything when it refuses (every table's row count and newest row version).
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAILED_MESSAGE } from "@/lib/actions/action-state";
import { valueActions } from "@/lib/actions/validated-action";
import { patients } from "@/db/schema/patients";
import { users } from "@/db/schema/users";
import { describeEachDatabase, testDrivers, type TestDatabase } from "./databases";
import type { DatabaseKind } from "@/db/client";
import { CALLERS, emailOf, patientIdByMrn, type Caller } from "./callers";
import * as fuzzHeaders from "./fuzz-headers";
import { signInAs, signOutOfTests, useSession, type TestUser } from "./people";

/**
 * Inputs per door: 1,000 (FUZZ_RUNS) on one driver — the PostgreSQL server when this run covers
 * it (its queries run in another process, about three times faster than the embedded database's),
 * else the embedded database — and 200 (FUZZ_RUNS_SECOND) on the other, which checks the same
 * doors on the second driver. CI covers both, so every door gets its thousand there.
 */
export function runsFor(kind: DatabaseKind): number {
  const main: DatabaseKind = testDrivers().includes("postgres") ? "postgres" : "pglite";
  return kind === main ? Number(process.env.FUZZ_RUNS ?? 1_000) : Number(process.env.FUZZ_RUNS_SECOND ?? 200);
}
/** A door gets minutes, not the default 30 s: a thousand calls through the real DAL. */
export const DOOR_TIMEOUT_MS = 900_000;

// next-auth's route handler require()s next/headers itself, past vi.mock: answer that too.
const nodeModule = (await import("node:module")).default as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = nodeModule._load;
nodeModule._load = function (request: string, ...rest: unknown[]) {
  if (request === "next/headers") return fuzzHeaders;
  return originalLoad.call(this, request, ...rest);
};

function listFiles(dir: string, match: (name: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(full, match);
    return match(entry.name) ? [full] : [];
  });
}

/** Every field name a form of the app can send: the name="…" of every page and component. */
function formFieldNames(): string[] {
  const names = new Set(["patientId", "examId", "alertId", "referralId", "userId", "version", "basedOnVersion", "plan", "entry", "runId", "pain", "idempotencyKey"]);
  for (const file of listFiles("app", (n) => n.endsWith(".tsx") || n.endsWith(".ts"))) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/name="([^"$]+)"/g)) names.add(m[1]!);
    for (const m of text.matchAll(/name=\{`([^`]+)`\}/g)) names.add(m[1]!.replace(/\$\{[^}]+\}/g, "left"));
  }
  return [...names].sort();
}

const ACTION_FILES = listFiles("app", (n) => n === "actions.ts");
const ROUTE_FILES = listFiles("app", (n) => n === "route.ts");
const FIELDS = formFieldNames();
const SQL_OR_STACK = /\b(select|insert into|update|delete from)\b[^.]{0,40}\b(from|set|values|where)\b|Failed query|SQLSTATE|syntax error at|violates|\n\s+at [\w.<]+ \(|node_modules|\.ts:\d+/i;

interface Fixture {
  sam: string;
  /** A patient on nobody's care team: no caller may see their record, only an admin their name. */
  stranger: { id: string; mrn: string; familyName: string };
  ids: string[];
  users: Record<Caller, TestUser | null>;
}

/** Malformed values, and a few well-formed ones so the deeper rules get reached too. */
function valueArbitrary(f: Fixture): fc.Arbitrary<string> {
  const uuid = fc.uuid();
  return fc.oneof(
    fc.constantFrom(...f.ids, f.sam, f.sam.toUpperCase(), f.stranger.id, ` ${f.sam}`, `${f.sam}\u0000`, f.sam.slice(0, 35), "00000000-0000-0000-0000-000000000000"),
    uuid,
    uuid.map((u) => u.toUpperCase()),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
    fc.constantFrom("", " ", "0", "-1", "1", "2", "3", "10", "1e309", "NaN", "Infinity", "true", "false", "null", "undefined", "[]", "{}", "yes", "no", "left", "right", "both"),
    fc.constantFrom("not_cleared", "restricted", "cleared", "attended", "no_show", "imaging", "scheduled", "completed", "physician", "admin", "patient", "therapist"),
    fc.constantFrom("2026-02-30", "1900-01-01", "2999-12-31", "2026-13-01", "yesterday", new Date().toISOString().slice(0, 10)),
    fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
    fc.double().map(String),
    fc.json({ maxDepth: 3 }),
    fc.constantFrom('{"kind":"run"', '{"items":[{"key":null}]}', '{"__proto__":{"admin":true}}', "'; drop table patients; --", "<script>alert(1)</script>", "../../etc/passwd"),
    fc.nat({ max: 3 }).map((n) => "x".repeat([1_000, 10_000, 100_000, 1_000_000][n]!)),
  );
}

function formArbitrary(f: Fixture): fc.Arbitrary<[string, string | "FILE"][]> {
  const key = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...FIELDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.constantFrom("$ACTION_ID_x", "__proto__", "constructor", "a\u0000b") });
  const value = fc.oneof({ weight: 12, arbitrary: valueArbitrary(f) }, { weight: 1, arbitrary: fc.constant("FILE" as const) });
  return fc.array(fc.tuple(key, value), { maxLength: 14 });
}

/** Typed values for the actions made by `validatedCall`: objects of any shape, near-misses of the right one. */
function valueObjectArbitrary(f: Fixture): fc.Arbitrary<Record<string, unknown>> {
  const keys = [...FIELDS, "kind", "date", "itemKey", "status", "skipReason", "minutes", "distanceKm", "rpe", "painBefore", "painDuring", "painAfter", "newNumbnessOrWeakness", "entryId"];
  const key = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "a\u0000b") });
  const value = fc.oneof(
    { weight: 6, arbitrary: valueArbitrary(f) },
    { weight: 2, arbitrary: fc.integer({ min: -5, max: 400 }) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, null, Number.NaN, [], {}, ["x"], "item", "run", "done", "skipped") },
  );
  return fc.array(fc.tuple(key, value), { maxLength: 12 }).map((entries) => Object.fromEntries(entries));
}

function toFormData(entries: [string, string | "FILE"][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) {
    if (v === "FILE") data.append(k, new Blob(["\u0000binary"], { type: "application/octet-stream" }), "x.bin");
    else data.append(k, v);
  }
  return data;
}

/**
 * Counts committed writes: a row trigger on every table but the logs a refusal may write (audit
 * trail, sign-in attempts, session last-seen) bumps one counter for each row written (a statement
 * that matched no row, such as an undo of someone else's entry, writes nothing), inside the writer's own
 * transaction, so a write that was rolled back does not count and a partial one does. The owner
 * creates them; the app's role may use the counter through the owner's default privileges.
 */
async function installWriteCounter(t: TestDatabase): Promise<void> {
  const result = await t.db.execute(sql`select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not like 'audit%' and table_name not in ('login_attempts', 'auth_sessions', 'fuzz_writes')`);
  const tables = (result as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
  await t.owner.execute(sql.raw("create table fuzz_writes (n bigint not null)"));
  await t.owner.execute(sql.raw("insert into fuzz_writes values (0)"));
  await t.owner.execute(sql.raw("create function fuzz_count_write() returns trigger language plpgsql as $$ begin update fuzz_writes set n = n + 1; return null; end $$"));
  for (const name of tables) {
    await t.owner.execute(sql.raw(`create trigger fuzz_count after insert or update or delete on "${name}" for each row execute function fuzz_count_write()`));
  }
}

async function fingerprint(t: TestDatabase): Promise<string> {
  const result = (await t.db.execute(sql`select n::text as n from fuzz_writes`)) as unknown as { rows: { n: string }[] };
  return result.rows[0]!.n;
}

function becomeFast(f: Fixture, caller: Caller): void {
  const user = f.users[caller];
  if (user) useSession(user);
  else signOutOfTests();
}

function isRedirect(error: unknown): boolean {
  return error instanceof Error && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_REDIRECT");
}

function leaks(text: string, f: Fixture, caller: Caller): string | null {
  if (SQL_OR_STACK.test(text)) return `SQL or a stack trace: ${text.slice(0, 300)}`;
  // Administrators manage patients' accounts by name and MRN, and see nothing clinical.
  if (caller !== "admin" && (text.includes(f.stranger.mrn) || text.includes(f.stranger.familyName))) return `another patient's data: ${text.slice(0, 300)}`;
  return null;
}

type Action = (previous: unknown, data: unknown) => Promise<{ ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; notFound?: boolean }>;
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Declares the fuzzing suite for one kind of door (each in its own file, so they run in parallel). */
export function fuzzDoors(doors: "actions" | "routes"): void {
describe(`the fuzzer finds every ${doors === "actions" ? "server action" : "route handler"}`, () => {
  it("discovers the server actions and route handlers of the app", async () => {
    expect(ACTION_FILES.length).toBeGreaterThan(10);
    expect(ROUTE_FILES.length).toBeGreaterThan(5);
    expect(FIELDS).toContain("patientId");
  });
});

describeEachDatabase(`fuzzing every ${doors === "actions" ? "server action" : "route handler"}`, { seed: true }, (t) => {
  let f: Fixture;
  const errors: unknown[] = [];
  const originalError = console.error;

  beforeAll(async () => {
    const sam = await patientIdByMrn(t.db, "RC-100101");
    const [stranger] = await t.db
      .insert(patients)
      .values({ mrn: "FZ-770077", givenName: "Zebulon", familyName: "Quillfeather", dateOfBirth: "1980-05-05", sex: "unknown" })
      .returning({ id: patients.id, mrn: patients.mrn, familyName: patients.familyName });
    await installWriteCounter(t);
    const others = await t.db.select({ id: patients.id }).from(patients).limit(4);
    const staff = await t.db.select({ id: users.id, email: users.email }).from(users).limit(20);
    const callerEmails = new Set(CALLERS.filter((c) => c !== "noSession").map((c) => emailOf(c as Exclude<Caller, "noSession">)));
    const userEntries = await Promise.all(CALLERS.map(async (c) => [c, c === "noSession" ? null : await signInAs(t.db, emailOf(c))] as const));
    f = {
      sam,
      stranger: stranger!,
      // Never the callers' own accounts: an admin action on them would end the fuzzing session.
      ids: [...others.map((p) => p.id), ...staff.filter((u) => !callerEmails.has(u.email)).map((u) => u.id), randomUUID()],
      users: Object.fromEntries(userEntries) as Record<Caller, TestUser | null>,
    };
    // An unexpected error in a door is logged before it is turned into "something went wrong".
    console.error = (...args: unknown[]) => errors.push(args);
  });
  afterAll(() => {
    console.error = originalError;
  });

  for (const file of doors === "actions" ? ACTION_FILES : []) {
    it(`app/${path.relative("app", file)}: every action refuses malformed input cleanly`, async () => {
      const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      const actions = Object.entries(mod).filter(([, v]) => typeof v === "function") as [string, Action][];
      expect(actions.length).toBeGreaterThan(0);
      for (const [name, action] of actions) {
        const wrongTypes = fc.constantFrom<unknown>(null, undefined, "patientId=x", 42, [], { patientId: f.sam }, new URLSearchParams("patientId=x"));
        const takesValues = valueActions.has(action);
        const input = takesValues
          ? fc.oneof({ weight: 19, arbitrary: valueObjectArbitrary(f) as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: wrongTypes })
          : fc.oneof({ weight: 19, arbitrary: formArbitrary(f).map(toFormData) as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: wrongTypes });
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...CALLERS), input, async (caller, data) => {
            becomeFast(f, caller);
            errors.length = 0;
            const before = await fingerprint(t);
            let state: Awaited<ReturnType<Action>>;
            try {
              state = await (takesValues ? (action as unknown as (value: unknown) => ReturnType<Action>)(data) : action(null, data));
            } catch (error) {
              if (isRedirect(error)) return; // a successful action's redirect
              throw new Error(`${name} threw for ${caller}: ${String(error)}`);
            }
            expect(state, `${name} answered nothing`).toBeTypeOf("object");
            const text = JSON.stringify(state);
            expect(leaks(text, f, caller), `${name} for ${caller}`).toBeNull();
            expect(errors, `${name} hit an unexpected error for ${caller}: ${String(errors[0])}`).toEqual([]);
            if (!state.ok) {
              expect(state.message, `${name}: a refusal says why`).toBeTruthy();
              expect(state.message, `${name}: an unexpected error for ${caller}`).not.toBe(FAILED_MESSAGE);
              expect(await fingerprint(t), `${name} refused for ${caller} but wrote something`).toBe(before);
            }
          }),
          { numRuns: runsFor(t.kind), endOnFailure: true },
        );
      }
    }, DOOR_TIMEOUT_MS);
  }

  for (const file of doors === "routes" ? ROUTE_FILES : []) {
    const route = path.relative("app", path.dirname(file));
    it(`app/${route}/route.ts: every handler answers malformed requests with a clear 4xx or a result`, async () => {
      const mod = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
      expect(methods.length).toBeGreaterThan(0);
      const segments = route.split("/").filter((s) => s.startsWith("["));
      const paramValue = fc.oneof(valueArbitrary(f), fc.constantFrom(f.sam, f.stranger.id));
      const params = fc.record(Object.fromEntries(segments.map((s) => [s.replace(/[[\].]/g, ""), s.startsWith("[...") ? fc.array(fc.oneof(fc.constantFrom("session", "csrf", "providers", "signin", "signout", "callback", "credentials", "error"), fc.string({ maxLength: 10 })), { minLength: 1, maxLength: 3 }) : paramValue])));
      const body = fc.oneof(
        fc.constant(undefined),
        valueArbitrary(f),
        fc.json(),
        fc.dictionary(fc.constantFrom("email", "password", "csrfToken", "callbackUrl", "json", "redirect"), valueArbitrary(f)).map((d) => new URLSearchParams(d).toString()),
        fc.constantFrom('{"email":', '{"email":5,"password":[]}', "x".repeat(20_000)),
      );
      const contentType = fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x");
      const query = fc.dictionary(fc.constantFrom("q", "id", "error", "callbackUrl", "page"), fc.string({ maxLength: 20 }));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...CALLERS), fc.constantFrom(...methods), params, body, contentType, query, async (caller, method, p, b, type, q) => {
          becomeFast(f, caller);
          errors.length = 0;
          const pathname = `/${route.replace(/\[\.\.\.(\w+)\]/, () => (p[Object.keys(p).find((k) => Array.isArray(p[k]))!] as string[]).map(encodeURIComponent).join("/")).replace(/\[(\w+)\]/g, (_, k: string) => encodeURIComponent(String(p[k])))}`;
          const url = new URL(`http://localhost:3000${pathname}`);
          for (const [k, v] of Object.entries(q)) url.searchParams.set(k, v);
          const headers = new Headers({ "content-type": type, origin: "http://localhost:3000", host: "localhost:3000" });
          fuzzHeaders.setRequestHeaders(headers);
          const { NextRequest } = await import("next/server");
          const request = new NextRequest(url, { method, headers, body: method === "GET" || b === undefined ? undefined : b });
          const before = await fingerprint(t);
          let response: Response;
          try {
            response = await (mod[method] as Handler)(request, { params: Promise.resolve(p) });
          } catch (error) {
            if (isRedirect(error)) return;
            throw new Error(`${method} ${pathname} threw for ${caller}: ${String(error)}`);
          }
          expect(response.status, `${method} ${pathname} for ${caller}`).toBeLessThan(500);
          const text = await response.text();
          expect(leaks(text + (response.headers.get("location") ?? ""), f, caller), `${method} ${pathname} for ${caller}`).toBeNull();
          expect(errors, `${method} ${pathname} hit an unexpected error for ${caller}: ${String(errors[0])}`).toEqual([]);
          if (response.status >= 400) expect(await fingerprint(t), `${method} ${pathname} refused but wrote something`).toBe(before);
        }),
        { numRuns: runsFor(t.kind), endOnFailure: true },
      );
    }, DOOR_TIMEOUT_MS);
  }
});
}
