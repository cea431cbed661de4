import { requireRole } from "@/lib/dal/session";
import { AppShell } from "@/lib/ui/app-shell";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRole("admin");
  return <AppShell user={user}>{children}</AppShell>;
}
