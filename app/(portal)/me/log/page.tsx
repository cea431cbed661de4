import type { Metadata } from "next";
import { getMyDay } from "@/lib/dal/activity";
import { requireRole } from "@/lib/dal/session";
import { DayLog } from "./day-log";

export const metadata: Metadata = { title: "Daily log" };

export default async function DailyLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole("patient");
  const { date } = await searchParams;
  const day = await getMyDay({ date: typeof date === "string" ? date : undefined });
  return (
    <section aria-labelledby="log-heading" className="max-w-2xl space-y-4">
      <h1 id="log-heading" className="text-2xl font-semibold">Daily log</h1>
      <DayLog initial={day} />
    </section>
  );
}
