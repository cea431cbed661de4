/** `npm run audit:verify`: checks the audit trail's hash chain; exits 1 at the first broken link. */
import { openDatabase } from "./client";
import { verifyAuditChain } from "./audit-chain";

try {
  const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined });
  const report = await verifyAuditChain(handle.db);
  await handle.close();
  if (report.intact) {
    console.log(`Audit trail intact: ${report.rows} entries checked.`);
  } else {
    const what = report.problem === "row_changed" ? "was changed after it was written" : "does not follow the entry before it (an entry was removed or inserted)";
    console.error(`Audit trail BROKEN at entry #${report.brokenAtSeq}: it ${what}. ${report.rows} entries before it are intact.`);
    process.exit(1);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
