import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the accounts load; the list page only (an unknown account must stay a 404). */
export default function Loading() {
  return <PageSkeleton label="Accounts" cards={1} table />;
}
