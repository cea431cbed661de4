import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the break-glass accesses load. */
export default function Loading() {
  return <PageSkeleton label="Break-glass review" cards={2} />;
}
