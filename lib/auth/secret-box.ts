import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { dataFolderSecret } from "./secret";

/**
 * Encryption at rest for two-factor secrets and keyed hashes for recovery codes, under a key
 * kept outside the database: RUNCLEAR_MFA_KEY (at least 32 characters; required when several app
 * instances share a database), otherwise a random key in the data folder. A copy of the database
 * alone therefore yields neither a usable authenticator secret nor a recovery code to guess against.
 */
const MIN_KEY_LENGTH = 32;
const VERSION = "v1";

function masterKey(): string {
  const fromEnv = process.env.RUNCLEAR_MFA_KEY;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv.length < MIN_KEY_LENGTH) throw new Error(`RUNCLEAR_MFA_KEY must be at least ${MIN_KEY_LENGTH} characters.`);
    return fromEnv;
  }
  return dataFolderSecret("mfa-key");
}

/** One key per purpose, derived with HKDF (RFC 5869), so encryption and hashing never share a key. */
function subkey(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey(), "runclear", `runclear ${purpose} ${VERSION}`, 32));
}

/**
 * AES-256-GCM. `context` (the owner's user id) is bound as associated data: a sealed secret
 * copied onto another account's row does not open.
 */
export function seal(plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", subkey("two-factor secret"), iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

export function unseal(sealed: string, context: string): string {
  const [version, payload] = sealed.split(".");
  if (version !== VERSION || !payload) throw new Error("unknown sealed format");
  const raw = Buffer.from(payload, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", subkey("two-factor secret"), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** HMAC-SHA-256 under the key outside the database, for one-time codes. */
export function keyedHash(value: string, purpose: string): string {
  return createHmac("sha256", subkey(purpose)).update(value).digest("base64url");
}
