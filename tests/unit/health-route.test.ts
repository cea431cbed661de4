import { beforeEach, describe, expect, it, vi } from "vitest";

const checkDatabase = vi.fn();
vi.mock("@/lib/dal/health", () => ({ checkDatabase: () => checkDatabase() }));

const { GET } = await import("@/app/api/health/route");

describe("GET /api/health", () => {
  beforeEach(() => {
    checkDatabase.mockReset();
  });

  it("answers 200 with the driver after a real query", async () => {
    checkDatabase.mockResolvedValue("pglite");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "pglite" });
  });

  it("answers 503 with a JSON error, and no details, when the database does not answer", async () => {
    checkDatabase.mockImplementation(async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    });
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toEqual({ status: "error", error: "The database is not answering." });
    expect(JSON.stringify(body)).not.toContain("ECONNREFUSED");
  });
});
