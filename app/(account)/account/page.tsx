import type { Metadata } from "next";
import { getReaderFormat } from "@/lib/dal/reader-format";
import Link from "next/link";
import { redirect } from "next/navigation";
import { roleLabel } from "@/lib/auth/roles";
import { getMyPreviousSignIn } from "@/lib/dal/accounts";
import { getCurrentUser } from "@/lib/dal/session";
import { formatDateTime } from "@/lib/ui/format";

export const metadata: Metadata = { title: "Your account" };

const linkClass = "inline-flex min-h-11 items-center font-medium text-brand-700 underline";

/** One's own account: what still has to be done before the rest of RunClear opens, and the links to do it. */
export default async function AccountPage() {
  const fmt = await getReaderFormat();
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const previous = await getMyPreviousSignIn();
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">Your account</h1>
      {user.setupStep === "confirmation" && (
        <section aria-labelledby="waiting-heading" className="rounded-lg border border-amber-400 bg-amber-50 p-4 text-amber-950">
          <h2 id="waiting-heading" className="font-semibold">Waiting for a second administrator</h2>
          <p className="mt-1">
            A new or changed staff account must be confirmed by an administrator other than the one who set it up before it
            opens patient records or administration. You can set up two-factor sign-in meanwhile. Ask another administrator at
            your clinic to confirm your account.
          </p>
        </section>
      )}
      <section aria-labelledby="you-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="you-heading" className="sr-only">Signed in as</h2>
        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          <div><dt className="text-slate-600">Name</dt><dd className="font-medium">{user.name}</dd></div>
          <div><dt className="text-slate-600">Email</dt><dd className="font-medium">{user.email}</dd></div>
          <div><dt className="text-slate-600">Role</dt><dd className="font-medium">{roleLabel[user.role]}</dd></div>
          <div>
            <dt className="text-slate-600">Two-factor sign-in</dt>
            <dd className="font-medium">{user.twoFactorEnabled ? "On" : user.setupStep === "two_factor" ? "Required: not set up yet" : "Off"}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-slate-600">Previous sign-in</dt>
            <dd className="font-medium">
              {previous ? `${formatDateTime(previous.at, fmt)}${previous.ip ? ` from ${previous.ip}` : ""}` : "None: this is your first sign-in."}
            </dd>
            <dd className="text-slate-700">If that was not you, change your password and tell your clinic.</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="security-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="security-heading" className="text-lg font-semibold">Sign-in</h2>
        <ul className="mt-2 space-y-1">
          <li><Link href="/account/password" className={linkClass}>Change password</Link></li>
          <li><Link href="/account/two-factor" className={linkClass}>Two-factor sign-in</Link></li>
        </ul>
      </section>
    </div>
  );
}
