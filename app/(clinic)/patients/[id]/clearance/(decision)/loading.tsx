import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the clearance page loads; its layout has already checked that it may be seen. */
export default function Loading() {
  return <PageSkeleton label="The clearance" cards={4} />;
}
