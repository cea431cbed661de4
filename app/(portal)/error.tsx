"use client";

import { ErrorPanel } from "@/lib/ui/error-panel";

export default function SectionError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="This page could not be shown" reset={reset} />;
}
