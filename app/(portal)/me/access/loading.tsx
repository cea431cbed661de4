import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the record's access log loads. */
export default function Loading() {
  return <PageSkeleton label="Who opened your record" cards={1} table />;
}
