import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/dal/session";
import { homeFor } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

/** `/` sends each role to its own home. */
export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  redirect(user.mustChangePassword ? "/account/password" : homeFor(user.role));
}
