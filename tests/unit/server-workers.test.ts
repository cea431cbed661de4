import os from "node:os";
import { describe, expect, it } from "vitest";
import { workerCount } from "@/lib/server/workers.mjs";

describe("RUNCLEAR_WORKERS: how many server processes", () => {
  it("is one process when unset or blank", () => {
    expect(workerCount(undefined, true)).toBe(1);
    expect(workerCount("  ", true)).toBe(1);
  });

  it("is one per core for auto on the PostgreSQL server, and one on the embedded database", () => {
    expect(workerCount("auto", true)).toBe(os.availableParallelism());
    expect(workerCount("auto", false)).toBe(1);
  });

  it("takes a count", () => {
    expect(workerCount("3", true)).toBe(3);
    expect(workerCount("1", false)).toBe(1);
  });

  it("refuses several processes on the embedded database, which belongs to one", () => {
    expect(() => workerCount("2", false)).toThrow(/needs DATABASE_URL/);
  });

  it.each(["0", "-1", "1.5", "two", "65"])("refuses %s", (raw) => {
    expect(() => workerCount(raw, true)).toThrow(/RUNCLEAR_WORKERS is a number of processes from 1 to 64/);
  });
});
