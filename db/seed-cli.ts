/** `npm run db:seed`: load the demo clinic into an empty database (the server one when DATABASE_URL is set). */
import { openDatabase } from "./client";
import { seedDemoClinicIfEmpty } from "./seed";

try {
  const handle = await openDatabase({ url: process.env.DATABASE_URL || undefined });
  const seeded = await seedDemoClinicIfEmpty(handle.db);
  console.log(seeded ? `Demo clinic loaded (${handle.kind}).` : "The database already has accounts: nothing was changed.");
  await handle.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
