import { assertChartAccess } from "@/lib/dal/patients";
import { requireRole } from "@/lib/dal/session";
import { orNotFound } from "./load";

/**
 * The chart's access check, made before a skeleton (loading.tsx) is sent: a chart that does not
 * exist or is out of reach must answer 404, and once a skeleton has streamed the status is 200.
 * Every chart route with a skeleton has a layout that is this one (a layout wraps its own
 * loading.tsx); the page makes the same check again from the request's cache.
 */
export default async function ChartAccessLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requireRole("physician", "therapist");
  const { id } = await params;
  await orNotFound(assertChartAccess(id));
  return children;
}
