/**
 * `npm run db:synth -- --patients 100000 [--seed N] [--embedded] [--batch N]`: migrates, loads the
 * demo clinic when the database is empty, then adds a synthetic clinic (db/synth.ts). Writes to
 * DATABASE_URL; to the embedded database (RUNCLEAR_DATA_DIR) only when asked with --embedded, so a
 * missing variable never fills the wrong database.
 */
import os from "node:os";
import { openDatabase } from "./client";
import { seedDemoClinicIfEmpty } from "./seed";
import { BATCH_PATIENTS, DEFAULT_SEED, synthWork, synthesizeClinic, SynthRefused } from "./synth";
import { Progress } from "./synth-progress";

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function positiveInt(name: string, fallback: number): number {
  const raw = option(name);
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < 1) throw new SynthRefused(`--${name} takes a positive whole number, not "${raw}".`);
  return n;
}

try {
  const embedded = process.argv.includes("--embedded");
  const url = process.env.DATABASE_URL || undefined;
  if (!url && !embedded) throw new SynthRefused("Set DATABASE_URL to the database to fill, or pass --embedded to fill the embedded database (RUNCLEAR_DATA_DIR).");
  if (url && embedded) throw new SynthRefused("Both DATABASE_URL and --embedded were given: choose one.");
  const patients = positiveInt("patients", 100_000);
  const seed = positiveInt("seed", DEFAULT_SEED);
  const batch = positiveInt("batch", BATCH_PATIENTS);

  const started = Date.now();
  const handle = await openDatabase(url ? { url, as: "owner" } : {});
  try {
    if (await seedDemoClinicIfEmpty(handle.db)) console.error("Demo clinic loaded.");
    const work = synthWork(patients, batch);
    const progress = new Progress(work.setup + work.batches * work.perBatch + (patients / 1000) * work.outcomesPer1000 + work.finish);
    const result = await synthesizeClinic(handle.db, {
      patients,
      seed,
      batch,
      progress,
      outcomesConcurrency: handle.kind === "postgres" ? Math.max(2, os.availableParallelism()) : 1,
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(`Synthetic clinic of ${patients.toLocaleString("en-US")} patients (seed ${result.seed}, ${handle.kind}) in ${seconds.toFixed(0)} s.`);
    const phases = new Map<string, number>();
    for (const p of progress.phaseTimes) {
      const name = p.phase.startsWith("patients ") ? "patient batches" : p.phase;
      phases.set(name, (phases.get(name) ?? 0) + p.seconds);
    }
    for (const [name, s] of phases) console.log(`  ${name.padEnd(45)} ${s.toFixed(1)} s`);
    for (const [table, n] of Object.entries(result.counts)) console.log(`  ${table.padEnd(28)} ${n.toLocaleString("en-US").padStart(12)}`);
    console.log("Accounts: npm run db:synth:accounts (password: the demo password).");
  } finally {
    await handle.close();
  }
} catch (error) {
  console.error(error instanceof SynthRefused ? `Refused: ${error.message}` : error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
