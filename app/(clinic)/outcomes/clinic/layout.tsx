import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/dal/errors";
import { assertClinicOutcomes } from "@/lib/dal/outcomes";
import { requireRole } from "@/lib/dal/session";

/**
 * Before the skeleton streams: the whole clinic's figures are for a clinical lead, so anyone else
 * still gets a 404 (../not-found.tsx) and an audited denial.
 */
export default async function ClinicOutcomesLayout({ children }: { children: React.ReactNode }) {
  await requireRole("physician");
  await assertClinicOutcomes().catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return children;
}
