import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "./types";

/*
 * Who has a page's editor open (018-presence-and-review-links). The editor
 * records its sign-in when it opens and again at every heartbeat; a row not
 * refreshed within PRESENCE_GONE_MS counts as gone, so a closed laptop or a
 * lost leave beacon is forgotten after a minute without anyone cleaning up.
 * Stale rows are deleted by the next write to the same page, keeping the
 * table the size of the people editing now.
 */
export const PRESENCE_GONE_MS = 60_000;

export interface PresenceKey {
  page: string;
  sessionId: string;
  accountId: string;
}

export interface Editor {
  accountId: string;
  /** The account's name now (its email when it has none). */
  name: string;
  /** When they opened the page: the earliest of their open sign-ins on it. */
  since: string;
}

const goneBefore = (now: Date) => new Date(now.getTime() - PRESENCE_GONE_MS).toISOString();

/**
 * This sign-in has the page open: a first heartbeat starts its "since", a
 * later one only moves "last seen" (a row gone stale starts afresh).
 */
export async function recordPresence(
  db: Kysely<Database>,
  key: PresenceKey,
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .deleteFrom("page_presence")
    .where("page", "=", key.page)
    .where("last_seen_at", "<", goneBefore(now))
    .execute();
  await db
    .insertInto("page_presence")
    .values({
      page: key.page,
      session_id: key.sessionId,
      account_id: key.accountId,
      since: at,
      last_seen_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(["page", "session_id"])
        .doUpdateSet({ last_seen_at: at, account_id: key.accountId }),
    )
    .execute();
}

/** The sign-in left the page (the editor's leave beacon). */
export async function removePresence(
  db: Kysely<Database>,
  key: Omit<PresenceKey, "accountId">,
): Promise<void> {
  await db
    .deleteFrom("page_presence")
    .where("page", "=", key.page)
    .where("session_id", "=", key.sessionId)
    .execute();
}

/**
 * The other people editing the page now, earliest first. The asker's own
 * account is left out whatever the sign-in, so their second tab or laptop is
 * never "someone else".
 */
export async function otherEditors(
  db: Kysely<Database>,
  page: string,
  accountId: string,
  now: Date,
): Promise<Editor[]> {
  const rows = await db
    .selectFrom("page_presence")
    .innerJoin("staff_accounts", "staff_accounts.id", "page_presence.account_id")
    .select(["page_presence.account_id", "staff_accounts.name", "staff_accounts.email"])
    .select((eb) => eb.fn.min("page_presence.since").as("since"))
    .where("page_presence.page", "=", page)
    .where("page_presence.account_id", "!=", accountId)
    .where("page_presence.last_seen_at", ">=", goneBefore(now))
    .groupBy(["page_presence.account_id", "staff_accounts.name", "staff_accounts.email"])
    .orderBy("since")
    .execute();
  return rows.map((row) => ({
    accountId: row.account_id,
    name: row.name || row.email,
    since: row.since,
  }));
}

/** Deletes rows not refreshed since `before`, on every page (the writes sweep only their own page). */
export async function prunePresence(db: Kysely<Database>, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("page_presence")
    .where("last_seen_at", "<", before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
