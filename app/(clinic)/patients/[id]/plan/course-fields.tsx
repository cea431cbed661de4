import { USUAL_COURSE_WEEKS } from "@/lib/domain/plan-catalogue";
import { formatDate } from "@/lib/ui/format";
import { useReaderFormat } from "@/lib/ui/reader-format-context";
import { NumberInput, TextInput } from "./controls";
import { courseEndDate, USUAL_COURSE_TEXT } from "./course";
import type { FieldErrors } from "./field-errors";

interface CourseFieldsProps {
  startDate: string;
  courseWeeks: number;
  onChange: (course: { startDate: string; courseWeeks: number }) => void;
  errors: FieldErrors | undefined;
}

export function CourseFields({ startDate, courseWeeks, onChange, errors }: CourseFieldsProps) {
  const fmt = useReaderFormat();
  const end = courseEndDate(startDate, courseWeeks);
  const unusual = Number.isInteger(courseWeeks) && (courseWeeks < USUAL_COURSE_WEEKS.min || courseWeeks > USUAL_COURSE_WEEKS.max);
  return (
    <fieldset className="space-y-2">
      <legend className="font-semibold">Course</legend>
      <p className="text-sm text-slate-700">{USUAL_COURSE_TEXT}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextInput label="Start date" type="date" value={startDate} onChange={(value) => onChange({ startDate: value, courseWeeks })} errors={errors?.startDate} />
        <NumberInput label="Course length in weeks" min={1} max={26} value={courseWeeks} onChange={(value) => onChange({ startDate, courseWeeks: value })} errors={errors?.courseWeeks} />
      </div>
      <p className="text-sm text-slate-800" aria-live="polite">
        {end ? `Ends on ${formatDate(end, fmt)}.` : "Enter a start date and a course length to see when the course ends."}
        {unusual && ` That is outside the usual ${USUAL_COURSE_WEEKS.min}–${USUAL_COURSE_WEEKS.max} weeks.`}
      </p>
    </fieldset>
  );
}
