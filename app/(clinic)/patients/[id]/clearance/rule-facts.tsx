import { EXAM_VALID_DAYS, MAX_PAIN_AT_REST_FOR_FULL, MAX_PAIN_AT_REST_FOR_RESTRICTED, type SignedExamSummary } from "@/lib/domain/clearance";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { formatDateTime } from "@/lib/ui/format";

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-800">{term}</dt>
      <dd className="text-slate-700">{children}</dd>
    </>
  );
}

/** The facts lib/domain/clearance.ts weighs, so a refusal is never a surprise. */
export async function RuleFacts({ exam, redFlagCount }: { exam: SignedExamSummary | null; redFlagCount: number }) {
  const fmt = await getReaderFormat();
  return (
    <section aria-labelledby="facts-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="facts-heading" className="text-lg font-semibold">What the rules weigh</h2>
      <p className="mt-1 text-sm text-slate-700">
        Any clearance needs no unresolved red flag of either tier and an exam signed in the last {EXAM_VALID_DAYS} days. Both levels are checked against
        that exam: pain at rest of {MAX_PAIN_AT_REST_FOR_FULL}/10 or less for full clearance and {MAX_PAIN_AT_REST_FOR_RESTRICTED}/10 or less with limits,
        no motor deficit and no signs in both legs, unless the physician records an override reason.
      </p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <Fact term="Unresolved red flags">{redFlagCount === 0 ? "None" : redFlagCount}</Fact>
        <Fact term="Last signed exam">{exam ? formatDateTime(exam.signedAt, fmt) : "No signed exam"}</Fact>
        {exam && (
          <>
            <Fact term="Pain at rest">{exam.painNow}/10</Fact>
            <Fact term="Motor deficit">{exam.hasMotorDeficit ? "Yes" : "No"}</Fact>
            <Fact term="Signs in both legs">{exam.hasBilateralSigns ? "Yes" : "No"}</Fact>
          </>
        )}
      </dl>
    </section>
  );
}
