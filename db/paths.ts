import path from "node:path";

/** Where the embedded database and local secrets live; RUNCLEAR_DATA_DIR overrides `.data/`. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.RUNCLEAR_DATA_DIR ?? ".data");
}

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");
