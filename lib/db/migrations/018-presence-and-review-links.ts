import "server-only";
import type { Kysely } from "kysely";

/*
 * Working together on a page (issue 18).
 *
 * page_presence: who has a page's editor open. Several servers may share the
 * database, so presence lives here rather than in one server's memory. One
 * row per page and sign-in (several tabs of one sign-in share it), refreshed
 * by the editor's heartbeat; a row not refreshed for a minute counts as gone
 * and is swept away by later writes.
 *
 * review_links: "Share this draft for review". Only the SHA-256 of the
 * random token is kept, so a copy of the database opens no link. The text
 * shown is stored with the link (frontmatter and body as MDX), so the link
 * still shows what was shared after the draft is published or discarded.
 * A revoked link keeps its row (revoked_at) for the list and the audit log.
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("page_presence")
    .addColumn("page", "text", (c) => c.notNull())
    .addColumn("session_id", "text", (c) => c.notNull())
    .addColumn("account_id", "text", (c) =>
      c.notNull().references("staff_accounts.id").onDelete("cascade"),
    )
    .addColumn("since", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("page_presence_pk", ["page", "session_id"])
    .execute();

  await db.schema
    .createTable("review_links")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("page", "text", (c) => c.notNull())
    .addColumn("account_id", "text", (c) =>
      c.notNull().references("staff_accounts.id").onDelete("cascade"),
    )
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("review_links_page").on("review_links").column("page").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("review_links").execute();
  await db.schema.dropTable("page_presence").execute();
}
