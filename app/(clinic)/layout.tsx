import { requireRole } from "@/lib/dal/session";
import { AppShell } from "@/lib/ui/app-shell";
import { QueryProvider } from "@/lib/ui/query-provider";

export const dynamic = "force-dynamic";

export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  const user = await requireRole("physician", "therapist");
  return (
    <AppShell user={user}>
      <QueryProvider>{children}</QueryProvider>
    </AppShell>
  );
}
