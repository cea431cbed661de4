import { createHmac, hkdfSync } from "node:crypto";
import { dataFolderSecret } from "@/lib/auth/secret";

/**
 * The key that signs audit checkpoints, kept outside the database the way the two-factor key is
 * (lib/auth/secret-box.ts): RUNCLEAR_AUDIT_KEY (at least 32 characters; required when several
 * app instances share a database), otherwise a random key in the data folder (`audit-key`).
 * Whoever owns the database but not this key cannot write a checkpoint that verifies.
 */
const MIN_KEY_LENGTH = 32;

function auditKey(): Buffer {
  const fromEnv = process.env.RUNCLEAR_AUDIT_KEY;
  if (fromEnv !== undefined && fromEnv !== "" && fromEnv.length < MIN_KEY_LENGTH) {
    throw new Error(`RUNCLEAR_AUDIT_KEY must be at least ${MIN_KEY_LENGTH} characters.`);
  }
  const master = fromEnv || dataFolderSecret("audit-key");
  return Buffer.from(hkdfSync("sha256", master, "runclear", "runclear audit checkpoint v1", 32));
}

/** HMAC-SHA256 over (last seq, last hash, row count), as a JSON array so no field can imitate another. */
export function checkpointMac(lastSeq: number, lastHash: string, rowCount: number): string {
  return createHmac("sha256", auditKey()).update(JSON.stringify([lastSeq, lastHash, rowCount])).digest("hex");
}
