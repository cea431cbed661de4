import type { Metadata } from "next";
import { getMyRecord } from "@/lib/dal/patients";
import { getMyPlan } from "@/lib/dal/plans";
import { requireRole } from "@/lib/dal/session";
import { PermissionCard } from "@/lib/ui/permission-card";
import { MyPlanSection } from "../my-plan";

export const metadata: Metadata = { title: "My plan" };

/** The whole plan: running as the state in force allows it, every item's dose and how to do it. */
export default async function MyPlanPage() {
  await requireRole("patient");
  const [record, plan] = await Promise.all([getMyRecord(), getMyPlan()]);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">My plan</h1>
      <PermissionCard care={record.care} settings={record.settings} />
      <MyPlanSection plan={plan} />
    </div>
  );
}
