import "server-only";
import type { Kysely } from "kysely";
import { countRateEvents, recordRateEvent } from "@/lib/db/rate-events";
import type { Database } from "@/lib/db/types";

/*
 * Wrong staff passwords are counted in the database, not in memory, so the
 * limit holds across restarts and across several server instances.
 */
export const LOCKOUT_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
const BUCKET = "staff-login";

function windowStart(now: Date): Date {
  return new Date(now.getTime() - LOCKOUT_MINUTES * 60_000);
}

export async function isLockedOut(
  db: Kysely<Database>,
  client: string,
  now: Date,
): Promise<boolean> {
  const failures = await countRateEvents(db, BUCKET, client, windowStart(now));
  return failures >= LOCKOUT_ATTEMPTS;
}

/** Records one wrong password; returns true when this attempt locks the client out. */
export async function recordFailedSignIn(
  db: Kysely<Database>,
  client: string,
  now: Date,
): Promise<boolean> {
  await recordRateEvent(db, BUCKET, client, now);
  return isLockedOut(db, client, now);
}
