import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the clinic settings load. */
export default function Loading() {
  return <PageSkeleton label="Clinic settings" cards={2} narrow />;
}
