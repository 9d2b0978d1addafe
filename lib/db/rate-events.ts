import "server-only";
import type { Kysely } from "kysely";
import type { Database, RateEventTable } from "./types";

/*
 * Rate limits kept in the database rather than in memory, so they hold when
 * several server instances share one PostgreSQL database.
 */
type Bucket = RateEventTable["bucket"];

export async function recordRateEvent(
  db: Kysely<Database>,
  bucket: Bucket,
  clientHash: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto("rate_events")
    .values({ bucket, client_hash: clientHash, created_at: now.toISOString() })
    .execute();
}

export async function countRateEvents(
  db: Kysely<Database>,
  bucket: Bucket,
  clientHash: string,
  since: Date,
): Promise<number> {
  const row = await db
    .selectFrom("rate_events")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("bucket", "=", bucket)
    .where("client_hash", "=", clientHash)
    .where("created_at", ">=", since.toISOString())
    .executeTakeFirst();
  // PostgreSQL returns count(*) as a string (bigint).
  return Number(row?.count ?? 0);
}

export async function pruneRateEvents(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("rate_events")
    .where("created_at", "<", before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
