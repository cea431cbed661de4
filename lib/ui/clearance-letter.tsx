import type { ClearanceLetter } from "@/lib/dal/documents";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { limitsOf } from "@/lib/domain/permission-wording";
import { formatDate, formatDayOf } from "./format";

function statement(letter: ClearanceLetter): string {
  const name = letter.runnerName;
  switch (letter.status) {
    case "cleared":
      return `${name} is cleared to run, without limits.`;
    case "cleared_with_limits":
      return `${name} is cleared to run, within the limits below.`;
    case "back_to_training":
      return `${name} may run, building back up to their usual training gradually.`;
    case "not_cleared":
      return `${name} is not cleared to run at present.`;
  }
}

/**
 * The letter a runner shows a coach: may run, may not, or may within limits; who decided, when,
 * and until when. It states the clearance in force when printed and nothing of the runner's health.
 */
export async function ClearanceLetterBody({ letter }: { letter: ClearanceLetter }) {
  const fmt = await getReaderFormat();
  const limits = letter.limits ? limitsOf({ ...letter.limits, notes: "" }) : [];
  const cleared = letter.status !== "not_cleared";
  return (
    <>
      <p>To the runner&apos;s coach,</p>
      <p data-testid="clearance-statement" className={`rounded-md border-2 p-4 text-xl font-semibold ${cleared ? "border-slate-800" : "border-red-800 text-red-900"}`}>
        {statement(letter)}
      </p>
      {letter.status === "cleared_with_limits" && (
        <section aria-labelledby="limits-heading">
          <h2 id="limits-heading" className="text-lg font-semibold">Limits</h2>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {limits.map((l) => (
              <li key={l}>{l[0]!.toUpperCase() + l.slice(1)}</li>
            ))}
            {letter.limits?.painCeiling != null && <li>Stop the run if the pain goes above {letter.limits.painCeiling} out of 10</li>}
            <li>Easy runs only, after stretching the legs and lower back</li>
          </ul>
        </section>
      )}
      {letter.status === "back_to_training" && <p>Weekly running distance should rise by no more than about a tenth each week until it is back to their usual.</p>}
      {letter.status === "not_cleared" && <p>Please do not include them in running sessions until they bring a letter that says they are cleared.</p>}
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr] print:grid-cols-[max-content_1fr]">
        {letter.decidedAt && (
          <div className="contents">
            <dt className="font-medium">Decided on</dt>
            <dd>{formatDayOf(letter.decidedAt, fmt)}</dd>
          </div>
        )}
        {letter.reviewDate && (
          <div className="contents">
            <dt className="font-medium">{letter.reviewDue ? "Review due since" : "Valid until the review on"}</dt>
            <dd>{formatDate(letter.reviewDate, fmt)}</dd>
          </div>
        )}
        <div className="contents">
          <dt className="font-medium">Physician</dt>
          <dd>{letter.physicianName ?? "The runner's physician"}</dd>
        </div>
      </dl>
      <p className="border-t border-slate-300 pt-3 text-sm">
        This letter states the clearance to run on the day it was printed. The physician may change it at any time; after the review date, ask the runner for a new
        letter. It holds no medical details by design: the runner decides what else to share.
      </p>
    </>
  );
}
