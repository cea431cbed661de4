import "server-only";
import { db } from "@/db/client";
import { loadCareFacts, zonedCareState, type LoadedCareFacts, type ZonedCareState } from "./care-facts";
import { perRequest } from "./request-scope";

/**
 * The facts and the state in force of one patient, read once per request however many DAL
 * functions of the page ask (lib/dal/internal/request-scope.ts). Checks nothing: callers authorize first.
 */
export const careOf = perRequest(async (patientId: string): Promise<{ facts: LoadedCareFacts; state: ZonedCareState }> => {
  const facts = (await loadCareFacts(await db(), [patientId])).get(patientId);
  if (!facts) throw new Error("authorized patient has no record");
  return { facts, state: zonedCareState(facts) };
});
