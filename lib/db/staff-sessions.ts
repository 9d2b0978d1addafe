import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "./types";

/** Remembers a signed-out session; signing out twice is harmless. */
export async function revokeStaffSession(
  db: Kysely<Database>,
  nonce: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .insertInto("revoked_staff_sessions")
    .values({ nonce, expires_at: expiresAt.toISOString() })
    .onConflict((oc) => oc.column("nonce").doNothing())
    .execute();
}

export async function isStaffSessionRevoked(db: Kysely<Database>, nonce: string): Promise<boolean> {
  const row = await db
    .selectFrom("revoked_staff_sessions")
    .select("nonce")
    .where("nonce", "=", nonce)
    .executeTakeFirst();
  return row !== undefined;
}

/** Revocations of tokens that have expired anyway are no longer needed. */
export async function pruneRevokedStaffSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db
    .deleteFrom("revoked_staff_sessions")
    .where("expires_at", "<", now.toISOString())
    .execute();
}
