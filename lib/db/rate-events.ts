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

/**
 * Whether `bucket` holds at least `limit` events since `since`, from one
 * client or (clientHash null) from all of them. It reads at most `limit`
 * rows, so a flood of requests does not make every later check slower.
 */
export async function reachedLimit(
  db: Kysely<Database>,
  bucket: Bucket,
  clientHash: string | null,
  since: Date,
  limit: number,
): Promise<boolean> {
  if (limit <= 0) return true;
  let query = db
    .selectFrom("rate_events")
    .select("id")
    .where("bucket", "=", bucket)
    .where("created_at", ">=", since.toISOString());
  if (clientHash !== null) query = query.where("client_hash", "=", clientHash);
  return (
    (await query
      .limit(1)
      .offset(limit - 1)
      .executeTakeFirst()) !== undefined
  );
}

export async function pruneRateEvents(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("rate_events")
    .where("created_at", "<", before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
