import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { users } from "@/db/schema/users";
import { preparedRead } from "@/lib/dal/internal/prepared-read";
import { describeEachDatabase } from "../support/databases";

describeEachDatabase("reads built once", { seed: true }, (t) => {
  it("builds a read once per database and runs it with each call's values", async () => {
    let builds = 0;
    const roleOf = preparedRead(["email"], (database, at) => {
      builds += 1;
      return database.select({ role: users.role }).from(users).where(sql`${users.email} = ${at.email}`);
    });
    const emails = (await t.db.select({ email: users.email, role: users.role }).from(users)).slice(0, 4);
    expect(emails.length).toBeGreaterThan(1);
    const answers = await Promise.all(emails.map(({ email }) => roleOf({ email })));
    expect(answers).toEqual(emails.map(({ role }) => [{ role }]));
    expect(await roleOf({ email: "nobody@example.org" })).toEqual([]);
    expect(builds).toBe(1);
  });

  // PGlite has one connection and no pooler in front of it.
  it.runIf(t.kind === "postgres")("leaves no named statement on a server connection, which PgBouncer in transaction mode would lose", async () => {
    const anyone = preparedRead(["id"], (database, at) => database.select({ id: users.id }).from(users).where(sql`${users.id} = ${at.id}`));
    const [someone] = await t.db.select({ id: users.id }).from(users).limit(1);
    // Every pooled connection runs the read, then says what it has prepared.
    const named = await Promise.all(
      Array.from({ length: 10 }, async () => {
        await anyone({ id: someone!.id });
        const result = await t.db.execute(sql`select count(*)::int as n from pg_prepared_statements`);
        return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
      }),
    );
    expect(named.every((n) => n === 0)).toBe(true);
  });
});
