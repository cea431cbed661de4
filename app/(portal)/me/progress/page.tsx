import type { Metadata } from "next";
import { getMyProgress } from "@/lib/dal/progress";
import { requireRole } from "@/lib/dal/session";
import { LazyProgressCharts } from "./progress-charts-lazy";

export const metadata: Metadata = { title: "My progress" };

export default async function ProgressPage() {
  await requireRole("patient");
  const progress = await getMyProgress();
  return (
    <section aria-labelledby="progress-heading" className="max-w-3xl space-y-4">
      <h1 id="progress-heading" className="text-2xl font-semibold">My progress</h1>
      <LazyProgressCharts progress={progress} />
    </section>
  );
}
