import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the emergency access page loads. */
export default function Loading() {
  return <PageSkeleton label="Emergency access" cards={2} narrow />;
}
