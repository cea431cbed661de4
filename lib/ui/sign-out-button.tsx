"use client";

import { useState } from "react";
import { signOutTo } from "@/lib/auth/sign-out";
import { getQueryClient } from "@/lib/ui/query-client";

export function SignOutButton() {
  const [leaving, setLeaving] = useState(false);
  return (
    <button
      type="button"
      disabled={leaving}
      onClick={() => {
        setLeaving(true);
        // Nothing this account read stays in the tab's query cache for whoever comes next.
        getQueryClient().clear();
        void signOutTo("/login");
      }}
      className="min-h-11 rounded-md border border-white/40 px-3 text-sm font-medium text-white hover:bg-white/10"
    >
      Sign out
    </button>
  );
}
