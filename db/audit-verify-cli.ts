/**
 * `npm run audit:verify`: seals what has been written since the last checkpoint, then checks the
 * whole trail against its signed checkpoints; names the first problem and exits 1.
 */
import { describeChainProblem } from "@/lib/ui/audit-chain-wording";
import { openDatabase } from "./client";
import { sealAuditTrail, verifyAuditChain } from "./audit-chain";

try {
  const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined });
  let report = await verifyAuditChain(handle.db);
  // Seal only a trail that checks out, so a checkpoint never vouches for a tampered one.
  if (report.intact && (await sealAuditTrail(handle.db))) report = await verifyAuditChain(handle.db);
  await handle.close();
  if (report.intact) {
    console.log(`Audit trail intact: ${report.rows} entries checked, ${report.sealedRows} under a signed checkpoint.`);
  } else {
    // A row's own problem names the row; a checkpoint's names the range it sealed.
    const atRow = report.problem === "row_changed" || report.problem === "link_broken";
    const where = atRow ? `entry #${report.brokenAtSeq}` : `the checkpoint at entry #${report.brokenAtSeq} (entries after #${report.sinceSeq ?? 0})`;
    const before = atRow ? `${report.rows} entries before it are intact.` : `${report.rows} entries read up to it.`;
    console.error(`Audit trail BROKEN [${report.problem}] at ${where}: ${describeChainProblem(report.problem)}. ${before}`);
    process.exit(1);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
