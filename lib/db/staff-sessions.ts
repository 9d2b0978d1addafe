import "server-only";
import type { Kysely } from "kysely";
import type { Role } from "@/lib/validations/permissions";
import type { Database, SessionEndReason, SessionStage, StaffAccountState } from "./types";

/*
 * One row per sign-in (011-staff-accounts). The cookie holds a random token;
 * only its SHA-256 is stored, so the table opens nothing by itself. Whether a
 * row still counts (idle, 8 hours, ended, account disabled) is decided in
 * lib/staff/session.ts from what findSession returns.
 */
export interface SessionRecord {
  id: string;
  accountId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  stage: SessionStage;
  userAgent: string;
  endedAt: string | null;
  account: { name: string; email: string; role: Role; state: StaffAccountState };
}

export interface NewSession {
  id: string;
  tokenHash: string;
  accountId: string;
  stage: SessionStage;
  userAgent: string;
  clientHash: string;
  now: Date;
  expiresAt: Date;
}

export async function createSession(db: Kysely<Database>, session: NewSession): Promise<void> {
  const now = session.now.toISOString();
  await db
    .insertInto("staff_sessions")
    .values({
      id: session.id,
      token_hash: session.tokenHash,
      account_id: session.accountId,
      created_at: now,
      last_seen_at: now,
      expires_at: session.expiresAt.toISOString(),
      stage: session.stage,
      user_agent: session.userAgent,
      client_hash: session.clientHash,
      ended_at: null,
      end_reason: null,
    })
    .execute();
}

/** The session a cookie's token hash names, with its account as it is now. */
export async function findSession(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom("staff_sessions as s")
    .innerJoin("staff_accounts as a", "a.id", "s.account_id")
    .select([
      "s.id",
      "s.account_id",
      "s.created_at",
      "s.last_seen_at",
      "s.expires_at",
      "s.stage",
      "s.user_agent",
      "s.ended_at",
      "a.name",
      "a.email",
      "a.role",
      "a.state",
    ])
    .where("s.token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    accountId: row.account_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    stage: row.stage,
    userAgent: row.user_agent,
    endedAt: row.ended_at,
    account: { name: row.name, email: row.email, role: row.role, state: row.state },
  };
}

/** Activity: pushes the idle limit back. */
export async function touchSession(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db
    .updateTable("staff_sessions")
    .set({ last_seen_at: now.toISOString() })
    .where("id", "=", id)
    .where("ended_at", "is", null)
    .execute();
}

/** The second step is done: the session opens the staff area. */
export async function promoteSession(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("staff_sessions")
    .set({ stage: "full", last_seen_at: now.toISOString() })
    .where("id", "=", id)
    .where("ended_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Ends one session (sign-out, or ended from the sessions list); ending it twice is harmless. */
export async function endSession(
  db: Kysely<Database>,
  id: string,
  reason: SessionEndReason,
  now: Date,
  accountId?: string,
): Promise<boolean> {
  let query = db
    .updateTable("staff_sessions")
    .set({ ended_at: now.toISOString(), end_reason: reason })
    .where("id", "=", id)
    .where("ended_at", "is", null);
  // A person ending one of their own sessions names themselves: nobody else's can be ended that way.
  if (accountId !== undefined) query = query.where("account_id", "=", accountId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Ends every open session of an account (disabled, reset, new password). */
export async function endAccountSessions(
  db: Kysely<Database>,
  accountId: string,
  reason: SessionEndReason,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable("staff_sessions")
    .set({ ended_at: now.toISOString(), end_reason: reason })
    .where("account_id", "=", accountId)
    .where("ended_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** "Sign out everywhere else": every session of the account but the one asking. */
export async function endOtherSessions(
  db: Kysely<Database>,
  accountId: string,
  keepId: string,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable("staff_sessions")
    .set({ ended_at: now.toISOString(), end_reason: "ended-by-self" })
    .where("account_id", "=", accountId)
    .where("id", "!=", keepId)
    .where("ended_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface ListedSession {
  id: string;
  accountId: string;
  accountName: string;
  accountEmail: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  stage: SessionStage;
  userAgent: string;
}

/**
 * Sessions that may still be used: not ended, within 8 hours and seen within
 * the idle limit. One account's, or everyone's (accountId omitted), newest first.
 */
export async function listSessions(
  db: Kysely<Database>,
  options: { accountId?: string; now: Date; idleMinutes: number },
): Promise<ListedSession[]> {
  const idleSince = new Date(options.now.getTime() - options.idleMinutes * 60_000);
  let query = db
    .selectFrom("staff_sessions as s")
    .innerJoin("staff_accounts as a", "a.id", "s.account_id")
    .select([
      "s.id",
      "s.account_id",
      "a.name",
      "a.email",
      "s.created_at",
      "s.last_seen_at",
      "s.expires_at",
      "s.stage",
      "s.user_agent",
    ])
    .where("s.ended_at", "is", null)
    .where("s.expires_at", ">", options.now.toISOString())
    .where("s.last_seen_at", ">", idleSince.toISOString())
    .where("a.state", "=", "active");
  if (options.accountId !== undefined) query = query.where("s.account_id", "=", options.accountId);
  const rows = await query.orderBy("s.last_seen_at", "desc").execute();
  return rows.map((row) => ({
    id: row.id,
    accountId: row.account_id,
    accountName: row.name,
    accountEmail: row.email,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    stage: row.stage,
    userAgent: row.user_agent,
  }));
}

/** Rows of sessions that ended or expired before `before` are no longer needed. */
export async function pruneStaffSessions(db: Kysely<Database>, before: Date): Promise<number> {
  const cut = before.toISOString();
  const result = await db
    .deleteFrom("staff_sessions")
    .where((eb) => eb.or([eb("expires_at", "<", cut), eb("ended_at", "<", cut)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
