import "server-only";
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./types";

/*
 * Private review links to a page's draft (018-presence-and-review-links).
 * Only the SHA-256 of a link's token is stored and looked up (an indexed
 * equality on the hash, so a lookup's time says nothing about how close a
 * guess was); lib/staff/review-links.ts issues and hashes the tokens. A link
 * opens while it is neither expired nor revoked; a revoked one keeps its row.
 */
export interface ReviewLink {
  id: string;
  page: string;
  accountId: string;
  /** The sharer's name now (their email when they have none). */
  sharedBy: string;
  createdAt: string;
  expiresAt: string;
}

export async function createReviewLink(
  db: Kysely<Database>,
  link: {
    tokenHash: string;
    page: string;
    accountId: string;
    source: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("review_links")
    .values({
      id,
      token_hash: link.tokenHash,
      page: link.page,
      account_id: link.accountId,
      source: link.source,
      created_at: link.now.toISOString(),
      expires_at: link.expiresAt.toISOString(),
      revoked_at: null,
    })
    .execute();
  return id;
}

/** The page and text behind a token's hash, while the link is live; otherwise nothing. */
export async function openReviewLink(
  db: Kysely<Database>,
  tokenHash: string,
  now: Date,
): Promise<{ page: string; source: string } | undefined> {
  return db
    .selectFrom("review_links")
    .select(["page", "source"])
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
}

/** The live links to a page, newest first, with who shared each. */
export async function liveReviewLinks(
  db: Kysely<Database>,
  page: string,
  now: Date,
): Promise<ReviewLink[]> {
  const rows = await db
    .selectFrom("review_links")
    .innerJoin("staff_accounts", "staff_accounts.id", "review_links.account_id")
    .select([
      "review_links.id",
      "review_links.page",
      "review_links.account_id",
      "review_links.created_at",
      "review_links.expires_at",
      "staff_accounts.name",
      "staff_accounts.email",
    ])
    .where("review_links.page", "=", page)
    .where("review_links.revoked_at", "is", null)
    .where("review_links.expires_at", ">", now.toISOString())
    .orderBy("review_links.created_at", "desc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    page: row.page,
    accountId: row.account_id,
    sharedBy: row.name || row.email,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  }));
}

/** Revokes a live link of this page; false when there was none to revoke. */
export async function revokeReviewLink(
  db: Kysely<Database>,
  link: { id: string; page: string },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("review_links")
    .set({ revoked_at: now.toISOString() })
    .where("id", "=", link.id)
    .where("page", "=", link.page)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Deletes links that ended (expired or revoked) before `before`: the shared
 * text goes with them, and the audit log keeps who made and revoked each.
 */
export async function pruneReviewLinks(db: Kysely<Database>, before: Date): Promise<number> {
  const cut = before.toISOString();
  const result = await db
    .deleteFrom("review_links")
    .where((eb) => eb.or([eb("expires_at", "<", cut), eb("revoked_at", "<", cut)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
