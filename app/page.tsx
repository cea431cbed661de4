import { redirect } from "next/navigation";
import { landingPath } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/dal/session";

export const dynamic = "force-dynamic";

/** `/` sends each role to its own home. */
export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  redirect(landingPath(user));
}
