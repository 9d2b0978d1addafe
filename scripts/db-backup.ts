import { backupSqlite } from "@/lib/db/backup";
import { getEnv } from "@/lib/env";

/** `npm run db:backup`: a consistent copy of the SQLite database into DATA_DIR/backups/. */
async function main(): Promise<void> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is set: back up PostgreSQL with pg_dump (see README, Security and operations)",
    );
  }
  const { file, removed } = await backupSqlite(env.DATA_DIR, env.BACKUP_KEEP);
  console.info(`Backed up to ${file}${removed.length ? `; removed ${removed.length} older` : ""}.`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
