import { requireRole } from "@/lib/dal/session";
import { AppShell } from "@/lib/ui/app-shell";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRole("patient");
  return (
    // No query client here: only the daily log uses one, and the patient's other pages (the home
    // above all, opened on a phone) need not load TanStack Query (README, Client weight).
    <AppShell user={user}>{children}</AppShell>
  );
}
