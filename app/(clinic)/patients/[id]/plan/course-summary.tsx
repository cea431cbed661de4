import { formatDate } from "@/lib/ui/format";
import { courseEndDate, USUAL_COURSE_TEXT } from "./course";

export function CourseSummary({ startDate, courseWeeks }: { startDate: string; courseWeeks: number }) {
  const end = courseEndDate(startDate, courseWeeks);
  return (
    <p className="text-sm text-slate-700">
      <span className="font-medium text-slate-900">
        {courseWeeks} {courseWeeks === 1 ? "week" : "weeks"}, from {formatDate(startDate)}
        {end && ` to ${formatDate(end)}`}.
      </span>{" "}
      {USUAL_COURSE_TEXT}
    </p>
  );
}
