import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Role } from "@/lib/validations/permissions";
import { endAccountSessions } from "./staff-sessions";
import { writeTransaction } from "./write-transaction";
import type { Database, StaffAccountState, StaffAccountTable, StaffTokenPurpose } from "./types";

/*
 * Staff accounts and their invitation/reset links (011-staff-accounts). The
 * functions the owner's accounts page and `npm run staff:invite` call live
 * here; the link's token is made and hashed in lib/staff/tokens.ts and
 * arrives here as its hash. Each change is one statement or one transaction.
 */
// Changes that read first (the last owner, a link) take turns on PostgreSQL too.
const LOCK = { lock: "staff-accounts" };

export interface StaffAccount {
  id: string;
  email: string;
  name: string;
  role: Role;
  state: StaffAccountState;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
}

export interface TokenToStore {
  hash: string;
  expiresAt: Date;
}

/** How an address is compared and stored: the same mailbox whatever the case it is typed in. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

function toAccount(row: Selectable<StaffAccountTable>): StaffAccount {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    state: row.state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

export async function countAccounts(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom("staff_accounts")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function getAccount(
  db: Kysely<Database>,
  id: string,
): Promise<StaffAccount | undefined> {
  const row = await db
    .selectFrom("staff_accounts")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toAccount(row);
}

/** For sign-in only: the account with its password hash. */
export async function findAccountForSignIn(
  db: Kysely<Database>,
  email: string,
): Promise<(StaffAccount & { passwordHash: string | null }) | undefined> {
  const row = await db
    .selectFrom("staff_accounts")
    .selectAll()
    .where("email", "=", emailKey(email))
    .executeTakeFirst();
  return row && { ...toAccount(row), passwordHash: row.password_hash };
}

export interface ListedAccount extends StaffAccount {
  /** When the pending invitation or reset link stops working; null when none is pending. */
  linkExpiresAt: string | null;
  linkPurpose: StaffTokenPurpose | null;
}

export async function listAccounts(db: Kysely<Database>): Promise<ListedAccount[]> {
  const rows = await db
    .selectFrom("staff_accounts as a")
    .leftJoin("staff_tokens as t", "t.account_id", "a.id")
    .selectAll("a")
    .select(["t.expires_at as link_expires_at", "t.purpose as link_purpose"])
    .orderBy("a.name")
    .orderBy("a.email")
    .execute();
  return rows.map((row) => ({
    ...toAccount(row),
    linkExpiresAt: row.link_expires_at,
    linkPurpose: row.link_purpose,
  }));
}

async function storeToken(
  db: Kysely<Database>,
  accountId: string,
  purpose: StaffTokenPurpose,
  token: TokenToStore,
  now: Date,
): Promise<void> {
  // One link per account: a newer one replaces the older, which stops working.
  await db.deleteFrom("staff_tokens").where("account_id", "=", accountId).execute();
  await db
    .insertInto("staff_tokens")
    .values({
      account_id: accountId,
      token_hash: token.hash,
      purpose,
      created_at: now.toISOString(),
      expires_at: token.expiresAt.toISOString(),
    })
    .execute();
}

export type InviteResult =
  { ok: true; account: StaffAccount } | { ok: false; reason: "exists"; account: StaffAccount };

/**
 * A new account in the "invited" state with its set-up link. An address that
 * already has an invitation gets a fresh link (and the role and name given
 * now); one that has an active or disabled account is refused.
 */
export async function inviteAccount(
  db: Kysely<Database>,
  input: { email: string; role: Role; name?: string; token: TokenToStore; now: Date },
): Promise<InviteResult> {
  return writeTransaction(
    db,
    async (trx) => {
      const email = emailKey(input.email);
      const existing = await trx
        .selectFrom("staff_accounts")
        .selectAll()
        .where("email", "=", email)
        .executeTakeFirst();
      const now = input.now.toISOString();
      if (existing && existing.state !== "invited") {
        return { ok: false, reason: "exists", account: toAccount(existing) };
      }
      let id = existing?.id;
      if (id) {
        await trx
          .updateTable("staff_accounts")
          .set({ role: input.role, name: input.name ?? existing!.name, updated_at: now })
          .where("id", "=", id)
          .execute();
      } else {
        id = randomUUID();
        await trx
          .insertInto("staff_accounts")
          .values({
            id,
            email,
            name: input.name ?? "",
            role: input.role,
            state: "invited",
            password_hash: null,
            created_at: now,
            updated_at: now,
            last_sign_in_at: null,
          })
          .execute();
      }
      await storeToken(trx, id, "invite", input.token, input.now);
      const account = await trx
        .selectFrom("staff_accounts")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      return { ok: true, account: toAccount(account) };
    },
    LOCK,
  );
}

