"use client";

import { signOutTo } from "@/lib/auth/sign-out";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOutTo("/login")}
      className="min-h-11 rounded-md border border-white/40 px-3 text-sm font-medium text-white hover:bg-white/10"
    >
      Sign out
    </button>
  );
}
