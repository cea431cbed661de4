"use client";

import { ErrorPanel } from "@/lib/ui/error-panel";

export default function OutcomesError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel error={error} title="The outcomes dashboard could not be shown" reset={reset} />;
}
