import { requireRole } from "@/lib/dal/session";

/** Before the skeleton streams: the dashboard is for physicians; anyone else gets 404. */
export default async function MyOutcomesLayout({ children }: { children: React.ReactNode }) {
  await requireRole("physician");
  return children;
}
