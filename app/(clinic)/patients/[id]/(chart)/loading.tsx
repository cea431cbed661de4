import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while a chart loads; its layout has already checked that the chart may be seen. */
export default function Loading() {
  return <PageSkeleton label="The chart" cards={4} />;
}
