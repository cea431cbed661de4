import { orNotFound } from "@/lib/ui/or-not-found";
import { assertClinicOutcomes } from "@/lib/dal/outcomes";
import { requireRole } from "@/lib/dal/session";

/**
 * Before the skeleton streams: the whole clinic's figures are for a clinical lead, so anyone else
 * still gets a 404 (../not-found.tsx) and an audited denial.
 */
export default async function ClinicOutcomesLayout({ children }: { children: React.ReactNode }) {
  await requireRole("physician");
  await orNotFound(assertClinicOutcomes());
  return children;
}
