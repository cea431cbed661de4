import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the audit trail loads. */
export default function Loading() {
  return <PageSkeleton label="Audit trail" cards={1} table />;
}
