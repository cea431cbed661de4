/** `npm run db:migrate`: bring the configured database's schema up to date. */
import { openDatabase } from "./client";

const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
console.log(`Migrations applied (${handle.kind}).`);
await handle.close();
