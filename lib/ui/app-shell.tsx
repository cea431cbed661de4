import Link from "next/link";
import type { CurrentUser } from "@/lib/dal/session";
import { roleLabel, type Role } from "@/lib/auth/roles";
import { NavLinks, type NavItem } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

const navByRole: Record<Role, NavItem[]> = {
  physician: [
    { href: "/patients", label: "My patients" },
    { href: "/outcomes", label: "Outcomes" },
    { href: "/emergency-access", label: "Emergency access" },
  ],
  therapist: [{ href: "/patients", label: "My caseload" }],
  patient: [
    { href: "/me", label: "Today" },
    { href: "/me/plan", label: "My plan" },
    { href: "/me/log", label: "Daily log" },
    { href: "/me/check-in", label: "Check in" },
    { href: "/me/progress", label: "My progress" },
    { href: "/me/emergency", label: "Emergency signs", danger: true },
    { href: "/me/access", label: "Who opened my record" },
  ],
  admin: [
    { href: "/admin", label: "Accounts" },
    { href: "/admin/emergency-access", label: "Break-glass review" },
    { href: "/admin/audit", label: "Audit trail" },
    { href: "/admin/settings", label: "Clinic settings" },
  ],
};

/** The frame of every signed-in page: who is signed in, what they can reach, sign out. */
export function AppShell({ user, children }: { user: CurrentUser; children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <a href="#main" data-print="hide" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header data-print="hide" className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <Link href="/" className="text-lg font-bold tracking-tight">
            RunClear
          </Link>
          <div className="flex items-center gap-3">
            <p className="text-right text-sm leading-tight">
              <span className="block font-medium" data-testid="signed-in-name">
                {user.name}
              </span>
              <span className="block text-white/80">{roleLabel[user.role]}</span>
            </p>
            <Link href="/account" className="inline-flex min-h-11 items-center text-sm text-white underline-offset-2 hover:underline">
              Account
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <nav aria-label="Main" data-print="hide" className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap gap-1 px-2">
          <NavLinks items={user.setupStep ? [] : navByRole[user.role]} />
        </div>
      </nav>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
