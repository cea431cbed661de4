import type { Role } from "@/lib/auth/roles";
import { orNotFound } from "@/lib/ui/or-not-found";
import { assertChartAccess } from "@/lib/dal/patients";
import { requireRole } from "@/lib/dal/session";

type ChartLayout = (props: { children: React.ReactNode; params: Promise<{ id: string }> }) => Promise<React.ReactNode>;

/**
 * The chart's access check, made before a skeleton (loading.tsx) is sent: a chart that does not
 * exist or is out of reach must answer 404, and once a skeleton has streamed the status is 200.
 * Every chart route with a skeleton has a layout made here (a layout wraps its own loading.tsx);
 * the page makes the same check again from the request's cache.
 */
export function chartAccessLayout(...roles: Role[]): ChartLayout {
  return async function ChartAccessLayout({ children, params }) {
    await requireRole(...roles);
    const { id } = await params;
    await orNotFound(assertChartAccess(id));
    return children;
  };
}

/** Physicians and therapists on the care team. */
export default chartAccessLayout("physician", "therapist");
