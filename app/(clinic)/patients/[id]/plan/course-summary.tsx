import { formatDate } from "@/lib/ui/format";
import { getReaderFormat } from "@/lib/dal/reader-format";
import { courseEndDate, USUAL_COURSE_TEXT } from "./course";

export async function CourseSummary({ startDate, courseWeeks }: { startDate: string; courseWeeks: number }) {
  const fmt = await getReaderFormat();
  const end = courseEndDate(startDate, courseWeeks);
  return (
    <p className="text-sm text-slate-700">
      <span className="font-medium text-slate-900">
        {courseWeeks} {courseWeeks === 1 ? "week" : "weeks"}, from {formatDate(startDate, fmt)}
        {end && ` to ${formatDate(end, fmt)}`}.
      </span>{" "}
      {USUAL_COURSE_TEXT}
    </p>
  );
}
