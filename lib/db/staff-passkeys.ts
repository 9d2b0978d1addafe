import "server-only";
import type { Kysely } from "kysely";
import type { Database, StaffWebauthnChallengeTable } from "./types";

/*
 * Passkeys (WebAuthn credentials) and the challenges of the ceremonies that
 * make and use them. lib/staff/passkeys.ts verifies; this module stores.
 */
type Db = Kysely<Database>;

export interface Passkey {
  id: string;
  accountId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

type Row = Database["staff_passkeys"];

function toPasskey(row: Row): Passkey {
  let transports: unknown;
  try {
    transports = JSON.parse(row.transports);
  } catch {
    transports = [];
  }
  return {
    id: row.id,
    accountId: row.account_id,
    publicKey: row.public_key,
    counter: Number(row.counter),
    transports: Array.isArray(transports) ? transports.filter((t) => typeof t === "string") : [],
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

export async function addPasskey(
  db: Db,
  passkey: Omit<Passkey, "createdAt" | "lastUsedAt">,
  now: Date,
): Promise<void> {
  await db
    .insertInto("staff_passkeys")
    .values({
      id: passkey.id,
      account_id: passkey.accountId,
      public_key: passkey.publicKey,
      counter: passkey.counter,
      transports: JSON.stringify(passkey.transports),
      name: passkey.name,
      created_at: now.toISOString(),
    })
    .execute();
}

export async function listPasskeys(db: Db, accountId: string): Promise<Passkey[]> {
  const rows = await db
    .selectFrom("staff_passkeys")
    .selectAll()
    .where("account_id", "=", accountId)
    .orderBy("created_at")
    .execute();
  return rows.map(toPasskey);
}

export async function getPasskey(db: Db, id: string): Promise<Passkey | undefined> {
  const row = await db
    .selectFrom("staff_passkeys")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toPasskey(row);
}

/** After a sign-in: the authenticator's new signature counter and the time. */
export async function recordPasskeyUse(
  db: Db,
  id: string,
  counter: number,
  now: Date,
): Promise<void> {
  await db
    .updateTable("staff_passkeys")
    .set({ counter, last_used_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

/** Only the account's own passkey is removed; false when it has none with this id. */
export async function removePasskey(db: Db, accountId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("staff_passkeys")
    .where("account_id", "=", accountId)
    .where("id", "=", id)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}

/*
 * Anyone may start a passkey sign-in (the page has no account yet), so open
 * sign-in challenges are capped: a flood of requests cannot fill the disk, and
 * past the cap a sign-in waits for the oldest to expire (5 minutes). A clinic's
 * staff never come near it.
 */
export const MAX_OPEN_SIGN_IN_CHALLENGES = 200;

/** Stores the challenge; false (nothing stored) when the open sign-in challenges are at the cap. */
export async function saveChallenge(
  db: Db,
  row: StaffWebauthnChallengeTable,
  now: Date,
): Promise<boolean> {
  // Challenges of abandoned ceremonies go as new ones arrive.
  await db
    .deleteFrom("staff_webauthn_challenges")
    .where("expires_at", "<", now.toISOString())
    .execute();
  if (row.purpose === "sign-in") {
    const open = await db
      .selectFrom("staff_webauthn_challenges")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where("purpose", "=", "sign-in")
      .executeTakeFirstOrThrow();
    if (Number(open.n) >= MAX_OPEN_SIGN_IN_CHALLENGES) return false;
  }
  await db.insertInto("staff_webauthn_challenges").values(row).execute();
  return true;
}

/**
 * Takes a challenge out, once: deleted whether or not the answer then
 * verifies, so an answer cannot be tried twice. Undefined when it was never
 * issued, already taken, for another purpose, or expired.
 */
export async function takeChallenge(
  db: Db,
  id: string,
  purpose: StaffWebauthnChallengeTable["purpose"],
  now: Date,
): Promise<StaffWebauthnChallengeTable | undefined> {
  const row = await db
    .deleteFrom("staff_webauthn_challenges")
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
  if (!row || row.purpose !== purpose || row.expires_at <= now.toISOString()) return undefined;
  return row;
}
