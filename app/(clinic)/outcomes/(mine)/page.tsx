import type { Metadata } from "next";
import { OutcomesDashboardPage, type Search } from "../dashboard";

export const metadata: Metadata = { title: "Outcomes" };

/** The outcomes of the physician's own care teams. */
export default function MyOutcomesPage({ searchParams }: { searchParams: Promise<Search> }) {
  return <OutcomesDashboardPage scope="mine" searchParams={searchParams} />;
}
