import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/dal/session";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return (
    <section aria-labelledby="password-heading">
      <h1 id="password-heading" className="text-2xl font-semibold">Change password</h1>
      {user.mustChangePassword && (
        <p className="mt-2 max-w-xl rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
          You signed in with a one-time password. Choose your own password to continue.
        </p>
      )}
      <PasswordForm />
    </section>
  );
}
