import type { Metadata } from "next";
import { getReaderFormat } from "@/lib/dal/reader-format";
import Link from "next/link";
import { Suspense } from "react";
import { getClearance } from "@/lib/dal/clearance";
import { getDiagnoses } from "@/lib/dal/diagnoses";
import { getExam, listExams } from "@/lib/dal/exams";
import { getPlan } from "@/lib/dal/plans";
import { listReferrals } from "@/lib/dal/referrals";
import { getPatientChart } from "@/lib/dal/patients";
import { listRedFlagAlerts } from "@/lib/dal/red-flags";
import { requireRole } from "@/lib/dal/session";
import { mayRun } from "@/lib/domain/care-state";
import { legSymptomLabels, type LegSymptom } from "@/lib/domain/check-in";
import { healBlocker, permissionLabel } from "@/lib/domain/permission-wording";
import { listKnownSymptoms } from "@/lib/dal/red-flags";
import { CareAlertList, PermissionBadge, RedFlagBadge } from "@/lib/ui/clearance-badge";
import { StateInForce } from "@/lib/ui/state-in-force";
import { EpisodeStatusBadge } from "@/lib/ui/episode-status-badge";
import { formatDate, formatDateTime, sexLabel } from "@/lib/ui/format";
import { AcknowledgeRedFlagForm } from "../acknowledge-red-flag-form";
import { HealEpisodeForm } from "../heal-episode-form";
import { orNotFound } from "@/lib/ui/or-not-found";
import { ReopenEpisodeForm } from "../reopen-episode-form";
import { ResolveRedFlagForm } from "../resolve-red-flag-form";
import { ChartSummary } from "../chart-summary";
import { OutcomeScores } from "../outcome-scores";
import { WalkRunCard } from "../walk-run-card";
import { AdherenceCard } from "../adherence-card";
import { RunsCard } from "../runs-card";
import { CardSkeleton } from "@/lib/ui/skeleton";
import { NewExamButton } from "../new-exam-button";
import { visitFromRecord, VisitStepper } from "../visit-stepper";

export const metadata: Metadata = { title: "Chart" };

const card = "rounded-lg border border-slate-200 bg-white p-4";

