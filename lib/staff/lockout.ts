import "server-only";
import type { Kysely } from "kysely";
import { reachedLimit, recordRateEvent } from "@/lib/db/rate-events";
import type { Database } from "@/lib/db/types";
import { writeTransaction } from "@/lib/db/write-transaction";
import { logEvent } from "@/lib/log";

/*
 * Wrong staff passwords are counted in the database, not in memory, so the
 * limit holds across restarts and across several server instances. Three
 * limits: 5 per client; 5 per account (the account is locked for 15 minutes,
 * whichever addresses the guesses come from); and, because a client can come
 * from many addresses, more than 20 from all clients together locks sign-in
 * for everyone for 15 minutes. The check, the password comparison and the
 * count are one transaction, so parallel guesses cannot all slip in under
 * the limit.
 */
export const LOCKOUT_ATTEMPTS = 5;
export const GLOBAL_LOCKOUT_FAILURES = 20;
export const LOCKOUT_MINUTES = 15;
const BUCKET = "staff-login";
const GLOBAL_LOCK = "staff-login-global-lock";
const ACCOUNT_BUCKET = "staff-login-account";
const ACCOUNT_LOCK = "staff-login-account-lock";

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
    logEvent("staff.signin.locked-all", {
      counts: { minutes: LOCKOUT_MINUTES, failuresAllowed: GLOBAL_LOCKOUT_FAILURES },
    });
  }
  return isLockedOut(db, client, now);
}

/** A locked client is refused before its password is even looked at. */
export async function attemptSignIn(
  db: Kysely<Database>,
  client: string,
  now: Date,
  passwordIsRight: () => boolean | Promise<boolean>,
): Promise<SignInVerdict> {
  return (await attemptAccountSignIn(db, { client, account: null, now, passwordIsRight })).verdict;
}

export async function isAccountLocked(
  db: Kysely<Database>,
  accountId: string,
  now: Date,
): Promise<boolean> {
  return reachedLimit(db, ACCOUNT_LOCK, accountId, windowStart(now), 1);
}

/** Records one wrong password for an account; true when this one locks it. */
async function recordAccountFailure(
  db: Kysely<Database>,
  accountId: string,
  now: Date,
): Promise<boolean> {
  await recordRateEvent(db, ACCOUNT_BUCKET, accountId, now);
  if (!(await reachedLimit(db, ACCOUNT_BUCKET, accountId, windowStart(now), LOCKOUT_ATTEMPTS))) {
    return false;
  }
  await recordRateEvent(db, ACCOUNT_LOCK, accountId, now);
  return true;
}

export interface SignInOutcome {
  verdict: SignInVerdict;
  /** This attempt locked the account: tell its owner (by email, in the audit log). */
  lockedAccount: boolean;
}

/**
 * One sign-in attempt. `account` is the id of the account the email names,
 * null for an unknown address. A locked account answers "wrong", exactly as
 * a wrong password or an unknown address does, and its password is still
 * checked so the answer takes as long: the answer never tells which it was.
 * Only a locked client (or everyone) hears "locked", which says nothing about
 * any account.
 */
export async function attemptAccountSignIn(
  db: Kysely<Database>,
  attempt: {
    client: string;
    account: string | null;
    now: Date;
    passwordIsRight: () => boolean | Promise<boolean>;
  },
): Promise<SignInOutcome> {
  const { client, account, now } = attempt;
  return writeTransaction(
    db,
    async (trx) => {
      if (await isLockedOut(trx, client, now)) return { verdict: "locked", lockedAccount: false };
      const accountLocked = account !== null && (await isAccountLocked(trx, account, now));
      const right = await attempt.passwordIsRight();
      if (right && !accountLocked) return { verdict: "ok", lockedAccount: false };
      const clientLocked = await recordFailedSignIn(trx, client, now);
      const lockedAccount =
        account !== null && !accountLocked && (await recordAccountFailure(trx, account, now));
      return { verdict: clientLocked ? "locked" : "wrong", lockedAccount };
    },
    { lock: BUCKET },
  );
}
