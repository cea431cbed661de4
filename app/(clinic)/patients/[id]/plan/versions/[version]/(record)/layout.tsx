import { notFound } from "next/navigation";
import { assertPlanVersion } from "@/lib/dal/plans";
import { requireRole } from "@/lib/dal/session";
import { orNotFound } from "@/lib/ui/or-not-found";

/**
 * Before the version's skeleton streams: the chart may be read and the version was saved, so a
 * version never saved still answers 404 (../not-found.tsx).
 */
export default async function PlanVersionLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string; version: string }> }) {
  await requireRole("physician", "therapist");
  const { id, version } = await params;
  // Digits only: Number() would also accept "", "1e1" or " 2 ".
  if (!/^\d{1,9}$/.test(version)) notFound();
  await orNotFound(assertPlanVersion(id, Number(version)));
  return children;
}
