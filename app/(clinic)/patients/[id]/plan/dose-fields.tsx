import { useId } from "react";
import { MEDICINE_UNITS, type Dose, type ExerciseDose, type MedicineDose, type RunningClearance, type RunningDose } from "@/lib/domain/plan-catalogue";
import { CheckboxInput, NumberInput, SelectInput, TextInput } from "./controls";
import type { FieldErrors } from "./field-errors";

interface DoseFieldsProps {
  /** The item's name, which every label carries. */
  of: string;
  dose: Dose;
  onChange: (dose: Dose) => void;
  /** This item's errors, by path inside the item (`dose.minutes`). */
  errors: FieldErrors;
  clearance: RunningClearance;
  drugListId: string;
}

/** The paths of the dose controls shown for this dose, so any other error is shown elsewhere. */
export function doseFieldPaths(dose: Dose): string[] {
  const fields: Record<Dose["kind"], string[]> = {
    thermal: ["minutes", "timesPerDay"],
    exercise: ["sets", dose.kind === "exercise" && dose.holdSeconds !== undefined ? "holdSeconds" : "reps", "timesPerDay", "daysPerWeek"],
    walking: ["minutes", "timesPerDay", "daysPerWeek"],
    running: ["minutesPerRun", "runsPerWeek", "maxRpe"],
    medicine: ["drug", "amount", "unit", "timesPerDay", "asNeeded", "days", "startDate"],
    advice: [],
  };
  return fields[dose.kind].map((field) => `dose.${field}`);
}

const grid = "grid gap-3 sm:grid-cols-2 lg:grid-cols-4";

export function DoseFields({ of, dose, onChange, errors, clearance, drugListId }: DoseFieldsProps) {
  const number = (label: string, field: string, value: number | undefined, set: (n: number) => Dose, hint?: string) => (
    <NumberInput of={of} label={label} value={value} onChange={(n) => onChange(set(n))} errors={errors[`dose.${field}`]} hint={hint} min={1} />
  );
  switch (dose.kind) {
    case "thermal":
      return (
        <div className={grid}>
          {number("Minutes", "minutes", dose.minutes, (minutes) => ({ ...dose, minutes }))}
          {number("Times a day", "timesPerDay", dose.timesPerDay, (timesPerDay) => ({ ...dose, timesPerDay }))}
        </div>
      );
    case "exercise":
      return <ExerciseFields of={of} dose={dose} onChange={onChange} errors={errors} />;
    case "walking":
      return (
        <div className={grid}>
          {number("Minutes", "minutes", dose.minutes, (minutes) => ({ ...dose, minutes }))}
          {number("Times a day", "timesPerDay", dose.timesPerDay, (timesPerDay) => ({ ...dose, timesPerDay }))}
          {number("Days a week", "daysPerWeek", dose.daysPerWeek, (daysPerWeek) => ({ ...dose, daysPerWeek }))}
        </div>
      );
    case "running":
      return <RunningFields of={of} dose={dose} onChange={onChange} errors={errors} clearance={clearance} />;
    case "medicine":
      return <MedicineFields of={of} dose={dose} onChange={onChange} errors={errors} drugListId={drugListId} />;
    case "advice":
      return null;
  }
}

