import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the day's log loads. */
export default function Loading() {
  return <PageSkeleton label="Your daily log" cards={2} narrow />;
}