export default async function ChartPage({ params }: { params: Promise<{ id: string }> }) {
  const fmt = await getReaderFormat();
  const user = await requireRole("physician", "therapist");
  const { id } = await params;
  const chart = await orNotFound(getPatientChart(id));
  // What the header, the visit stepper and the summary cards need, read together; the cards below
  // with reads of their own (scores, walk/run, adherence, runs) stream in their own Suspense.
  const [exams, diagnoses, clearance, alerts, plan, referrals, knownSymptoms] = await Promise.all([
    listExams(id),
    getDiagnoses(id),
    getClearance(id),
    listRedFlagAlerts(id),
    getPlan(id),
    listReferrals(id),
    listKnownSymptoms(id),
  ]);
  const { care } = chart;
  const openEscalations = referrals.escalations.filter((r) => r.status === "requested" || r.status === "scheduled");
  // Open red flags as the state in force counts them, so the banner, badge and heal block agree.
  const openFlagCount = care.openRedFlags.length;
  const emergencyOpen = care.redFlagTier === "emergency";
  const canWrite = user.role === "physician" && chart.accessVia === "care_team";
  const diagnosis = diagnoses[0];
  const lastSigned = exams.find((e) => e.status === "signed");
  const lastExam = lastSigned ? await getExam(id, lastSigned.id) : null;
  const visit = canWrite ? visitFromRecord({ exams, diagnoses, clearance, plan, referrals }) : null;

  return (
    <article aria-labelledby="chart-heading" className="space-y-4">
      {chart.accessVia === "emergency" && (
        <p role="status" className="rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 font-medium text-red-900">
          Emergency access: you are not on this patient&apos;s care team. This access is recorded and the care team is told
          {chart.emergencyAccessUntil ? `. It ends at ${formatDateTime(chart.emergencyAccessUntil, fmt)}.` : "."} You can read this chart but not change it.
        </p>
      )}
      {openFlagCount > 0 && (
        <section aria-labelledby="red-flag-banner" className="rounded-md border-2 border-red-700 bg-red-700 p-4 text-white">
          <h2 id="red-flag-banner" className="text-lg font-bold">
            {emergencyOpen ? "Emergency red flag: emergency care now" : "Urgent red flag: same-day medical review"}
          </h2>
          <p className="mt-1">
            This patient has {openFlagCount === 1 ? "an unresolved red flag" : `${openFlagCount} unresolved red flags`}. No clearance is in force and the patient is told not to run
            until a physician records how it was resolved and decides the clearance again.
          </p>
        </section>
      )}

      <header className={card}>
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="chart-heading" className="text-2xl font-semibold">{chart.name}</h1>
          <EpisodeStatusBadge status={chart.episode?.status ?? null} />
          <PermissionBadge label={permissionLabel(care.permission)} mayRun={mayRun(care.permission)} />
          <RedFlagBadge count={openFlagCount} tier={care.redFlagTier} />
        </div>
        <div className="mt-2">
          <CareAlertList alerts={care.alerts} />
        </div>
        <p className="mt-1 text-sm text-slate-700">
          {chart.age} years · {sexLabel[chart.sex]} · born {formatDate(chart.dateOfBirth, fmt)} · MRN <span className="tabular-nums">{chart.mrn}</span>
        </p>
      </header>

      <VisitStepper patientId={chart.id} visit={visit} timeZone={chart.timeZone} />
      <ChartSummary exam={lastExam} diagnosis={diagnosis} care={care} plan={plan.current} />

      {alerts.length > 0 && (
        <section aria-labelledby="alerts-heading" className={card}>
          <h2 id="alerts-heading" className="text-lg font-semibold">Red flags</h2>
          <ul className="mt-2 space-y-4">
            {alerts.map((a) => (
              <li key={a.id} className={a.resolvedAt ? "text-sm text-slate-700" : "rounded-md border border-red-300 bg-red-50 p-3"}>
                <p className="font-medium">
                  {a.resolvedAt ? "Resolved: " : a.tier === "emergency" ? "Emergency: " : "Urgent: "}
                  {a.flags.map((f) => f.label).join("; ")}
                </p>
                <p className="text-sm text-slate-700">
                  Raised {formatDateTime(a.raisedAt, fmt)} from {a.source === "exam" ? "an examination" : "the patient's check-in"}
                  {a.acknowledgedAt && ` · acknowledged ${formatDateTime(a.acknowledgedAt, fmt)}${a.acknowledgedByName ? ` by ${a.acknowledgedByName}` : ""}`}
                  {a.resolvedAt && ` · resolved ${formatDateTime(a.resolvedAt, fmt)} by ${a.resolvedByName}: ${a.resolution}`}
                </p>
                {a.checkIn && (
                  <p className="mt-1 text-sm text-slate-800">
                    The patient answered yes to: {a.flags.map((f) => f.label).join("; ")}. Pain {a.checkIn.painNow}/10
                    {a.checkIn.legSymptoms.length > 0 && ` · ${a.checkIn.legSymptoms.map((l) => legSymptomLabels[l as LegSymptom] ?? l).join(", ").toLowerCase()}`}
                    {a.checkIn.neuroWorse && " · numbness or weakness new or worse"}.
                  </p>
                )}
                {!a.resolvedAt && !a.acknowledgedAt && (
                  <p className="mt-1 font-semibold text-red-800">Reported by the patient and not yet acknowledged by a physician.</p>
                )}
                {!a.resolvedAt && !a.acknowledgedAt && canWrite && <AcknowledgeRedFlagForm patientId={chart.id} alertId={a.id} />}
                {!a.resolvedAt && canWrite && <ResolveRedFlagForm key={a.acknowledgedAt?.toISOString() ?? "new"} patientId={chart.id} alertId={a.id} flags={a.flags} />}
              </li>
            ))}
          </ul>
        </section>
      )}

      {chart.emergencyAccesses.length > 0 && (
        <section aria-labelledby="emergency-heading" className="rounded-lg border border-amber-400 bg-amber-50 p-4">
          <h2 id="emergency-heading" className="font-semibold text-amber-950">Emergency access to this chart</h2>
          <ul className="mt-2 space-y-2 text-sm text-amber-950">
            {chart.emergencyAccesses.map((a) => (
              <li key={a.grantedAt.toISOString()}>
                <span className="font-medium">{a.physicianName}</span> opened this chart on {formatDateTime(a.grantedAt, fmt)}: “{a.reason}”
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="clearance-heading" className={card}>
          <h2 id="clearance-heading" className="text-lg font-semibold">Clearance to run</h2>
          <div className="mt-2"><StateInForce care={care} /></div>
          {clearance.current ? (
            <p className="mt-1 text-sm text-slate-700">
              Latest decision: version {clearance.current.version}, signed by {clearance.current.signedByName} on {formatDateTime(clearance.current.signedAt, fmt)}
            </p>
          ) : (
            <p className="mt-1 text-sm text-slate-700">No clearance decision yet.</p>
          )}
          {knownSymptoms.length > 0 && (
            <p className="mt-1 text-sm text-slate-700">
              Long-standing and assessed: {knownSymptoms.map((k) => k.label).join("; ")}. Check-ins ask only whether these got worse.
            </p>
          )}
          <div className="mt-3 flex flex-wrap gap-x-6">
            <Link href={`/patients/${chart.id}/clearance`} className="inline-flex min-h-11 items-center text-brand-700 underline">
              {canWrite ? "Decide clearance and see history" : "See clearance and history"}
            </Link>
            {canWrite && (
              <Link href={`/patients/${chart.id}/clearance/letter`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                Letter for a coach
              </Link>
            )}
          </div>
        </section>

        <section aria-labelledby="diagnosis-heading" className={card}>
          <h2 id="diagnosis-heading" className="text-lg font-semibold">Diagnosis</h2>
          {diagnosis ? (
            <div className="mt-2 text-sm">
              <p className="font-medium">{diagnosis.label}</p>
              <p className="text-slate-700">
                ICD-10-CM {diagnosis.icd10Code ?? "not coded here"} · {diagnosis.side} side{diagnosis.level ? ` · ${diagnosis.level}` : ""} · confirmed{" "}
                {diagnosis.confirmation === "imaging" ? "by imaging" : "clinically"}
              </p>
            </div>
          ) : (
            <p className="mt-2 text-sm text-slate-700">No diagnosis recorded yet.</p>
          )}
          <Link href={`/patients/${chart.id}/diagnosis`} className="mt-3 inline-flex min-h-11 items-center text-brand-700 underline">
            {canWrite ? "Record or update the diagnosis" : "See diagnosis history"}
          </Link>
        </section>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="plan-heading" className={card}>
          <h2 id="plan-heading" className="text-lg font-semibold">Care plan</h2>
          {plan.current ? (
            <p className="mt-2 text-sm text-slate-700">
              Version {plan.current.version}: {plan.current.plan.items.length} items over {plan.current.plan.courseWeeks} weeks from{" "}
              {formatDate(plan.current.plan.startDate, fmt)} · saved by {plan.current.createdByName} on {formatDateTime(plan.current.createdAt, fmt)}
            </p>
          ) : (
            <p className="mt-2 text-sm text-slate-700">No plan yet.</p>
          )}
          <div className="mt-3 flex flex-wrap gap-x-6">
            <Link href={`/patients/${chart.id}/plan`} className="inline-flex min-h-11 items-center text-brand-700 underline">
              {canWrite ? "Edit the plan and see its versions" : "See the plan and its versions"}
            </Link>
            {chart.accessVia === "care_team" && plan.current && (
              <Link href={`/patients/${chart.id}/plan/print`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                Print the plan
              </Link>
            )}
          </div>
        </section>
        <section aria-labelledby="referrals-summary-heading" className={card}>
          <h2 id="referrals-summary-heading" className="text-lg font-semibold">Referrals</h2>
          <ul className="mt-2 space-y-1 text-sm text-slate-700">
            {referrals.therapy.slice(0, 1).map((r) => (
              <li key={r.id}>
                Physical therapy with {r.therapistName}: {r.sessionsPerWeek}× a week for {r.weeks} weeks
                {chart.accessVia === "care_team" && (
                  <>
                    {" · "}
                    <Link href={`/patients/${chart.id}/referrals/${r.id}/print`} className="text-brand-700 underline">
                      print the letter
                    </Link>
                  </>
                )}
              </li>
            ))}
            {openEscalations.length > 0 && <li>{openEscalations.length} open escalation {openEscalations.length === 1 ? "referral" : "referrals"}</li>}
            {referrals.therapy.length === 0 && openEscalations.length === 0 && <li>No open referrals.</li>}
          </ul>
          <Link href={`/patients/${chart.id}/referrals`} className="mt-3 inline-flex min-h-11 items-center text-brand-700 underline">
            {canWrite ? "Refer or update referrals" : "See referrals"}
          </Link>
        </section>
      </div>

      <Suspense fallback={<CardSkeleton label="Outcome scores" lines={4} height="h-72" />}>
        <OutcomeScores patientId={chart.id} canAsk={chart.accessVia === "care_team"} />
      </Suspense>
      <Suspense fallback={<CardSkeleton label="Walk/run programme" lines={4} />}>
        <WalkRunCard patientId={chart.id} canSignOff={canWrite} canSetStage={chart.accessVia === "care_team"} />
      </Suspense>
      <Suspense fallback={<CardSkeleton label="Adherence and follow-up" lines={4} />}>
        <AdherenceCard
          patientId={chart.id}
          therapyLabel={user.role === "therapist" && chart.accessVia === "care_team" ? "Record therapy sessions and adjust doses" : "See therapy sessions"}
        />
      </Suspense>
      <Suspense fallback={<CardSkeleton label="Runs logged in the last 4 weeks" lines={4} />}>
        <RunsCard patientId={chart.id} />
      </Suspense>

      <section aria-labelledby="exams-heading" className={card}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="exams-heading" className="text-lg font-semibold">Examinations</h2>
          {canWrite && <NewExamButton patientId={chart.id} />}
        </div>
        {exams.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No examinations yet: the patient is awaiting their first exam.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200">
            {exams.map((e) => (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <Link href={`/patients/${chart.id}/exams/${e.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {e.status === "signed" ? `Signed ${formatDateTime(e.signedAt!, fmt)}` : `Draft started ${formatDateTime(e.createdAt, fmt)}`}
                </Link>
                <span className="text-slate-700">
                  {e.authorName}
                  {e.painNow !== null && ` · pain ${e.painNow}/10`}
                  {e.suggestedLevel && ` · suggested ${e.suggestedLevel}`}
                </span>
                {e.redFlagCount > 0 && <RedFlagBadge count={e.redFlagCount} />}
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="episode-heading" className={card}>
          <h2 id="episode-heading" className="text-lg font-semibold">Episode</h2>
          <p className="mt-2 text-sm">
            <EpisodeStatusBadge status={chart.episode?.status ?? null} />{" "}
            {chart.episode && chart.episode.status !== "awaiting_exam" && `opened ${formatDateTime(chart.episode.openedAt, fmt)}`}
            {chart.episode?.resolvedAt && ` · healed ${formatDateTime(chart.episode.resolvedAt, fmt)}`}
          </p>
          {canWrite && chart.episode?.status === "active" && (
            <HealEpisodeForm patientId={chart.id} blockedBy={healBlocker(care.permission)} />
          )}
          {canWrite && chart.episode?.status === "healed" && <ReopenEpisodeForm patientId={chart.id} />}
        </section>
        <section aria-labelledby="team-heading" className={card}>
          <h2 id="team-heading" className="text-lg font-semibold">Care team and running</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {chart.careTeam.map((m) => (
              <li key={m.userId}>
                <span className="font-medium">{m.name}</span> — {m.role === "physician" ? "physician" : "physical therapist"}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-slate-700">
            Usual {chart.weeklyDistanceKm} km a week · goal: {chart.runningGoal || "not recorded"}
          </p>
          <p className="text-sm text-slate-700">
            {chart.email ?? "No email"} · {chart.phone ?? "No phone"} · {chart.timeZone}
          </p>
        </section>
      </div>
    </article>
  );
}
