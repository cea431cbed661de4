import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the care plan loads; its layout has already checked that it may be seen. */
export default function Loading() {
  return <PageSkeleton label="The care plan" cards={4} />;
}
