import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the check-in form loads. */
export default function Loading() {
  return <PageSkeleton label="Check-in" cards={2} narrow />;
}
