import type { LevelSuggestion } from "@/lib/domain/level-suggestion";

const sideText: Record<NonNullable<LevelSuggestion["side"]>, string> = {
  left: "on the left",
  right: "on the right",
  both: "on both sides",
};

function summary({ level, side, confidence }: LevelSuggestion): string {
  if (!level) return "No level suggested";
  return `Suggested level: ${level}${side ? ` ${sideText[side]}` : ""} (${confidence})`;
}

/**
 * The root level the deficit pattern points to. `live` announces changes while the form is
 * filled in; on a signed exam it is just read.
 */
export function LevelSuggestionPanel({ suggestion, live = false }: { suggestion: LevelSuggestion; live?: boolean }) {
  return (
    <section aria-labelledby="suggestion-heading" className="rounded-lg border border-brand-600 bg-brand-50 p-4">
      <h2 id="suggestion-heading" className="text-lg font-semibold">Suggested root level</h2>
      <div aria-live={live ? "polite" : undefined}>
        <p className="mt-1 font-semibold text-slate-900">{summary(suggestion)}</p>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
          {suggestion.reasons.map((reason, index) => (
            <li key={`${index}-${reason}`}>{reason}</li>
          ))}
        </ul>
      </div>
      <p className="mt-2 text-sm text-slate-700">
        Worked out from the strength, reflex, sensation and femoral stretch findings as a prompt; the physician decides the level.
      </p>
    </section>
  );
}
