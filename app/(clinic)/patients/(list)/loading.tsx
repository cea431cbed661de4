import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the worklist or the caseload loads; the list page only (a chart's not-found must stay a 404). */
export default function Loading() {
  return <PageSkeleton label="Your patients" cards={2} table />;
}
