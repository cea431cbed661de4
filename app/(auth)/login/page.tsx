import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { landingPath } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/dal/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage() {
  const user = await getCurrentUser();
  if (user) redirect(landingPath(user));
  return (
    <main className="flex min-h-screen items-start justify-center px-4 py-12 sm:items-center">
      <div className="w-full max-w-sm">
        <p className="text-center text-2xl font-bold tracking-tight text-brand-800">RunClear</p>
        <p className="mt-1 text-center text-sm text-slate-600">Sciatica care for runners</p>
        <div className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold">Sign in</h1>
          <LoginForm />
        </div>
        <p className="mt-6 text-center text-xs text-slate-600">
          For clinical use by authorised staff and their patients. Access is recorded.
        </p>
      </div>
    </main>
  );
}
