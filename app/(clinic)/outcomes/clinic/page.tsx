import type { Metadata } from "next";
import { OutcomesDashboardPage, type Search } from "../dashboard";

export const metadata: Metadata = { title: "Outcomes, whole clinic" };

/** Every patient of the clinic, for a clinical lead. */
export default function ClinicOutcomesPage({ searchParams }: { searchParams: Promise<Search> }) {
  return <OutcomesDashboardPage scope="clinic" searchParams={searchParams} />;
}