function ExerciseFields({ of, dose, onChange, errors }: { of: string; dose: ExerciseDose; onChange: (dose: Dose) => void; errors: FieldErrors }) {
  const group = useId();
  const timed = dose.holdSeconds !== undefined;
  // Switching leaves the new box empty: a count of repetitions says nothing about seconds held.
  const measure = (hold: boolean) => {
    const { reps: _reps, holdSeconds: _hold, ...rest } = dose;
    onChange(hold ? { ...rest, holdSeconds: Number.NaN } : { ...rest, reps: Number.NaN });
  };
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">
          <span className="sr-only">{of}: </span>Measured by
        </legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {[
            { hold: false, label: "Count repetitions" },
            { hold: true, label: "Time each hold" },
          ].map((option) => (
            <label
              key={option.label}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-400 bg-white px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name={group} checked={timed === option.hold} onChange={() => measure(option.hold)} className="h-5 w-5" />
              <span>
                <span className="sr-only">{of}: </span>
                {option.label}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className={grid}>
        <NumberInput of={of} label="Sets" value={dose.sets} onChange={(sets) => onChange({ ...dose, sets })} errors={errors["dose.sets"]} min={1} />
        {timed ? (
          <NumberInput of={of} label="Hold time in seconds" value={dose.holdSeconds} onChange={(holdSeconds) => onChange({ ...dose, holdSeconds })} errors={errors["dose.holdSeconds"]} min={5} />
        ) : (
          <NumberInput of={of} label="Repetitions per set" value={dose.reps} onChange={(reps) => onChange({ ...dose, reps })} errors={errors["dose.reps"]} min={1} />
        )}
        <NumberInput of={of} label="Times a day" value={dose.timesPerDay} onChange={(timesPerDay) => onChange({ ...dose, timesPerDay })} errors={errors["dose.timesPerDay"]} min={1} />
        <NumberInput of={of} label="Days a week" value={dose.daysPerWeek} onChange={(daysPerWeek) => onChange({ ...dose, daysPerWeek })} errors={errors["dose.daysPerWeek"]} min={1} max={7} />
      </div>
    </div>
  );
}

function limitHint(limit: number | null | undefined, unit: string): string | undefined {
  return limit == null ? undefined : `The clearance allows up to ${limit} ${unit}.`;
}

function RunningFields({ of, dose, onChange, errors, clearance }: { of: string; dose: RunningDose; onChange: (dose: Dose) => void; errors: FieldErrors; clearance: RunningClearance }) {
  const limits = clearance.level === "restricted" ? clearance.restrictions : null;
  return (
    <div className="space-y-2">
      {clearance.level === "full" && <p className="text-sm text-slate-700">Fully cleared to run: the clearance sets no limits.</p>}
      {clearance.level === "restricted" && !limits && <p className="text-sm text-slate-700">Cleared with restrictions that set no numeric limits.</p>}
      <div className={grid}>
        <NumberInput of={of} label="Minutes per run" hint={limitHint(limits?.maxRunMinutes, "minutes")} value={dose.minutesPerRun} onChange={(minutesPerRun) => onChange({ ...dose, minutesPerRun })} errors={errors["dose.minutesPerRun"]} min={1} />
        <NumberInput of={of} label="Runs a week" hint={limitHint(limits?.runsPerWeek, "a week")} value={dose.runsPerWeek} onChange={(runsPerWeek) => onChange({ ...dose, runsPerWeek })} errors={errors["dose.runsPerWeek"]} min={1} max={7} />
        <NumberInput of={of} label="Top effort (RPE out of 10)" hint={limitHint(limits?.maxEffortRpe, "out of 10")} value={dose.maxRpe} onChange={(maxRpe) => onChange({ ...dose, maxRpe })} errors={errors["dose.maxRpe"]} min={1} max={10} />
      </div>
    </div>
  );
}

const UNIT_OPTIONS = MEDICINE_UNITS.map((unit) => ({ value: unit, label: unit }));

/** A structured dose: what one dose is, how often at most, for how long from when (DOMAIN.md §7). */
function MedicineFields({ of, dose, onChange, errors, drugListId }: { of: string; dose: MedicineDose; onChange: (dose: Dose) => void; errors: FieldErrors; drugListId: string }) {
  return (
    <div className="space-y-2">
      <div className={grid}>
        <TextInput of={of} label="Medicine" list={drugListId} value={dose.drug} onChange={(drug) => onChange({ ...dose, drug })} errors={errors["dose.drug"]} />
        <NumberInput of={of} label="Amount of one dose" step="any" min={0} value={dose.amount || Number.NaN} onChange={(amount) => onChange({ ...dose, amount })} errors={errors["dose.amount"]} />
        <SelectInput of={of} label="Unit" value={dose.unit} options={UNIT_OPTIONS} onChange={(unit) => onChange({ ...dose, unit: unit as MedicineDose["unit"] })} errors={errors["dose.unit"]} />
        <NumberInput of={of} label="Times a day, at most" min={1} max={8} value={dose.timesPerDay} onChange={(timesPerDay) => onChange({ ...dose, timesPerDay })} errors={errors["dose.timesPerDay"]} />
        <NumberInput of={of} label="Number of days" min={1} max={365} value={dose.days} onChange={(days) => onChange({ ...dose, days })} errors={errors["dose.days"]} />
        <TextInput of={of} label="Starts on" type="date" value={dose.startDate} onChange={(startDate) => onChange({ ...dose, startDate })} errors={errors["dose.startDate"]} />
      </div>
      <CheckboxInput of={of} label="Only when needed (up to the times a day)" checked={dose.asNeeded} onChange={(asNeeded) => onChange({ ...dose, asNeeded })} errors={errors["dose.asNeeded"]} />
    </div>
  );
}
