import { PageSkeleton } from "@/lib/ui/skeleton";

/** Shown at once while the patient's day loads; the home page only (a questionnaire's not-found must stay a 404). */
export default function Loading() {
  return <PageSkeleton label="Your day" cards={4} />;
}
