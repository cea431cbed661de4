import { addDays, isLocalDate } from "@/lib/domain/schedule";
import { USUAL_COURSE_WEEKS } from "@/lib/domain/plan-catalogue";

/** DOMAIN.md §1, in the words the clinic screens use. */
export const USUAL_COURSE_TEXT = `Most episodes settle within ${USUAL_COURSE_WEEKS.min}–${USUAL_COURSE_WEEKS.max} weeks.`;

/**
 * The day the course ends: the start plus whole weeks, the same reckoning the patient's portal
 * and the demo plans use. Null while the start date or the length is not yet a usable value.
 */
export function courseEndDate(startDate: string, courseWeeks: number): string | null {
  if (!isLocalDate(startDate) || !Number.isInteger(courseWeeks) || courseWeeks < 1) return null;
  return addDays(startDate, courseWeeks * 7);
}
