import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "./types";
import { writeTransaction } from "./write-transaction";

const DAY_MS = 24 * 60 * 60 * 1000;

/*
 * Deletes requests received more than `days` days before `now`, with their
 * history. Timestamps are ISO-8601 UTC strings, so comparing them as text
 * orders them by time on both SQLite and PostgreSQL. The audit log's entries
 * about them stay: they hold no request content and have their own, longer
 * period (AUDIT_RETENTION_YEARS, lib/db/audit-log.ts).
 */
export async function deleteExpiredRequests(
  db: Kysely<Database>,
  now: Date,
  days: number,
): Promise<number> {
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`retention days must be a whole number above zero, got ${days}`);
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  return writeTransaction(db, async (trx) => {
    const expired = trx
      .selectFrom("consultation_requests")
      .select("id")
      .where("created_at", "<", cutoff);
    await trx.deleteFrom("request_events").where("request_id", "in", expired).execute();
    const result = await trx
      .deleteFrom("consultation_requests")
      .where("created_at", "<", cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}
