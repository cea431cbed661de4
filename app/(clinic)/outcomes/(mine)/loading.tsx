import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the figures load; the layout has already checked who may see them. */
export default function Loading() {
  return <PageSkeleton label="The outcomes" cards={4} />;
}