/** A new invitation link for an account not yet set up; false for any other account. */
export async function resendInvite(
  db: Kysely<Database>,
  accountId: string,
  token: TokenToStore,
  now: Date,
): Promise<boolean> {
  return writeTransaction(
    db,
    async (trx) => {
      const account = await getAccount(trx, accountId);
      if (account?.state !== "invited") return false;
      await storeToken(trx, accountId, "invite", token, now);
      return true;
    },
    LOCK,
  );
}

/** Withdraws an invitation: the account, never set up, goes with its link. */
export async function revokeInvite(db: Kysely<Database>, accountId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("staff_accounts")
    .where("id", "=", accountId)
    .where("state", "=", "invited")
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * The owner's reset: the password stops working, every session of the account
 * ends, and a new link lets the person choose a new password.
 */
export async function resetAccount(
  db: Kysely<Database>,
  accountId: string,
  token: TokenToStore,
  now: Date,
): Promise<boolean> {
  return writeTransaction(
    db,
    async (trx) => {
      const result = await trx
        .updateTable("staff_accounts")
        .set({ password_hash: null, updated_at: now.toISOString() })
        .where("id", "=", accountId)
        .where("state", "=", "active")
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await endAccountSessions(trx, accountId, "account-reset", now);
      await storeToken(trx, accountId, "reset", token, now);
      return true;
    },
    LOCK,
  );
}

const RESET_EMAIL_GAP_MS = 5 * 60_000;

/**
 * The self-service "forgot password" link: unlike the owner's reset, the
 * password keeps working until the link is used (an attacker who asks for a
 * link cannot lock the person out).
 */
export async function requestPasswordReset(
  db: Kysely<Database>,
  accountId: string,
  token: TokenToStore,
  now: Date,
): Promise<boolean> {
  return writeTransaction(
    db,
    async (trx) => {
      const account = await getAccount(trx, accountId);
      if (account?.state !== "active") return false;
      // One email per few minutes: asking again and again does not flood the person's inbox.
      const recent = await trx
        .selectFrom("staff_tokens")
        .select("account_id")
        .where("account_id", "=", accountId)
        .where("purpose", "=", "reset")
        .where("created_at", ">", new Date(now.getTime() - RESET_EMAIL_GAP_MS).toISOString())
        .executeTakeFirst();
      if (recent) return false;
      await storeToken(trx, accountId, "reset", token, now);
      return true;
    },
    LOCK,
  );
}

async function otherActiveOwners(db: Kysely<Database>, accountId: string): Promise<number> {
  const row = await db
    .selectFrom("staff_accounts")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("role", "=", "owner")
    .where("state", "=", "active")
    .where("id", "!=", accountId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether this account is the only active owner: nobody else could manage accounts without it. */
export async function isLastActiveOwner(db: Kysely<Database>, accountId: string): Promise<boolean> {
  const account = await getAccount(db, accountId);
  return (
    account?.role === "owner" &&
    account.state === "active" &&
    (await otherActiveOwners(db, accountId)) === 0
  );
}

export type AccountChange = "ok" | "not-found" | "last-owner";

/** Disabled: no sign-in, no link, and its open sessions fail at their next request. */
export async function disableAccount(
  db: Kysely<Database>,
  accountId: string,
  now: Date,
): Promise<AccountChange> {
  return writeTransaction(
    db,
    async (trx) => {
      const account = await getAccount(trx, accountId);
      if (!account || account.state === "disabled") return "not-found";
      if (account.role === "owner" && (await otherActiveOwners(trx, accountId)) === 0) {
        return "last-owner";
      }
      await trx
        .updateTable("staff_accounts")
        .set({ state: "disabled", updated_at: now.toISOString() })
        .where("id", "=", accountId)
        .execute();
      await trx.deleteFrom("staff_tokens").where("account_id", "=", accountId).execute();
      await endAccountSessions(trx, accountId, "account-disabled", now);
      return "ok";
    },
    LOCK,
  );
}

/** Back to active, or to invited when no password was ever set (the owner then re-sends). */
export async function enableAccount(
  db: Kysely<Database>,
  accountId: string,
  now: Date,
): Promise<boolean> {
  const account = await db
    .selectFrom("staff_accounts")
    .select("password_hash")
    .where("id", "=", accountId)
    .where("state", "=", "disabled")
    .executeTakeFirst();
  if (!account) return false;
  await db
    .updateTable("staff_accounts")
    .set({
      state: account.password_hash ? "active" : "invited",
      updated_at: now.toISOString(),
    })
    .where("id", "=", accountId)
    .execute();
  return true;
}

/** A new role takes effect at the account's next request; the last active owner keeps theirs. */
export async function changeRole(
  db: Kysely<Database>,
  accountId: string,
  role: Role,
  now: Date,
): Promise<AccountChange> {
  return writeTransaction(
    db,
    async (trx) => {
      const account = await getAccount(trx, accountId);
      if (!account) return "not-found";
      if (
        account.role === "owner" &&
        role !== "owner" &&
        account.state === "active" &&
        (await otherActiveOwners(trx, accountId)) === 0
      ) {
        return "last-owner";
      }
      await trx
        .updateTable("staff_accounts")
        .set({ role, updated_at: now.toISOString() })
        .where("id", "=", accountId)
        .execute();
      return "ok";
    },
    LOCK,
  );
}

export interface PendingLink {
  account: StaffAccount;
  purpose: StaffTokenPurpose;
  expiresAt: string;
}

/** The account a link is for, while the link is unused and unexpired (for the set-up page). */
export async function findLink(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<PendingLink | undefined> {
  const row = await db
    .selectFrom("staff_tokens as t")
    .innerJoin("staff_accounts as a", "a.id", "t.account_id")
    .selectAll("a")
    .select(["t.purpose", "t.expires_at as link_expires_at"])
    .where("t.token_hash", "=", tokenHash)
    .where("t.expires_at", ">", now.toISOString())
    .where("a.state", "!=", "disabled")
    .executeTakeFirst();
  return row && { account: toAccount(row), purpose: row.purpose, expiresAt: row.link_expires_at };
}

/**
 * Redeems a link: sets the name and password and makes the account active, in
 * one transaction that deletes the link first, so two posts of the same link
 * cannot both succeed. After a reset every other session of the account ends.
 * Undefined when the link is unknown, used, expired or its account disabled.
 */
export async function redeemLink(
  db: Kysely<Database>,
  tokenHash: string,
  values: { name: string; passwordHash: string; now: Date },
): Promise<StaffAccount | undefined> {
  return writeTransaction(
    db,
    async (trx) => {
      const link = await findLink(trx, tokenHash, values.now);
      if (!link) return undefined;
      const deleted = await trx
        .deleteFrom("staff_tokens")
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) !== 1) return undefined;
      const now = values.now.toISOString();
      await trx
        .updateTable("staff_accounts")
        .set({
          name: values.name,
          password_hash: values.passwordHash,
          state: "active",
          updated_at: now,
        })
        .where("id", "=", link.account.id)
        .execute();
      if (link.purpose === "reset") {
        await endAccountSessions(trx, link.account.id, "password-changed", values.now);
      }
      return getAccount(trx, link.account.id);
    },
    LOCK,
  );
}

export async function recordSignIn(
  db: Kysely<Database>,
  accountId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable("staff_accounts")
    .set({ last_sign_in_at: now.toISOString() })
    .where("id", "=", accountId)
    .execute();
}
