import type { Metadata } from "next";
import Link from "next/link";
import { getMyRecord } from "@/lib/dal/patients";
import { getMyPlan } from "@/lib/dal/plans";
import { requireRole } from "@/lib/dal/session";
import { PermissionCard } from "@/lib/ui/permission-card";
import { MyPlanSection } from "@/lib/ui/patient-plan";

export const metadata: Metadata = { title: "My plan" };

/** The whole plan: running as the state in force allows it, every item's dose and how to do it. */
export default async function MyPlanPage() {
  await requireRole("patient");
  const [record, plan] = await Promise.all([getMyRecord(), getMyPlan()]);
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">My plan</h1>
      <div data-print="hide" className="flex flex-wrap gap-x-6">
        <Link href="/me/plan/print" className="inline-flex min-h-11 items-center text-brand-700 underline">
          Print my plan
        </Link>
        <Link href="/me/clearance-letter" className="inline-flex min-h-11 items-center text-brand-700 underline">
          Letter for my coach
        </Link>
      </div>
      <PermissionCard care={record.care} settings={record.settings} />
      <MyPlanSection plan={plan} />
    </div>
  );
}
