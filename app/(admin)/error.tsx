"use client";

import { ErrorPanel } from "@/lib/ui/error-panel";

export default function SectionError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel error={error} title="This page could not be shown" reset={reset} />;
}
