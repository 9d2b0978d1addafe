import "server-only";
import type { Kysely } from "kysely";

/*
 * What staff type in the page editor, kept on the server as they type, so
 * that leaving the page, closing the tab or a session that ends never loses
 * it. One draft per person and page: `owner` and `page` are opaque keys made
 * in lib/staff/draft-key.ts. `version` counts saves, so a save made from an
 * editor that has not seen the newest draft (a second tab, an older sign-in)
 * is refused instead of overwriting it.
 *
 * It replaces editor_drafts (text kept for one sign-in's no-JavaScript
 * preview): the Preview button now saves the same draft.
 */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("page_drafts")
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("page", "text", (c) => c.notNull())
    .addColumn("saved_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("page_drafts_owner_page", ["owner", "page"])
    .execute();
  await db.schema.dropTable("editor_drafts").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("editor_drafts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .execute();
  await db.schema.dropTable("page_drafts").execute();
}
