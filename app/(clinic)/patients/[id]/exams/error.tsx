"use client";

import { useParams } from "next/navigation";
import { ErrorPanel } from "@/lib/ui/error-panel";

export default function ChartSectionError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { id } = useParams<{ id: string }>();
  return <ErrorPanel error={error} title="The examination could not be shown" reset={reset} back={{ href: `/patients/${id}`, label: "Back to the chart" }} />;
}
