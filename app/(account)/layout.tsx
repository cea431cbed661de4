import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/dal/session";
import { AppShell } from "@/lib/ui/app-shell";

export const dynamic = "force-dynamic";

/** Pages about one's own account; reachable while a one-time password still has to be changed. */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return <AppShell user={user}>{children}</AppShell>;
}
