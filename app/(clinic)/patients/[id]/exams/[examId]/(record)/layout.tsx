import { assertExamAccess } from "@/lib/dal/exams";
import { requireRole } from "@/lib/dal/session";
import { orNotFound } from "@/lib/ui/or-not-found";

/**
 * Before the exam's skeleton streams: the chart may be read and the exam is one of its own, so a
 * missing or foreign exam still answers 404 (../not-found.tsx).
 */
export default async function ExamLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string; examId: string }> }) {
  await requireRole("physician", "therapist");
  const { id, examId } = await params;
  await orNotFound(assertExamAccess(id, examId));
  return children;
}
