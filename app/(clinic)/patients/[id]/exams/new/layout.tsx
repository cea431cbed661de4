import { assertChartAccess } from "@/lib/dal/patients";
import { requireRole } from "@/lib/dal/session";
import { orNotFound } from "../../load";

/** Before the skeleton streams: only a physician starts an exam, on a chart they may read. */
export default async function NewExamLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  await requireRole("physician");
  const { id } = await params;
  await orNotFound(assertChartAccess(id));
  return children;
}
