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

/** Events in `bucket` since `since`, from one client or (clientHash null) from all of them. */
export async function countRateEvents(
  db: Kysely<Database>,
  bucket: Bucket,
  clientHash: string | null,
  since: Date,
): Promise<number> {
  let query = db
    .selectFrom("rate_events")
    .select((eb) => eb.fn.countAll().as("count"))
    .where("bucket", "=", bucket)
    .where("created_at", ">=", since.toISOString());
  if (clientHash !== null) query = query.where("client_hash", "=", clientHash);
  const row = await query.executeTakeFirst();
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
