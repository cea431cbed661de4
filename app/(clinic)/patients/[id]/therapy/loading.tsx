import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the therapy sessions loads; its layout has already checked that it may be seen. */
export default function Loading() {
  return <PageSkeleton label="The therapy sessions" cards={3} />;
}
