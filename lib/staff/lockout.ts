import "server-only";
import type { Kysely } from "kysely";
import { reachedLimit, recordRateEvent } from "@/lib/db/rate-events";
import type { Database } from "@/lib/db/types";
import { writeTransaction } from "@/lib/db/write-transaction";

/*
 * Wrong staff passwords are counted in the database, not in memory, so the
 * limit holds across restarts and across several server instances. Two
 * limits: 5 per client, and, because a client can come from many addresses,
 * more than 20 from all clients together locks sign-in for everyone for 15
 * minutes. The check, the password comparison and the count are one
 * transaction, so parallel guesses cannot all slip in under the limit.
 */
export const LOCKOUT_ATTEMPTS = 5;
export const GLOBAL_LOCKOUT_FAILURES = 20;
export const LOCKOUT_MINUTES = 15;
const BUCKET = "staff-login";
const GLOBAL_LOCK = "staff-login-global-lock";

export type SignInVerdict = "ok" | "wrong" | "locked";

function windowStart(now: Date): Date {
  return new Date(now.getTime() - LOCKOUT_MINUTES * 60_000);
}

export async function isLockedOut(
  db: Kysely<Database>,
  client: string,
  now: Date,
): Promise<boolean> {
  const since = windowStart(now);
  if (await reachedLimit(db, GLOBAL_LOCK, null, since, 1)) return true;
  return reachedLimit(db, BUCKET, client, since, LOCKOUT_ATTEMPTS);
}

/** Records one wrong password; returns true when this attempt locks the client (or everyone) out. */
export async function recordFailedSignIn(
  db: Kysely<Database>,
  client: string,
  now: Date,
): Promise<boolean> {
  await recordRateEvent(db, BUCKET, client, now);
  const overCeiling = await reachedLimit(
    db,
    BUCKET,
    null,
    windowStart(now),
    GLOBAL_LOCKOUT_FAILURES + 1,
  );
  if (overCeiling && !(await isLockedOut(db, "", now))) {
    await recordRateEvent(db, GLOBAL_LOCK, "", now);
    console.warn(
      `Staff sign-in locked for everyone for ${LOCKOUT_MINUTES} minutes: more than ${GLOBAL_LOCKOUT_FAILURES} wrong passwords in ${LOCKOUT_MINUTES} minutes`,
    );
  }
  return isLockedOut(db, client, now);
}

/** A locked client is refused before its password is even looked at. */
export async function attemptSignIn(
  db: Kysely<Database>,
  client: string,
  now: Date,
  passwordIsRight: () => boolean,
): Promise<SignInVerdict> {
  return writeTransaction(
    db,
    async (trx) => {
      if (await isLockedOut(trx, client, now)) return "locked";
      if (passwordIsRight()) return "ok";
      return (await recordFailedSignIn(trx, client, now)) ? "locked" : "wrong";
    },
    { lock: BUCKET },
  );
}
