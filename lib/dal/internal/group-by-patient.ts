// No "server-only" marker: the outcomes rebuild uses it under tsx.

/** Rows of many patients, each patient's in the order read. */
export function groupByPatient<T extends { patientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.patientId);
    if (group) group.push(row);
    else groups.set(row.patientId, [row]);
  }
  return groups;
}
