import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the plan version loads; its layout has already checked that it may be seen. */
export default function Loading() {
  return <PageSkeleton label="The plan version" cards={3} />;
}
