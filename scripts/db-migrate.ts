import { closeDb, getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

/** `npm run db:migrate`: brings the database named by DATABASE_URL or DATA_DIR up to date. */
async function main(): Promise<void> {
  const env = getEnv();
  await getDb();
  console.info(
    `Database is up to date (${env.DATABASE_URL ? "PostgreSQL" : `SQLite in ${env.DATA_DIR}`}).`,
  );
}

main()
  .catch((error: unknown) => {
    console.error((error as Error).message);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
