import { backupSqlite } from "@/lib/db/backup";
import { getEnv } from "@/lib/env";

/**
 * `npm run db:backup`: a consistent copy of the SQLite database, with the
 * DATA_DIR files it needs, into DATA_DIR/backups/; encrypted when
 * BACKUP_AGE_RECIPIENT is set.
 */
async function main(): Promise<void> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is set: back up PostgreSQL with pg_dump (see README, Security and operations)",
    );
  }
  const { file, removed, carried } = await backupSqlite(env.DATA_DIR, env.BACKUP_KEEP, {
    recipient: env.BACKUP_AGE_RECIPIENT,
  });
  const holds = ["the database", ...carried].join(" and ");
  console.info(
    `Backed up ${holds} to ${file}${removed.length ? `; removed ${removed.length} older` : ""}.`,
  );
  if (env.APP_SECRET) {
    console.info("APP_SECRET is set and is not in the backup: keep it with your backups.");
  }
  if (!env.BACKUP_AGE_RECIPIENT) {
    console.info(
      "Not encrypted: set BACKUP_AGE_RECIPIENT before copying backups off this machine.",
    );
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
