import type { Metadata } from "next";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { getMyDay } from "@/lib/dal/activity";
import { requireRole } from "@/lib/dal/session";
import { myDayQuery } from "@/lib/queries/my-day";
import { getQueryClient } from "@/lib/ui/query-client";
import { QueryProvider } from "@/lib/ui/query-provider";
import { DayLog } from "./day-log";

export const metadata: Metadata = { title: "Daily log" };

export default async function DailyLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole("patient");
  const { date } = await searchParams;
  // The day the page opens on (today unless ?date= names one it may log); the browser asks for the others.
  const day = await getMyDay({ date: typeof date === "string" ? date : undefined });
  const queryClient = getQueryClient();
  queryClient.setQueryData(myDayQuery(day.date).queryKey, day);
  return (
    <section aria-labelledby="log-heading" className="max-w-2xl space-y-4">
      <h1 id="log-heading" className="text-2xl font-semibold">Daily log</h1>
      <QueryProvider>
        <HydrationBoundary state={dehydrate(queryClient)}>
          <DayLog initialDate={day.date} />
        </HydrationBoundary>
      </QueryProvider>
    </section>
  );
}
