/** `npm run outcomes:rebuild`: recomputes every patient's row of the outcomes aggregate from the facts. */
import { rebuildAllPatientOutcomes } from "@/lib/dal/internal/patient-outcomes";
import { openDatabase } from "./client";

try {
  const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined });
  const n = await rebuildAllPatientOutcomes(handle.db);
  console.log(`Outcomes rebuilt for ${n} patients (${handle.kind}).`);
  await handle.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
