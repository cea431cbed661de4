import type { Metadata } from "next";
import { getMyCheckInForm } from "@/lib/dal/check-ins";
import { requireRole } from "@/lib/dal/session";
import { CheckInForm } from "./check-in-form";

export const metadata: Metadata = { title: "Check in" };

export default async function CheckInPage() {
  await requireRole("patient");
  const { questions, settings } = await getMyCheckInForm();
  return (
    <section aria-labelledby="check-in-heading" className="max-w-2xl space-y-4">
      <h1 id="check-in-heading" className="text-2xl font-semibold">How are you today?</h1>
      <p className="text-slate-700">Your answers go to your care team. If you answer yes to a warning sign, you will be told what to do straight away.</p>
      <CheckInForm questions={questions} settings={settings} />
    </section>
  );
}
