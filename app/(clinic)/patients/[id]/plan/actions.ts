"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { validatedAction } from "@/lib/actions/validated-action";
import { savePlan } from "@/lib/dal/plans";
import { planTemplates } from "@/lib/domain/plan-catalogue";

export interface SavedPlan {
  version: number;
  changes: string[];
}

// The plan itself is judged by the DAL (planSchema and reviewPlan), whose errors come back keyed
// by their path in the plan; here only which record, which version, and the JSON carrying it.
const savePlanInput = z.object({
  patientId: z.uuid("Unknown patient."),
  basedOnVersion: z.coerce.number().int().min(0),
  plan: z.string(),
  templateId: z.string().optional(),
});

export const savePlanAction = validatedAction(
  savePlanInput,
  { roles: ["physician"], action: "plan.save" },
  async ({ patientId, basedOnVersion, plan, templateId }): Promise<ActionState<SavedPlan>> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(plan);
    } catch {
      return { ok: false, message: "The plan could not be read, so nothing was saved. Reload the page and try again." };
    }
    // Only a template the catalogue knows is recorded as the plan's starting point.
    const template = planTemplates.find((t) => t.id === templateId);
    const saved = await savePlan(patientId, basedOnVersion, parsed, template?.id ?? null);
    revalidatePath(`/patients/${patientId}`);
    revalidatePath(`/patients/${patientId}/plan`);
    return { ok: true, message: `Saved as version ${saved.version}.`, data: saved };
  },
);
