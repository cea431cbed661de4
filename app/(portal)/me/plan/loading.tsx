import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the plan loads. */
export default function Loading() {
  return <PageSkeleton label="Your plan" cards={3} />;
}
