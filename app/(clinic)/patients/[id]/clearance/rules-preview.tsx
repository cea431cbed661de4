"use client";

import { evaluateClearance, type ClearanceLevel } from "@/lib/domain/clearance";
import type { RedFlagId } from "@/lib/domain/red-flags";

/** The last signed exam as it crosses to the browser: dates travel as ISO strings. */
export interface SerializedExam {
  signedAt: string;
  painNow: number;
  hasMotorDeficit: boolean;
  hasBilateralSigns: boolean;
}

interface RulesPreviewProps {
  level: ClearanceLevel | null;
  overrideReason: string;
  activeRedFlags: RedFlagId[];
  lastSignedExam: SerializedExam | null;
  /** The server's clock when the page was drawn, so server and browser render the same text. */
  now: string;
}

function verdictText(level: ClearanceLevel | null, allowed: boolean, needsOverride: boolean, problemCount: number): string {
  if (level === null) return "Choose a decision to check it against the rules.";
  if (level === "not_cleared") return "Not clearing is always allowed.";
  if (problemCount === 0) return "The rules raise no problem with this decision.";
  if (!allowed && !needsOverride) return "This decision cannot be recorded until the blocking problems are dealt with.";
  if (!allowed) return "Record an override reason to go ahead with this decision.";
  return "Your override reason will be recorded with this decision.";
}

/**
 * A preview of the clearance rules (lib/domain/clearance.ts) as the physician fills the form.
 * Only a guide: the server checks again against the record as it is when the decision is signed.
 */
export function RulesPreview({ level, overrideReason, activeRedFlags, lastSignedExam, now }: RulesPreviewProps) {
  const verdict =
    level === null
      ? null
      : evaluateClearance({
          level,
          activeRedFlags,
          lastSignedExam: lastSignedExam && { ...lastSignedExam, signedAt: new Date(lastSignedExam.signedAt) },
          now: new Date(now),
          overrideReason,
        });
  const problems = verdict?.problems ?? [];
  return (
    <section aria-labelledby="rules-check-heading" className="rounded-md border border-slate-300 bg-slate-50 p-3">
      <h3 id="rules-check-heading" className="font-semibold">Rules check</h3>
      <div aria-live="polite">
        <p className="mt-1 text-sm text-slate-800">{verdictText(level, verdict?.allowed ?? true, verdict?.needsOverride ?? false, problems.length)}</p>
        {problems.length > 0 && (
          <ul className="mt-2 space-y-2">
            {problems.map((problem) => (
              <li
                key={problem.code}
                className={`rounded-md border px-3 py-2 text-sm ${problem.overridable ? "border-amber-400 bg-amber-50 text-amber-950" : "border-red-300 bg-red-50 text-red-900"}`}
              >
                <span className="font-semibold">{problem.overridable ? "Needs an override reason: " : "Blocks clearance: "}</span>
                {problem.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
