import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, beforeEach, expect, it } from "vitest";
import { dataFolderSecret } from "@/lib/auth/secret";

let dir: string;
const previous = process.env.RUNCLEAR_DATA_DIR;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "runclear-secret-"));
  process.env.RUNCLEAR_DATA_DIR = dir;
});
afterEach(() => {
  if (previous === undefined) delete process.env.RUNCLEAR_DATA_DIR;
  else process.env.RUNCLEAR_DATA_DIR = previous;
  fs.rmSync(dir, { recursive: true, force: true });
});

it("creates a secret once and keeps giving the same one", () => {
  const first = dataFolderSecret("auth-secret");
  expect(first.length).toBeGreaterThanOrEqual(40);
  expect(fs.readFileSync(path.join(dir, "auth-secret"), "utf8")).toBe(first);
  expect(dataFolderSecret("auth-secret")).toBe(first);
});

it("waits for a secret another process is still writing instead of taking the empty file", async () => {
  const file = path.join(dir, "mfa-key");
  fs.writeFileSync(file, "");
  // Another process writes it a moment later (a thread here, since this one waits synchronously).
  const writer = new Worker(`setTimeout(() => require("node:fs").writeFileSync(${JSON.stringify(file)}, "written-by-the-other-process"), 100);`, { eval: true });
  expect(dataFolderSecret("mfa-key")).toBe("written-by-the-other-process");
  await writer.terminate();
});

it("refuses a secret file that stays empty, with a message saying what to do", () => {
  fs.writeFileSync(path.join(dir, "audit-key"), "");
  expect(() => dataFolderSecret("audit-key")).toThrow(/audit-key is empty: delete it, or set the secret in the environment/);
});
