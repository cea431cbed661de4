import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { dataDir } from "@/db/paths";

/**
 * A random secret kept in a file of the local data folder (mode 600), created on first use, so a
 * new install needs no setup. Several app instances must share theirs through an env var instead.
 */
export function dataFolderSecret(fileName: string): string {
  const file = path.join(dataDir(), fileName);
  // Read once per process: every request decodes its session with this secret, and a file read
  // on each was 1–2 % of a chart's server time under load. A changed file needs a restart, as a
  // changed NEXTAUTH_SECRET does.
  let secret = readSecrets.get(file);
  if (secret === undefined) readSecrets.set(file, (secret = readOrCreate(file)));
  return secret;
}

const readSecrets = new Map<string, string>();

function readOrCreate(file: string): string {
  try {
    return writtenSecret(file);
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch {
      // Another process created it first: use theirs, once it has been written.
      return writtenSecret(file);
    }
  }
}

/**
 * The file's secret. Its creator makes the file and then writes it, so a process starting at the
 * same moment can find it empty: it waits for the content (up to a second) rather than use, and
 * keep, an empty secret.
 */
function writtenSecret(file: string): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const secret = fs.readFileSync(file, "utf8").trim();
    if (secret) return secret;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  }
  throw new Error(`${file} is empty: delete it, or set the secret in the environment.`);
}

/**
 * NEXTAUTH_SECRET when set (required when several app instances share sessions);
 * otherwise a random secret kept in the local data folder.
 */
export function authSecret(): string {
  return process.env.NEXTAUTH_SECRET || dataFolderSecret("auth-secret");
}
