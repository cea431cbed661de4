"use client";

import { useState } from "react";
import { signOutTo } from "@/lib/auth/sign-out";

export function SignOutButton() {
  const [leaving, setLeaving] = useState(false);
  return (
    <button
      type="button"
      disabled={leaving}
      onClick={() => {
        setLeaving(true);
        // signOutTo ends in a full page load, which also drops the tab's query cache: nothing this
        // account read stays in memory for whoever comes next.
        void signOutTo("/login");
      }}
      className="min-h-11 rounded-md border border-white/40 px-3 text-sm font-medium text-white hover:bg-white/10"
    >
      Sign out
    </button>
  );
}
