import type { Metadata } from "next";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { requireRole } from "@/lib/dal/session";
import { formatDayOf } from "@/lib/ui/format";
import { getMyRecord } from "@/lib/dal/patients";
import { getMyDay } from "@/lib/dal/activity";
import { getMyQuestionnaires } from "@/lib/dal/questionnaires";
import { questionnaireShortNames, questionnaireSlugs } from "@/lib/domain/questionnaires";
import Link from "next/link";
import { episodeStatusLabel } from "@/lib/ui/episode-status-badge";
import { PermissionCard } from "@/lib/ui/permission-card";
import { ProgrammeCard } from "../programme-card";

export const metadata: Metadata = { title: "Today" };

export default async function MyHomePage() {
  await requireRole("patient");
  const [record, day, fmt, questionnaires] = await Promise.all([getMyRecord(), getMyDay(), getReaderFormat(), getMyQuestionnaires()]);
  const done = day.items.filter((i) => i.status === "done").length;
  // An open red flag is what to do today: its card comes first.
  const redFlag = record.care.permission.status === "paused" && record.care.permission.reason.code === "red_flag_open";
  const permission = <PermissionCard care={record.care} settings={record.settings} emergencyAdvice={false} />;
  return (
    <section aria-labelledby="me-heading" className="space-y-4">
      <h1 id="me-heading" className="text-2xl font-semibold">
        Hello, {record.name.split(" ")[0]}
      </h1>
      {redFlag && permission}
      {/* On a phone the first screen holds today's plan and the way to emergency help. */}
      <Link
        href="/me/emergency"
        className="flex min-h-12 items-center justify-between gap-3 rounded-lg border-2 border-red-700 bg-red-50 px-4 py-2 font-semibold text-red-900 hover:bg-red-100"
      >
        <span>
          <span aria-hidden="true">⚠ </span>Emergency signs: when to call {record.settings.emergencyNumber} at once
        </span>
        <span aria-hidden="true">→</span>
      </Link>
      <section aria-labelledby="today-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="today-heading" className="text-lg font-semibold">What to do today</h2>
        <p className="mt-1 text-sm font-medium">{day.runningHeadline}</p>
        <ul className="mt-2 space-y-1 text-sm">
          {day.running.map((r) => (
            <li key={r.state.key} className={r.allowed ? undefined : "font-semibold text-red-800"}>
              {r.allowed ? `○ ${r.name}: ${r.allowed}` : `⏸ ${r.name}: paused, do not run for now`}
            </li>
          ))}
          {day.items.map((i) => (
            <li key={i.key}>
              <span aria-hidden="true">{i.status === "done" ? "✓ " : i.status === "partial" ? "◐ " : i.status === "skipped" ? "– " : "○ "}</span>
              {i.name}
              <span className="sr-only">{i.status === "done" ? " (done)" : i.status === "partial" ? " (partly done)" : i.status === "skipped" ? " (skipped)" : ""}</span>
            </li>
          ))}
        </ul>
        {day.items.length > 0 && (
          <p className="mt-2 text-sm text-slate-700">
            {done} of {day.items.length} plan items done today.
          </p>
        )}
        <div className="mt-3 flex flex-wrap gap-2">
          <Link href="/me/log" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
            Log today
          </Link>
          <Link href="/me/plan" className="inline-flex min-h-11 items-center rounded-md border border-slate-400 bg-white px-4 font-semibold text-slate-900 hover:bg-slate-50">
            See my whole plan
          </Link>
        </div>
      </section>
      <ProgrammeCard day={day} />
      {questionnaires.due.length > 0 && (
        <section aria-labelledby="questionnaires-heading" className="rounded-lg border-2 border-brand-700 bg-white p-4">
          <h2 id="questionnaires-heading" className="text-lg font-semibold">
            {questionnaires.due.length === 1 ? "A short questionnaire is due" : "Short questionnaires are due"}
          </h2>
          <p className="mt-1 text-sm text-slate-700">They show your care team how your recovery is going. About 5 minutes each; you can stop and finish later.</p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {questionnaires.due.map((q) => (
              <li key={q.kind}>
                <Link href={`/me/questionnaires/${questionnaireSlugs[q.kind]}`} className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
                  {q.started ? "Finish" : "Start"} {questionnaireShortNames[q.kind]}
                  {q.reason === "requested" && <span className="ml-1 font-normal">(your care team asked)</span>}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {!redFlag && permission}
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-lg font-semibold">My care</h2>
        <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-600">Episode</dt>
            <dd className="font-medium">
              {record.episodeStatus ? episodeStatusLabel(record.episodeStatus) : "No open episode"}
              {record.episodeOpenedAt && record.episodeStatus !== "awaiting_exam" && ` since ${formatDayOf(record.episodeOpenedAt, fmt)}`}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Care team</dt>
            <dd className="font-medium">{record.careTeam.length ? record.careTeam.map((m) => m.name).join(", ") : "Not assigned yet"}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Running before this episode</dt>
            <dd className="font-medium">{record.weeklyDistanceKm} km a week</dd>
          </div>
          <div>
            <dt className="text-slate-600">My goal</dt>
            <dd className="font-medium">{record.runningGoal || "Not set"}</dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
