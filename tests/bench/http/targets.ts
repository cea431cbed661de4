/**
 * What the HTTP benchmark measures, found by reading the app as its users do: the chart is the
 * first patient on the physician's worklist, the adherence view the first on the therapist's
 * caseload, so the same code works on the demo clinic and on a database of synthetic patients.
 * Writes go through the server actions the patient's pages post to, encoded as React encodes
 * them, with the action ids of this build.
 */
import { createHash, randomUUID } from "node:crypto";
import { patientRedFlagIds } from "@/lib/domain/red-flags";
import { actionId, encodeFormAction, type AppClient } from "../../resilience/app-client";
import type { Target } from "./measure";

export interface Sessions {
  physician: AppClient;
  therapist: AppClient;
  patient: AppClient;
}

/**
 * replay: every request sends the same entry (one idempotency key per patient and kind, the
 * same on every run), so the first ever inserts it and the rest take the app's retry path: the
 * patient's row lock, the care facts, the rules, the insert refused by the key, the first answer
 * read back. Safe on a database someone else uses. new: a fresh key per request, so every
 * request inserts a row and an audit entry: for a throwaway database only.
 */
export type WriteMode = "replay" | "new";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
// Any page's error boundary says this (lib/ui/error-panel.tsx); a 200 carrying it is no answer.
const ERROR_TEXT = "if it keeps happening, tell your administrator";

function page(marker: string): (body: string) => boolean {
  return (body) => body.includes(marker) && !body.includes(ERROR_TEXT);
}

/** A fixed UUID (version 4 layout) for this patient and kind, so repeated runs replay one entry. */
function stableKey(patientEmail: string, kind: string): string {
  const hex = createHash("sha256").update(`runclear-http-bench:${kind}:${patientEmail}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[parseInt(hex[16]!, 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function cookieOf(client: AppClient): string {
  return client.cookieList().map(([k, v]) => `${k}=${v}`).join("; ");
}

async function firstLink(client: AppClient, path: string, pattern: RegExp, what: string): Promise<string> {
  const answer = await client.get(path);
  const found = pattern.exec(answer.text)?.[1];
  if (answer.status !== 200 || !found) throw new Error(`${what}: ${path} answered ${answer.status} with no patient link`);
  return found;
}

async function actionTarget(
  base: string,
  client: AppClient,
  { name, pagePath, file, action, fields, key, mode, verify }: { name: string; pagePath: string; file: string; action: string; fields: Record<string, string>; key: string; mode: WriteMode; verify: (body: string) => boolean },
): Promise<Target> {
  const encoded = await encodeFormAction(fields);
  // Serialized once as the browser's fetch would send it: multipart with the form's boundary.
  const request = new Request(`${base}${pagePath}`, { method: "POST", body: encoded });
  const body = await request.text();
  if (!body.includes(key)) throw new Error(`${name}: the idempotency key is not in the encoded body`);
  return {
    name,
    as: "patient",
    method: "POST",
    path: pagePath,
    headers: {
      cookie: cookieOf(client),
      origin: base,
      accept: "text/x-component",
      "next-action": actionId(file, action),
      "content-type": request.headers.get("content-type")!,
    },
    body,
    // Same length, so the multipart body stays well formed.
    setupBody: mode === "new" ? (b) => b.replace(key, randomUUID()) : undefined,
    verify,
  };
}

export async function discoverTargets(base: string, sessions: Sessions, { patientEmail, writes, today }: { patientEmail: string; writes: WriteMode[]; today: string }): Promise<Target[]> {
  const chartId = await firstLink(sessions.physician, "/patients", new RegExp(`href="/patients/(${UUID.source})"`), "physician's worklist");
  const caseloadId = await firstLink(sessions.therapist, "/patients", new RegExp(`href="/patients/(${UUID.source})"`), "therapist's caseload");
  const as = (client: AppClient, role: string, name: string, path: string, verify: (body: string) => boolean, accept = "text/html"): Target => ({
    name,
    as: role,
    method: "GET",
    path,
    headers: { cookie: cookieOf(client), accept },
    verify,
  });
  const targets: Target[] = [
    as(sessions.physician, "physician", "worklist", "/patients", page("My patients")),
    as(sessions.physician, "physician", "patient chart", `/patients/${chartId}`, page("Care team")),
    as(sessions.therapist, "therapist", "caseload", "/patients", page("My caseload")),
    as(sessions.therapist, "therapist", "adherence view", `/patients/${caseloadId}/adherence`, page("Adherence")),
    as(sessions.patient, "patient", "patient home", "/me", page("Check in")),
    as(sessions.physician, "physician", "outcomes dashboard", "/outcomes", page("Outcomes")),
    as(sessions.physician, "physician", "FHIR $everything", `/fhir/Patient/${chartId}/$everything`, (b) => b.startsWith('{"resourceType":"Bundle"'), "application/fhir+json"),
  ];
  for (const mode of writes) {
    const suffix = mode === "replay" ? "retry of one entry" : "new entry each";
    const runKey = mode === "replay" ? stableKey(patientEmail, "run") : randomUUID();
    // Inside every limit of the demo patient's clearance (20 min, effort 4, pain 3) and below the
    // pain rule's hold (peak pain 3): no breach, no alert. The weekly run count is the one limit
    // values cannot keep: in "new" mode every run after the week's third is saved as too many.
    const run = { kind: "run", idempotencyKey: runKey, date: today, minutes: "15", distanceKm: "2.5", rpe: "3", painBefore: "2", painDuring: "2", painAfter: "2", newNumbnessOrWeakness: false };
    targets.push(
      await actionTarget(base, sessions.patient, {
        name: `log a run (${suffix})`,
        pagePath: "/me/log",
        file: "(portal)/me/log/actions.ts",
        action: "logActivityAction",
        fields: { entry: JSON.stringify(run) },
        key: runKey,
        mode,
        verify: (b) => b.includes('{"ok":true') && b.includes('"alertCareTeam":false'),
      }),
    );
    const checkInKey = mode === "replay" ? stableKey(patientEmail, "check-in") : randomUUID();
    // Every warning sign answered no: the check-in must never leave the patient with a red flag.
    const checkIn = { idempotencyKey: checkInKey, painNow: "2", neuroWorse: "no", ...Object.fromEntries(patientRedFlagIds.map((id) => [`redFlags.${id}`, "no"])) };
    targets.push(
      await actionTarget(base, sessions.patient, {
        name: `daily check-in (${suffix})`,
        pagePath: "/me/check-in",
        file: "(portal)/me/check-in/actions.ts",
        action: "submitCheckInAction",
        fields: checkIn,
        key: checkInKey,
        mode,
        verify: (b) => b.includes('{"ok":true') && b.includes('"tier":null') && b.includes('"redFlags":[]'),
      }),
    );
  }
  return targets;
}

/** The ceiling: no session, so the page's only database read is the root layout's clinic settings. */
export function ceilingTarget(kib: number): Target {
  return { name: "ceiling (no database work)", as: "nobody", method: "GET", path: `/bench-ceiling?kb=${Math.max(1, Math.round(kib * 10) / 10)}`, headers: { accept: "text/html" }, verify: page("Benchmark ceiling") };
}
