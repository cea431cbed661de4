import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the progress and its charts load. */
export default function Loading() {
  return <PageSkeleton label="Your progress" cards={3} />;
}
